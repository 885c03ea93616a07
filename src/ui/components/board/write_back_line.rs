//! Under the group's board, where this phone's changes for the group's sheet stand: in the
//! sheet, on their way, or waiting on the phone and why. Shown only when the group has a
//! write-back endpoint, and only once there is something to say.

use crate::i18n::{fill, Counted, Lang, Msg};
use crate::sources::write_back::AnswerError;
use crate::ui::format;
use crate::ui::remote::FetchError;
use crate::ui::state::AppState;
use crate::ui::write_back::{SendError, WriteBackState, TIMEOUT};
use leptos::prelude::*;

#[component]
pub fn WriteBackLine() -> impl IntoView {
    let state = AppState::get();
    let text = move || {
        let lang = state.lang.get();
        state.write_back.with(|write_back| line(lang, write_back))
    };
    view! { <p class="write-back" role="status">{text}</p> }
}

fn line(lang: Lang, state: &WriteBackState) -> String {
    let counted = |message: Counted| {
        let count = format::number(lang, state.waiting);
        (lang.counted(message, state.waiting as u64), count)
    };
    match (&state.last, state.waiting) {
        (None, 0) => String::new(),
        (Some(Ok(at)), 0) => fill(
            lang.text(Msg::WriteBackDoneAt),
            &[("when", &format::moment(lang, *at))],
        ),
        (Some(Err(error)), _) if !state.sending => {
            let (text, count) = counted(Counted::WriteBackWaiting);
            fill(
                text,
                &[("count", &count), ("reason", &reason(lang, *error))],
            )
        }
        _ => {
            let (text, count) = counted(Counted::WriteBackSending);
            fill(text, &[("count", &count)])
        }
    }
}

fn reason(lang: Lang, error: SendError) -> String {
    match error {
        SendError::Fetch(FetchError::Offline) => lang.text(Msg::WriteBackOffline).to_string(),
        SendError::Fetch(FetchError::Timeout) => fill(
            lang.text(Msg::SyncTimeout),
            &[("seconds", &TIMEOUT.as_secs().to_string())],
        ),
        SendError::Fetch(FetchError::Status(status)) => fill(
            lang.text(Msg::WriteBackStatus),
            &[("status", &status.to_string())],
        ),
        SendError::Answer(AnswerError::NotTheScript) => {
            lang.text(Msg::WriteBackNotScript).to_string()
        }
        SendError::Answer(AnswerError::Refused) => lang.text(Msg::WriteBackRefused).to_string(),
    }
}
