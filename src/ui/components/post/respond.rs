//! How to reach a post's author, the way the author chose.

use crate::i18n::{fill, Msg};
use crate::model::{contact_value, Contact};
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// The author's contact as a link (`tel:`, `sms:`, WhatsApp, Signal, `mailto:`). When this
/// viewer may not see one, the real reason and the next step: the author reaches helpers from
/// their replies, so the helper sends one.
#[component]
pub fn Respond(
    /// The post's contact, already narrowed to what this viewer's audience may see.
    contact: Option<Contact>,
    /// Whether this device posted it.
    is_author: bool,
    author: String,
    /// Keeps the heading's id apart from another on the same screen (a link's preview).
    #[prop(default = "respond-heading")]
    heading_id: &'static str,
) -> impl IntoView {
    let state = AppState::get();
    // Links are built only from a number that parses (or a plausible address), so free text
    // such as "555 0100 after 6pm" never dials a wrong number.
    let default_code = state
        .config
        .with_untracked(|config| config.phone_country_code);
    let visible = contact;
    let advice = if visible.is_some() {
        None
    } else if is_author {
        Some(Msg::NoContact)
    } else {
        Some(Msg::ContactHidden)
    };
    view! {
        <section class="respond" aria-labelledby=heading_id>
            <h2 id=heading_id>{t(Msg::Respond)}</h2>
            {visible.map(|contact| {
                let method = contact.method;
                let href = contact_value::href(&contact, default_code);
                let value = contact.value.clone();
                view! {
                    <p class="contact">
                        {match href {
                            Some(href) => view! {
                                <a class="button" href=href rel="noopener noreferrer">
                                    <span>{t::<Msg>(method.into())} ":"</span>
                                    <span dir="ltr">{value.clone()}</span>
                                </a>
                            }
                            .into_any(),
                            None => view! {
                                <span>{t::<Msg>(method.into())} ": " <span dir="auto">{value.clone()}</span></span>
                            }
                            .into_any(),
                        }}
                    </p>
                }
            })}
            {advice.map(|msg| view! {
                <p class="advice">{move || fill(state.t(msg), &[("author", &author)])}</p>
            })}
        </section>
    }
}
