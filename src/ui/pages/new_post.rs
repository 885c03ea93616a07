//! New ask / new offer: the form a neighbour who has never seen Circle fills in under a minute.

use crate::i18n::{fill, Counted, Lang, Msg};
use crate::model::{
    Contact, ContactMethod, Day, Field, GroupConfig, PostDraft, PostKind, Urgency, Visibility,
};
use crate::ui::codes::{code, parse};
use crate::ui::components::form::choice_field::ChoiceField;
use crate::ui::components::form::field_error::problem_text;
use crate::ui::components::form::lens::lens;
use crate::ui::components::form::radio_field::RadioField;
use crate::ui::components::form::text_field::TextField;
use crate::ui::labels::choices;
use crate::ui::state::{t, AppState};
use crate::ui::{format, labels, platform, routes};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

/// Problems per control id, as sentences in the person's language.
type Problems = BTreeMap<&'static str, String>;

/// The form for a new ask or offer. The required questions come first; the rest sit under
/// "More details". Problems show inline after the first submit and update as the
/// person types; the draft is kept on the device until it is posted.
#[component]
pub fn NewPostPage(kind: PostKind) -> impl IntoView {
    let state = AppState::get();
    let draft_key = format!("draft.{}", code(&kind));
    let fields =
        RwSignal::new(platform::load::<Fields>(&draft_key).unwrap_or_else(|| blank(state)));
    Effect::new({
        let draft_key = draft_key.clone();
        move |_| {
            let keep = state.prefs.with(|prefs| prefs.keep_drafts);
            fields.with(|fields| {
                if keep && *fields != Fields::default() {
                    platform::save(&draft_key, fields);
                } else {
                    platform::forget(&draft_key);
                }
            });
        }
    });

    let attempted = RwSignal::new(false);
    let problems = Memo::new(move |_| {
        if !attempted.get() {
            return Problems::new();
        }
        let lang = state.lang.get();
        state
            .config
            .with(|config| fields.with(|fields| check(kind, fields, config, lang).err()))
            .unwrap_or_default()
    });
    let error =
        move |id: &'static str| Signal::derive(move || problems.with(|p| p.get(id).cloned()));

    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let lang = state.lang.get_untracked();
        let checked = state
            .config
            .with_untracked(|config| fields.with_untracked(|f| check(kind, f, config, lang)));
        match checked {
            Err(problems) => {
                if let Some(first) = ORDER.iter().find(|id| problems.contains_key(*id)) {
                    platform::focus_id(first);
                }
            }
            Ok(draft) => {
                let id = state.add_post(draft);
                fields.set(Fields::default());
                attempted.set(false);
                let posted = match kind {
                    PostKind::Ask => Msg::PostedAsk,
                    PostKind::Offer => Msg::PostedOffer,
                };
                let path = routes::post(id);
                state.announce(&path, lang.text(posted).to_string());
                navigate(&path, Default::default());
            }
        }
    };
    // "Start over" empties the form at once, and offers the answers back for as long as the
    // form stays empty: one tap must not lose a half-written post for good.
    let cleared = RwSignal::new(None::<(Fields, Fields)>);
    let start_over = move |_| {
        let empty = blank(state);
        let before = fields.get_untracked();
        fields.set(empty.clone());
        attempted.set(false);
        cleared.set(Some((before, empty)));
    };
    let undo = move |_| {
        if let Some((before, _)) = cleared.get_untracked() {
            fields.set(before);
            cleared.set(None);
        }
    };
    let can_undo = move || {
        cleared.with(|cleared| {
            cleared
                .as_ref()
                .is_some_and(|(_, empty)| fields.with(|now| now == empty))
        })
    };

    let summary = move || {
        let count = problems.with(BTreeMap::len);
        (count > 0).then(|| {
            let lang = state.lang.get();
            fill(
                lang.counted(Counted::FixProblems, count as u64),
                &[("count", &format::number(lang, count))],
            )
        })
    };
    let (title, what, submit_label) = match kind {
        PostKind::Ask => (Msg::NewAskTitle, Msg::FieldWhatAsk, Msg::SubmitAsk),
        PostKind::Offer => (Msg::NewOfferTitle, Msg::FieldWhatOffer, Msg::SubmitOffer),
    };
    let until_label = match kind {
        PostKind::Ask => Msg::FieldNeededBy,
        PostKind::Offer => Msg::FieldAvailableUntil,
    };
    let categories = Signal::derive(move || {
        state.config.with(|config| {
            config
                .categories
                .iter()
                .map(|choice| (choice.key.clone(), labels::category(state, &choice.key)))
                .collect::<Vec<_>>()
        })
    });
    let areas = Signal::derive(move || {
        state.config.with(|config| {
            config
                .areas
                .iter()
                .map(|choice| (choice.key.clone(), labels::area(state, &choice.key)))
                .collect::<Vec<_>>()
        })
    });
    let group_lists_areas = move || state.config.with(|config| !config.areas.is_empty());
    let methods = Signal::derive(move || choices(state, &ContactMethod::ALL));
    let urgencies = Signal::derive(move || choices(state, &Urgency::ALL));

    view! {
        <h1>{t(title)}</h1>
        <p>{t(Msg::NewPostIntro)}</p>
        <form class="post-form" novalidate on:submit=submit>
            <p class="form-summary" role="alert">{summary}</p>
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
            <div class="actions">
                <button class="button" type="submit">{t(submit_label)}</button>
                <button class="button secondary" type="button" on:click=start_over>{t(Msg::ClearForm)}</button>
            </div>
            <div class="undo" aria-live="polite">
                <Show when=can_undo>
                    <p>
                        {t(Msg::FormCleared)} " "
                        <button class="button secondary" type="button" on:click=undo>{t(Msg::Undo)}</button>
                    </p>
                </Show>
            </div>
        </form>
    }
}

/// A fresh form: the person's handle filled in, urgency "anytime".
fn blank(state: AppState) -> Fields {
    Fields {
        author: state.prefs.with_untracked(|prefs| prefs.handle.clone()),
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
        languages: fields
            .languages
            .split(',')
            .map(str::trim)
            .filter(|language| !language.is_empty())
            .map(String::from)
            .collect(),
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
            for error in errors {
                problems
                    .entry(control_of(error.field))
                    .or_insert_with(|| problem_text(lang, error.problem));
            }
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
