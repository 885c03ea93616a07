//! What a validation problem says to the person, and where it is shown.

pub use crate::i18n::problems::problem_text;

/// The ids a control is described by: its hint and note, if any, and its error line.
pub fn described_by(id: &str, has_hint: bool, has_note: bool) -> String {
    let mut ids = String::new();
    if has_hint {
        ids += &format!("{id}-hint ");
    }
    if has_note {
        ids += &format!("{id}-note ");
    }
    ids + &format!("{id}-error")
}
