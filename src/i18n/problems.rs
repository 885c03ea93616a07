//! What the model's typed errors say to people: a validation problem, a field's name, a
//! record, a refusal by the trust gate. Shared by the screens and `publish`.

use super::{fill, Lang, Msg};
use crate::model::{Field, PhoneError, Problem, RecordKind, RecordRef, Refusal, Refused};

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

/// Why the trust gate left a record out, in `lang`, naming the record.
pub fn refusal_text(lang: Lang, refusal: &Refusal) -> String {
    let (msg, field) = match refusal.reason {
        Refused::BadSignature => (Msg::RefBadSignature, None),
        Refused::ForgedAuthor => (Msg::RefForgedAuthor, None),
        Refused::UnsignedChange => (Msg::RefUnsignedChange, None),
        Refused::FutureStamp => (Msg::RefFutureStamp, None),
        Refused::TooMany(field) => (Msg::RefTooMany, Some(field)),
        Refused::BadResponse => (Msg::RefBadResponse, None),
        Refused::NotCoordinator => (Msg::RefNotCoordinator, None),
        Refused::BadEntry => (Msg::RefBadEntry, None),
    };
    let field = field.map_or("", |field| lang.text(field_name(field)));
    fill(
        lang.text(msg),
        &[
            ("record", &record_text(lang, refusal.record)),
            ("field", field),
        ],
    )
}

/// "post 00ab…": the kind of record in words, and its id so a coordinator can find it.
pub fn record_text(lang: Lang, record: RecordRef) -> String {
    let msg = match record.kind {
        RecordKind::Post => Msg::RecPost,
        RecordKind::Match => Msg::RecMatch,
        RecordKind::Resource => Msg::RecResource,
        RecordKind::Roster => Msg::RecRoster,
        RecordKind::Shift => Msg::RecShift,
        RecordKind::FundEntry => Msg::RecFundEntry,
        RecordKind::Skill => Msg::RecSkill,
    };
    fill(lang.text(msg), &[("id", &record.id.to_string())])
}

pub fn field_name(field: Field) -> Msg {
    match field {
        Field::Title => Msg::FldTitle,
        Field::Details => Msg::FldDetails,
        Field::Category => Msg::FldCategory,
        Field::Area => Msg::FldArea,
        Field::Author => Msg::FldAuthor,
        Field::ContactValue => Msg::FldContact,
        Field::Languages => Msg::FldLanguages,
        Field::Quantity => Msg::FldQuantity,
        Field::PrivateNote => Msg::FldPrivateNote,
        Field::Name => Msg::FldName,
        Field::Hours => Msg::FldHours,
        Field::Accepts => Msg::FldAccepts,
        Field::Needs => Msg::FldNeeds,
        Field::Serves => Msg::FldServes,
        Field::Note => Msg::FldNote,
        Field::Handle => Msg::FldHandle,
        Field::Task => Msg::FldTask,
        Field::HeadCount => Msg::FldHeadCount,
        Field::Purpose => Msg::FldPurpose,
        Field::Amount => Msg::FldAmount,
        Field::Skill => Msg::FldSkill,
        Field::Cadence => Msg::FldCadence,
        Field::History => Msg::FldHistory,
        Field::Responses => Msg::FldResponses,
        Field::Moderation => Msg::FldModeration,
        Field::Reports => Msg::FldReports,
        Field::People => Msg::FldPeople,
        Field::CheckIns => Msg::FldCheckIns,
        Field::Signups => Msg::FldSignups,
        Field::Minutes => Msg::FldMinutes,
        Field::Swaps => Msg::FldSwaps,
    }
}
