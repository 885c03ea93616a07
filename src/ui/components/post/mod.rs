//! The parts of a post's detail screen.

pub mod history;
pub mod respond;
pub mod responses;
pub mod status_actions;
