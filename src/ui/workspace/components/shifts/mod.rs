//! The shifts' parts: one shift with its sign-ups, the link that shares it, and the form that
//! adds a shift.

pub mod shift_card;
pub mod shift_form;
pub mod shift_share;
