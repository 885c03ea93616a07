//! Lists of posts and the board's tools.

pub mod copy_asks;
pub mod filters;
pub mod group_sync;
pub mod post_card;
pub mod post_list;
pub mod write_back_line;
