//! "Start a check-in list": its name and, if the group wants, its area.

use crate::i18n::workspace::WorkMsg;
use crate::i18n::{fill, Lang, Msg};
use crate::model::validate::Checks;
use crate::model::Field;
use crate::ui::components::form::form_actions::{FormActions, FormSummary};
use crate::ui::components::form::form_state::{add_model_problems, FormState, Problems};
use crate::ui::components::form::lens::lens;
use crate::ui::components::form::text_field::TextField;
use crate::ui::state::{t, AppState};
use crate::ui::workspace::routes;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Fields {
    name: String,
    area: String,
}

const ORDER: [&str; 2] = ["roster-name", "roster-area"];

#[component]
pub fn RosterForm() -> impl IntoView {
    let state = AppState::get();
    let form = FormState::new("draft.roster".into(), &ORDER, Fields::default, check);
    let fields = form.fields;
    let submit = form.on_submit(move |(name, area)| {
        let text = fill(
            state.lang.get_untracked().work(WorkMsg::RosterStarted),
            &[("name", &name)],
        );
        state.add_roster(name, area);
        state.announce(routes::ROUNDS, text);
    });
    view! {
        <section aria-labelledby="new-roster-heading">
            <h2 id="new-roster-heading">{t(WorkMsg::NewRosterHeading)}</h2>
            <form novalidate on:submit=submit>
                <FormSummary form/>
                <TextField id="roster-name" label=WorkMsg::FieldRosterName hint=WorkMsg::FieldRosterNameHint value=lens!(fields, name) error=form.error("roster-name") required=true/>
                <TextField id="roster-area" label=Msg::FieldArea value=lens!(fields, area) error=form.error("roster-area")/>
                <FormActions form submit=WorkMsg::SubmitRoster/>
            </form>
        </section>
    }
}

fn check(fields: &Fields, lang: Lang) -> Result<(String, String), Problems> {
    let name = fields.name.trim().to_string();
    let area = fields.area.trim().to_string();
    let mut checks = Checks::new();
    checks.text(Field::Name, &name, true);
    checks.text(Field::Area, &area, false);
    match checks.finish() {
        Ok(()) => Ok((name, area)),
        Err(errors) => {
            let mut problems = Problems::new();
            let control_of = |field| match field {
                Field::Area => "roster-area",
                _ => "roster-name",
            };
            add_model_problems(&mut problems, errors, control_of, lang);
            Err(problems)
        }
    }
}
