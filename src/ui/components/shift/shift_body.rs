//! What a shift says under its task's heading, laid out for reading: when and where, the
//! flagged gap, who signed up, and why it takes no sign-up when it does not. The same on the
//! workspace's card, a shift's own page and a link's preview; each puts the task in a heading
//! of its own level before it.

use super::shift_text::ShiftText;
use crate::i18n::Msg;
use crate::ui::state::t;
use leptos::prelude::*;

#[component]
pub fn ShiftBody(
    text: ShiftText,
    /// Why it takes no sign-up, when that is in question (see `opening_note`).
    note: Option<Msg>,
) -> impl IntoView {
    view! {
        <p class="card-meta">
            <span>{text.when}</span>
            {(!text.place.is_empty()).then(|| view! { <span dir="auto">{text.place}</span> })}
        </p>
        <p class="flag" class:flag-warn=text.short>{text.gap}</p>
        <p dir="auto">{text.signed_up}</p>
        {note.map(|msg| view! { <p class="advice">{t(msg)}</p> })}
    }
}
