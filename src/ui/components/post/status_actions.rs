//! What a viewer may do with a post now. Its author moves it along (done, withdraw, reopen); a
//! coordinator may mark it fulfilled or hide it; anyone else offers help with their own signed
//! response ("I can help"), never by changing someone else's post.

use crate::i18n::{fill, Msg};
use crate::model::edit::EditError;
use crate::model::validate::Checks;
use crate::model::{Action, CloseReason, Field, RecordId, Status, StatusError};
use crate::ui::components::form::field_error::problem_text;
use crate::ui::routes;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// Who is looking at a post, which decides the actions offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer {
    Author,
    Coordinator,
    Neighbour,
}

/// The message for a refused change: the person learns it did not take effect, and why.
pub fn refusal(error: StatusError) -> Msg {
    match error {
        StatusError::Edit(EditError::NotAuthor) => Msg::ErrNotAuthor,
        StatusError::Edit(EditError::Stale) => Msg::ErrStale,
        StatusError::Edit(EditError::NotFound(_)) | StatusError::NotAllowed { .. } => {
            Msg::ErrStatusChange
        }
    }
}

/// The buttons for the author or a coordinator, or the offer-of-help form for anyone else.
#[component]
pub fn StatusActions(
    id: RecordId,
    /// The status people see now.
    status: Status,
    viewer: Viewer,
    /// The handle the post was made under; the author's changes carry it.
    author: String,
    /// Whether this device already offered help on this post.
    responded: bool,
) -> impl IntoView {
    let state = AppState::get();
    let by = StoredValue::new(match viewer {
        Viewer::Author => author.clone(),
        Viewer::Coordinator | Viewer::Neighbour => {
            state.prefs.with_untracked(|prefs| prefs.handle.clone())
        }
    });
    let change = move |to: Status| {
        let lang = state.lang.get_untracked();
        let text = match by.with_value(|by| state.set_status(id, to, by)) {
            Ok(()) => fill(
                lang.text(Msg::StatusChanged),
                &[("status", lang.text(to.into()))],
            ),
            Err(error) => lang.text(refusal(error)).to_string(),
        };
        state.announce(&routes::post(id), text);
    };
    let actions: Vec<(Msg, Status, &str)> = match viewer {
        Viewer::Author => vec![
            (Msg::MarkDone, Status::Fulfilled, "button"),
            (
                Msg::Withdraw,
                Status::Closed(CloseReason::Withdrawn),
                "button secondary",
            ),
            (Msg::Reopen, Status::Open, "button secondary"),
        ],
        Viewer::Coordinator => vec![(Msg::MarkFulfilled, Status::Fulfilled, "button")],
        Viewer::Neighbour => Vec::new(),
    };
    let actions: Vec<_> = actions
        .into_iter()
        .filter(|(_, to, _)| {
            status.can_become(*to) || viewer == Viewer::Coordinator && status != *to
        })
        .collect();
    let hide = move |_| {
        let handle = state.prefs.with_untracked(|prefs| prefs.handle.clone());
        let lang = state.lang.get_untracked();
        let text = match state.moderate(id, Action::Hide, &handle) {
            Ok(()) => lang.text(Msg::PostHidden).to_string(),
            Err(error) => lang.text(refusal(error)).to_string(),
        };
        state.announce(routes::BOARD, text);
    };
    view! {
        <section class="status-actions">
            {(viewer == Viewer::Neighbour && status.is_active()).then(|| {
                if responded {
                    let waiting = {
                        let author = author.clone();
                        move || fill(state.t(Msg::YouResponded), &[("author", &author)])
                    };
                    view! { <p class="hint">{waiting}</p> }.into_any()
                } else {
                    view! { <OfferHelp id author=author.clone()/> }.into_any()
                }
            })}
            {(!actions.is_empty() || viewer == Viewer::Coordinator).then(|| view! {
                <div class="actions">
                    {actions
                        .into_iter()
                        .map(|(label, to, class)| view! {
                            <button class=class type="button" on:click=move |_| change(to)>
                                {t(label)}
                            </button>
                        })
                        .collect_view()}
                    {(viewer == Viewer::Coordinator).then(|| view! {
                        <button class="button secondary" type="button" on:click=hide>
                            {t(Msg::HidePost)}
                        </button>
                    })}
                </div>
            })}
        </section>
    }
}

/// "I can help": the helper's handle and a message, saved as the helper's own response. The
/// screen then says honestly that it waits on this phone until it is sent back.
#[component]
fn OfferHelp(id: RecordId, author: String) -> impl IntoView {
    let state = AppState::get();
    let name = RwSignal::new(state.prefs.with_untracked(|prefs| prefs.handle.clone()));
    let message = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let offer = move |_| {
        let handle = name.get_untracked().trim().to_string();
        let text = message.get_untracked().trim().to_string();
        let mut checks = Checks::new();
        checks.text(Field::Handle, &handle, true);
        checks.text(Field::Note, &text, false);
        if let Err(problem) = checks.first() {
            error.set(Some(problem_text(
                state.lang.get_untracked(),
                problem.problem,
            )));
            crate::ui::platform::focus_id("helper-name");
            return;
        }
        error.set(None);
        let lang = state.lang.get_untracked();
        let text = match state.respond(id, &handle, text, None) {
            Ok(()) => fill(lang.text(Msg::ResponseSaved), &[("author", &author)]),
            Err(error) => lang.text(refusal(error.into())).to_string(),
        };
        state.announce(&routes::post(id), text);
    };
    view! {
        <div class="field">
            <label for="helper-name">{t(Msg::FieldHandle)}</label>
            <input
                id="helper-name"
                type="text"
                autocomplete="nickname"
                aria-describedby="helper-name-error"
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                bind:value=name
            />
            <p id="helper-name-error" class="error">{move || error.get()}</p>
        </div>
        <div class="field">
            <label for="helper-message">{t(Msg::FieldMessage)}</label>
            <textarea id="helper-message" rows="2" maxlength="1000" bind:value=message></textarea>
        </div>
        <div class="actions">
            <button class="button" type="button" on:click=offer>{t(Msg::ICanHelp)}</button>
        </div>
    }
}
