//! Skills: who can contribute what, where and in which languages, available or away for now,
//! and the form that lists one. Matching suggests them for asks of the same category. A
//! childcare listing also shows its swaps, and takes new ones.

use crate::i18n::fill;
use crate::i18n::workspace::WorkMsg;
use crate::model::RecordId;
use crate::ui::labels;
use crate::ui::state::{t, AppState};
use crate::ui::workspace::components::skills::skill_form::SkillForm;
use crate::ui::workspace::components::skills::swaps::Swaps;
use leptos::prelude::*;

#[component]
pub fn SkillsPage() -> impl IntoView {
    let state = AppState::get();
    let skills = Memo::new(move |_| {
        state.board.with(|board| {
            let mut listed: Vec<(String, RecordId)> = board
                .skills
                .values()
                .filter(|skill| !crate::model::record::Record::is_removed(*skill))
                .map(|skill| (skill.handle.to_lowercase(), skill.id))
                .collect();
            listed.sort();
            listed.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
        })
    });
    // One swap form open at a time, so each control keeps one id on the page.
    let recording = RwSignal::new(None::<RecordId>);
    view! {
        <h1>{t(WorkMsg::SkillsTitle)}</h1>
        <p class="intro">{t(WorkMsg::SkillsIntro)}</p>
        {move || skills.with(Vec::is_empty).then(|| view! { <p class="empty">{t(WorkMsg::SkillsEmpty)}</p> })}
        <ul class="cards" aria-label=t(WorkMsg::SkillList)>
            <For each=move || skills.get() key=|id| *id let:id>
                <li class="post-card"><SkillCard id=id recording=recording/></li>
            </For>
        </ul>
        <SkillForm/>
    }
}

#[component]
fn SkillCard(id: RecordId, recording: RwSignal<Option<RecordId>>) -> impl IntoView {
    let state = AppState::get();
    // Outside the card's reactive part, so a half-written swap form is not rebuilt whenever
    // the board changes.
    let swaps = state.board.with_untracked(|board| {
        board
            .skills
            .get(&id)
            .filter(|listing| listing.takes_swaps())
            .map(|listing| listing.handle.clone())
    });
    let card = move || {
        state.board.with(|board| {
            let skill = board.skills.get(&id)?;
            let lang = state.lang.get();
            let handle = skill.handle.clone();
            let available = skill.available.value;
            let what = [
                labels::category(state, &skill.skill.value),
                labels::area(state, &skill.area.value),
                skill.languages.value.join(", "),
            ]
            .into_iter()
            .filter(|part| !part.is_empty())
            .map(|part| view! { <span dir="auto">{part}</span> })
            .collect_view();
            let toggle = fill(
                lang.work(if available { WorkMsg::MarkAway } else { WorkMsg::MarkAvailable }),
                &[("handle", &handle)],
            );
            Some(view! {
                <h2 class="card-title" dir="auto">{handle}</h2>
                <p class="card-meta">{what}</p>
                <p class="flag">{lang.work(if available { WorkMsg::SkillAvailable } else { WorkMsg::SkillAway })}</p>
                {(!skill.details.value.is_empty()).then(|| view! { <p dir="auto">{skill.details.value.clone()}</p> })}
                // Only the listing's author or a coordinator may change it; others see no button.
                {state.may_change(skill.author).then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| state.set_skill_available(id, !available)>{toggle}</button>
                })}
            })
        })
    };
    view! {
        {card}
        {swaps.map(|handle| view! { <Swaps skill=id handle recording/> })}
    }
}
