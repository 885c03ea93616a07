//! What a viewer may do with a post now. Its author moves it along (done, withdraw, reopen); a
//! coordinator may mark it done or hide it; anyone else responds with their own signed
//! response ("I can help", "I'd like this"), never by changing someone else's post.

use super::send_reply::SendReply;
use crate::i18n::{fill, Msg};
use crate::model::edit::EditError;
use crate::model::validate::Checks;
use crate::model::{
    contact_value, Action, CloseReason, Contact, ContactMethod, Field, Post, PostKind, RecordId,
    Status, StatusError, Visibility,
};
use crate::ui::codes::{code, parse};
use crate::ui::components::form::choice_field::ChoiceField;
use crate::ui::components::form::field_error::problem_text;
use crate::ui::components::form::text_field::TextField;
use crate::ui::labels::choices;
use crate::ui::state::{t, AppState};
use crate::ui::{platform, routes};
use leptos::prelude::*;

/// Who is looking at a post, which decides the actions offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer {
    Author,
    Coordinator,
    Neighbour,
}

/// The message for a refused change: the person learns it did not take effect, and why.
pub fn refusal(error: StatusError) -> Msg {
    match error {
        StatusError::Edit(EditError::NotAuthor) => Msg::ErrNotAuthor,
        StatusError::Edit(EditError::Stale) => Msg::ErrStale,
        StatusError::Edit(EditError::NotFound(_)) | StatusError::NotAllowed { .. } => {
            Msg::ErrStatusChange
        }
    }
}

/// The buttons for the author or a coordinator, or for anyone else the response form, and
/// once they responded, how to send the reply.
#[component]
pub fn StatusActions(
    post: Post,
    viewer: Viewer,
    /// The handle of this device's response on the post, if it made one.
    mine: Option<String>,
    /// The author's contact as this viewer may see it.
    contact: Option<Contact>,
) -> impl IntoView {
    let state = AppState::get();
    let id = post.id;
    let status = post.current_status();
    let author = post.author.clone();
    let kind = post.kind;
    let by = StoredValue::new(match viewer {
        Viewer::Author => author.clone(),
        Viewer::Coordinator | Viewer::Neighbour => state.handle(),
    });
    let change = move |to: Status| {
        let lang = state.lang.get_untracked();
        let text = match by.with_value(|by| state.set_status(id, to, by)) {
            Ok(()) => fill(
                lang.text(Msg::StatusChanged),
                &[("status", lang.text(to.into()))],
            ),
            Err(error) => lang.text(refusal(error)).to_string(),
        };
        state.announce(&routes::post(id), text);
    };
    let withdrawn = Status::Closed(CloseReason::Withdrawn);
    // Done is one action with one name, whoever takes it.
    let actions: Vec<(Msg, Status, &str)> = match viewer {
        Viewer::Author => vec![
            (Msg::MarkDone, Status::Fulfilled, "button"),
            (Msg::Withdraw, withdrawn, "button secondary"),
            (Msg::Reopen, Status::Open, "button secondary"),
        ],
        Viewer::Coordinator => vec![(Msg::MarkDone, Status::Fulfilled, "button")],
        Viewer::Neighbour => Vec::new(),
    };
    let actions: Vec<_> = actions
        .into_iter()
        .filter(|(_, to, _)| {
            status.can_become(*to) || viewer == Viewer::Coordinator && status != *to
        })
        .collect();
    // Withdrawing takes a post off everyone's list: it asks first, next to the button.
    let confirming = RwSignal::new(false);
    let hide = move |_| {
        let handle = state.handle();
        let lang = state.lang.get_untracked();
        let text = match state.moderate(id, Action::Hide, &handle) {
            Ok(()) => lang.text(Msg::PostHidden).to_string(),
            Err(error) => lang.text(refusal(error)).to_string(),
        };
        state.announce(routes::BOARD, text);
    };
    // Once the author accepted someone, the reply is no longer waiting to be opened: the
    // status says what happened.
    let neighbour = (viewer == Viewer::Neighbour && status.is_active()).then(|| match mine {
        Some(handle) if status == Status::Open => {
            view! { <SendReply post=post.clone() handle contact/> }.into_any()
        }
        Some(_) => ().into_any(),
        None => view! { <OfferHelp id kind author=author.clone()/> }.into_any(),
    });
    view! {
        <section class="status-actions">
            {neighbour}
            {(!actions.is_empty() || viewer == Viewer::Coordinator).then(|| view! {
                <div class="actions">
                    {actions
                        .into_iter()
                        .map(|(label, to, class)| {
                            let click = move |_| {
                                if to == withdrawn {
                                    confirming.set(true);
                                    request_animation_frame(|| platform::focus_id("withdraw-confirm"));
                                } else {
                                    change(to);
                                }
                            };
                            view! { <button class=class type="button" on:click=click>{t(label)}</button> }
                        })
                        .collect_view()}
                    {(viewer == Viewer::Coordinator).then(|| view! {
                        <button class="button secondary" type="button" on:click=hide>
                            {t(Msg::HidePost)}
                        </button>
                    })}
                </div>
                <Show when=move || confirming.get()>
                    <div class="confirm" role="group" aria-labelledby="withdraw-confirm">
                        <p id="withdraw-confirm" tabindex="-1">{t(Msg::WithdrawConfirm)}</p>
                        <div class="actions">
                            <button class="button danger" type="button" on:click=move |_| change(withdrawn)>
                                {t(Msg::WithdrawYes)}
                            </button>
                            <button class="button secondary" type="button" on:click=move |_| confirming.set(false)>
                                {t(Msg::KeepIt)}
                            </button>
                        </div>
                    </div>
                </Show>
            })}
        </section>
    }
}

/// The word on the button that responds to a post: help for an ask, wanting an offer.
pub fn respond_label(kind: PostKind) -> Msg {
    match kind {
        PostKind::Ask => Msg::ICanHelp,
        PostKind::Offer => Msg::IdLikeThis,
    }
}

/// "I can help": the helper's handle, a message, and the contact they choose to share, saved
/// as the helper's own response. The screen then says what it waits for and how to send it.
#[component]
fn OfferHelp(id: RecordId, kind: PostKind, author: String) -> impl IntoView {
    let state = AppState::get();
    let name = RwSignal::new(state.handle());
    let message = RwSignal::new(String::new());
    let method = RwSignal::new(code(&ContactMethod::Text));
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let contact_error = RwSignal::new(None::<String>);
    let no_error = Signal::stored(None::<String>);
    let methods = Signal::derive(move || choices(state, &ContactMethod::ALL));
    let offer = move |_| {
        let lang = state.lang.get_untracked();
        let handle = name.get_untracked().trim().to_string();
        let text = message.get_untracked().trim().to_string();
        let mut checks = Checks::new();
        checks.text(Field::Handle, &handle, true);
        checks.text(Field::Note, &text, false);
        if let Err(problem) = checks.first() {
            error.set(Some(problem_text(lang, problem.problem)));
            platform::focus_id("helper-name");
            return;
        }
        error.set(None);
        // The contact goes in a link anyone in the chat may read, so it is public; none is
        // fine (the author then answers in the chat), a wrong one is refused here.
        let typed = value.get_untracked();
        let contact = match parse::<ContactMethod>(&method.get_untracked()) {
            Some(method) if !typed.trim().is_empty() => {
                let default_code = state
                    .config
                    .with_untracked(|config| config.phone_country_code);
                match contact_value::entry_value(method, &typed, default_code) {
                    Ok(value) => Some(Contact {
                        method,
                        value,
                        visibility: Visibility::Public,
                    }),
                    Err(problem) => {
                        contact_error.set(Some(problem_text(lang, problem)));
                        platform::focus_id("helper-contact");
                        return;
                    }
                }
            }
            _ => None,
        };
        contact_error.set(None);
        let text = match state.respond(id, &handle, text, contact) {
            Ok(()) => {
                request_animation_frame(|| platform::focus_id("reply-heading"));
                fill(lang.text(Msg::ResponseSaved), &[("author", &author)])
            }
            Err(error) => lang.text(refusal(error.into())).to_string(),
        };
        state.announce(&routes::post(id), text);
    };
    view! {
        <TextField id="helper-name" label=Msg::FieldHandle value=name.into() error=error autocomplete="nickname"/>
        <TextField id="helper-message" label=Msg::FieldMessage value=message.into() error=no_error multiline=true/>
        <ChoiceField id="helper-method" label=Msg::FieldHelperMethod value=method.into() options=methods error=no_error/>
        <TextField
            id="helper-contact"
            label=Msg::FieldHelperContact
            value=value.into()
            error=contact_error
            hint=Msg::HelperContactHint
            autocomplete="tel"
        />
        <div class="actions">
            <button class="button" type="button" on:click=offer>{t(respond_label(kind))}</button>
        </div>
    }
}
