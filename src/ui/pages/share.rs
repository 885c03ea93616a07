//! Share & sync: a placeholder until the sources screen (links, QR, import, export) lands.

use crate::i18n::Msg;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Tells the person that sharing is on its way.
#[component]
pub fn SharePage() -> impl IntoView {
    let state = AppState::get();
    view! {
        <h1>{move || state.t(Msg::ShareTitle)}</h1>
        <p>{move || state.t(Msg::ShareComing)}</p>
    }
}
