//! The group's demo posts: the notice on the board and the section in Settings.

pub mod notice;
pub mod settings_section;
