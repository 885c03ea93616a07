//! A labelled one-line or multi-line text control.

use super::char_count::CharCount;
use super::field_error::described_by;
use super::lens::Lens;
use crate::i18n::{Msg, Text};
use crate::ui::state::t;
use leptos::prelude::*;

/// A text input (or a text area when `multiline`) with its label, a "required" mark, an
/// optional hint and note and the inline error, all tied to the control for screen readers.
#[component]
pub fn TextField<L: Text>(
    /// The control's id; the hint and error get `{id}-hint` and `{id}-error`.
    id: &'static str,
    label: L,
    value: Lens,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<L>,
    /// A second line under the hint, about what belongs elsewhere.
    #[prop(optional)]
    note: Option<L>,
    #[prop(optional)] multiline: bool,
    /// The input type: `text` unless given (`date`, `tel`…).
    #[prop(optional)]
    kind: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// A length limit in characters, counted under the field while typing.
    #[prop(optional)]
    max: Option<usize>,
) -> impl IntoView {
    let mut describedby = described_by(id, hint.is_some(), note.is_some());
    // The error first: it is what the person must act on.
    if max.is_some() {
        describedby = format!("{describedby} {id}-count");
    }
    let invalid = move || error.with(Option::is_some).then_some("true");
    let control = if multiline {
        view! {
            <textarea
                id=id
                rows="4"
                dir="auto"
                aria-describedby=describedby
                aria-invalid=invalid
                aria-required=required.then_some("true")
                prop:value=move || value.get.get()
                on:input:target=move |ev| value.set.run(ev.target().value())
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                type=kind.unwrap_or("text")
                dir="auto"
                autocomplete=autocomplete
                inputmode=inputmode
                aria-describedby=describedby
                aria-invalid=invalid
                aria-required=required.then_some("true")
                prop:value=move || value.get.get()
                on:input:target=move |ev| value.set.run(ev.target().value())
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>
                {t(label)}
                {required.then(|| view! { " " <span class="required">"(" {t(Msg::RequiredMark)} ")"</span> })}
            </label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{t(hint)}</p> })}
            {note.map(|note| view! { <p class="hint" id=format!("{id}-note")>{t(note)}</p> })}
            {control}
            {max.map(|max| view! { <CharCount id text=value.get max/> })}
            <p class="error" id=format!("{id}-error")>{move || error.get()}</p>
        </div>
    }
}
