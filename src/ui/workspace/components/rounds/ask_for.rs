//! "Post an ask for {name}": after a check-in found someone needs something, the volunteer
//! writes the ask with the board's own post form, and the ask and the check-in are saved
//! together. The check-in links the ask; the ask, public like any other, says nothing of the
//! person or their check-in list. The volunteer may also save the check-in without an ask.

use super::check_in_form::{said, Checked};
use crate::i18n::fill;
use crate::i18n::workspace::WorkMsg;
use crate::model::{PostDraft, PostKind, RecordId};
use crate::ui::components::post::post_form::PostForm;
use crate::ui::platform;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

#[component]
pub fn AskFor(
    /// The roster and the person on it.
    place: (RecordId, RecordId),
    name: String,
    /// The check-in as filled in, saved with the ask.
    check_in: Checked,
    recording: RwSignal<Option<RecordId>>,
) -> impl IntoView {
    let state = AppState::get();
    let heading = format!("ask-for-{}", place.1);
    // The check-in form the volunteer just sent is gone: they continue at this step's heading.
    let focus = heading.clone();
    Effect::new(move |_| platform::focus_id(&focus));
    let Checked { draft, by } = check_in;
    let on_post = Callback::new({
        let (draft, by, name) = (draft.clone(), by.clone(), name.clone());
        move |ask: PostDraft| {
            let saved = state
                .check_in_with_ask(place, draft.clone(), &by, ask)
                .map(|_| ());
            said(state, saved, WorkMsg::AskPostedFor, &name, recording);
        }
    });
    let title = fill(
        state.lang.get_untracked().work(WorkMsg::PostAskFor),
        &[("name", &name)],
    );
    let without = move |_| {
        let saved = state.check_in(place, draft.clone(), &by);
        said(state, saved, WorkMsg::CheckInSaved, &name, recording);
    };
    let labelled_by = heading.clone();
    view! {
        <section class="ask-for" aria-labelledby=labelled_by>
            <h4 id=heading tabindex="-1" dir="auto">{title}</h4>
            <p class="hint">{t(WorkMsg::AskForPrivacy)}</p>
            <PostForm
                kind=PostKind::Ask
                draft_key=format!("draft.ask-for.{}", place.1)
                submit=WorkMsg::SubmitAskFor
                on_post
            />
            <p>
                <button type="button" class="secondary" on:click=without>{t(WorkMsg::SaveWithoutAsk)}</button>
            </p>
        </section>
    }
}
