//! "Record a check-in": how it went (ok, needs something, no answer), a note for the group's
//! coordinators, and who made it. The check-in is the volunteer's own signed entry. When the
//! person needs something, the volunteer writes the ask for it next (see `ask_for`), and the
//! check-in is saved with it.

use super::ask_for::AskFor;
use super::person_card::outcome_msg;
use crate::i18n::workspace::WorkMsg;
use crate::i18n::{fill, Lang, Msg};
use crate::model::roster::{CheckInDraft, Outcome};
use crate::model::validate::Checks;
use crate::model::{EntryError, Field, RecordId};
use crate::ui::codes::{code, parse};
use crate::ui::components::form::form_actions::{FormActions, FormSummary};
use crate::ui::components::form::form_state::{add_model_problems, verdict, FormState, Problems};
use crate::ui::components::form::lens::lens;
use crate::ui::components::form::radio_field::RadioField;
use crate::ui::components::form::text_field::TextField;
use crate::ui::state::AppState;
use crate::ui::workspace::routes;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Fields {
    outcome: String,
    note: String,
    by: String,
}

const ORDER: [&str; 3] = ["outcome", "check-in-note", "check-in-by"];
const OUTCOMES: [Outcome; 3] = [Outcome::Ok, Outcome::NeedsSomething, Outcome::NoAnswer];

/// A check-in as filled in, not saved yet.
#[derive(Clone)]
pub struct Checked {
    pub draft: CheckInDraft,
    pub by: String,
}

#[component]
pub fn CheckInForm(
    roster: RecordId,
    person: RecordId,
    name: String,
    recording: RwSignal<Option<RecordId>>,
) -> impl IntoView {
    let state = AppState::get();
    let form = FormState::new(
        format!("draft.check-in.{person}"),
        &ORDER,
        move || Fields {
            by: state.handle(),
            ..Fields::default()
        },
        check,
    );
    let fields = form.fields;
    // A check-in that found a need, waiting while the volunteer writes the ask for it.
    let needing = RwSignal::new(None::<Checked>);
    let saving = name.clone();
    let submit = form.on_submit(move |checked: Checked| {
        if checked.draft.outcome == Outcome::NeedsSomething {
            needing.set(Some(checked));
            return;
        }
        let saved = state.check_in((roster, person), checked.draft, &checked.by);
        said(state, saved, WorkMsg::CheckInSaved, &saving, recording);
    });
    let outcomes = OUTCOMES
        .map(|outcome| (code(&outcome), outcome_msg(outcome)))
        .to_vec();
    let asking = move || {
        needing.get().map(|check_in| {
            view! { <AskFor place=(roster, person) name=name.clone() check_in recording/> }
        })
    };
    view! {
        {asking}
        <form class="check-in-form" novalidate on:submit=submit hidden=move || needing.with(Option::is_some)>
            <FormSummary form/>
            <RadioField id="outcome" legend=WorkMsg::FieldOutcome value=lens!(fields, outcome) options=outcomes error=form.error("outcome") required=true/>
            <TextField id="check-in-note" label=WorkMsg::FieldCheckInNote value=lens!(fields, note) error=form.error("check-in-note") multiline=true/>
            <TextField
                id="check-in-by"
                label=Msg::FieldHandle
                value=lens!(fields, by)
                error=form.error("check-in-by")
                required=true
                autocomplete="nickname"
            />
            <FormActions form submit=WorkMsg::SubmitCheckIn/>
        </form>
    }
}

/// Says how saving a check-in (with its ask or without) went, and closes the form once saved.
pub fn said(
    state: AppState,
    saved: Result<(), EntryError>,
    done: WorkMsg,
    name: &str,
    recording: RwSignal<Option<RecordId>>,
) {
    let lang = state.lang.get_untracked();
    let text = match saved {
        Ok(()) => {
            recording.set(None);
            fill(lang.work(done), &[("name", name)])
        }
        Err(EntryError::NotFound(_)) => lang.work(WorkMsg::ErrListGone).to_string(),
        Err(_) => lang.text(Msg::ErrStale).to_string(),
    };
    state.announce(routes::ROUNDS, text);
}

fn check(fields: &Fields, lang: Lang) -> Result<Checked, Problems> {
    let mut problems = Problems::new();
    let outcome = parse::<Outcome>(&fields.outcome);
    if outcome.is_none() {
        problems.insert("outcome", lang.text(Msg::ErrRequired).to_string());
    }
    let draft = CheckInDraft {
        outcome: outcome.unwrap_or(Outcome::Ok),
        note: fields.note.trim().to_string(),
        ask: None,
    };
    let by = fields.by.trim().to_string();
    let mut checks = Checks::new();
    checks.text(Field::Handle, &by, true);
    checks.text(Field::Note, &draft.note, false);
    if let Err(errors) = checks.finish() {
        let control_of = |field| match field {
            Field::Note => "check-in-note",
            _ => "check-in-by",
        };
        add_model_problems(&mut problems, errors, control_of, lang);
    }
    verdict(problems, Checked { draft, by })
}
