//! The responses on a post: who can help (or, on an offer, who would like it), what they said,
//! and how to reach them as they chose. Its author accepts one, which marks the post matched;
//! everyone else only reads them.

use super::reach::Reach;
use super::status_actions::refusal;
use crate::i18n::{fill, Msg};
use crate::model::{PostKind, RecordId, Response, Status};
use crate::ui::routes;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// The heading over a post's responses, by what they answer.
pub fn responses_heading(kind: PostKind) -> Msg {
    match kind {
        PostKind::Ask => Msg::ResponsesHeading,
        PostKind::Offer => Msg::ResponsesOfferHeading,
    }
}

#[component]
pub fn Responses(
    id: RecordId,
    kind: PostKind,
    responses: Vec<Response>,
    /// Whether the viewer wrote the post, and so may accept.
    is_author: bool,
    /// The status people see now: accepting needs one that can become matched.
    status: Status,
    author: String,
) -> impl IntoView {
    let state = AppState::get();
    let can_accept = is_author && status.can_become(Status::Matched);
    (!responses.is_empty()).then(|| {
        view! {
            <section class="responses" aria-labelledby="responses-heading">
                <h2 id="responses-heading">{t(responses_heading(kind))}</h2>
                <ul>
                    {responses
                        .into_iter()
                        .map(|response| {
                            let handle = response.by.clone();
                            let accept_label = move || {
                                fill(state.t(Msg::AcceptResponse), &[("handle", &handle)])
                            };
                            let author = author.clone();
                            let accept = move |_| {
                                let lang = state.lang.get_untracked();
                                let text = match state.set_status(id, Status::Matched, &author) {
                                    Ok(()) => fill(
                                        lang.text(Msg::StatusChanged),
                                        &[("status", lang.text(Status::Matched.into()))],
                                    ),
                                    Err(error) => lang.text(refusal(error)).to_string(),
                                };
                                state.announce(&routes::post(id), text);
                            };
                            view! {
                                <li>
                                    <ResponseItem kind response/>
                                    {can_accept.then(|| view! {
                                        <button class="button" type="button" on:click=accept>
                                            {accept_label}
                                        </button>
                                    })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// One response: "Sam can help", the message, and the way to reach Sam.
#[component]
pub fn ResponseItem(kind: PostKind, response: Response) -> impl IntoView {
    let state = AppState::get();
    let line = match kind {
        PostKind::Ask => Msg::ResponseBy,
        PostKind::Offer => Msg::ResponseWants,
    };
    let handle = response.by.clone();
    let who = {
        let handle = handle.clone();
        move || fill(state.t(line), &[("handle", &handle)])
    };
    view! {
        <p dir="auto"><strong>{who}</strong></p>
        {(!response.message.is_empty()).then(|| view! {
            <p class="details" dir="auto">{response.message.clone()}</p>
        })}
        {response.contact.map(|contact| view! { <Reach contact handle/> })}
    }
}
