//! One place on its own page (`/places/:id`): everything the list shows, and the form to report
//! how it is now.

use crate::i18n::Msg;
use crate::model::RecordId;
use crate::ui::components::places::place_card::{this_week_moment, PlaceCard};
use crate::ui::components::places::report_form::ReportForm;
use crate::ui::routes::{self, href};
use crate::ui::state::{t, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PlacePage() -> impl IntoView {
    let state = AppState::get();
    let params = use_params_map();
    let id =
        move || params.with(|params| params.get("id").and_then(|id| id.parse::<RecordId>().ok()));
    let now = this_week_moment();
    move || {
        let place = id().and_then(|id| {
            state
                .board
                .with(|board| board.resources().find(|place| place.id == id).cloned())
        });
        match place {
            Some(place) => {
                let (id, name) = (place.id, place.name.value.clone());
                view! {
                    <article class="place">
                        <PlaceCard place now/>
                    </article>
                    <ReportForm id name/>
                    <p><a href=href(routes::PLACES)>{t(Msg::NavPlaces)}</a></p>
                }
                .into_any()
            }
            None => view! {
                <h1>{t(Msg::PostNotFound)}</h1>
                <p><a href=href(routes::PLACES)>{t(Msg::NavPlaces)}</a></p>
            }
            .into_any(),
        }
    }
}
