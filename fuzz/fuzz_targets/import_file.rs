//! Any bytes imported as a snapshot file give a typed error or a board within the input limits.
#![no_main]

use circle::sources::snapshot_file;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(board) = snapshot_file::import(bytes) {
        assert!(board.check_limits().is_ok());
    }
});
