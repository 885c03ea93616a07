//! "Record a request, pledge or payout": the kind, the amount as a person types it, what it is
//! for, the request it goes towards, who records it, and a private note.

use super::{kind_msg, KINDS};
use crate::i18n::workspace::WorkMsg;
use crate::i18n::{fill, Lang, Msg};
use crate::model::fund::parse_amount;
use crate::model::{EntryDraft, EntryKind, Field, RecordId};
use crate::ui::codes::{code, parse};
use crate::ui::components::form::choice_field::ChoiceField;
use crate::ui::components::form::form_actions::{FormActions, FormSummary};
use crate::ui::components::form::form_state::{add_model_problems, verdict, FormState, Problems};
use crate::ui::components::form::lens::lens;
use crate::ui::components::form::radio_field::RadioField;
use crate::ui::components::form::text_field::TextField;
use crate::ui::format;
use crate::ui::state::{t, AppState};
use crate::ui::workspace::routes;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Fields {
    kind: String,
    amount: String,
    purpose: String,
    towards: String,
    by: String,
    note: String,
}

const ORDER: [&str; 6] = [
    "entry-kind",
    "amount",
    "purpose",
    "towards",
    "entry-by",
    "entry-note",
];

#[component]
pub fn EntryForm() -> impl IntoView {
    let state = AppState::get();
    let form = FormState::new(
        "draft.fund".into(),
        &ORDER,
        move || Fields {
            by: state.handle(),
            ..Fields::default()
        },
        check,
    );
    let fields = form.fields;
    let submit = form.on_submit(move |draft| {
        let lang = state.lang.get_untracked();
        let text = fill(
            lang.work(WorkMsg::EntrySaved),
            &[
                ("kind", lang.work(kind_msg(draft.kind))),
                ("amount", &format::money(lang, i128::from(draft.amount))),
            ],
        );
        state.record_fund_entry(draft);
        state.announce(routes::FUND, text);
    });
    let kinds = KINDS.map(|kind| (code(&kind), kind_msg(kind))).to_vec();
    // A pledge or payout may go towards one of the requests on the ledger.
    let requests = Signal::derive(move || {
        let lang = state.lang.get();
        let mut options = vec![(String::new(), lang.work(WorkMsg::NoRequest).to_string())];
        state.board.with(|board| {
            options.extend(
                board
                    .ledger()
                    .into_iter()
                    .filter(|entry| entry.kind == EntryKind::Request)
                    .map(|entry| (entry.id.to_string(), entry.purpose.value.clone())),
            );
        });
        options
    });
    let towards_shown = move || {
        fields.with(|fields| fields.kind != code(&EntryKind::Request) && !fields.kind.is_empty())
    };
    view! {
        <section aria-labelledby="new-entry-heading">
            <h2 id="new-entry-heading">{t(WorkMsg::NewEntryHeading)}</h2>
            <form class="entry-form" novalidate on:submit=submit>
                <FormSummary form/>
                <RadioField id="entry-kind" legend=WorkMsg::FieldEntryKind value=lens!(fields, kind) options=kinds error=form.error("entry-kind") required=true/>
                <TextField id="amount" label=WorkMsg::FieldAmount hint=WorkMsg::FieldAmountHint value=lens!(fields, amount) error=form.error("amount") required=true inputmode="decimal"/>
                <TextField id="purpose" label=WorkMsg::FieldPurpose value=lens!(fields, purpose) error=form.error("purpose")/>
                <Show when=towards_shown>
                    <ChoiceField id="towards" label=WorkMsg::FieldTowards value=lens!(fields, towards) options=requests error=form.error("towards")/>
                </Show>
                <TextField id="entry-by" label=Msg::FieldHandle value=lens!(fields, by) error=form.error("entry-by") required=true autocomplete="nickname"/>
                <TextField id="entry-note" label=WorkMsg::FieldEntryNote value=lens!(fields, note) error=form.error("entry-note") multiline=true/>
                <FormActions form submit=WorkMsg::SubmitEntry/>
            </form>
        </section>
    }
}

fn check(fields: &Fields, lang: Lang) -> Result<EntryDraft, Problems> {
    let mut problems = Problems::new();
    let kind = parse::<EntryKind>(&fields.kind);
    if kind.is_none() {
        problems.insert("entry-kind", lang.text(Msg::ErrRequired).to_string());
    }
    let amount = match fields.amount.trim() {
        "" => {
            problems.insert("amount", lang.text(Msg::ErrRequired).to_string());
            0
        }
        typed => parse_amount(typed).unwrap_or_else(|| {
            problems.insert("amount", lang.work(WorkMsg::ErrAmount).to_string());
            0
        }),
    };
    let kind = kind.unwrap_or(EntryKind::Pledge);
    let draft = EntryDraft {
        kind,
        amount,
        purpose: fields.purpose.trim().to_string(),
        request: (kind != EntryKind::Request)
            .then(|| fields.towards.parse::<RecordId>().ok())
            .flatten(),
        by: fields.by.trim().to_string(),
        private_note: fields.note.trim().to_string(),
    };
    if let Err(errors) = draft.validate() {
        let control_of = |field| match field {
            Field::Amount => "amount",
            Field::Purpose => "purpose",
            Field::PrivateNote => "entry-note",
            _ => "entry-by",
        };
        add_model_problems(&mut problems, errors, control_of, lang);
    }
    verdict(problems, draft)
}
