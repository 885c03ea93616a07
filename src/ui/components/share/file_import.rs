//! Opening a board file: by the file picker or by dropping it on the drop zone. A file locked
//! for group members is opened with this phone's group key first (`ui::group_file`).

use super::import_preview::{Incoming, Origin};
use super::problem::ImportError;
use super::web;
use crate::i18n::Msg;
use crate::model::snapshot::MAX_IMPORT_BYTES;
use crate::sources::snapshot_file;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A labelled drop zone holding a labelled file picker. Whichever way a file comes, it is
/// read and checked, and `on_open` gets the board for the preview or why it was refused.
#[component]
pub fn FileImport(on_open: Callback<Result<Incoming, ImportError>>) -> impl IntoView {
    let state = AppState::get();
    let dragging = RwSignal::new(false);
    let open = move |file: web_sys::File| {
        spawn_local(async move { on_open.run(read(state, &file).await) });
    };
    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            role="group"
            aria-labelledby="drop-label"
            on:dragenter=move |ev| {
                ev.prevent_default();
                dragging.set(true);
            }
            // Without this the browser opens the dropped file itself.
            on:dragover=move |ev| ev.prevent_default()
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev| {
                ev.prevent_default();
                dragging.set(false);
                let file = ev.data_transfer().and_then(|data| data.files()).and_then(|files| files.get(0));
                if let Some(file) = file {
                    open(file);
                }
            }
        >
            <p id="drop-label">{t(Msg::DropFile)}</p>
            <div class="field">
                <label for="import-file">{t(Msg::ChooseFile)}</label>
                <input
                    id="import-file"
                    type="file"
                    accept=".json,application/json"
                    on:change:target=move |ev| {
                        let input = ev.target();
                        let file = input.files().and_then(|files| files.get(0));
                        // Cleared so that picking the same file again (after fixing it) counts
                        // as a change.
                        input.set_value("");
                        if let Some(file) = file {
                            open(file);
                        }
                    }
                />
            </div>
        </div>
    }
}

/// Reads, unlocks where it is locked, and checks a file, refusing an oversized one before
/// reading it into memory.
async fn read(state: AppState, file: &web_sys::File) -> Result<Incoming, ImportError> {
    let size = file.size() as usize;
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::too_large(size));
    }
    let bytes = web::read_file(file).await.ok_or(ImportError::Unreadable)?;
    let file_read = state.unlock_board_file(bytes).await?;
    let board = snapshot_file::import(&file_read.bytes).map_err(ImportError::File)?;
    Ok(Incoming {
        board,
        origin: Origin::File {
            name: file.name(),
            locked: file_read.locked,
        },
    })
}
