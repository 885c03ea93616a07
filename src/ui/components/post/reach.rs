//! One person's contact as a tappable link named for what it does: "Call Sam", "Text Rosa".

use crate::i18n::{fill, Msg};
use crate::model::{contact_value, Contact, ContactMethod};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The action a contact method starts, with a `{handle}` placeholder.
pub fn reach_label(method: ContactMethod) -> Msg {
    match method {
        ContactMethod::Call => Msg::ReachCall,
        ContactMethod::Text => Msg::ReachText,
        ContactMethod::WhatsApp => Msg::ReachWhatsApp,
        ContactMethod::Signal => Msg::ReachSignal,
        ContactMethod::Email => Msg::ReachEmail,
    }
}

/// `contact` as a button link ("Call Sam") with the number or address beside it. A value no
/// link can be built from (free text from an older board) shows as text, so it never dials a
/// wrong number.
#[component]
pub fn Reach(contact: Contact, handle: String) -> impl IntoView {
    let state = AppState::get();
    let default_code = state
        .config
        .with_untracked(|config| config.phone_country_code);
    let href = contact_value::href(&contact, default_code);
    let label = move || fill(state.t(reach_label(contact.method)), &[("handle", &handle)]);
    let value = contact.value.clone();
    view! {
        <p class="contact">
            {match href {
                Some(href) => view! {
                    <a class="button" href=href rel="noopener noreferrer">{label}</a>
                    " "
                    <span dir="ltr">{value}</span>
                }
                .into_any(),
                None => view! { <span>{label} ": " <span dir="auto">{value}</span></span> }.into_any(),
            }}
        </p>
    }
}
