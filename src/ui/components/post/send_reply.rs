//! The helper's side after "I can help": the reply is the helper's own record on this phone,
//! and it reaches the author only when the helper sends it. This says so, and offers the way
//! the author chose (with the message prefilled) or the chat the post came from.

use super::reach::reach_label;
use crate::i18n::{fill, Msg};
use crate::model::{contact_value, Contact, ContactMethod, Post, PostKind};
use crate::ui::components::share::send::{encoded, message, SendMessage};
use crate::ui::components::share::web;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// What the helper's phone waits for, and how to send the reply link: the post as this phone
/// holds it, with the helper's response and the contact they chose to share in it.
#[component]
pub fn SendReply(
    post: Post,
    /// The helper's handle, as their response names them.
    handle: String,
    /// The author's contact as this viewer may see it.
    contact: Option<Contact>,
) -> impl IntoView {
    let state = AppState::get();
    let author = post.author.clone();
    let url = web::public_post_url(&post);
    let reply_msg = match post.kind {
        PostKind::Ask => Msg::ReplyTextAsk,
        PostKind::Offer => Msg::ReplyTextOffer,
    };
    let title = post.title.value.clone();
    let text = Signal::derive({
        let author = author.clone();
        move || {
            fill(
                state.t(reply_msg),
                &[("author", &author), ("handle", &handle), ("title", &title)],
            )
        }
    });
    let default_code = state
        .config
        .with_untracked(|config| config.phone_country_code);
    // The author's own channel: a text, WhatsApp or email carries the whole reply; a call or
    // Signal cannot be prefilled, so the link still goes by the chat afterwards.
    let direct = contact.and_then(|contact| {
        let href = contact_value::href(&contact, default_code)?;
        let prefill = match contact.method {
            ContactMethod::Text => Some("?&body="),
            ContactMethod::WhatsApp => Some("?text="),
            ContactMethod::Email => Some("?body="),
            ContactMethod::Call | ContactMethod::Signal => None,
        };
        Some((contact.method, href, prefill))
    });
    let whole = {
        let url = url.clone();
        move || message(&text.get(), &url)
    };
    let said = |msg: Msg| {
        let author = author.clone();
        move || fill(state.t(msg), &[("author", &author)])
    };
    let label = {
        let author = author.clone();
        move |method| {
            let author = author.clone();
            move || fill(state.t(reach_label(method)), &[("handle", &author)])
        }
    };
    // After a call, the link still has to go somewhere; after a prefilled message, the chat
    // is the other way to send the same.
    let then_link = direct
        .as_ref()
        .is_some_and(|(_, _, prefill)| prefill.is_none());
    let intro = if then_link {
        Msg::ReplyThenLink
    } else {
        Msg::ReplyInChat
    };
    view! {
        <section class="send-reply" aria-labelledby="reply-heading">
            <h2 id="reply-heading" tabindex="-1">{said(Msg::SendReplyHeading)}</h2>
            <p class="waiting">{said(Msg::YouResponded)}</p>
            {direct.map(|(method, href, prefill)| {
                let whole = whole.clone();
                let href = move || match prefill {
                    Some(prefill) => format!("{href}{prefill}{}", encoded(&whole())),
                    None => href.clone(),
                };
                view! {
                    {prefill.is_some().then(|| view! { <p>{said(Msg::ReplyByContact)}</p> })}
                    <p class="contact">
                        <a class="button" href=href rel="noopener noreferrer">{label(method)}</a>
                    </p>
                }
            })}
            <p>{said(intro)}</p>
            <SendMessage id="send-reply" text url=Signal::stored(url)/>
        </section>
    }
}
