//! The workspace's first screen: what waits for the group, and the way to each screen.

use crate::i18n::workspace::{WorkCounted, WorkMsg};
use crate::ui::state::{t, AppState};
use crate::ui::workspace::routes;
use crate::ui::workspace::text::work_count;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let state = AppState::get();
    let waiting = move || {
        let count = state.board.with(|board| board.unmatched_asks().len());
        work_count(state, WorkCounted::AsksWaiting, count)
    };
    view! {
        <h1>{t(WorkMsg::WorkspaceTitle)}</h1>
        <p class="intro">{t(WorkMsg::WorkspaceIntro)}</p>
        <ul class="workspace-tiles">
            <li>
                <h2><A href=state.href(routes::ROUNDS)>{t(WorkMsg::NavRounds)}</A></h2>
                <p>{t(WorkMsg::OverviewRounds)}</p>
            </li>
            <li>
                <h2><A href=state.href(routes::SHIFTS)>{t(WorkMsg::NavShifts)}</A></h2>
                <p>{t(WorkMsg::OverviewShifts)}</p>
            </li>
            <li>
                <h2><A href=state.href(routes::MATCHING)>{t(WorkMsg::NavMatching)}</A></h2>
                <p>{waiting}</p>
            </li>
            <li>
                <h2><A href=state.href(routes::SKILLS)>{t(WorkMsg::NavSkills)}</A></h2>
                <p>{t(WorkMsg::OverviewSkills)}</p>
            </li>
            <li>
                <h2><A href=state.href(routes::FUND)>{t(WorkMsg::NavFund)}</A></h2>
                <p>{t(WorkMsg::OverviewFund)}</p>
            </li>
            <li>
                <h2><A href=state.href(routes::FLYER)>{t(WorkMsg::NavFlyer)}</A></h2>
                <p>{t(WorkMsg::OverviewFlyer)}</p>
            </li>
            <li>
                <h2><A href=state.href(routes::REPORT)>{t(WorkMsg::NavReport)}</A></h2>
                <p>{t(WorkMsg::OverviewReport)}</p>
            </li>
        </ul>
    }
}
