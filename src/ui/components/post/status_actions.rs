//! The buttons that move a post along: "I can help", fulfilled, withdraw, done.

use crate::i18n::{fill, Msg};
use crate::model::validate::Checks;
use crate::model::Field;
use crate::model::{CloseReason, RecordId, Status};
use crate::ui::components::form::field_error::problem_text;
use crate::ui::routes;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// What this viewer may do with a post now. The author can withdraw it or mark it done; anyone
/// else can claim it ("I can help") and then mark it fulfilled. Which buttons show follows the
/// model's workflow, and every change is signed with the person's handle.
#[component]
pub fn StatusActions(
    id: RecordId,
    status: Status,
    /// Whether this device posted it.
    is_author: bool,
    /// The handle the post was made under; the author signs changes with it.
    author: String,
) -> impl IntoView {
    let state = AppState::get();
    let name = RwSignal::new(if is_author {
        author
    } else {
        state.prefs.with_untracked(|prefs| prefs.handle.clone())
    });
    let error = RwSignal::new(None::<String>);
    let change = move |to: Status| {
        let handle = name.get_untracked().trim().to_string();
        let mut checks = Checks::new();
        checks.text(Field::Handle, &handle, true);
        if let Err(problem) = checks.first() {
            error.set(Some(problem_text(
                state.lang.get_untracked(),
                problem.problem,
            )));
            crate::ui::platform::focus_id("helper-name");
            return;
        }
        error.set(None);
        state.prefs.update(|prefs| prefs.handle.clone_from(&handle));
        let lang = state.lang.get_untracked();
        let text = match state.set_status(id, to, &handle) {
            Ok(()) => fill(
                lang.text(Msg::StatusChanged),
                &[("status", lang.text(to.into()))],
            ),
            Err(_) => lang.text(Msg::ErrStatusChange).to_string(),
        };
        state.announce(&routes::post(id), text);
    };
    let actions: Vec<(Msg, Status, &str)> = if is_author {
        vec![
            (Msg::MarkDone, Status::Fulfilled, "button"),
            (
                Msg::Withdraw,
                Status::Closed(CloseReason::Withdrawn),
                "button secondary",
            ),
        ]
    } else {
        vec![
            (Msg::ICanHelp, Status::Matched, "button"),
            (Msg::MarkFulfilled, Status::Fulfilled, "button"),
        ]
    };
    let actions: Vec<_> = actions
        .into_iter()
        .filter(|(_, to, _)| status.can_become(*to))
        .collect();
    (!actions.is_empty()).then(|| {
        view! {
            <section class="status-actions">
                {(!is_author).then(|| view! {
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
                })}
                <div class="actions">
                    {actions
                        .into_iter()
                        .map(|(label, to, class)| view! {
                            <button class=class type="button" on:click=move |_| change(to)>
                                {t(label)}
                            </button>
                        })
                        .collect_view()}
                </div>
            </section>
        }
    })
}
