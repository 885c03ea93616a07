//! The board's filters and text search.

use crate::i18n::Msg;
use crate::model::sorted_set::SortedSet;
use crate::model::{BoardFilter, PostKind, StatusFilter, Urgency};
use crate::ui::codes::{code, parse};
use crate::ui::components::form::options::Options;
use crate::ui::labels::{self, choices};
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// The statuses a person can filter by, in workflow order.
const STATUSES: [StatusFilter; 5] = [
    StatusFilter::Active,
    StatusFilter::Open,
    StatusFilter::Matched,
    StatusFilter::Fulfilled,
    StatusFilter::Closed,
];

/// Search and filters for kind, category, area, urgency and status. The search box and the
/// kind are always in view; the rest fold away on a phone. Every change applies at once.
#[component]
pub fn Filters() -> impl IntoView {
    let state = AppState::get();
    let filter = state.filter;
    let kinds = Signal::derive(move || choices(state, &[PostKind::Ask, PostKind::Offer]));
    let categories = Signal::derive(move || labels::category_choices(state));
    // A group without a list of areas lets authors type one, so the choices are the areas
    // posts actually name.
    let areas = Signal::derive(move || {
        let keys: SortedSet<String> = state.config.with(|config| {
            if config.areas.is_empty() {
                state.board.with(|board| {
                    board
                        .posts()
                        .map(|post| post.area.value.clone())
                        .filter(|area| !area.is_empty())
                        .collect()
                })
            } else {
                config
                    .areas
                    .iter()
                    .map(|choice| choice.key.clone())
                    .collect()
            }
        });
        keys.into_iter()
            .map(|key| {
                let label = labels::area(state, &key);
                (key, label)
            })
            .collect()
    });
    let urgencies = Signal::derive(move || choices(state, &Urgency::ALL));
    let statuses = Signal::derive(move || choices(state, &STATUSES));
    view! {
        <search class="filters">
            <div class="field">
                <label for="search">{t(Msg::Search)}</label>
                // The hint shows inside the empty box, where it costs the first screen no line,
                // and is read as the box's description.
                <p class="visually-hidden" id="search-hint">{t(Msg::SearchHint)}</p>
                <input
                    id="search"
                    type="search"
                    dir="auto"
                    placeholder=t(Msg::SearchHint)
                    aria-describedby="search-hint"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input:target=move |ev| {
                        let text = ev.target().value();
                        filter.update(|f| f.text = text);
                    }
                />
            </div>
            <FilterSelect
                id="filter-kind"
                label=Msg::FilterKind
                any=Msg::AnyKind
                options=kinds
                value=Memo::new(move |_| filter.with(|f| f.kind.as_ref().map(code)))
                set=Callback::new(move |v: String| filter.update(|f| f.kind = parse(&v)))
            />
            <details class="more">
                <summary>{t(Msg::Filters)}</summary>
                <FilterSelect
                    id="filter-category"
                    label=Msg::FilterCategory
                    any=Msg::AnyCategory
                    options=categories
                    value=Memo::new(move |_| filter.with(|f| f.category.clone()))
                    set=Callback::new(move |v: String| {
                        filter.update(|f| f.category = (!v.is_empty()).then_some(v))
                    })
                />
                <FilterSelect
                    id="filter-area"
                    label=Msg::FilterArea
                    any=Msg::AnyArea
                    options=areas
                    value=Memo::new(move |_| filter.with(|f| f.area.clone()))
                    set=Callback::new(move |v: String| {
                        filter.update(|f| f.area = (!v.is_empty()).then_some(v))
                    })
                />
                <FilterSelect
                    id="filter-urgency"
                    label=Msg::FilterUrgency
                    any=Msg::AnyUrgency
                    options=urgencies
                    value=Memo::new(move |_| filter.with(|f| f.urgency.as_ref().map(code)))
                    set=Callback::new(move |v: String| filter.update(|f| f.urgency = parse(&v)))
                />
                <FilterSelect
                    id="filter-status"
                    label=Msg::FilterStatus
                    any=Msg::AnyStatus
                    options=statuses
                    value=Memo::new(move |_| filter.with(|f| f.status.as_ref().map(code)))
                    set=Callback::new(move |v: String| filter.update(|f| f.status = parse(&v)))
                />
                <button
                    class="button secondary"
                    type="button"
                    on:click=move |_| filter.set(BoardFilter::default())
                >
                    {t(Msg::ClearFilters)}
                </button>
            </details>
        </search>
    }
}

/// One filter: a `<select>` whose first option means "any".
#[component]
fn FilterSelect(
    id: &'static str,
    label: Msg,
    any: Msg,
    options: Signal<Vec<(String, String)>>,
    /// The chosen value, `None` for any. A memo, so typing in the search box (which changes
    /// the same filter) leaves every drop-down alone.
    value: Memo<Option<String>>,
    set: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{t(label)}</label>
            <select
                id=id
                prop:value=move || value.get().unwrap_or_default()
                on:change:target=move |ev| set.run(ev.target().value())
            >
                <option value="">{t(any)}</option>
                <Options options current=Signal::derive(move || value.get().unwrap_or_default())/>
            </select>
        </div>
    }
}
