//! The one-line message after an action ("Your ask is on the board.").

use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Shows the latest notice while the screen it was meant for is open, in a live region so
/// screen readers announce it. Storage problems stay until a save succeeds.
#[component]
pub fn Notice() -> impl IntoView {
    let state = AppState::get();
    let path = use_location().pathname;
    let notice = move || {
        state.notice.with(|notice| {
            notice
                .as_ref()
                .filter(|notice| notice.at == path.get())
                .map(|notice| notice.text.clone())
        })
    };
    let problem = move || state.storage_problem.get().map(|msg| state.t(msg));
    view! {
        <div class="notices" role="status">
            {move || notice().map(|text| view! { <p class="notice">{text}</p> })}
            {move || problem().map(|text| view! { <p class="notice notice-problem">{text}</p> })}
        </div>
    }
}
