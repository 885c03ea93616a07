//! The parts of a post's detail screen.

pub mod body;
pub mod history;
pub mod reach;
pub mod respond;
pub mod responses;
pub mod send_post;
pub mod send_reply;
pub mod status_actions;
