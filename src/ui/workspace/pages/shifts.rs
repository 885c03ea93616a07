//! Shifts: the coming time slots, soonest first, each with the people it still needs, who signed
//! up and this person's own sign-up; a form to add one; and the printable shift sheet.

use crate::i18n::workspace::WorkMsg;
use crate::ui::components::form::handle_field::HandleField;
use crate::ui::platform;
use crate::ui::state::{t, AppState};
use crate::ui::workspace::components::shifts::shift_card::ShiftCard;
use crate::ui::workspace::components::shifts::shift_form::ShiftForm;
use crate::ui::workspace::routes;
use leptos::prelude::*;

/// A shift stays on the list until it has ended.
pub fn coming(state: AppState) -> Vec<crate::model::RecordId> {
    let now = platform::now_ms();
    state.board.with(|board| {
        board
            .shifts()
            .into_iter()
            .filter(|shift| shift.ends_ms() >= now)
            .map(|shift| shift.id)
            .collect()
    })
}

#[component]
pub fn ShiftsPage() -> impl IntoView {
    let state = AppState::get();
    let shifts = Memo::new(move |_| coming(state));
    let handle = RwSignal::new(state.handle());
    view! {
        <h1>{t(WorkMsg::ShiftsTitle)}</h1>
        <p class="intro">{t(WorkMsg::ShiftsIntro)}</p>
        <p><a class="button secondary" href=state.href(routes::SHIFTS_PRINT)>{t(WorkMsg::PrintShifts)}</a></p>
        {move || shifts.with(Vec::is_empty).then(|| view! { <p class="empty">{t(WorkMsg::ShiftsEmpty)}</p> })}
        <Show when=move || !shifts.with(Vec::is_empty)>
            <HandleField id="shift-handle" value=handle/>
        </Show>
        <ul class="cards" aria-label=t(WorkMsg::ShiftList)>
            <For each=move || shifts.get() key=|id| *id let:id>
                <li class="post-card"><ShiftCard id=id handle=handle/></li>
            </For>
        </ul>
        <ShiftForm/>
    }
}
