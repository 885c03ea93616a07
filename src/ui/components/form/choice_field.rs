//! A labelled drop-down list.

use super::field_error::described_by;
use super::lens::Lens;
use super::options::Options;
use crate::i18n::{Msg, Text};
use crate::ui::state::t;
use leptos::prelude::*;

/// A `<select>` with its label, a "required" mark and the inline error. `options` are
/// `(value, label)` pairs; when `placeholder` is set an empty "Choose…" option comes first, so
/// nothing is chosen for the person.
#[component]
pub fn ChoiceField<L: Text>(
    id: &'static str,
    label: L,
    value: Lens,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] required: bool,
    #[prop(optional)] placeholder: bool,
) -> impl IntoView {
    let invalid = move || error.with(Option::is_some).then_some("true");
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>
                {t(label)}
                {required.then(|| view! { " " <span class="required">"(" {t(Msg::RequiredMark)} ")"</span> })}
            </label>
            <select
                id=id
                aria-describedby=described_by(id, false, false)
                aria-invalid=invalid
                aria-required=required.then_some("true")
                prop:value=move || value.get.get()
                on:change:target=move |ev| value.set.run(ev.target().value())
            >
                {placeholder.then(|| view! { <option value="">{t(Msg::ChooseOne)}</option> })}
                <Options options current=Signal::derive(move || value.get.get())/>
            </select>
            <p class="error" id=format!("{id}-error")>{move || error.get()}</p>
        </div>
    }
}
