//! Places: the community fridges, pantries, clinics, cooling centres and other places the group
//! lists, filtered by kind and by whether they are open now, each with its last condition report.

use crate::i18n::Msg;
use crate::model::opening_hours::open_at;
use crate::model::{RecordId, Resource, ResourceKind};
use crate::ui::codes::{code, parse};
use crate::ui::components::places::place_card::{this_week_moment, PlaceCard};
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

#[component]
pub fn PlacesPage() -> impl IntoView {
    let state = AppState::get();
    let kind = RwSignal::new(String::new());
    let open_now = RwSignal::new(false);
    let now = this_week_moment();
    // The kinds the board has places of, in their usual order.
    let kinds = Memo::new(move |_| {
        state.board.with(|board| {
            ResourceKind::ALL
                .into_iter()
                .filter(|kind| board.resources().any(|place| place.kind.value == *kind))
                .collect::<Vec<_>>()
        })
    });
    let shown = Memo::new(move |_| {
        let wanted = parse::<ResourceKind>(&kind.get());
        let open_now = open_now.get();
        state.board.with(|board| {
            let mut places: Vec<&Resource> = board
                .resources()
                .filter(|place| wanted.is_none_or(|kind| place.kind.value == kind))
                .filter(|place| !open_now || open_at(&place.hours.value, now) == Some(true))
                .collect();
            places.sort_by(|a, b| {
                a.name
                    .value
                    .to_lowercase()
                    .cmp(&b.name.value.to_lowercase())
            });
            places
                .into_iter()
                .map(|place| place.id)
                .collect::<Vec<RecordId>>()
        })
    });
    let any = Memo::new(move |_| state.board.with(|board| board.resources().next().is_some()));
    let card = move |id: RecordId| {
        state
            .board
            .with(|board| board.resources.get(&id).cloned())
            .map(|place| view! { <li class="place-card"><PlaceCard place now linked=true/></li> })
    };
    view! {
        <h1>{t(Msg::PlacesTitle)}</h1>
        <p class="intro">{t(Msg::PlacesIntro)}</p>
        <Show when=move || any.get() fallback=|| view! { <p class="empty">{t(Msg::PlacesEmpty)}</p> }>
            <search class="filters place-filters">
                <div class="field">
                    <label for="place-kind">{t(Msg::FilterPlaceKind)}</label>
                    <select id="place-kind" on:change:target=move |ev| kind.set(ev.target().value())>
                        <option value="" selected=move || kind.with(String::is_empty)>{t(Msg::AnyPlaceKind)}</option>
                        {move || {
                            let lang = state.lang.get();
                            kinds
                                .get()
                                .into_iter()
                                .map(|value| {
                                    let key = code(&value);
                                    let selected = { let key = key.clone(); move || kind.with(|kind| *kind == key) };
                                    view! { <option value=key selected=selected>{lang.text(value.into())}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || open_now.get()
                            on:change:target=move |ev| open_now.set(ev.target().checked())
                        />
                        {t(Msg::FilterOpenNow)}
                    </label>
                </div>
            </search>
            <Show when=move || !shown.with(Vec::is_empty) fallback=|| view! { <p class="empty">{t(Msg::PlacesNoMatch)}</p> }>
                <ul class="place-list" aria-label=t(Msg::PlacesList)>
                    <For each=move || shown.get() key=|id| *id children=move |id| card(id)/>
                </ul>
            </Show>
        </Show>
    }
}
