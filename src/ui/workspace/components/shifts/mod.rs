//! The shifts' parts: one shift with its sign-ups, and the form that adds a shift.

pub mod shift_card;
pub mod shift_form;
