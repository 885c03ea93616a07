//! One person on today's round: their flag, how to reach them, who checks on them, the last
//! check-in and the asks posted for them with where each stands; and, open one at a time, the
//! form that records the next check-in.

use super::check_in_form::CheckInForm;
use super::standing::flag;
use crate::i18n::workspace::WorkMsg;
use crate::i18n::{fill, Msg};
use crate::model::roster::{Outcome, Standing};
use crate::model::{RecordId, Status};
use crate::ui::state::{t, AppState};
use crate::ui::{format, platform, routes as board_routes};
use leptos::prelude::*;

/// What the card shows of a person, read from the board.
#[derive(Clone, PartialEq)]
struct Shown {
    name: String,
    reach: Option<(Msg, String)>,
    volunteer: String,
    last: Option<(u64, String, Outcome)>,
    standing: Standing,
    /// The asks posted for them, newest first: id, title, status.
    asks: Vec<(RecordId, String, Status)>,
}

#[component]
pub fn PersonCard(
    roster: RecordId,
    person: RecordId,
    /// The person whose check-in form is open on this screen, if any.
    recording: RwSignal<Option<RecordId>>,
) -> impl IntoView {
    let state = AppState::get();
    let shown = Memo::new(move |_| {
        state.board.with(|board| {
            let found = board.rosters.get(&roster)?.people.get(&person)?;
            Some(Shown {
                name: found.name.value.clone(),
                reach: found
                    .contact
                    .value
                    .as_ref()
                    .map(|contact| (contact.method.into(), contact.value.clone())),
                volunteer: found.volunteer.value.clone(),
                last: found
                    .last_check_in()
                    .map(|last| (last.at.ms, last.by.clone(), last.outcome)),
                standing: found.standing(platform::now_ms()),
                asks: board
                    .asks_for(found)
                    .into_iter()
                    .map(|ask| (ask.id, ask.title.value.clone(), ask.status.value))
                    .collect(),
            })
        })
    });
    move || {
        shown.get().map(|shown| {
            let lang = state.lang.get();
            let (flag_text, warn) = flag(lang, shown.standing);
            let reach = shown.reach.clone().map(|(method, value)| {
                view! { <p>{t(method)} ": " <span dir="ltr">{value}</span></p> }
            });
            let volunteer = if shown.volunteer.is_empty() {
                lang.work(WorkMsg::NoVolunteer).to_string()
            } else {
                fill(lang.work(WorkMsg::Volunteer), &[("handle", &shown.volunteer)])
            };
            let last = match &shown.last {
                Some((ms, by, outcome)) => fill(
                    lang.work(WorkMsg::LastCheckIn),
                    &[
                        ("when", &format::ago(lang, *ms, platform::now_ms())),
                        ("by", by),
                        ("outcome", lang.work(outcome_msg(*outcome))),
                    ],
                ),
                None => lang.work(WorkMsg::NeverChecked).to_string(),
            };
            let name = shown.name.clone();
            let asks = (!shown.asks.is_empty()).then(|| {
                let label = fill(lang.work(WorkMsg::AsksFor), &[("name", &name)]);
                let items = shown
                    .asks
                    .iter()
                    .map(|(id, title, status)| {
                        let href = state.site_href(&board_routes::post(*id));
                        view! {
                            <li>
                                <a href=href rel="external" dir="auto">{title.clone()}</a>
                                " · "
                                <span class="status">{t(Msg::from(*status))}</span>
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="linked-asks" aria-label=label>{items}</ul> }
            });
            let open = move || recording.get() == Some(person);
            let record_label = fill(lang.work(WorkMsg::RecordCheckIn), &[("name", &name)]);
            view! {
                <h3 dir="auto">{shown.name.clone()}</h3>
                <p class="flag" class:flag-warn=warn>{flag_text}</p>
                {reach}
                <p>{volunteer}</p>
                <p class="hint">{last}</p>
                {asks}
                <button
                    type="button"
                    class="secondary"
                    aria-expanded=move || if open() { "true" } else { "false" }
                    on:click=move |_| recording.set(if open() { None } else { Some(person) })
                >
                    {record_label}
                </button>
                <Show when=open>
                    <CheckInForm roster=roster person=person name=shown.name.clone() recording=recording/>
                </Show>
            }
        })
    }
}

pub fn outcome_msg(outcome: Outcome) -> WorkMsg {
    match outcome {
        Outcome::Ok => WorkMsg::OutcomeOk,
        Outcome::NeedsSomething => WorkMsg::OutcomeNeedsSomething,
        Outcome::NoAnswer => WorkMsg::OutcomeNoAnswer,
    }
}
