//! Sending a readable message that ends in a link: the phone's share sheet where there is one,
//! and everywhere copying and plain `sms:` and WhatsApp links. The app itself asks no third
//! party for anything: the person taps a link and their own phone opens the app it names.

use super::web::{self, Shared};
use crate::i18n::{fill, Msg};
use crate::model::{Post, PostKind};
use crate::ui::state::{t, AppState};
use crate::ui::{format, labels, platform};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What a neighbour reads in the chat before the link: "Rosa needs: a ride to the clinic,
/// Thursday, Riverside North". Only what the post shows anyone: title, needed-by day, area.
pub fn post_text(state: AppState, post: &Post) -> String {
    let lang = state.lang.get();
    let mut what = vec![post.title.value.clone()];
    if let Some(day) = post.until.value {
        what.push(format::day(lang, day));
    }
    if !post.area.value.is_empty() {
        what.push(labels::area(state, &post.area.value));
    }
    let msg = match post.kind {
        PostKind::Ask => Msg::ShareTextAsk,
        PostKind::Offer => Msg::ShareTextOffer,
    };
    fill(
        lang.text(msg),
        &[("handle", &post.author), ("what", &what.join(", "))],
    )
}

/// `text`, a line break, `url`: the whole message as it is copied or prefilled.
pub fn message(text: &str, url: &str) -> String {
    format!("{text}\n{url}")
}

/// `text` made safe to put after `body=` or `text=` in a link.
pub fn encoded(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

/// The message in a read-only box (so it can be checked, and selected by hand when copying
/// fails), then one large Share action where the phone has a share sheet, and Copy, a text
/// message and WhatsApp everywhere. What happened shows right under the buttons.
#[component]
pub fn SendMessage(
    /// Keeps the ids of two of these on one screen apart.
    #[prop(into)]
    id: String,
    /// The readable text before the link.
    #[prop(into)]
    text: Signal<String>,
    #[prop(into)] url: Signal<String>,
) -> impl IntoView {
    let confirmed = RwSignal::new(None::<Msg>);
    let whole = move || message(&text.get(), &url.get());
    let copy = move || {
        let whole = message(&text.get_untracked(), &url.get_untracked());
        copy_and_confirm(whole, Msg::MessageCopied, confirmed);
    };
    let share = move |_| {
        let (text, url) = (text.get_untracked(), url.get_untracked());
        spawn_local(async move {
            if web::share(&url, &text, Some(&text)).await == Shared::Refused {
                copy();
            }
        });
    };
    let can_share = web::can_share();
    let box_id = format!("{id}-message");
    view! {
        <div class="send">
            <div class="field">
                <label for=box_id.clone()>{t(Msg::MessageLabel)}</label>
                <textarea
                    id=box_id
                    class="send-message"
                    rows="3"
                    readonly
                    dir="auto"
                    prop:value=whole
                    on:focus:target=move |ev| ev.target().select()
                ></textarea>
            </div>
            <div class="actions send-actions">
                {can_share.then(|| view! {
                    <button class="button" type="button" on:click=share>{t(Msg::ShareMessage)}</button>
                })}
                <button
                    class=if can_share { "button secondary" } else { "button" }
                    type="button"
                    on:click=move |_| copy()
                >
                    {t(Msg::CopyMessage)}
                </button>
            </div>
            // Right under the buttons that copy, so it shows where the person tapped.
            <Confirmation said=confirmed/>
            <div class="actions">
                // `?&body=` is the form both Android and iOS read as the message.
                <a class="button secondary" href=move || format!("sms:?&body={}", encoded(&whole()))>
                    {t(Msg::SendSms)}
                </a>
                <a
                    class="button secondary"
                    href=move || format!("https://wa.me/?text={}", encoded(&whole()))
                    rel="noopener noreferrer"
                    target="_blank"
                >
                    {t(Msg::SendWhatsApp)}
                </a>
            </div>
        </div>
    }
}

/// Puts `text` on the clipboard, then says in `said` whether it worked: `copied`, or that
/// copying failed (the text stays in its box to select by hand).
pub fn copy_and_confirm(text: String, copied: Msg, said: RwSignal<Option<Msg>>) {
    spawn_local(async move {
        let outcome = if platform::copy_text(&text).await {
            copied
        } else {
            Msg::CopyLinkFailed
        };
        said.try_set(Some(outcome));
    });
}

/// What a copy or share just did, beside the buttons: a polite live region, apart from the
/// screen's notice, which may be scrolled off a phone's screen.
#[component]
pub fn Confirmation(said: RwSignal<Option<Msg>>) -> impl IntoView {
    let state = AppState::get();
    view! {
        <p class="confirmation" aria-live="polite">
            {move || said.get().map(|msg| state.t(msg))}
        </p>
    }
}
