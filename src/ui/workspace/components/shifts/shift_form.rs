//! "Add a shift": the task, the place it staffs (one of the group's places, if any), the area,
//! the day and start time in the device's own time zone, how long, and how many people.

use crate::i18n::workspace::WorkMsg;
use crate::i18n::{fill, Lang, Msg};
use crate::model::shift::ShiftDraft;
use crate::model::{Day, Field, RecordId};
use crate::ui::components::form::choice_field::ChoiceField;
use crate::ui::components::form::form_actions::{FormActions, FormSummary};
use crate::ui::components::form::form_state::{add_model_problems, verdict, FormState, Problems};
use crate::ui::components::form::lens::lens;
use crate::ui::components::form::text_field::TextField;
use crate::ui::state::{t, AppState};
use crate::ui::workspace::routes;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Fields {
    task: String,
    place: String,
    area: String,
    day: String,
    time: String,
    minutes: String,
    needed: String,
}

const ORDER: [&str; 7] = [
    "task",
    "shift-place",
    "shift-area",
    "shift-day",
    "shift-time",
    "minutes",
    "needed",
];

#[component]
pub fn ShiftForm() -> impl IntoView {
    let state = AppState::get();
    let form = FormState::new(
        "draft.shift".into(),
        &ORDER,
        || Fields {
            minutes: "120".into(),
            needed: "2".into(),
            ..Fields::default()
        },
        check,
    );
    let fields = form.fields;
    let submit = form.on_submit(move |draft| {
        let text = fill(
            state.lang.get_untracked().work(WorkMsg::ShiftAdded),
            &[("task", &draft.task)],
        );
        state.add_shift(draft);
        state.announce(routes::SHIFTS, text);
    });
    let places = Signal::derive(move || {
        let mut options = vec![(
            String::new(),
            state.lang.get().work(WorkMsg::NoPlace).to_string(),
        )];
        state.board.with(|board| {
            options.extend(
                board
                    .resources()
                    .map(|place| (place.id.to_string(), place.name.value.clone())),
            );
        });
        options
    });
    view! {
        <section aria-labelledby="new-shift-heading">
            <h2 id="new-shift-heading">{t(WorkMsg::NewShiftHeading)}</h2>
            <form class="shift-form" novalidate on:submit=submit>
                <FormSummary form/>
                <TextField id="task" label=WorkMsg::FieldTask hint=WorkMsg::FieldTaskHint value=lens!(fields, task) error=form.error("task") required=true/>
                <ChoiceField id="shift-place" label=WorkMsg::FieldShiftPlace value=lens!(fields, place) options=places error=form.error("shift-place")/>
                <TextField id="shift-area" label=Msg::FieldArea value=lens!(fields, area) error=form.error("shift-area")/>
                <TextField id="shift-day" label=WorkMsg::FieldShiftDay value=lens!(fields, day) error=form.error("shift-day") required=true kind="date"/>
                <TextField id="shift-time" label=WorkMsg::FieldShiftTime value=lens!(fields, time) error=form.error("shift-time") required=true kind="time"/>
                <TextField id="minutes" label=WorkMsg::FieldMinutes value=lens!(fields, minutes) error=form.error("minutes") required=true inputmode="numeric"/>
                <TextField id="needed" label=WorkMsg::FieldNeeded value=lens!(fields, needed) error=form.error("needed") required=true inputmode="numeric"/>
                <FormActions form submit=WorkMsg::SubmitShift/>
            </form>
        </section>
    }
}

fn check(fields: &Fields, lang: Lang) -> Result<ShiftDraft, Problems> {
    let mut problems = Problems::new();
    let day = fields.day.trim().parse::<Day>().ok();
    if day.is_none() {
        problems.insert("shift-day", lang.text(Msg::ErrDate).to_string());
    }
    let time = parse_time(&fields.time);
    if time.is_none() {
        problems.insert("shift-time", lang.work(WorkMsg::ErrShiftTime).to_string());
    }
    let number = |id: &'static str, typed: &str, problems: &mut Problems| {
        typed
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .unwrap_or_else(|| {
                problems.insert(id, lang.work(WorkMsg::ErrNumber).to_string());
                0
            })
    };
    let minutes = number("minutes", &fields.minutes, &mut problems);
    let needed = number("needed", &fields.needed, &mut problems);
    let starts_ms = match (day, time) {
        (Some(day), Some((hour, minute))) => local_ms(day, hour, minute),
        _ => 0,
    };
    let draft = ShiftDraft {
        task: fields.task.trim().to_string(),
        area: fields.area.trim().to_string(),
        resource: fields.place.parse::<RecordId>().ok(),
        starts_ms,
        minutes,
        needed,
    };
    if let Err(errors) = draft.validate() {
        let control_of = |field| match field {
            Field::Area => "shift-area",
            Field::HeadCount => "needed",
            _ => "task",
        };
        add_model_problems(&mut problems, errors, control_of, lang);
    }
    verdict(problems, draft)
}

/// `09:30` as hours and minutes.
fn parse_time(typed: &str) -> Option<(u32, u32)> {
    let (hour, minute) = typed.trim().split_once(':')?;
    let (hour, minute) = (hour.parse::<u32>().ok()?, minute.parse::<u32>().ok()?);
    (hour < 24 && minute < 60).then_some((hour, minute))
}

/// A day and a time on this device's clock, as ms since 1970 UTC.
fn local_ms(day: Day, hour: u32, minute: u32) -> u64 {
    let (year, month, date) = day.ymd();
    let local = js_sys::Date::new_with_year_month_day_hr_min(
        year as u32,
        month as i32 - 1,
        date as i32,
        hour as i32,
        minute as i32,
    );
    local.get_time().max(0.0) as u64
}
