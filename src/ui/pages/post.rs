//! Post detail: everything about one post, how to respond, and its history.

use crate::i18n::Msg;
use crate::model::{Audience, Post, RecordId};
use crate::ui::components::post::body::PostBody;
use crate::ui::components::post::history::History;
use crate::ui::components::post::respond::Respond;
use crate::ui::components::post::responses::Responses;
use crate::ui::components::post::send_post::SendPost;
use crate::ui::components::post::status_actions::{StatusActions, Viewer};
use crate::ui::components::share::post_share::PostShare;
use crate::ui::routes::{self, href};
use crate::ui::state::{t, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The post named in the address, or a message that this device does not have it. That is
/// said only once the board has what it opens with: a post tapped on the board's first view,
/// or in a link, before this phone had the group's board is on its way, not missing.
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
        None if !state.ready.get() => view! { <h1>{t(Msg::Syncing)}</h1> }.into_any(),
        None => view! {
            <h1>{t(Msg::PostNotFound)}</h1>
            <p><a class="button secondary" href=href(routes::BOARD)>{t(Msg::BackToBoard)}</a></p>
        }
        .into_any(),
    }
}

/// One post laid out for reading: what it says, then for its author the way to send it (at
/// the top: it is only on this phone until sent), how to respond, the responses, the actions
/// this viewer may take, and the history. Its private note shows only to its author.
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
    let mine = post
        .responses
        .values()
        .find(|response| response.seal.key == my_key)
        .map(|response| response.by.clone());
    let responses: Vec<_> = post.responses.values().cloned().collect();
    let signed = post.is_signed();
    // A member (this phone holds the group's key) sees what members share with the group.
    let audience = if is_author {
        Audience::Full
    } else if state.is_member() {
        Audience::Group
    } else {
        Audience::Public
    };
    let status = post.current_status();
    let contact = post
        .contact
        .value
        .clone()
        .filter(|contact| contact.visibility.shown_to(audience));
    let note = post.private_note.value.clone();
    let author = post.author.clone();
    view! {
        <article class="post-detail">
            <PostBody post=post.clone()/>
            {(is_author && status.is_active()).then(|| view! { <SendPost post=post.clone()/> })}
            {(is_author && !note.is_empty()).then(|| view! {
                <h2>{t(Msg::FieldPrivateNote)}</h2>
                <p class="details" dir="auto">{note.clone()}</p>
            })}
            {is_author.then(|| view! { <p class="hint">{t(Msg::YourPost)}</p> })}
            {(!signed).then(|| view! { <p class="hint unsigned">{t(Msg::Unsigned)}</p> })}
            <Respond contact=contact.clone() is_author author=author.clone()/>
            <Responses id=post.id kind=post.kind responses is_author status author=author.clone()/>
            <StatusActions post=post.clone() viewer mine contact/>
            <History changes=post.history.iter().cloned().collect()/>
            <PostShare post=post.clone()/>
        </article>
    }
}
