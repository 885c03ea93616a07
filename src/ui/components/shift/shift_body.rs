//! What a shift says, laid out for reading: the task as a heading, when and where, the flagged
//! gap and who signed up. The same on the workspace's card, a shift's own page and a link's
//! preview; only the heading's level differs.

use super::shift_text::ShiftText;
use crate::i18n::Msg;
use crate::ui::state::t;
use leptos::prelude::*;

#[component]
pub fn ShiftBody(
    text: ShiftText,
    /// 1 on the shift's own page, 2 on a card in a list, 3 in a link's preview (under the
    /// preview's own heading).
    level: u8,
    /// Why it takes no sign-up, when that is in question (see `opening_note`).
    note: Option<Msg>,
) -> impl IntoView {
    let task = text.task.clone();
    let heading = match level {
        1 => view! { <h1 dir="auto">{task}</h1> }.into_any(),
        2 => view! { <h2 class="card-title" dir="auto">{task}</h2> }.into_any(),
        _ => view! { <h3 class="card-title" dir="auto">{task}</h3> }.into_any(),
    };
    view! {
        {heading}
        <p class="card-meta">
            <span>{text.when}</span>
            {(!text.place.is_empty()).then(|| view! { <span dir="auto">{text.place}</span> })}
        </p>
        <p class="flag" class:flag-warn=text.short>{text.gap}</p>
        <p dir="auto">{text.signed_up}</p>
        {note.map(|msg| view! { <p class="advice">{t(msg)}</p> })}
    }
}
