//! The places a group lists: their cards, and the condition report anyone can send.

pub mod place_card;
pub mod report_form;
