//! The end of every form: its submit button, "Start over", and the undo that follows it.

use super::form_state::{Answers, FormState};
use crate::i18n::{Msg, Text};
use crate::ui::state::t;
use leptos::prelude::*;

#[component]
pub fn FormActions<F: Answers, T: Send + Sync + 'static, M: Text>(
    form: FormState<F, T>,
    submit: M,
) -> impl IntoView {
    view! {
        <div class="actions">
            <button class="button" type="submit">{t(submit)}</button>
            <button class="button secondary" type="button" on:click=move |_| form.start_over()>
                {t(Msg::ClearForm)}
            </button>
        </div>
        <div class="undo" aria-live="polite">
            <Show when=move || form.can_undo()>
                <p>
                    {t(Msg::FormCleared)} " "
                    <button class="button secondary" type="button" on:click=move |_| form.undo()>
                        {t(Msg::Undo)}
                    </button>
                </p>
            </Show>
        </div>
    }
}

/// The line above a refused form that says how many problems to fix, read out at once.
#[component]
pub fn FormSummary<F: Answers, T: Send + Sync + 'static>(form: FormState<F, T>) -> impl IntoView {
    view! { <p class="form-summary" role="alert">{move || form.summary()}</p> }
}
