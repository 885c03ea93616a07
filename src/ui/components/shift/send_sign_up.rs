//! The neighbour's side after signing up from a shift's link (or backing out): the answer is
//! their own signed entry on this phone, and it reaches the group only when they send it. This
//! says so and offers the same ways to send as a reply to a post: a readable message ending in
//! a link that carries the shift with their answer on it.

use crate::i18n::{fill, Msg};
use crate::model::RecordId;
use crate::ui::components::share::send::SendMessage;
use crate::ui::components::share::web;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// The heading's id, where focus moves once the answer is saved.
pub const HEADING: &str = "send-sign-up-heading";

#[component]
pub fn SendSignUp(
    id: RecordId,
    /// Whether the answer is a sign-up (or a back-out).
    yes: bool,
    /// The handle the answer was made under.
    by: String,
    task: String,
    /// When the shift is, as the shift's text says it.
    #[prop(into)]
    when: Signal<String>,
) -> impl IntoView {
    let state = AppState::get();
    let msg = if yes {
        Msg::SignUpText
    } else {
        Msg::BackOutText
    };
    let text = Signal::derive(move || {
        fill(
            state.t(msg),
            &[("handle", &by), ("task", &task), ("when", &when.get())],
        )
    });
    let url = web::shift_url(state, id);
    view! {
        <section class="send-sign-up" aria-labelledby=HEADING>
            <h2 id=HEADING tabindex="-1">{t(Msg::SendSignUpHeading)}</h2>
            <p class="waiting">{t(Msg::SendSignUpHint)}</p>
            <SendMessage id="send-sign-up" text url/>
        </section>
    }
}
