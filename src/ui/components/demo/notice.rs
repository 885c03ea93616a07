//! The note on the board while the demo's invented posts are on it.

use crate::i18n::Msg;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// Says the board is a demo and offers to remove it, while a demo post is on the board. It
/// sits where the list starts, not above the board: the demo arrives after the first paint,
/// and a note above would push everything down as it appears.
#[component]
pub fn DemoNotice() -> impl IntoView {
    let state = AppState::get();
    view! {
        <Show when=move || state.shows_demo()>
            <section class="demo-notice" aria-labelledby="demo-notice-text">
                <p id="demo-notice-text">{t(Msg::DemoLoaded)}</p>
                <button class="button secondary" type="button" on:click=move |_| state.remove_demo()>
                    {t(Msg::DemoRemove)}
                </button>
            </section>
        </Show>
    }
}
