//! Past the checksum: the first two bytes pick the tag, the rest is sealed as the link's JSON,
//! so the fuzzer explores inflate's output parsers rather than guessing CRC-32s.
#![no_main]

use circle::sources::link_frame;
use circle::sources::share_link::ShareLink;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [kind, audience, json @ ..] = data else {
        return;
    };
    let kind = if kind % 2 == 0 { b'p' } else { b'b' };
    let audience = if audience % 2 == 0 { b'p' } else { b'g' };
    let link = link_frame::seal([kind, audience], json);
    if let Ok(link) = ShareLink::decode(&link) {
        assert!(link.payload.into_board().check_limits().is_ok());
    }
});
