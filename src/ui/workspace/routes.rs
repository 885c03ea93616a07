//! The workspace's addresses, relative to the workspace's own path (`/group`).

pub const OVERVIEW: &str = "/";
pub const MATCHING: &str = "/matching";
pub const REPORT: &str = "/report";
