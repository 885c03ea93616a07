//! A board of 10,000 posts must fit in a browser's local storage twice over (the save and its
//! backup) and come back unchanged.

#[path = "support/sample.rs"]
mod sample;

use circle::store::{BoardStore, MemoryStore};

/// Chromium's local storage quota per site, in UTF-16 units.
const CHROMIUM_QUOTA: usize = 5_000_000;

#[test]
fn ten_thousand_posts_fit_twice_in_chromium_local_storage() {
    let (mut board, mut next) = sample::overlapping_pair(10_000, 2_000);
    assert_eq!(board.posts.len(), 10_000);
    let store = BoardStore::new(MemoryStore::with_quota(CHROMIUM_QUOTA));
    let info = store.save(&mut board).expect("fits");
    println!(
        "10,000 posts: snapshot JSON {} bytes, saved as {} UTF-16 units ({:.1} per post)",
        info.json_bytes,
        info.utf16_units,
        info.utf16_units as f64 / 10_000.0
    );
    assert!(info.utf16_units < CHROMIUM_QUOTA / 2);
    // A second save keeps the first as its backup: both must fit together.
    store.save(&mut next).expect("save and backup fit");
    println!(
        "save and backup together: {} UTF-16 units",
        store.inner().used()
    );
    assert!(store.inner().used() < CHROMIUM_QUOTA);
    let loaded = store.load().expect("loads");
    assert!(!loaded.recovered_from_backup());
    assert_eq!(loaded.board, next);
}
