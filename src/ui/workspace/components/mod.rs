//! Widgets only the workspace's screens use.

pub mod bar_chart;
pub mod rounds;
pub mod suggestions;
