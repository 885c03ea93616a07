//! A link ready to send: the link itself, its length, the system share sheet or the clipboard,
//! and its QR code.

use super::qr_code::QrCode;
use super::send::{copy_and_confirm, Confirmation};
use super::web::{self, Shared};
use crate::i18n::{fill, Msg};
use crate::ui::format;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Shows `url` in a read-only box (so it can always be selected by hand), says how long it
/// is, and offers "Share link…" where the phone has a share sheet and "Copy link" everywhere,
/// with a confirmation right under the buttons, where the person is looking (the screen's
/// notice may be scrolled away). `id` keeps the ids of two panels on one screen apart.
#[component]
pub fn LinkPanel(
    id: &'static str,
    /// The whole link, `https://…#c1.…`.
    #[prop(into)]
    url: Signal<String>,
    /// The title the share sheet shows with the link.
    title: Msg,
) -> impl IntoView {
    let state = AppState::get();
    let confirmed = RwSignal::new(None::<Msg>);
    let copy = move || copy_and_confirm(url.get_untracked(), Msg::LinkCopied, confirmed);
    let share = move |_| {
        let url = url.get_untracked();
        let title = state.t(title).to_string();
        spawn_local(async move {
            if web::share(&url, &title, None).await == Shared::Refused {
                copy();
            }
        });
    };
    let length = move || {
        let lang = state.lang.get();
        let count = url.with(|url| url.chars().count());
        fill(
            lang.text(Msg::LinkLength),
            &[("count", &format::number(lang, count))],
        )
    };
    let input_id = format!("{id}-link");
    let length_id = format!("{id}-length");
    view! {
        <div class="link-panel">
            <div class="field">
                <label for=input_id.clone()>{t(Msg::LinkLabel)}</label>
                <input
                    id=input_id
                    type="text"
                    readonly
                    dir="ltr"
                    aria-describedby=length_id.clone()
                    prop:value=url
                    on:focus:target=move |ev| ev.target().select()
                />
                <p class="hint" id=length_id>{length}</p>
            </div>
            <div class="actions">
                {web::can_share().then(|| view! {
                    <button type="button" on:click=share>{t(Msg::ShareLink)}</button>
                })}
                <button class="secondary" type="button" on:click=move |_| copy()>
                    {t(Msg::CopyLink)}
                </button>
            </div>
            <Confirmation said=confirmed/>
            <QrCode url/>
        </div>
    }
}
