#[path = "../tests/support/sample.rs"]
mod sample;
use circle::model::trust::gate::Gate;
use circle::model::*;
use circle::sources::sheet::{read_posts, SheetOptions};
use std::time::Instant;
fn main() {
    let authors: Vec<Signer> = (1..=12u8).map(|n| Signer::from_seed([n; 32])).collect();
    let board = sample::signed_posts(0..10_000, &authors);
    let text = Snapshot::encode(&board);
    let sheet = sample::request_sheet(10_000);
    let config = GroupConfig::default();
    let t = Instant::now();
    let decoded = Snapshot::import(&text).unwrap();
    eprintln!("decode {:?}", t.elapsed());
    let t = Instant::now();
    let read = read_posts(sheet.as_bytes(), SheetOptions::new(&config)).unwrap();
    eprintln!("sheet unsigned {:?}", t.elapsed());
    let key = Signer::from_seed([77; 32]);
    let t = Instant::now();
    let _signed = read_posts(
        sheet.as_bytes(),
        SheetOptions {
            signer: Some(&key),
            ..SheetOptions::new(&config)
        },
    )
    .unwrap();
    eprintln!("sheet signed {:?}", t.elapsed());
    let empty = Board::default();
    let t = Instant::now();
    let admitted = Gate {
        current: &empty,
        now_ms: 1_800_000_000_000,
        coordinators: &[],
    }
    .admit(decoded);
    eprintln!("gate snapshot {:?}", t.elapsed());
    let mut merged = admitted.board;
    let mut sb = Board::default();
    for (_, p) in read.records {
        sb.add_post(p);
    }
    let t = Instant::now();
    let admitted = Gate {
        current: &merged,
        now_ms: 1_800_000_000_000,
        coordinators: &[],
    }
    .admit(sb);
    merged.absorb(admitted.board);
    eprintln!("gate+absorb sheet {:?}", t.elapsed());
    let t = Instant::now();
    let public = merged.redacted(Audience::Public);
    eprintln!("redact {:?}", t.elapsed());
    let t = Instant::now();
    let out = Snapshot::encode(&public);
    eprintln!("encode {:?} {}", t.elapsed(), out.len());
    let view = circle::publish::api::View {
        board: &public,
        config: &config,
        published_ms: 1_796_083_200_000,
        site_url: None,
    };
    let t = Instant::now();
    let p = view.posts();
    eprintln!("posts.json {:?} {}", t.elapsed(), p.len());
    let t = Instant::now();
    let i = view.index();
    let h = circle::publish::html::board(&view, circle::i18n::Lang::En);
    eprintln!("index+html {:?} {} {}", t.elapsed(), i.len(), h.len());
}
