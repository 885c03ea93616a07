//! "Record a swap": on a childcare listing, who minded whose children, on which day, for how
//! many hours, a note, and who records it. The swap is the recorder's own signed entry.

use crate::i18n::workspace::WorkMsg;
use crate::i18n::{fill, Lang, Msg};
use crate::model::swap::SwapDraft;
use crate::model::validate::Checks;
use crate::model::{Day, EntryError, Field, RecordId};
use crate::ui::components::form::form_actions::{FormActions, FormSummary};
use crate::ui::components::form::form_state::{add_model_problems, verdict, FormState, Problems};
use crate::ui::components::form::lens::lens;
use crate::ui::components::form::text_field::TextField;
use crate::ui::platform;
use crate::ui::state::AppState;
use crate::ui::workspace::routes;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Fields {
    minder: String,
    family: String,
    day: String,
    hours: String,
    note: String,
    by: String,
}

const ORDER: [&str; 6] = [
    "swap-minder",
    "swap-family",
    "swap-day",
    "swap-hours",
    "swap-note",
    "swap-by",
];

/// The longest stretch one swap records, in hours: a whole day.
const MOST_HOURS: u32 = 24;

struct Checked {
    draft: SwapDraft,
    by: String,
}

#[component]
pub fn SwapForm(
    skill: RecordId,
    /// Whose listing it is: the one who minded, unless the recorder says otherwise.
    handle: String,
    /// The listing whose swap form is open on this screen, if any.
    recording: RwSignal<Option<RecordId>>,
) -> impl IntoView {
    let state = AppState::get();
    let form = FormState::new(
        format!("draft.swap.{skill}"),
        &ORDER,
        move || Fields {
            minder: handle.clone(),
            day: Day::from_ms(platform::now_ms()).to_string(),
            by: state.handle(),
            ..Fields::default()
        },
        check,
    );
    let fields = form.fields;
    let submit = form.on_submit(move |Checked { draft, by }| {
        let lang = state.lang.get_untracked();
        let names = [
            ("minder", draft.minder.clone()),
            ("family", draft.family.clone()),
        ];
        let text = match state.record_swap(skill, draft, &by) {
            Ok(()) => {
                recording.set(None);
                let values: Vec<(&str, &str)> =
                    names.iter().map(|(k, v)| (*k, v.as_str())).collect();
                fill(lang.work(WorkMsg::SwapSaved), &values)
            }
            Err(EntryError::NotFound(_)) => lang.work(WorkMsg::ErrListingGone).to_string(),
            Err(_) => lang.text(Msg::ErrStale).to_string(),
        };
        state.announce(routes::SKILLS, text);
    });
    view! {
        <form class="swap-form" novalidate on:submit=submit>
            <FormSummary form/>
            <TextField id="swap-minder" label=WorkMsg::FieldMinder value=lens!(fields, minder) error=form.error("swap-minder") required=true/>
            <TextField id="swap-family" label=WorkMsg::FieldFamily value=lens!(fields, family) error=form.error("swap-family") required=true/>
            <TextField id="swap-day" label=WorkMsg::FieldSwapDay value=lens!(fields, day) error=form.error("swap-day") required=true kind="date"/>
            <TextField id="swap-hours" label=WorkMsg::FieldSwapHours value=lens!(fields, hours) error=form.error("swap-hours") required=true inputmode="numeric"/>
            <TextField id="swap-note" label=WorkMsg::FieldSwapNote value=lens!(fields, note) error=form.error("swap-note") multiline=true/>
            <TextField id="swap-by" label=Msg::FieldHandle value=lens!(fields, by) error=form.error("swap-by") required=true autocomplete="nickname"/>
            <FormActions form submit=WorkMsg::SubmitSwap/>
        </form>
    }
}

fn check(fields: &Fields, lang: Lang) -> Result<Checked, Problems> {
    let mut problems = Problems::new();
    let day = match fields.day.trim() {
        "" => {
            problems.insert("swap-day", lang.text(Msg::ErrRequired).to_string());
            None
        }
        typed => typed.parse::<Day>().ok().or_else(|| {
            problems.insert("swap-day", lang.text(Msg::ErrDate).to_string());
            None
        }),
    };
    let hours = fields
        .hours
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|hours| (1..=MOST_HOURS).contains(hours));
    if hours.is_none() {
        problems.insert("swap-hours", lang.work(WorkMsg::ErrSwapHours).to_string());
    }
    let draft = SwapDraft {
        minder: fields.minder.trim().to_string(),
        family: fields.family.trim().to_string(),
        day: day.unwrap_or(Day(0)),
        minutes: hours.unwrap_or(1) * 60,
        note: fields.note.trim().to_string(),
    };
    let by = fields.by.trim().to_string();
    // Each handle is checked on its own, so a problem lands under the control that has it.
    for (control, text, field) in [
        ("swap-minder", &draft.minder, Field::Handle),
        ("swap-family", &draft.family, Field::Handle),
        ("swap-note", &draft.note, Field::Note),
        ("swap-by", &by, Field::Handle),
    ] {
        let mut checks = Checks::new();
        checks.text(field, text, field == Field::Handle);
        if let Err(errors) = checks.finish() {
            add_model_problems(&mut problems, errors, |_| control, lang);
        }
    }
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    if !draft.family.is_empty() && same(&draft.minder, &draft.family) {
        problems.get_or_insert_with("swap-family", || {
            lang.work(WorkMsg::ErrSameNeighbour).to_string()
        });
    }
    verdict(problems, Checked { draft, by })
}
