//! The shift sheet on paper, for a notice board or a table at a distribution: each coming shift,
//! who signed up, and blank lines for the names of the people it still needs.

use super::shifts::coming;
use crate::i18n::workspace::WorkMsg;
use crate::ui::components::shift::shift_text::ShiftText;
use crate::ui::state::{t, AppState};
use crate::ui::workspace::routes;
use leptos::prelude::*;

#[component]
pub fn ShiftSheetPage() -> impl IntoView {
    let state = AppState::get();
    let rows = move || {
        let lang = state.lang.get();
        let ids = coming(state);
        state.board.with(|board| {
            ids.iter()
                .filter_map(|id| board.shifts.get(id))
                .map(|shift| {
                    let text = ShiftText::of(state, lang, board, shift);
                    let blanks = shift.open_spots().min(8);
                    view! {
                        <tr>
                            <th scope="row" dir="auto">{text.task}</th>
                            <td>{text.when}</td>
                            <td dir="auto">{text.place}</td>
                            <td>{shift.needed.value}</td>
                            <td dir="auto">
                                {shift.signed_up().map(|sign_up| sign_up.by.clone()).collect::<Vec<_>>().join(", ")}
                                {(0..blanks).map(|_| view! { <span class="write-in" aria-hidden="true"></span> }).collect_view()}
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="print-page">
            <p class="no-print">
                <button type="button" on:click=|_| { let _ = leptos::prelude::window().print(); }>{t(WorkMsg::PrintButton)}</button>
                " "
                <a class="button secondary" href=state.href(routes::SHIFTS)>{t(WorkMsg::BackToShifts)}</a>
            </p>
            <h1>{t(WorkMsg::ShiftSheetTitle)}</h1>
            <table class="print-round shift-sheet">
                <thead><tr>
                    <th scope="col">{t(WorkMsg::ColTask)}</th>
                    <th scope="col">{t(WorkMsg::ColWhen)}</th>
                    <th scope="col">{t(WorkMsg::ColPlace)}</th>
                    <th scope="col">{t(WorkMsg::ColNeeded)}</th>
                    <th scope="col">{t(WorkMsg::ColSignedUp)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
