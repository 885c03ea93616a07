//! "Your name or nickname" above a list of actions (matching, signing up): the handle a match
//! or sign-up is made under, kept from the person's last form.

use crate::i18n::Msg;
use crate::ui::state::t;
use leptos::prelude::*;

#[component]
pub fn HandleField(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{t(Msg::FieldHandle)}</label>
            <input id=id type="text" autocomplete="nickname"
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))/>
        </div>
    }
}
