//! Form controls with a label, an optional hint and an inline error, wired for screen readers,
//! and the state and actions every form shares.

pub mod char_count;
pub mod choice_field;
pub mod field_error;
pub mod form_actions;
pub mod form_state;
pub mod handle_field;
pub mod lens;
pub mod options;
pub mod radio_field;
pub mod text_field;
