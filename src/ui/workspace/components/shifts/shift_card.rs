//! One shift: what and when, where, how many people it still needs (a gap is flagged), who
//! signed up, and this person's own "Sign up" or "Back out".

use crate::i18n::workspace::WorkMsg;
use crate::i18n::{fill, Lang};
use crate::model::shift::Shift;
use crate::model::{Board, EntryError, RecordId};
use crate::ui::format;
use crate::ui::state::AppState;
use crate::ui::workspace::routes;
use leptos::prelude::*;

/// What the card shows of a shift, in the reader's language.
#[derive(Clone, PartialEq)]
pub struct ShiftText {
    pub task: String,
    pub when: String,
    pub place: String,
    /// "Needs 2 more", or "Full".
    pub gap: String,
    /// Whether the shift still needs people: its gap is flagged.
    pub short: bool,
    pub signed_up: String,
    pub mine: bool,
}

impl ShiftText {
    pub fn of(state: AppState, lang: Lang, board: &Board, shift: &Shift) -> Self {
        let when = fill(
            lang.work(WorkMsg::ShiftWhen),
            &[
                ("when", &format::moment(lang, shift.starts_ms.value)),
                (
                    "minutes",
                    &format::number(lang, shift.minutes.value as usize),
                ),
            ],
        );
        let place = shift
            .resource
            .value
            .and_then(|id| board.resources.get(&id))
            .map(|place| place.name.value.clone())
            .into_iter()
            .chain((!shift.area.value.is_empty()).then(|| shift.area.value.clone()))
            .collect::<Vec<_>>()
            .join(" · ");
        let open = shift.open_spots() as usize;
        let count =
            |msg: WorkMsg, n: usize| fill(lang.work(msg), &[("count", &format::number(lang, n))]);
        let names: Vec<String> = shift
            .signed_up()
            .map(|sign_up| sign_up.by.clone())
            .collect();
        let signed_up = if names.is_empty() {
            lang.work(WorkMsg::NobodyYet).to_string()
        } else {
            fill(
                lang.work(WorkMsg::SignedUp),
                &[("names", &names.join(", "))],
            )
        };
        Self {
            task: shift.task.value.clone(),
            when,
            place,
            gap: if open > 0 {
                count(WorkMsg::ShiftGap, open)
            } else {
                count(WorkMsg::ShiftFull, names.len())
            },
            signed_up,
            short: open > 0,
            mine: state.is_signed_up(shift),
        }
    }
}

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
                lang.work(if yes { WorkMsg::SignUpLabel } else { WorkMsg::BackOut }),
                &[("task", &task)],
            );
            let act = move |_| {
                let by = handle.get_untracked();
                let lang = state.lang.get_untracked();
                let said = if by.trim().is_empty() {
                    crate::ui::platform::focus_id("shift-handle");
                    lang.text(crate::i18n::Msg::ErrRequired).to_string()
                } else {
                    match state.sign_up(id, yes, by.trim()) {
                        Ok(()) => fill(
                            lang.work(if yes { WorkMsg::SignedUpSaved } else { WorkMsg::BackedOutSaved }),
                            &[("task", &task)],
                        ),
                        Err(EntryError::Full) => lang.work(WorkMsg::ErrShiftFull).to_string(),
                        Err(_) => lang.work(WorkMsg::ErrShiftGone).to_string(),
                    }
                };
                state.announce(routes::SHIFTS, said);
            };
            view! {
                <h2 class="card-title" dir="auto">{text.task.clone()}</h2>
                <p class="card-meta"><span>{text.when.clone()}</span>{(!text.place.is_empty()).then(|| view! { <span dir="auto">{text.place.clone()}</span> })}</p>
                <p class="flag" class:flag-warn=text.short>{text.gap.clone()}</p>
                <p dir="auto">{text.signed_up.clone()}</p>
                <button type="button" class="secondary" on:click=act>{label}</button>
            }
        })
    }
}
