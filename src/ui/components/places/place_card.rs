//! One place: what it is, where, when it is open, what it takes and needs, who it serves, and
//! how it was when someone last looked. In the list its name links to the place's own page,
//! where the condition report form is.

use crate::i18n::{fill, Msg};
use crate::model::opening_hours::{open_at, WeekMoment};
use crate::model::Resource;
use crate::ui::routes::{self, href};
use crate::ui::state::AppState;
use crate::ui::{format, labels, platform};
use leptos::prelude::*;

/// The place's text, in the reader's language; `linked` makes its name a link to its page.
#[component]
pub fn PlaceCard(
    place: Resource,
    now: WeekMoment,
    #[prop(optional)] linked: bool,
) -> impl IntoView {
    let state = AppState::get();
    let lang = state.lang.get_untracked();
    let open = open_at(&place.hours.value, now).map(|open| {
        let (class, msg) = if open {
            ("badge open", Msg::OpenNow)
        } else {
            ("badge closed", Msg::ClosedNow)
        };
        view! { <span class=class>{lang.text(msg)}</span> }
    });
    let detail = |label: Msg, value: &str| {
        (!value.trim().is_empty()).then(|| {
            view! {
                <dt>{lang.text(label)}</dt>
                <dd>{value.to_string()}</dd>
            }
        })
    };
    let latest = match place.latest_report() {
        None => view! { <p class="hint">{lang.text(Msg::PlaceNoReport)}</p> }.into_any(),
        Some(report) => {
            let said: Vec<&str> = [
                report.stock.map(|stock| lang.text(stock.into())),
                report
                    .condition
                    .map(|condition| lang.text(condition.into())),
            ]
            .into_iter()
            .flatten()
            .collect();
            let when = fill(
                lang.text(Msg::ReportedAgo),
                &[
                    ("ago", &format::ago(lang, report.at.ms, platform::now_ms())),
                    ("by", &report.by),
                ],
            );
            view! {
                <p class="latest-report">
                    <strong>{lang.text(Msg::PlaceLatest)} ": "</strong>
                    {said.join(" · ")}
                    {(!report.note.is_empty()).then(|| format!(" — {}", report.note))}
                    " " <span class="when">"(" {when} ")"</span>
                </p>
            }
            .into_any()
        }
    };
    let name = place.name.value.clone();
    let heading = if linked {
        view! { <h2><a href=href(&routes::place(place.id))>{name}</a></h2> }.into_any()
    } else {
        view! { <h1>{name}</h1> }.into_any()
    };
    view! {
        {heading}
        <p class="meta">
            {lang.text(place.kind.value.into())} " · " {labels::area(state, &place.area.value)} " " {open}
        </p>
        <dl class="place-details">
            {detail(Msg::PlaceHours, &place.hours.value)}
            {detail(Msg::PlaceAccepts, &place.accepts.value)}
            {detail(Msg::PlaceNeeds, &place.needs.value)}
            {detail(Msg::PlaceServes, &place.serves.value)}
        </dl>
        {latest}
    }
}

/// Where this phone is in its week, by its own clock: when the places' hours are read.
pub fn this_week_moment() -> WeekMoment {
    let date = js_sys::Date::new_0();
    WeekMoment {
        weekday: ((date.get_day() + 6) % 7) as u8,
        minute: (date.get_hours() * 60 + date.get_minutes()) as u16,
    }
}
