//! Writes the boards the page benchmark loads into Chromium (`make bench` runs it): for each
//! size, the board as this device would have saved it (`board-N.stored.txt`, the store's own
//! frame) and as a snapshot file to import (`board-N.json`), every post signed by one of a
//! dozen authors, so an import pays for checking each signature as a real one does. Same
//! generator as the criterion benchmarks, so the native and page figures describe the same
//! boards. Beside each snapshot, `board-N.json.sig`: its signature by a group's publishing key,
//! as `publish` writes it (`trust::vouch`), whose public half is in `publish-key.txt`.
//!
//! Usage: cargo run --release --example bench_boards -- OUT_DIR SIZE...

#[path = "../tests/support/sample.rs"]
mod sample;

use circle::model::trust::vouch;
use circle::model::{Signer, Snapshot};
use circle::store::frame;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().unwrap_or_else(|| "target/bench".into()));
    let sizes: Vec<u64> = args.filter_map(|size| size.parse().ok()).collect();
    if let Err(error) = std::fs::create_dir_all(&out) {
        eprintln!("cannot create {}: {error}", out.display());
        std::process::exit(1);
    }
    let group = Signer::from_seed([99; 32]);
    write(&out.join("publish-key.txt"), group.key().to_string());
    for size in sizes {
        let authors: Vec<Signer> = (1..=12u8).map(|n| Signer::from_seed([n; 32])).collect();
        let board = sample::signed_posts(0..size, &authors);
        let stored = frame::encode(&board);
        let snapshot = Snapshot::encode(&board);
        let sig = vouch::sign(&group, snapshot.as_bytes());
        let files = [
            (format!("board-{size}.stored.txt"), stored.text.clone()),
            (format!("board-{size}.json"), snapshot),
            (format!("board-{size}.json{}", vouch::SUFFIX), sig),
        ];
        for (name, text) in files {
            write(&out.join(name), text);
        }
        eprintln!(
            "{size} posts: stored {} UTF-16 units, snapshot {} bytes",
            stored.utf16_units(),
            stored.json_bytes
        );
    }
}

fn write(path: &std::path::Path, text: String) {
    if let Err(error) = std::fs::write(path, text) {
        eprintln!("cannot write {}: {error}", path.display());
        std::process::exit(1);
    }
}
