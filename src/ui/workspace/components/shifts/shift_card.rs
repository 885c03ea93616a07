//! One shift: what and when, where, how many people it still needs (a gap is flagged), who
//! signed up, this person's own "Sign up" or "Back out", and the way to share it.

use super::shift_share::ShiftShare;
use crate::i18n::{fill, Msg};
use crate::model::RecordId;
use crate::ui::components::shift::shift_body::ShiftBody;
use crate::ui::components::shift::shift_text::ShiftText;
use crate::ui::components::shift::sign_up::sign_up;
use crate::ui::state::AppState;
use crate::ui::workspace::routes;
use leptos::prelude::*;

#[component]
pub fn ShiftCard(id: RecordId, handle: RwSignal<String>) -> impl IntoView {
    let state = AppState::get();
    let shown = Memo::new(move |_| {
        let lang = state.lang.get();
        state.board.with(|board| {
            board
                .shifts
                .get(&id)
                .map(|shift| ShiftText::of(state, lang, board, shift))
        })
    });
    move || {
        shown.get().map(|text| {
            let lang = state.lang.get();
            let task = text.task.clone();
            let yes = !text.mine;
            let label = fill(
                lang.text(if yes { Msg::SignUpLabel } else { Msg::BackOut }),
                &[("task", &task)],
            );
            let share = text.clone();
            let act = move |_| {
                let said = sign_up(
                    state,
                    id,
                    yes,
                    &handle.get_untracked(),
                    &task,
                    "shift-handle",
                );
                state.announce(routes::SHIFTS, said.unwrap_or_else(|not| not));
            };
            view! {
                <h2 class="card-title" dir="auto">{text.task.clone()}</h2>
                <ShiftBody text note=None/>
                <button type="button" class="secondary" on:click=act>{label}</button>
                <ShiftShare id text=share/>
            }
        })
    }
}
