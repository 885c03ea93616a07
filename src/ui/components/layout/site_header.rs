//! The group's name and the main navigation.

use super::nav_links::NavLinks;
use crate::i18n::Msg;
use crate::model::PostKind;
use crate::ui::routes::{self, href};
use crate::ui::state::{t, AppState};
use leptos::prelude::*;
use leptos_router::components::A;

/// The header on every screen: the group's name, which leads back to the board, the group's
/// places, and links to every screen a neighbour uses. The current screen's link is marked with `aria-current`.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let state = AppState::get();
    let name = move || state.config.with(|config| config.name.clone());
    let links = [
        (routes::BOARD, Msg::NavBoard),
        (routes::new_post(PostKind::Ask), Msg::NavNewAsk),
        (routes::new_post(PostKind::Offer), Msg::NavNewOffer),
        (routes::MINE, Msg::NavMine),
        (routes::SHARE, Msg::NavShare),
        (routes::SETTINGS, Msg::NavSettings),
    ];
    view! {
        <header class="site-header">
            // The group's places sit beside its name, not in the menu, which must stay within
            // two lines on a phone in every language.
            <div class="brand-row">
                <a class="brand" href=href(routes::BOARD)>{name}</a>
                <A href=href(routes::PLACES)>{t(Msg::NavPlaces)}</A>
            </div>
            <NavLinks label=Msg::MainNav links=links.to_vec()/>
        </header>
    }
}
