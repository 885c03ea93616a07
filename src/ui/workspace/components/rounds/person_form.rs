//! "Add a person": someone who asked to be checked on, how to reach them, how often, who
//! checks on them, and private notes. Kept on the coordinator's device and in full copies only.

use crate::i18n::problems::problem_text;
use crate::i18n::workspace::WorkMsg;
use crate::i18n::{fill, Lang, Msg};
use crate::model::contact_value::entry_value;
use crate::model::roster::PersonDraft;
use crate::model::{Contact, ContactMethod, EntryError, Field, RecordId, Visibility};
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
    name: String,
    method: String,
    value: String,
    cadence: String,
    volunteer: String,
    notes: String,
}

const ORDER: [&str; 6] = [
    "person-name",
    "reach-method",
    "reach-value",
    "cadence",
    "volunteer",
    "person-notes",
];

/// Hours between check-ins a coordinator picks from: daily in a heat wave, weekly otherwise.
const CADENCES: [(u32, WorkMsg); 3] = [
    (24, WorkMsg::CadenceDaily),
    (84, WorkMsg::CadenceTwiceWeekly),
    (168, WorkMsg::CadenceWeekly),
];

#[component]
pub fn PersonForm(roster: RecordId, adding: RwSignal<Option<RecordId>>) -> impl IntoView {
    let state = AppState::get();
    let country = move || {
        state
            .config
            .with_untracked(|config| config.phone_country_code)
    };
    let form = FormState::new(
        format!("draft.person.{roster}"),
        &ORDER,
        Fields::default,
        move |fields, lang| check(fields, lang, country()),
    );
    let fields = form.fields;
    let submit = form.on_submit(move |draft| {
        let lang = state.lang.get_untracked();
        let name = draft.name.clone();
        let text = match state.add_person(roster, draft) {
            Ok(()) => {
                adding.set(None);
                fill(lang.work(WorkMsg::PersonAdded), &[("name", &name)])
            }
            Err(EntryError::Full) => lang.work(WorkMsg::ErrListFull).to_string(),
            Err(EntryError::NotAllowed) => lang.work(WorkMsg::ErrListNotYours).to_string(),
            Err(_) => lang.work(WorkMsg::ErrListGone).to_string(),
        };
        state.announce(routes::ROUNDS, text);
    });
    let methods = ContactMethod::ALL
        .map(|method| (code(&method), Msg::from(method)))
        .to_vec();
    let cadences = CADENCES
        .map(|(hours, label)| (hours.to_string(), label))
        .to_vec();
    view! {
        <form class="person-form" novalidate on:submit=submit>
            <FormSummary form/>
            <TextField id="person-name" label=WorkMsg::FieldPersonName value=lens!(fields, name) error=form.error("person-name") required=true/>
            <RadioField id="reach-method" legend=WorkMsg::FieldReachMethod value=lens!(fields, method) options=methods error=form.error("reach-method")/>
            <TextField id="reach-value" label=WorkMsg::FieldReachValue value=lens!(fields, value) error=form.error("reach-value")/>
            <RadioField id="cadence" legend=WorkMsg::FieldCadence value=lens!(fields, cadence) options=cadences error=form.error("cadence") required=true/>
            <TextField id="volunteer" label=WorkMsg::FieldVolunteer value=lens!(fields, volunteer) error=form.error("volunteer")/>
            <TextField id="person-notes" label=WorkMsg::FieldPersonNotes value=lens!(fields, notes) error=form.error("person-notes") multiline=true/>
            <FormActions form submit=WorkMsg::SubmitPerson/>
        </form>
    }
}

fn check(fields: &Fields, lang: Lang, country: Option<u16>) -> Result<PersonDraft, Problems> {
    let mut problems = Problems::new();
    let required = lang.text(Msg::ErrRequired).to_string();
    let cadence_hours = CADENCES
        .iter()
        .map(|(hours, _)| *hours)
        .find(|hours| hours.to_string() == fields.cadence);
    if cadence_hours.is_none() {
        problems.insert("cadence", required.clone());
    }
    // A way to reach them is optional; a number without its method is not.
    let method = parse::<ContactMethod>(&fields.method);
    let contact = match (method, fields.value.trim()) {
        (_, "") => None,
        (None, _) => {
            problems.insert("reach-method", required);
            None
        }
        (Some(method), typed) => match entry_value(method, typed, country) {
            Ok(value) => Some(Contact {
                method,
                value,
                visibility: Visibility::Private,
            }),
            Err(problem) => {
                problems.insert("reach-value", problem_text(lang, problem));
                None
            }
        },
    };
    let draft = PersonDraft {
        name: fields.name.trim().to_string(),
        contact,
        cadence_hours: cadence_hours.unwrap_or(24),
        volunteer: fields.volunteer.trim().to_string(),
        notes: fields.notes.trim().to_string(),
    };
    if let Err(errors) = draft.validate() {
        let control_of = |field| match field {
            Field::Name => "person-name",
            Field::ContactValue => "reach-value",
            Field::Handle => "volunteer",
            Field::PrivateNote => "person-notes",
            _ => "cadence",
        };
        add_model_problems(&mut problems, errors, control_of, lang);
    }
    verdict(problems, draft)
}
