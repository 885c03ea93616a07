//! What a validation problem says to the person, and where it is shown.

use crate::i18n::{fill, Lang, Msg};
use crate::model::{PhoneError, Problem};

/// The model's problem as a sentence in `lang`, with its limits filled in.
pub fn problem_text(lang: Lang, problem: Problem) -> String {
    match problem {
        Problem::Missing => lang.text(Msg::ErrRequired).to_string(),
        Problem::TooLong { max } => fill(lang.text(Msg::ErrTooLong), &[("max", &max.to_string())]),
        Problem::TooMany { max } => fill(lang.text(Msg::ErrTooMany), &[("max", &max.to_string())]),
        Problem::NotInList => lang.text(Msg::ErrUnknownChoice).to_string(),
        Problem::BadCharacter => lang.text(Msg::ErrBadCharacter).to_string(),
        Problem::OutOfRange { min, max } => fill(
            lang.text(Msg::ErrOutOfRange),
            &[("min", &min.to_string()), ("max", &max.to_string())],
        ),
        Problem::Phone(error) => lang.text(phone_problem(error)).to_string(),
        Problem::NotEmail => lang.text(Msg::ErrNotEmail).to_string(),
    }
}

fn phone_problem(error: PhoneError) -> Msg {
    match error {
        PhoneError::ExtraText => Msg::ErrPhoneExtraText,
        PhoneError::NoCountryCode => Msg::ErrPhoneNoCountryCode,
        PhoneError::UnknownCountryCode => Msg::ErrPhoneUnknownCountryCode,
        PhoneError::TooShort => Msg::ErrPhoneTooShort,
        PhoneError::TooLong => Msg::ErrPhoneTooLong,
    }
}

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
