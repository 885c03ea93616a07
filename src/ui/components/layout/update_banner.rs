//! The offer to switch to a new release once the service worker has downloaded it.

use crate::i18n::Msg;
use crate::ui::state::t;
use leptos::prelude::*;

/// Fired by `boot.js` when a new release is waiting, and sent back to it to switch.
const UPDATE_READY: &str = "circle-update-ready";
const APPLY_UPDATE: &str = "circle-apply-update";

/// Says a new version is ready and reloads into it when the person agrees. Never reloads on
/// its own: a half-written ask must not vanish under someone's thumb, and one page never mixes
/// two releases.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = RwSignal::new(
        document()
            .document_element()
            .is_some_and(|html| html.has_attribute("data-update-ready")),
    );
    let listener = window_event_listener_untyped(UPDATE_READY, move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    let apply = move |_| {
        if let Ok(event) = web_sys::Event::new(APPLY_UPDATE) {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="update-banner" role="status">
                <p>{t(Msg::UpdateReady)}</p>
                <button class="button" type="button" on:click=apply>{t(Msg::UpdateReload)}</button>
            </div>
        </Show>
    }
}
