//! Widgets only the workspace's screens use.

pub mod bar_chart;
pub mod fund;
pub mod rounds;
pub mod shifts;
pub mod skills;
pub mod suggestions;
