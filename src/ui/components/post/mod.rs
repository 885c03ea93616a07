//! The parts of a post's detail screen, and the form that writes a post.

pub mod body;
pub mod history;
pub mod post_form;
pub mod reach;
pub mod respond;
pub mod responses;
pub mod send_post;
pub mod send_reply;
pub mod status_actions;
