//! Check-in rounds: each check-in list with today's round first (who needs a coordinator,
//! then who is overdue, then who is due), the form that records a check-in, a way to add
//! people, and the list's print layout for volunteers without a phone.

use crate::i18n::fill;
use crate::i18n::workspace::WorkMsg;
use crate::model::RecordId;
use crate::ui::platform;
use crate::ui::state::{t, AppState};
use crate::ui::workspace::components::rounds::person_card::PersonCard;
use crate::ui::workspace::components::rounds::person_form::PersonForm;
use crate::ui::workspace::components::rounds::roster_form::RosterForm;
use crate::ui::workspace::routes;
use leptos::prelude::*;

#[component]
pub fn RoundsPage() -> impl IntoView {
    let state = AppState::get();
    let rosters = Memo::new(move |_| {
        state
            .board
            .with(|board| board.rosters().map(|roster| roster.id).collect::<Vec<_>>())
    });
    // One form open at a time, so each control keeps one id on the page.
    let recording = RwSignal::new(None::<RecordId>);
    let adding = RwSignal::new(None::<RecordId>);
    view! {
        <h1>{t(WorkMsg::RoundsTitle)}</h1>
        <p class="intro">{t(WorkMsg::RoundsIntro)}</p>
        {move || rosters.with(Vec::is_empty).then(|| view! { <p class="empty">{t(WorkMsg::RoundsEmpty)}</p> })}
        <For each=move || rosters.get() key=|id| *id let:id>
            <RosterRound roster=id recording=recording adding=adding/>
        </For>
        <RosterForm/>
    }
}

/// One list: today's round, then adding a person.
#[component]
fn RosterRound(
    roster: RecordId,
    recording: RwSignal<Option<RecordId>>,
    adding: RwSignal<Option<RecordId>>,
) -> impl IntoView {
    let state = AppState::get();
    let name = Memo::new(move |_| {
        state.board.with(|board| {
            board
                .rosters
                .get(&roster)
                .map(|r| r.name.value.clone())
                .unwrap_or_default()
        })
    });
    let round = Memo::new(move |_| {
        state.board.with(|board| {
            board.rosters.get(&roster).map_or_else(Vec::new, |r| {
                r.today(platform::now_ms())
                    .into_iter()
                    .map(|(id, _, _)| id)
                    .collect::<Vec<_>>()
            })
        })
    });
    let heading = format!("roster-{roster}");
    let labelled_by = heading.clone();
    let label = move || {
        fill(
            state.lang.get().work(WorkMsg::TodaysRound),
            &[("name", &name.get())],
        )
    };
    let add_label = move || {
        fill(
            state.lang.get().work(WorkMsg::AddPersonHeading),
            &[("name", &name.get())],
        )
    };
    let open = move || adding.get() == Some(roster);
    view! {
        <section class="roster" aria-labelledby=labelled_by>
            <h2 id=heading dir="auto">{move || name.get()}</h2>
            <p><a class="button secondary" href=state.href(&routes::round_print(roster))>{t(WorkMsg::PrintRound)}</a></p>
            <ul class="cards" aria-label=label>
                <For each=move || round.get() key=|id| *id let:person>
                    <li class="post-card"><PersonCard roster=roster person=person recording=recording/></li>
                </For>
            </ul>
            <button
                type="button"
                class="secondary"
                aria-expanded=move || if open() { "true" } else { "false" }
                on:click=move |_| adding.set(if open() { None } else { Some(roster) })
            >
                {add_label}
            </button>
            <Show when=open>
                <PersonForm roster=roster adding=adding/>
            </Show>
        </section>
    }
}
