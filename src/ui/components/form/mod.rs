//! Form controls with a label, an optional hint and an inline error, wired for screen readers.

pub mod char_count;
pub mod choice_field;
pub mod field_error;
pub mod lens;
pub mod options;
pub mod radio_field;
pub mod text_field;
