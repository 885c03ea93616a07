//! "Send your ask": right after posting, at the top of the author's post, because a post made
//! here is only on this phone until it is sent somewhere.

use crate::i18n::Msg;
use crate::model::{Post, PostKind};
use crate::ui::components::share::send::{post_text, SendMessage};
use crate::ui::components::share::web;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// The author's readable message with a public link to the post (private details stripped by
/// the redaction step), and the ways to send it.
#[component]
pub fn SendPost(post: Post) -> impl IntoView {
    let state = AppState::get();
    let url = web::public_post_url(&post);
    let heading = match post.kind {
        PostKind::Ask => Msg::SendAskHeading,
        PostKind::Offer => Msg::SendOfferHeading,
    };
    let text = Signal::derive(move || post_text(state, &post));
    view! {
        <section class="send-post" aria-labelledby="send-post-heading">
            <h2 id="send-post-heading">{t(heading)}</h2>
            <p class="hint">{t(Msg::SendPostHint)}</p>
            <SendMessage id="send-post" text url=Signal::stored(url)/>
        </section>
    }
}
