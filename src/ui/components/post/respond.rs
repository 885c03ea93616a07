//! How to reach a post's author, the way the author chose.

use crate::i18n::Msg;
use crate::model::{Contact, ContactMethod};
use crate::ui::state::t;
use leptos::prelude::*;

/// The author's contact as a link (`tel:`, `sms:`, WhatsApp, Signal, `mailto:`); when there is
/// none this viewer may see, the advice to ask the coordinator.
#[component]
pub fn Respond(
    /// The post's contact, already narrowed to what this viewer's audience may see.
    contact: Option<Contact>,
    /// Whether this device posted it.
    is_author: bool,
) -> impl IntoView {
    let visible = contact;
    let advice = if visible.is_some() {
        None
    } else if is_author {
        Some(Msg::NoContact)
    } else {
        Some(Msg::AskCoordinator)
    };
    view! {
        <section class="respond" aria-labelledby="respond-heading">
            <h2 id="respond-heading">{t(Msg::Respond)}</h2>
            {visible.map(|contact| {
                let method = contact.method;
                let href = contact_href(&contact);
                let value = contact.value.clone();
                view! {
                    <p class="contact">
                        {match href {
                            Some(href) => view! {
                                <a class="button" href=href rel="noopener noreferrer">
                                    <span>{t(method.into())} ":"</span>
                                    <span dir="ltr">{value.clone()}</span>
                                </a>
                            }
                            .into_any(),
                            None => view! {
                                <span>{t(method.into())} ": " <span dir="auto">{value.clone()}</span></span>
                            }
                            .into_any(),
                        }}
                    </p>
                }
            })}
            {advice.map(|msg| view! { <p class="advice">{t(msg)}</p> })}
        </section>
    }
}

/// The link that starts the author's chosen way of contact, built only from the characters a
/// phone number or address can hold, so a typed value can never become another kind of link.
fn contact_href(contact: &Contact) -> Option<String> {
    let digits: String = contact
        .value
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let phone = (digits.chars().filter(char::is_ascii_digit).count() >= 3).then_some(digits);
    match contact.method {
        ContactMethod::Call => phone.map(|number| format!("tel:{number}")),
        ContactMethod::Text => phone.map(|number| format!("sms:{number}")),
        ContactMethod::WhatsApp => {
            phone.map(|number| format!("https://wa.me/{}", number.trim_start_matches('+')))
        }
        ContactMethod::Signal => {
            phone.map(|number| format!("https://signal.me/#p/+{}", number.trim_start_matches('+')))
        }
        ContactMethod::Email => {
            let address = contact.value.trim();
            let plausible = address.contains('@')
                && !address
                    .chars()
                    .any(|c| c.is_whitespace() || "?&#/:<>\"".contains(c));
            plausible.then(|| format!("mailto:{address}"))
        }
    }
}
