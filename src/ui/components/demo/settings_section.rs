//! Settings' part about the demo posts: remove them, or ask for them again.

use crate::i18n::Msg;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// Shown when the group has a demo: "Remove the demo posts" while they are on the board, and
/// "Show the demo posts again" once they were removed (by the person, or by a wipe).
#[component]
pub fn DemoSettings() -> impl IntoView {
    let state = AppState::get();
    let has_demo = move || state.config.with(|config| config.demo_board.is_some());
    let removed = move || state.demo.with(|demo| demo.removed);
    view! {
        <Show when=move || has_demo() && (removed() || state.shows_demo())>
            <section aria-labelledby="demo-heading">
                <h2 id="demo-heading">{t(Msg::DemoHeading)}</h2>
                <p class="hint">{t(Msg::DemoHint)}</p>
                <Show
                    when=removed
                    fallback=move || view! {
                        <button class="button secondary" type="button" on:click=move |_| state.remove_demo()>
                            {t(Msg::DemoRemove)}
                        </button>
                    }
                >
                    <p>{t(Msg::DemoOff)}</p>
                    <button class="button secondary" type="button" on:click=move |_| state.restore_demo()>
                        {t(Msg::DemoRestore)}
                    </button>
                </Show>
            </section>
        </Show>
    }
}
