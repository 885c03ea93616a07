//! The workspace's first screen: what waits for the group, and the way to each screen.

use crate::i18n::workspace::{WorkCounted, WorkMsg};
use crate::ui::state::AppState;
use crate::ui::workspace::routes;
use crate::ui::workspace::text::{w, work_count};
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
        <h1>{w(WorkMsg::WorkspaceTitle)}</h1>
        <p class="intro">{w(WorkMsg::WorkspaceIntro)}</p>
        <ul class="workspace-tiles">
            <li>
                <h2><A href=state.href(routes::ROUNDS)>{w(WorkMsg::NavRounds)}</A></h2>
                <p>{w(WorkMsg::OverviewRounds)}</p>
            </li>
            <li>
                <h2><A href=state.href(routes::SHIFTS)>{w(WorkMsg::NavShifts)}</A></h2>
                <p>{w(WorkMsg::OverviewShifts)}</p>
            </li>
            <li>
                <h2><A href=state.href(routes::MATCHING)>{w(WorkMsg::NavMatching)}</A></h2>
                <p>{waiting}</p>
            </li>
            <li>
                <h2><A href=state.href(routes::SKILLS)>{w(WorkMsg::NavSkills)}</A></h2>
                <p>{w(WorkMsg::OverviewSkills)}</p>
            </li>
            <li>
                <h2><A href=state.href(routes::FUND)>{w(WorkMsg::NavFund)}</A></h2>
                <p>{w(WorkMsg::OverviewFund)}</p>
            </li>
            <li>
                <h2><A href=state.href(routes::FLYER)>{w(WorkMsg::NavFlyer)}</A></h2>
                <p>{w(WorkMsg::OverviewFlyer)}</p>
            </li>
            <li>
                <h2><A href=state.href(routes::REPORT)>{w(WorkMsg::NavReport)}</A></h2>
                <p>{w(WorkMsg::OverviewReport)}</p>
            </li>
        </ul>
    }
}
