//! One shift on the board page (`/shift/:id`), where a neighbour lands from a shift's link: what
//! it is, when and where, the people it still needs and who signed up; their own sign-up (or
//! back-out) under their handle; then the way to send that answer back to the group.

use crate::i18n::{fill, Msg};
use crate::model::{Maker, Record, RecordId};
use crate::ui::components::form::handle_field::HandleField;
use crate::ui::components::shift::send_sign_up::{self, SendSignUp};
use crate::ui::components::shift::shift_body::ShiftBody;
use crate::ui::components::shift::shift_text::{opening_note, ShiftText};
use crate::ui::components::shift::sign_up::sign_up;
use crate::ui::platform;
use crate::ui::routes::{self, href};
use crate::ui::state::{t, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The control the handle is typed in; a shift's link lands here when the person taps "Sign up".
pub const HANDLE_FIELD: &str = "shift-handle";

/// Everything the page shows of one shift, read afresh whenever the board changes.
#[derive(Clone, PartialEq)]
struct Shown {
    id: RecordId,
    text: ShiftText,
    /// Why the person may not sign up (or back out), if so.
    note: Option<Msg>,
    /// This device's latest answer on the shift, and the handle it was made under.
    answer: Option<(bool, String)>,
}

#[component]
pub fn ShiftPage() -> impl IntoView {
    let state = AppState::get();
    let params = use_params_map();
    let handle = RwSignal::new(state.handle());
    let shown = Memo::new(move |_| {
        let id = params.with(|p| p.get("id"))?.parse::<RecordId>().ok()?;
        let lang = state.lang.get();
        let key = Maker::Key(state.author_key());
        state.board.with(|board| {
            let shift = board.shifts.get(&id).filter(|shift| !shift.is_removed())?;
            let text = ShiftText::of(state, lang, board, shift);
            let note = opening_note(shift.opening(platform::now_ms()), text.mine);
            Some(Shown {
                id,
                note,
                answer: shift
                    .signups
                    .get(&key)
                    .map(|mine| (mine.yes, mine.by.clone())),
                text,
            })
        })
    });
    view! {
        {move || shown.get().map(|shown| view! { <ShiftDetail shown handle/> })}
        {move || shown.with(Option::is_none).then(|| view! {
            <h1>{t(Msg::ShiftNotFound)}</h1>
            <p><a class="button secondary" href=href(routes::BOARD)>{t(Msg::BackToBoard)}</a></p>
        })}
    }
}

#[component]
fn ShiftDetail(shown: Shown, handle: RwSignal<String>) -> impl IntoView {
    let state = AppState::get();
    let Shown {
        id,
        text,
        note,
        answer,
    } = shown;
    let task = text.task.clone();
    let yes = !text.mine;
    let label = {
        let task = task.clone();
        let msg = if yes { Msg::SignUpLabel } else { Msg::BackOut };
        move || fill(state.t(msg), &[("task", &task)])
    };
    let when = text.when.clone();
    let act = {
        let task = task.clone();
        move |_| {
            let said = sign_up(state, id, yes, &handle.get_untracked(), &task, HANDLE_FIELD);
            // The answer is only on this phone: the way to send it is what comes next.
            if said.is_ok() {
                request_animation_frame(|| platform::focus_id(send_sign_up::HEADING));
            }
            state.announce(&routes::shift(id), said.unwrap_or_else(|not| not));
        }
    };
    view! {
        <article class="shift">
            <h1 dir="auto">{text.task.clone()}</h1>
            <ShiftBody text note/>
            {note.is_none().then(|| view! {
                <HandleField id=HANDLE_FIELD value=handle/>
                <div class="actions">
                    <button type="button" class=if yes { "" } else { "secondary" } on:click=act>{label}</button>
                </div>
            })}
            {answer.map(|(yes, by)| view! { <SendSignUp id yes by task when/> })}
            <p><a href=href(routes::BOARD)>{t(Msg::BackToBoard)}</a></p>
        </article>
    }
}
