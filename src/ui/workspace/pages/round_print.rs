//! A check-in round on paper, for volunteers without a phone: each person, how to reach them,
//! who checks on them and when it is due, with boxes to tick and room for notes. One A4 or
//! Letter page holds a round of 20.

use crate::i18n::workspace::WorkMsg;
use crate::i18n::{fill, Msg};
use crate::model::roster::Outcome;
use crate::model::RecordId;
use crate::ui::state::{t, AppState};
use crate::ui::workspace::components::rounds::person_card::outcome_msg;
use crate::ui::workspace::components::rounds::standing::flag;
use crate::ui::workspace::routes;
use crate::ui::{format, platform};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn RoundPrintPage() -> impl IntoView {
    let state = AppState::get();
    let params = use_params_map();
    let roster =
        move || params.with(|params| params.get("id").and_then(|id| id.parse::<RecordId>().ok()));
    let rows = move || {
        let lang = state.lang.get();
        let now = platform::now_ms();
        state.board.with(|board| {
            let found = roster().and_then(|id| board.rosters.get(&id))?;
            let rows = found
                .today(now)
                .into_iter()
                .map(|(_, person, standing)| {
                    let reach = person
                        .contact
                        .value
                        .as_ref()
                        .map(|contact| {
                            format!("{}: {}", lang.text(contact.method.into()), contact.value)
                        })
                        .unwrap_or_default();
                    (
                        person.name.value.clone(),
                        reach,
                        person.volunteer.value.clone(),
                        flag(lang, standing).0,
                    )
                })
                .collect::<Vec<_>>();
            Some((found.name.value.clone(), rows))
        })
    };
    let boxes = [Outcome::Ok, Outcome::NeedsSomething, Outcome::NoAnswer];
    move || {
        match rows() {
        None => view! {
            <h1>{t(Msg::PageNotFound)}</h1>
            <p><a class="button secondary" href=state.href(routes::ROUNDS)>{t(WorkMsg::BackToRounds)}</a></p>
        }
        .into_any(),
        Some((name, rows)) => {
            let lang = state.lang.get();
            let title = fill(lang.work(WorkMsg::PrintTitle), &[("name", &name)]);
            let note = fill(
                lang.work(WorkMsg::PrintNote),
                &[("when", &format::moment(lang, platform::now_ms()))],
            );
            view! {
                <div class="print-page">
                    <p class="no-print">
                        <button type="button" on:click=|_| print()>{t(WorkMsg::PrintButton)}</button>
                        " "
                        <a class="button secondary" href=state.href(routes::ROUNDS)>{t(WorkMsg::BackToRounds)}</a>
                    </p>
                    <h1 dir="auto">{title}</h1>
                    <p class="hint">{note}</p>
                    <table class="print-round">
                        <thead>
                            <tr>
                                <th scope="col">{t(WorkMsg::ColName)}</th>
                                <th scope="col">{t(WorkMsg::ColReach)}</th>
                                <th scope="col">{t(WorkMsg::ColVolunteer)}</th>
                                <th scope="col">{t(WorkMsg::ColDue)}</th>
                                {boxes.map(|outcome| view! { <th scope="col" class="tick">{t(outcome_msg(outcome))}</th> })}
                                <th scope="col">{t(WorkMsg::ColNotes)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|(name, reach, volunteer, due)| view! {
                                <tr>
                                    <th scope="row" dir="auto">{name}</th>
                                    <td class="reach" dir="ltr">{reach}</td>
                                    <td dir="auto">{volunteer}</td>
                                    <td class="due">{due}</td>
                                    {boxes.map(|_| view! { <td class="tick"><span class="box" aria-hidden="true"></span></td> })}
                                    <td class="notes"></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    }
    }
}

fn print() {
    let _ = leptos::prelude::window().print();
}
