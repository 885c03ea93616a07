//! The workspace's frame: state, the router under the workspace's path, its header and screens.

use super::pages::{
    flyer::FlyerPage, fund::FundPage, matching::MatchingPage, overview::OverviewPage,
    report::ReportPage, round_print::RoundPrintPage, rounds::RoundsPage,
    shift_sheet::ShiftSheetPage, shifts::ShiftsPage, skills::SkillsPage,
};
use super::routes;
use crate::i18n::workspace::WorkMsg;
use crate::i18n::Msg;
use crate::ui::app::FocusOnNavigate;
use crate::ui::components::layout::{
    damaged_save::DamagedSave, nav_links::NavLinks, notice::Notice, update_banner::UpdateBanner,
};
use crate::ui::state::{t, AppState};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The workspace's root: the same state as the board page, its own routes.
#[component]
pub fn WorkspaceApp() -> impl IntoView {
    let state = AppState::provide();
    view! {
        <Router base=state.base()>
            <a class="skip-link" href="#main">{t(Msg::SkipToContent)}</a>
            <WorkspaceHeader/>
            <UpdateBanner/>
            <main id="main" tabindex="-1">
                <FocusOnNavigate/>
                <Notice/>
                <DamagedSave/>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=OverviewPage/>
                    <Route path=path!("/matching") view=MatchingPage/>
                    <Route path=path!("/report") view=ReportPage/>
                    <Route path=path!("/rounds") view=RoundsPage/>
                    <Route path=path!("/fund") view=FundPage/>
                    <Route path=path!("/flyer") view=FlyerPage/>
                    <Route path=path!("/skills") view=SkillsPage/>
                    <Route path=path!("/shifts") view=ShiftsPage/>
                    <Route path=path!("/shifts/print") view=ShiftSheetPage/>
                    <Route path=path!("/rounds/:id/print") view=RoundPrintPage/>
                </Routes>
            </main>
        </Router>
    }
}

/// The group's name, a plain link back to the board page, and the workspace's screens.
#[component]
fn WorkspaceHeader() -> impl IntoView {
    let state = AppState::get();
    let name = move || state.config.with(|config| config.name.clone());
    let links = [
        (routes::OVERVIEW, WorkMsg::NavOverview),
        (routes::ROUNDS, WorkMsg::NavRounds),
        (routes::SHIFTS, WorkMsg::NavShifts),
        (routes::MATCHING, WorkMsg::NavMatching),
        (routes::SKILLS, WorkMsg::NavSkills),
        (routes::FUND, WorkMsg::NavFund),
        (routes::REPORT, WorkMsg::NavReport),
    ];
    view! {
        <header class="site-header">
            <div class="brand-row">
                <a class="brand" href=state.href(routes::OVERVIEW)>{name}</a>
                // A plain link: the board is the other page.
                <a href=state.site_href("/") rel="external">{t(Msg::NavBoard)}</a>
            </div>
            <NavLinks label=WorkMsg::WorkspaceNav links=links.to_vec()/>
        </header>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let state = AppState::get();
    view! {
        <h1>{t(Msg::PageNotFound)}</h1>
        <p>
            <a class="button secondary" href=state.href(routes::OVERVIEW)>
                {t(WorkMsg::WorkspaceTitle)}
            </a>
        </p>
    }
}
