//! Post detail: everything about one post, how to respond, and its history.

use crate::i18n::{fill, Msg};
use crate::model::{Audience, Post, PostKind, RecordId};
use crate::ui::components::post::history::History;
use crate::ui::components::post::respond::Respond;
use crate::ui::components::post::responses::Responses;
use crate::ui::components::post::status_actions::{StatusActions, Viewer};
use crate::ui::components::share::post_share::PostShare;
use crate::ui::routes::{self, href};
use crate::ui::state::{t, AppState};
use crate::ui::{format, labels};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The post named in the address, or a message that this device does not have it.
#[component]
pub fn PostPage() -> impl IntoView {
    let state = AppState::get();
    let params = use_params_map();
    let post = Memo::new(move |_| {
        let id = params.with(|p| p.get("id"))?.parse::<RecordId>().ok()?;
        state.board.with(|board| board.post(id).cloned())
    });
    move || match post.get() {
        Some(post) => view! { <PostDetail post/> }.into_any(),
        None => view! {
            <h1>{t(Msg::PostNotFound)}</h1>
            <p><a class="button secondary" href=href(routes::BOARD)>{t(Msg::BackToBoard)}</a></p>
        }
        .into_any(),
    }
}

/// One post laid out for reading: title, status, details, the facts, then respond, the
/// actions this viewer may take, and the history. Its private note shows only to its author.
#[component]
fn PostDetail(post: Post) -> impl IntoView {
    let state = AppState::get();
    let is_author = state.is_mine(&post);
    let viewer = if is_author {
        Viewer::Author
    } else if state.is_coordinator() {
        Viewer::Coordinator
    } else {
        Viewer::Neighbour
    };
    let my_key = state.author_key();
    let responded = post
        .responses
        .values()
        .any(|response| response.seal.key == my_key);
    let responses: Vec<_> = post.responses.values().cloned().collect();
    let signed = post.is_signed();
    let audience = if is_author {
        Audience::Full
    } else {
        Audience::Public
    };
    let kind = post.kind;
    let status = post.current_status();
    let urgency = post.urgency.value;
    let category = post.category.value.clone();
    let area = post.area.value.clone();
    let author = post.author.clone();
    let posted = post.created.ms;
    let until_label = match kind {
        PostKind::Ask => Msg::NeededBy,
        PostKind::Offer => Msg::AvailableUntil,
    };
    let posted_by = {
        let author = author.clone();
        move || fill(state.t(Msg::PostedBy), &[("handle", &author)])
    };
    let posted_on = move || {
        let lang = state.lang.get();
        fill(
            lang.text(Msg::PostedOn),
            &[("date", &format::moment(lang, posted))],
        )
    };
    let contact = post
        .contact
        .value
        .clone()
        .filter(|contact| contact.visibility.shown_to(audience));
    let languages = crate::i18n::language_list(&post.languages.value);
    let details = post.details.value.clone();
    let note = post.private_note.value.clone();
    view! {
        <article class="post-detail">
            <p class="card-top">
                <span class=if kind == PostKind::Ask { "kind kind-ask" } else { "kind kind-offer" }>
                    {t(kind.into())}
                </span>
                <span class="status">{t(status.into())}</span>
            </p>
            <h1 dir="auto">{post.title.value.clone()}</h1>
            <p class="byline" dir="auto">{posted_by} " · " {posted_on}</p>
            {(!details.is_empty()).then(|| view! {
                <h2>{t(Msg::Details)}</h2>
                <p class="details" dir="auto">{details.clone()}</p>
            })}
            <dl class="facts">
                <dt>{t(Msg::FieldCategory)}</dt>
                <dd>{move || labels::category(state, &category)}</dd>
                {(!area.is_empty()).then(|| {
                    let area = area.clone();
                    view! {
                        <dt>{t(Msg::FieldArea)}</dt>
                        <dd dir="auto">{move || labels::area(state, &area)}</dd>
                    }
                })}
                <dt>{t(Msg::FieldUrgency)}</dt>
                <dd>{t(urgency.into())}</dd>
                {post.quantity.value.map(|quantity| view! {
                    <dt>{t(Msg::Quantity)}</dt>
                    <dd>{move || format::number(state.lang.get(), quantity as usize)}</dd>
                })}
                {post.until.value.map(|day| view! {
                    <dt>{t(until_label)}</dt>
                    <dd>{move || format::day(state.lang.get(), day)}</dd>
                })}
                {(!languages.is_empty()).then(|| view! {
                    <dt>{t(Msg::Languages)}</dt>
                    <dd dir="auto">{languages.clone()}</dd>
                })}
                <dt>{t(Msg::Repeats)}</dt>
                <dd>{t(if post.recurring.value { Msg::Repeats } else { Msg::OneOff })}</dd>
            </dl>
            {(is_author && !note.is_empty()).then(|| view! {
                <h2>{t(Msg::FieldPrivateNote)}</h2>
                <p class="details" dir="auto">{note.clone()}</p>
            })}
            {is_author.then(|| view! { <p class="hint">{t(Msg::YourPost)}</p> })}
            {(!signed).then(|| view! { <p class="hint unsigned">{t(Msg::Unsigned)}</p> })}
            <Respond contact is_author/>
            <Responses id=post.id responses is_author status author=author.clone()/>
            <StatusActions id=post.id status viewer author responded/>
            <History changes=post.history.iter().cloned().collect()/>
            <PostShare post=post.clone()/>
        </article>
    }
}
