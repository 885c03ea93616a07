//! Benchmarks of the board at the size a busy group reaches: 10,000 posts. Targets on a 2-core
//! machine: merge ≤ 20 ms, filter ≤ 2 ms, snapshot decode ≤ 30 ms, `publish` of a 10,000-post
//! snapshot and a 10,000-row sheet ≤ 1 s, the needs report and one ask's matching suggestions
//! ≤ 50 ms each. Run with `make bench` or
//! `cargo bench --bench board`; with `CIRCLE_BENCH_CPU=1` they measure the process's CPU time
//! (summed over its threads) instead of wall time, which stays honest while other work shares
//! the machine.

#[path = "support/cpu_time.rs"]
mod cpu_time;
#[path = "../tests/support/sample.rs"]
mod sample;

use circle::i18n::{search_labels, Lang};
use circle::model::trust::check::Local;
use circle::model::trust::gate::Gate;
use circle::model::trust::vouch;
use circle::model::{
    Board, BoardFilter, Day, GroupConfig, PostKind, Signer, Snapshot, StatusFilter,
};
use circle::store::frame;
use criterion::measurement::Measurement;
use criterion::{black_box, BatchSize, Criterion};

const POSTS: u64 = 10_000;

fn merge<M: Measurement + 'static>(c: &mut Criterion<M>) {
    // Two copies of 10,000 posts sharing 20 % of them, with concurrent edits on both sides.
    // The app keeps the merged board, so each run hands it back and freeing it is not timed.
    let (mine, theirs) = sample::overlapping_pair(POSTS, POSTS / 5);
    c.bench_function("merge_in 10k + 10k posts, 20% shared", |b| {
        b.iter_batched(
            || mine.clone(),
            |mut board| (black_box(board.merge_in(&theirs)), board),
            BatchSize::LargeInput,
        )
    });
    // A board read from a source is owned, so its new posts move in instead of being copied.
    c.bench_function("absorb 10k + 10k posts, 20% shared", |b| {
        b.iter_batched(
            || (mine.clone(), theirs.clone()),
            |(mut board, incoming)| (black_box(board.absorb(incoming)), board),
            BatchSize::LargeInput,
        )
    });
}

fn filter<M: Measurement + 'static>(c: &mut Criterion<M>) {
    let (board, _) = sample::overlapping_pair(POSTS, POSTS / 5);
    let narrow = BoardFilter {
        kind: Some(PostKind::Ask),
        category: Some("food".into()),
        status: Some(StatusFilter::Active),
        ..BoardFilter::default()
    };
    c.bench_function("filter 10k posts: kind + category + status", |b| {
        b.iter(|| black_box(board.filter(&narrow)).len())
    });
    // Two searches neither of which narrows the other, so each run reads every post afresh.
    let searches = ["cafe nearby", "Peñalolén"].map(|text| BoardFilter {
        text: text.into(),
        ..BoardFilter::default()
    });
    let mut turn = 0;
    c.bench_function("filter 10k posts: text search, fresh", |b| {
        b.iter(|| {
            turn += 1;
            black_box(board.filter(&searches[turn % 2])).len()
        })
    });
    // A word typed a letter at a time: each search reads only what the one before it found.
    let typed = ["c", "ca", "caf", "cafe"].map(|text| BoardFilter {
        text: text.into(),
        ..BoardFilter::default()
    });
    c.bench_function("filter 10k posts: text search, typed", |b| {
        b.iter(|| {
            turn += 1;
            black_box(board.filter(&typed[turn % 4])).len()
        })
    });
    // As on the board screen: words that the names of categories (in English and Spanish)
    // hold as well as posts, and one that is a plural.
    let names = search_labels(&GroupConfig::default(), &[Lang::En, Lang::Es]);
    let named = ["comida", "rides nearby"].map(|text| BoardFilter {
        text: text.into(),
        ..BoardFilter::default()
    });
    c.bench_function("filter 10k posts: text search with category names", |b| {
        b.iter(|| {
            turn += 1;
            black_box(board.filter_with(&named[turn % 2], &names)).len()
        })
    });
    c.bench_function("filter 10k posts: everything, sorted", |b| {
        b.iter(|| black_box(board.filter(&BoardFilter::default())).len())
    });
}

fn snapshot<M: Measurement + 'static>(c: &mut Criterion<M>) {
    let (board, _) = sample::overlapping_pair(POSTS, POSTS / 5);
    let text = Snapshot::encode(&board);
    c.bench_function("snapshot encode 10k posts", |b| {
        b.iter(|| black_box(Snapshot::encode(&board)).len())
    });
    // The app keeps the board it decodes, so freeing it is not part of the measure.
    c.bench_function("snapshot decode 10k posts", |b| {
        b.iter_with_large_drop(|| Snapshot::decode(&text))
    });
    let stored = frame::encode(&board).text;
    let mut group = c.benchmark_group("storage");
    group.sample_size(10);
    group.bench_function("save frame 10k posts (encode, deflate, pack)", |b| {
        b.iter(|| black_box(frame::encode(&board)).text.len())
    });
    group.bench_function("load frame 10k posts (unpack, inflate, decode)", |b| {
        b.iter_with_large_drop(|| frame::decode(&stored))
    });
    group.finish();
}

/// The trust gate on a 10,000-post board from outside, every post signed and new here: one
/// signature check a post. The same board again is checked no further (each post is compared
/// with the copy already here).
fn gate<M: Measurement + 'static>(c: &mut Criterion<M>) {
    let authors: Vec<Signer> = (1..=12u8).map(|n| Signer::from_seed([n; 32])).collect();
    let incoming = sample::signed_posts(0..POSTS, &authors);
    let empty = Board::default();
    let gate_on = |current| Gate {
        current,
        now_ms: 1_800_000_000_000,
        coordinators: &[],
        checker: &Local,
    };
    let mut group = c.benchmark_group("gate");
    group.sample_size(10);
    group.bench_function("verify 10k signed posts, all new", |b| {
        b.iter_batched(
            || incoming.clone(),
            |board| black_box(gate_on(&empty).admit(board)),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("verify 10k signed posts, all here already", |b| {
        b.iter_batched(
            || incoming.clone(),
            |board| black_box(gate_on(&incoming).admit(board)),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// `publish` as the deploy workflow runs it, in memory: a 10,000-post snapshot of signed posts
/// (each checked by the gate) and a 10,000-row request form, merged, redacted and written as the
/// four API files and the HTML board. The sheet is read unsigned, and signed with a sheet key
/// (one signature a row, and the gate checks each); and as a daily refresh, where the snapshot
/// is the group's own last board.json with its signature (`trust::vouch`), so no post in it is
/// checked again.
fn publish<M: Measurement + 'static>(c: &mut Criterion<M>) {
    use circle::publish::{publish, Holds, Inputs, Source};
    let authors: Vec<Signer> = (1..=12u8).map(|n| Signer::from_seed([n; 32])).collect();
    let snapshot = Snapshot::encode(&sample::signed_posts(0..POSTS, &authors));
    let sheet = sample::request_sheet(POSTS);
    let inputs = |signer: Option<Signer>, sig: Option<Vec<u8>>| Inputs {
        config: GroupConfig::from_json(
            r#"{"name":"Riverside Mutual Aid","languages":["en","es"]}"#,
        )
        .unwrap_or_default(),
        sources: vec![
            Source {
                name: "board.json".into(),
                bytes: snapshot.clone().into_bytes(),
                sheet: None,
                sig,
            },
            Source {
                name: "requests.csv".into(),
                bytes: sheet.clone().into_bytes(),
                sheet: Some(Holds::Asks),
                sig: None,
            },
        ],
        signer,
        group_key: None,
        now_ms: Some(1_796_083_200_000),
        clock_ms: 1_796_083_200_000,
        site_url: None,
        lang: None,
        page: None,
    };
    let unsigned = inputs(None, None);
    let key = Signer::from_seed([77; 32]);
    let signed = inputs(Some(key.clone()), None);
    // A daily refresh: the snapshot is the board.json this group published last time, with the
    // board.json.sig its sheet key wrote beside it.
    let own = vouch::sign(&key, snapshot.as_bytes()).into_bytes();
    let refresh = inputs(Some(key), Some(own));
    let mut group = c.benchmark_group("publish");
    group.sample_size(10);
    group.bench_function("10k-post snapshot + 10k-row sheet, unsigned sheet", |b| {
        b.iter_with_large_drop(|| publish(&unsigned))
    });
    group.bench_function("10k-post snapshot + 10k-row sheet, sheet key", |b| {
        b.iter_with_large_drop(|| publish(&signed))
    });
    group.bench_function(
        "10k-post snapshot + 10k-row sheet, sheet key, snapshot the group's own signed board.json",
        |b| b.iter_with_large_drop(|| publish(&refresh)),
    );
    group.finish();
}

/// The coordinators' views of a 10,000-post board, about half asks and half offers.
fn workspace<M: Measurement + 'static>(c: &mut Criterion<M>) {
    let (board, _) = sample::overlapping_pair(POSTS, POSTS / 5);
    let config = GroupConfig::default();
    let now = board.newest_stamp().map_or(0, |stamp| stamp.ms);
    c.bench_function("needs report of 10k posts", |b| {
        b.iter(|| black_box(board.needs_report(&config, now)))
    });
    let ask = board
        .posts()
        .find(|post| post.kind == PostKind::Ask)
        .map(|post| post.id)
        .expect("the sample board has asks");
    let today = Day::from_ms(now);
    c.bench_function("matching suggestions for one ask among 10k posts", |b| {
        b.iter(|| black_box(board.suggestions(ask, today, 10)))
    });
}

fn run<M: Measurement + 'static>(mut c: Criterion<M>) {
    merge(&mut c);
    gate(&mut c);
    filter(&mut c);
    snapshot(&mut c);
    publish(&mut c);
    workspace(&mut c);
    c.final_summary();
}

fn main() {
    let c = Criterion::default().configure_from_args();
    if std::env::var_os("CIRCLE_BENCH_CPU").is_some() {
        run(c.with_measurement(cpu_time::ProcessCpu));
    } else {
        run(c);
    }
}
