//! A box for a share link that arrived as text: pasted with the message it came in, or typed
//! from print.

use super::import_preview::Incoming;
use super::problem::ImportError;
use crate::i18n::Msg;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A labelled text box and "Open link"; `on_open` gets the link's board for the preview, or
/// why it cannot be opened. A link that cannot be opened stays in the box.
#[component]
pub fn PasteLink(on_open: Callback<Result<Incoming, ImportError>>) -> impl IntoView {
    let state = AppState::get();
    let text = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pasted = text.get_untracked();
        // A group link is opened by the reader worker: the box may be gone by then.
        spawn_local(async move {
            let opened = state.open_link(&pasted).await;
            if opened.is_ok() {
                text.try_set(String::new());
            }
            on_open.try_run(opened.map(Incoming::from));
        });
    };
    view! {
        <form class="paste-link" on:submit=submit>
            <div class="field">
                <label for="paste-link">{t(Msg::PasteLink)}</label>
                <p class="hint" id="paste-link-hint">{t(Msg::PasteLinkHint)}</p>
                <textarea
                    id="paste-link"
                    aria-describedby="paste-link-hint"
                    rows="3"
                    dir="ltr"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || text.get()
                    on:input:target=move |ev| text.set(ev.target().value())
                ></textarea>
            </div>
            <button class="secondary" type="submit">{t(Msg::OpenLink)}</button>
        </form>
    }
}
