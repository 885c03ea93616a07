//! The workspace's screens.

pub mod flyer;
pub mod fund;
pub mod matching;
pub mod overview;
pub mod report;
pub mod round_print;
pub mod rounds;
pub mod shift_sheet;
pub mod shifts;
pub mod skills;
