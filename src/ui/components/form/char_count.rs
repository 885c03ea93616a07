//! How much of a length limit a text field has used, shown while typing.

use crate::i18n::{fill, Counted, Msg};
use crate::ui::format;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// How close to the limit a person must be before a screen reader is told: announcing every
/// keystroke would drown what they type.
const WARN_WITHIN: usize = 20;

/// "37 of 120 characters" under a field, tied to it (`{id}-count`) so it is read with the
/// field, and turning to an error colour past the limit. A polite live region speaks up only
/// near the limit ("12 characters left") or past it ("5 characters too many"), so a person learns
/// of the limit while typing, not only after submitting. Counts what the check counts: the text
/// trimmed, in characters.
#[component]
pub fn CharCount(id: &'static str, text: Signal<String>, max: usize) -> impl IntoView {
    let state = AppState::get();
    let used = Memo::new(move |_| text.with(|text| text.trim().chars().count()));
    let shown = move || {
        let lang = state.lang.get();
        fill(
            lang.text(Msg::CharsCount),
            &[
                ("count", &format::number(lang, used.get())),
                ("max", &format::number(lang, max)),
            ],
        )
    };
    let warning = move || {
        let lang = state.lang.get();
        let used = used.get();
        let (msg, n) = if used > max {
            (Counted::CharsOver, used - max)
        } else if max - used <= WARN_WITHIN {
            (Counted::CharsLeft, max - used)
        } else {
            return String::new();
        };
        fill(
            lang.counted(msg, n as u64),
            &[("count", &format::number(lang, n))],
        )
    };
    let over = move || used.get() > max;
    view! {
        <p class="hint char-count" class:over=over id=format!("{id}-count")>
            {shown}
        </p>
        <p class="visually-hidden" aria-live="polite">{warning}</p>
    }
}
