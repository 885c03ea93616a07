//! The workspace's addresses, relative to the workspace's own path (`/group`).

pub const OVERVIEW: &str = "/";
pub const MATCHING: &str = "/matching";
pub const REPORT: &str = "/report";
pub const ROUNDS: &str = "/rounds";
pub const FUND: &str = "/fund";
pub const SHIFTS: &str = "/shifts";
pub const FLYER: &str = "/flyer";
pub const SKILLS: &str = "/skills";
pub const SHIFTS_PRINT: &str = "/shifts/print";

use crate::model::RecordId;

/// The print layout of one check-in list's round.
pub fn round_print(roster: RecordId) -> String {
    format!("/rounds/{roster}/print")
}
