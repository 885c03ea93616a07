//! "List a skill": who, what they can do (one of the group's categories, so matching can
//! suggest them for asks of that category), where, in which languages, and details.

use crate::i18n::workspace::WorkMsg;
use crate::i18n::{fill, Lang, Msg};
use crate::model::skill::SkillDraft;
use crate::model::Field;
use crate::ui::components::form::choice_field::ChoiceField;
use crate::ui::components::form::form_actions::{FormActions, FormSummary};
use crate::ui::components::form::form_state::{
    add_model_problems, comma_list, FormState, Problems,
};
use crate::ui::components::form::lens::lens;
use crate::ui::components::form::text_field::TextField;
use crate::ui::labels;
use crate::ui::state::{t, AppState};
use crate::ui::workspace::routes;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Fields {
    handle: String,
    skill: String,
    area: String,
    languages: String,
    details: String,
}

const ORDER: [&str; 5] = [
    "skill-handle",
    "skill",
    "skill-area",
    "skill-languages",
    "skill-details",
];

#[component]
pub fn SkillForm() -> impl IntoView {
    let state = AppState::get();
    let form = FormState::new("draft.skill".into(), &ORDER, Fields::default, check);
    let fields = form.fields;
    let submit = form.on_submit(move |draft| {
        let text = fill(
            state.lang.get_untracked().work(WorkMsg::SkillListed),
            &[
                ("handle", &draft.handle),
                ("skill", &labels::category(state, &draft.skill)),
            ],
        );
        state.add_skill(draft);
        state.announce(routes::SKILLS, text);
    });
    let categories = Signal::derive(move || labels::category_choices(state));
    let areas = Signal::derive(move || labels::area_choices(state));
    let lists_areas = move || state.config.with(|config| !config.areas.is_empty());
    view! {
        <section aria-labelledby="new-skill-heading">
            <h2 id="new-skill-heading">{t(WorkMsg::NewSkillHeading)}</h2>
            <form class="skill-form" novalidate on:submit=submit>
                <FormSummary form/>
                <TextField id="skill-handle" label=Msg::FieldHandle value=lens!(fields, handle) error=form.error("skill-handle") required=true/>
                <ChoiceField id="skill" label=WorkMsg::FieldSkill value=lens!(fields, skill) options=categories error=form.error("skill") required=true placeholder=true/>
                <Show
                    when=lists_areas
                    fallback=move || view! { <TextField id="skill-area" label=Msg::FieldArea value=lens!(fields, area) error=form.error("skill-area")/> }
                >
                    <ChoiceField id="skill-area" label=Msg::FieldArea value=lens!(fields, area) options=areas error=form.error("skill-area") placeholder=true/>
                </Show>
                <TextField id="skill-languages" label=WorkMsg::FieldSkillLanguages hint=WorkMsg::FieldSkillLanguagesHint value=lens!(fields, languages) error=form.error("skill-languages")/>
                <TextField id="skill-details" label=WorkMsg::FieldSkillDetails value=lens!(fields, details) error=form.error("skill-details") multiline=true/>
                <FormActions form submit=WorkMsg::SubmitSkill/>
            </form>
        </section>
    }
}

fn check(fields: &Fields, lang: Lang) -> Result<SkillDraft, Problems> {
    let draft = SkillDraft {
        handle: fields.handle.trim().to_string(),
        skill: fields.skill.clone(),
        details: fields.details.trim().to_string(),
        area: fields.area.trim().to_string(),
        languages: comma_list(&fields.languages),
        contact: None,
    };
    draft.validate().map(|()| draft).map_err(|errors| {
        let mut problems = Problems::new();
        let control_of = |field| match field {
            Field::Skill => "skill",
            Field::Area => "skill-area",
            Field::Languages => "skill-languages",
            Field::Details => "skill-details",
            _ => "skill-handle",
        };
        add_model_problems(&mut problems, errors, control_of, lang);
        problems
    })
}
