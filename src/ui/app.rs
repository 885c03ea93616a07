//! The whole app: state, the router under the page's base path, the frame around every screen.

use super::components::layout::{
    damaged_save::DamagedSave, later::Later, notice::Notice, site_header::SiteHeader,
    update_banner::UpdateBanner,
};
use super::components::share::incoming_link::IncomingLink;
use super::pages::{
    board::BoardPage, mine::MinePage, new_post::NewPostPage, not_found::NotFoundPage,
    place::PlacePage, places::PlacesPage, post::PostPage, settings::SettingsPage, share::SharePage,
    shift::ShiftPage,
};
use super::state::{t, AppState};
use crate::i18n::Msg;
use crate::model::PostKind;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// The root component: provides [`AppState`], then draws the [`Frame`] a task later. On a slow
/// phone, reading the saved board and drawing the screens are each tens of milliseconds (most
/// of it the browser compiling the code they call for the first time); as two tasks, a tap
/// waits behind the shorter of them (issue #13's blocking time).
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    super::format::warm_up(state.lang.get_untracked());
    view! {
        <Later>
            <Frame/>
        </Later>
    }
}

/// The frame around every screen, and the router under the page's base path. It takes over
/// from the page's loading note or first view once it is drawn, so the page is never blank.
#[component]
fn Frame() -> impl IntoView {
    let state = AppState::get();
    super::first_view::take_over(state);
    view! {
        <Router base=state.base()>
            <a class="skip-link" href="#main">{t(Msg::SkipToContent)}</a>
            <SiteHeader/>
            <UpdateBanner/>
            <main id="main" tabindex="-1">
                <FocusOnNavigate/>
                <Notice/>
                <DamagedSave/>
                <IncomingLink/>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=BoardPage/>
                    <Route path=path!("/post/:id") view=PostPage/>
                    <Route path=path!("/new/ask") view=|| view! { <NewPostPage kind=PostKind::Ask/> }/>
                    <Route path=path!("/new/offer") view=|| view! { <NewPostPage kind=PostKind::Offer/> }/>
                    <Route path=path!("/mine") view=MinePage/>
                    <Route path=path!("/places") view=PlacesPage/>
                    <Route path=path!("/places/:id") view=PlacePage/>
                    <Route path=path!("/shift/:id") view=ShiftPage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                    <Route path=path!("/share") view=SharePage/>
                </Routes>
            </main>
        </Router>
    }
}

/// After a link changes the screen, moves focus to the top of the new screen, so keyboard and
/// screen-reader users start reading there instead of at a link that is gone.
#[component]
pub fn FocusOnNavigate() -> impl IntoView {
    let path = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let now = path.get();
        if previous.is_some_and(|previous| previous != now) {
            super::platform::focus_id("main");
        }
        now
    });
}
