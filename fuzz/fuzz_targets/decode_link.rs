//! Any text opened as a share link gives a typed error or a board within the input limits.
#![no_main]

use circle::sources::share_link::ShareLink;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(link) = ShareLink::decode(text) {
        assert!(link.payload.into_board().check_limits().is_ok());
    }
});
