//! The offers of help on a post: who can help and what they said. Its author accepts one,
//! which marks the post matched; everyone else only reads them.

use super::status_actions::refusal;
use crate::i18n::{fill, Msg};
use crate::model::{RecordId, Response, Status};
use crate::ui::routes;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

#[component]
pub fn Responses(
    id: RecordId,
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
                <h2 id="responses-heading">{t(Msg::ResponsesHeading)}</h2>
                <ul>
                    {responses
                        .into_iter()
                        .map(|response| {
                            let handle = response.by.clone();
                            let who = {
                                let handle = handle.clone();
                                move || fill(state.t(Msg::ResponseBy), &[("handle", &handle)])
                            };
                            let accept_label = {
                                let handle = handle.clone();
                                move || fill(state.t(Msg::AcceptResponse), &[("handle", &handle)])
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
                                    <p dir="auto"><strong>{who}</strong></p>
                                    {(!response.message.is_empty()).then(|| view! {
                                        <p class="details" dir="auto">{response.message.clone()}</p>
                                    })}
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
