//! What a person can do when both saved copies of the board are damaged.

use crate::i18n::Msg;
use crate::ui::components::share::export::deliver;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

const FILE_NAME: &str = "circle-damaged-save.json";

/// Shown while saving is held back because both saved copies of the board are damaged: the
/// person can download them, for someone to recover posts from, and then start saving again
/// over them. Nothing is replaced until they choose to.
#[component]
pub fn DamagedSave() -> impl IntoView {
    let state = AppState::get();
    let held = move || state.storage_problem.get() == Some(Msg::ErrStorageDamaged);
    let download = move |_| {
        if let Some(copies) = state.damaged_copies() {
            deliver(state, FILE_NAME, "application/json", &copies);
        }
    };
    view! {
        <Show when=held>
            <div class="damaged-save">
                <p>{t(Msg::DamagedHelp)}</p>
                <p class="actions">
                    <button class="button secondary" type="button" on:click=download>
                        {t(Msg::DamagedDownload)}
                    </button>
                    <button class="button" type="button" on:click=move |_| state.replace_damaged()>
                        {t(Msg::DamagedReplace)}
                    </button>
                </p>
            </div>
        </Show>
    }
}
