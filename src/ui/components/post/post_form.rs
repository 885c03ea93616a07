//! The form that writes an ask or an offer: what a neighbour who has never seen Circle fills in
//! under a minute on the board page, and what a volunteer fills in for someone on a check-in list
//! in the workspace. The same questions, checks and kept draft in both places.

use crate::i18n::{Lang, Msg, Text};
use crate::model::{
    Contact, ContactMethod, Day, Field, GroupConfig, PostDraft, PostKind, Urgency, Visibility,
};
use crate::ui::codes::{code, parse};
use crate::ui::components::form::choice_field::ChoiceField;
use crate::ui::components::form::form_actions::{FormActions, FormSummary};
use crate::ui::components::form::form_state::{
    add_model_problems, comma_list, FormState, Problems,
};
use crate::ui::components::form::lens::lens;
use crate::ui::components::form::radio_field::RadioField;
use crate::ui::components::form::text_field::TextField;
use crate::ui::labels;
use crate::ui::labels::choices;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The form as typed, all text, so a half-written draft is saved and restored exactly as the
/// person left it, even where it does not parse yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Fields {
    title: String,
    category: String,
    area: String,
    method: String,
    contact: String,
    visibility: String,
    author: String,
    details: String,
    urgency: String,
    quantity: String,
    until: String,
    recurring: bool,
    languages: String,
    private_note: String,
}

/// Control ids in the order they appear, so the first problem gets focus after a submit.
const ORDER: [&str; 13] = [
    "title",
    "category",
    "area",
    "method",
    "contact",
    "visibility",
    "author",
    "details",
    "urgency",
    "quantity",
    "until",
    "languages",
    "private-note",
];

/// The contact visibilities the form offers. "Group members" is left out: a group contact is
/// readable only with the group's key, which no group has yet, so nobody could ever read it.
const OFFERED_VISIBILITY: [Visibility; 2] = [Visibility::Public, Visibility::Private];

/// The form for a new ask or offer. The required questions come first; the rest sit under
/// "More details". The draft is kept on the device under `draft_key` until it is posted; a valid
/// form's draft goes to `on_post`, whose button says `submit`.
#[component]
pub fn PostForm<M: Text>(
    kind: PostKind,
    draft_key: String,
    submit: M,
    on_post: Callback<PostDraft>,
) -> impl IntoView {
    let state = AppState::get();
    let form = FormState::new(
        draft_key,
        &ORDER,
        move || blank(state),
        move |fields, lang| {
            state
                .config
                .with(|config| check(kind, fields, config, lang))
        },
    );
    let fields = form.fields;
    let error = move |id| form.error(id);
    let what = match kind {
        PostKind::Ask => Msg::FieldWhatAsk,
        PostKind::Offer => Msg::FieldWhatOffer,
    };
    let until_label = match kind {
        PostKind::Ask => Msg::FieldNeededBy,
        PostKind::Offer => Msg::FieldAvailableUntil,
    };
    let categories = Signal::derive(move || labels::category_choices(state));
    let areas = Signal::derive(move || labels::area_choices(state));
    let group_lists_areas = move || state.config.with(|config| !config.areas.is_empty());
    let methods = Signal::derive(move || choices(state, &ContactMethod::ALL));
    let urgencies = Signal::derive(move || choices(state, &Urgency::ALL));

    view! {
        <form class="post-form" novalidate on:submit=form.on_submit(move |draft| on_post.run(draft))>
            <FormSummary form/>
            <TextField
                id="title"
                label=what
                value=lens!(fields, title)
                error=error("title")
                required=true
                max=Field::Title.limit()
            />
            <ChoiceField
                id="category"
                label=Msg::FieldCategory
                value=lens!(fields, category)
                options=categories
                error=error("category")
                required=true
                placeholder=true
            />
            <Show
                when=group_lists_areas
                fallback=move || view! {
                    <TextField id="area" label=Msg::FieldArea value=lens!(fields, area) error=error("area")/>
                }
            >
                <ChoiceField
                    id="area"
                    label=Msg::FieldArea
                    value=lens!(fields, area)
                    options=areas
                    error=error("area")
                    required=true
                    placeholder=true
                />
            </Show>
            <ChoiceField
                id="method"
                label=Msg::FieldContactMethod
                value=lens!(fields, method)
                options=methods
                error=error("method")
                required=true
                placeholder=true
            />
            <TextField
                id="contact"
                label=Msg::FieldContactValue
                hint=Msg::FieldContactHint
                note=Msg::FieldContactNotes
                value=lens!(fields, contact)
                error=error("contact")
                required=true
                autocomplete="tel"
            />
            <RadioField
                id="visibility"
                legend=Msg::FieldVisibility
                value=lens!(fields, visibility)
                options=OFFERED_VISIBILITY
                    .map(|visibility| (code(&visibility), visibility.into()))
                    .to_vec()
                hints=vec![Msg::VisibilityPublicHint, Msg::VisibilityPrivateHint]
                error=error("visibility")
                required=true
            />
            <TextField
                id="author"
                label=Msg::FieldHandle
                value=lens!(fields, author)
                error=error("author")
                required=true
                autocomplete="nickname"
            />
            <details class="more" open=move || fields.with(has_optional)>
                <summary>{t(Msg::OptionalMore)}</summary>
                <TextField id="details" label=Msg::FieldDetails value=lens!(fields, details) error=error("details") multiline=true/>
                <ChoiceField id="urgency" label=Msg::FieldUrgency value=lens!(fields, urgency) options=urgencies error=error("urgency")/>
                <TextField
                    id="quantity"
                    label=Msg::FieldQuantity
                    value=lens!(fields, quantity)
                    error=error("quantity")
                    inputmode="numeric"
                />
                <TextField id="until" label=until_label value=lens!(fields, until) error=error("until") kind="date"/>
                <div class="field">
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || fields.with(|f| f.recurring)
                            on:change:target=move |ev| {
                                let on = ev.target().checked();
                                fields.update(|f| f.recurring = on);
                            }
                        />
                        {t(Msg::FieldRecurring)}
                    </label>
                </div>
                <TextField
                    id="languages"
                    label=Msg::FieldLanguages
                    hint=Msg::FieldLanguagesHint
                    value=lens!(fields, languages)
                    error=error("languages")
                />
                <TextField
                    id="private-note"
                    label=Msg::FieldPrivateNote
                    value=lens!(fields, private_note)
                    error=error("private-note")
                    multiline=true
                />
            </details>
            <p class="hint">{t(Msg::DraftKept)}</p>
            <FormActions form submit=submit/>
        </form>
    }
}

/// A fresh form: the person's handle filled in, urgency "anytime".
fn blank(state: AppState) -> Fields {
    Fields {
        author: state.handle(),
        urgency: code(&Urgency::Anytime),
        ..Fields::default()
    }
}

/// Whether the person filled in any optional field, so a restored draft shows them open.
fn has_optional(fields: &Fields) -> bool {
    !(fields.details.is_empty()
        && fields.quantity.is_empty()
        && fields.until.is_empty()
        && !fields.recurring
        && fields.languages.is_empty()
        && fields.private_note.is_empty())
}

/// Turns the typed fields into a draft and has the model check it as a new entry, which also
/// puts a phone number in the international form it is stored in. Only what the model cannot
/// see is checked here: choices not made yet and numbers or dates that do not parse.
fn check(
    kind: PostKind,
    fields: &Fields,
    config: &GroupConfig,
    lang: Lang,
) -> Result<PostDraft, Problems> {
    let mut problems = Problems::new();
    let required = lang.text(Msg::ErrRequired).to_string();
    let method = parse::<ContactMethod>(&fields.method);
    if method.is_none() {
        problems.insert("method", required.clone());
    }
    // A draft saved before "group members" was left out must choose again.
    let visibility = parse::<Visibility>(&fields.visibility)
        .filter(|visibility| OFFERED_VISIBILITY.contains(visibility));
    if visibility.is_none() {
        problems.insert("visibility", required);
    }
    let quantity = match fields.quantity.trim() {
        "" => None,
        typed => match typed.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                problems.insert("quantity", lang.text(Msg::ErrQuantity).to_string());
                None
            }
        },
    };
    let until = match fields.until.trim() {
        "" => None,
        typed => match typed.parse::<Day>() {
            Ok(day) => Some(day),
            Err(_) => {
                problems.insert("until", lang.text(Msg::ErrDate).to_string());
                None
            }
        },
    };
    let draft = PostDraft {
        kind,
        title: fields.title.trim().to_string(),
        category: fields.category.clone(),
        area: fields.area.trim().to_string(),
        contact: Some(Contact {
            method: method.unwrap_or(ContactMethod::Call),
            value: fields.contact.trim().to_string(),
            visibility: visibility.unwrap_or(Visibility::Private),
        }),
        details: fields.details.trim().to_string(),
        urgency: parse(&fields.urgency).unwrap_or(Urgency::Anytime),
        quantity,
        author: fields.author.trim().to_string(),
        languages: comma_list(&fields.languages),
        until,
        recurring: fields.recurring,
        private_note: fields.private_note.trim().to_string(),
    };
    // Without a method, the value is not judged as a number or an address yet.
    let checked = match method {
        Some(_) => draft.validate_entry(config),
        None => draft.validate(config).map(|()| draft),
    };
    match checked {
        Ok(draft) if problems.is_empty() => Ok(draft),
        Ok(_) => Err(problems),
        Err(errors) => {
            add_model_problems(&mut problems, errors, control_of, lang);
            Err(problems)
        }
    }
}

/// The form control that edits a model field.
fn control_of(field: Field) -> &'static str {
    match field {
        Field::Title => "title",
        Field::Category => "category",
        Field::Area => "area",
        Field::ContactValue => "contact",
        Field::Author | Field::Handle => "author",
        Field::Details => "details",
        Field::Quantity => "quantity",
        Field::Languages => "languages",
        Field::PrivateNote => "private-note",
        // A post draft has no other fields; should the model ever name one, the summary still
        // counts it and the person sees the form was refused.
        _ => "title",
    }
}
