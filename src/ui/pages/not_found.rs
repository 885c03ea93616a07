//! The screen for an address the app does not have.

use crate::i18n::Msg;
use crate::ui::routes;
use crate::ui::state::t;
use leptos::prelude::*;

/// Says the page does not exist and offers the way back to the board.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <h1>{t(Msg::PageNotFound)}</h1>
        <p><a class="button secondary" href=routes::href(routes::BOARD)>{t(Msg::BackToBoard)}</a></p>
    }
}
