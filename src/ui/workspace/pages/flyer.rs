//! A flyer for people without the link: the group's name, what the board is for, its QR code
//! and its address written out, on one printed page.

use crate::i18n::fill;
use crate::i18n::workspace::WorkMsg;
use crate::sources::qr;
use crate::ui::components::share::qr_code::data_url;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

#[component]
pub fn FlyerPage() -> impl IntoView {
    let state = AppState::get();
    // The board page's full address, as a phone's camera opens it.
    let address = format!(
        "{}{}",
        leptos::prelude::window()
            .location()
            .origin()
            .unwrap_or_default(),
        state.site_href("/")
    );
    let image = qr::svg(&address).ok().map(|svg| data_url(&svg));
    let heading = move || {
        let name = state.config.with(|config| config.name.clone());
        fill(
            state.lang.get().work(WorkMsg::FlyerHeading),
            &[("group", &name)],
        )
    };
    let alt = {
        let address = address.clone();
        move || {
            fill(
                state.lang.get().work(WorkMsg::FlyerQrAlt),
                &[("address", &address)],
            )
        }
    };
    view! {
        <div class="print-page flyer">
            <p class="no-print">
                <button type="button" on:click=|_| { let _ = leptos::prelude::window().print(); }>{t(WorkMsg::PrintButton)}</button>
            </p>
            <h1 dir="auto">{heading}</h1>
            <p class="flyer-body">{t(WorkMsg::FlyerBody)}</p>
            {image.map(|src| view! { <img class="flyer-qr" src=src alt=alt/> })}
            <p class="flyer-address" dir="ltr">{address}</p>
        </div>
    }
}
