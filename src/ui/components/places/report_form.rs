//! "Report how it is now": anyone says how stocked a place is and what state it is in, with a
//! note. The report is the reporter's own signed entry, saved on this phone.

use crate::i18n::{fill, Lang, Msg};
use crate::model::validate::Checks;
use crate::model::{Condition, EntryError, Field, RecordId, ReportDraft, Stock};
use crate::ui::codes::{code, parse};
use crate::ui::components::form::form_actions::FormSummary;
use crate::ui::components::form::form_state::{add_model_problems, verdict, FormState, Problems};
use crate::ui::components::form::lens::lens;
use crate::ui::components::form::radio_field::RadioField;
use crate::ui::components::form::text_field::TextField;
use crate::ui::routes;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Fields {
    stock: String,
    condition: String,
    note: String,
    by: String,
}

const ORDER: [&str; 4] = ["stock", "condition", "report-note", "report-by"];

/// A report, checked: what it says and who says it.
struct Checked {
    draft: ReportDraft,
    by: String,
}

#[component]
pub fn ReportForm(id: RecordId, name: String) -> impl IntoView {
    let state = AppState::get();
    let form = FormState::new(
        format!("draft.report.{id}"),
        &ORDER,
        move || Fields {
            by: state.handle(),
            ..Fields::default()
        },
        check,
    );
    let fields = form.fields;
    let submit = form.on_submit(move |Checked { draft, by }| {
        let lang = state.lang.get_untracked();
        let text = match state.report_place(id, draft, &by) {
            Ok(()) => fill(lang.text(Msg::ReportSaved), &[("place", &name)]),
            Err(EntryError::NotFound(_)) => lang.text(Msg::PostNotFound).to_string(),
            Err(_) => lang.text(Msg::ErrStale).to_string(),
        };
        state.announce(&routes::place(id), text);
    });
    let stocks = Stock::ALL
        .map(|stock| (code(&stock), Msg::from(stock)))
        .to_vec();
    let conditions = Condition::ALL
        .map(|condition| (code(&condition), Msg::from(condition)))
        .to_vec();
    view! {
        <section class="report" aria-labelledby="report-heading">
            <h2 id="report-heading">{t(Msg::ReportHeading)}</h2>
            <form novalidate on:submit=submit>
                <FormSummary form/>
                <RadioField id="stock" legend=Msg::FieldStock value=lens!(fields, stock) options=stocks error=form.error("stock")/>
                <RadioField
                    id="condition"
                    legend=Msg::FieldCondition
                    value=lens!(fields, condition)
                    options=conditions
                    error=form.error("condition")
                />
                <TextField id="report-note" label=Msg::FieldReportNote value=lens!(fields, note) error=form.error("report-note") multiline=true/>
                <TextField
                    id="report-by"
                    label=Msg::FieldHandle
                    value=lens!(fields, by)
                    error=form.error("report-by")
                    required=true
                    autocomplete="nickname"
                />
                <div class="actions">
                    <button class="button" type="submit">{t(Msg::SubmitReport)}</button>
                </div>
            </form>
        </section>
    }
}

/// A report must say something: a stock level, a condition or a note.
fn check(fields: &Fields, lang: Lang) -> Result<Checked, Problems> {
    let mut problems = Problems::new();
    let draft = ReportDraft {
        stock: parse(&fields.stock),
        condition: parse(&fields.condition),
        note: fields.note.trim().to_string(),
    };
    if draft.stock.is_none() && draft.condition.is_none() && draft.note.is_empty() {
        problems.insert("stock", lang.text(Msg::ErrReportEmpty).to_string());
    }
    let by = fields.by.trim().to_string();
    let mut checks = Checks::new();
    checks.text(Field::Handle, &by, true);
    checks.text(Field::Note, &draft.note, false);
    if let Err(errors) = checks.finish() {
        let control_of = |field| match field {
            Field::Note => "report-note",
            _ => "report-by",
        };
        add_model_problems(&mut problems, errors, control_of, lang);
    }
    verdict(problems, Checked { draft, by })
}
