//! A labelled group of radio buttons.

use super::lens::Lens;
use crate::i18n::{Msg, Text};
use crate::ui::state::t;
use leptos::prelude::*;

/// Radio buttons in a `fieldset` whose legend asks the question, for a choice of a few options
/// that a person should see all at once. `options` are `(value, label)` pairs; `hints`, when
/// given, explain each option in one line, in the same order.
#[component]
pub fn RadioField<M: Text, L: Text>(
    id: &'static str,
    legend: M,
    value: Lens,
    options: Vec<(String, L)>,
    #[prop(optional)] hints: Vec<L>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    view! {
        <fieldset
            class="field radios"
            class:invalid=move || error.with(Option::is_some)
            id=id
            tabindex="-1"
            aria-describedby=format!("{id}-error")
        >
            <legend>
                {t(legend)}
                {required.then(|| view! { " " <span class="required">"(" {t(Msg::RequiredMark)} ")"</span> })}
            </legend>
            {options
                .into_iter()
                .enumerate()
                .map(|(index, (key, label))| {
                    let checked_key = key.clone();
                    let chosen_key = key.clone();
                    let hint = hints.get(index).copied();
                    let hint_id = hint.map(|_| format!("{id}-{key}-hint"));
                    view! {
                        <label class="check">
                            <input
                                type="radio"
                                name=id
                                value=key
                                aria-describedby=hint_id.clone()
                                prop:checked=move || value.get.get() == checked_key
                                on:change=move |_| value.set.run(chosen_key.clone())
                            />
                            {t(label)}
                        </label>
                        {hint.map(|hint| view! { <p class="hint option-hint" id=hint_id>{t(hint)}</p> })}
                    }
                })
                .collect_view()}
            <p class="error" id=format!("{id}-error")>{move || error.get()}</p>
        </fieldset>
    }
}
