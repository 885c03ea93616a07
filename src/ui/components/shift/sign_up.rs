//! Signing up for a shift, or backing out, under a handle: the one way both pages do it, so
//! the workspace's card and a neighbour's shift page say the same.

use crate::i18n::{fill, Msg};
use crate::model::{EntryError, RecordId};
use crate::ui::platform;
use crate::ui::state::AppState;
use leptos::prelude::GetUntracked;

/// Signs this device's person up for shift `id` (`yes`) or out of it under `handle`, through
/// `AppState::sign_up`, and says what to announce: `Ok` when the answer is saved, `Err` when
/// nothing changed. With no handle, focus moves to the handle's control, `field`, and the text
/// asks for it.
pub fn sign_up(
    state: AppState,
    id: RecordId,
    yes: bool,
    handle: &str,
    task: &str,
    field: &str,
) -> Result<String, String> {
    let lang = state.lang.get_untracked();
    let handle = handle.trim();
    if handle.is_empty() {
        platform::focus_id(field);
        return Err(lang.text(Msg::ErrRequired).to_string());
    }
    match state.sign_up(id, yes, handle) {
        Ok(()) => Ok(fill(
            lang.text(if yes {
                Msg::SignedUpSaved
            } else {
                Msg::BackedOutSaved
            }),
            &[("task", task)],
        )),
        Err(EntryError::Full) => Err(lang.text(Msg::ErrShiftFull).to_string()),
        Err(_) => Err(lang.text(Msg::ErrShiftGone).to_string()),
    }
}
