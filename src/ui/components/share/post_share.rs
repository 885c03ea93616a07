//! "Share this post" on the post detail screen.

use super::link_panel::LinkPanel;
use super::web;
use crate::i18n::Msg;
use crate::model::Post;
use crate::ui::state::t;
use leptos::prelude::*;

/// A public link to `post` (its private details stripped by the redaction step), ready to
/// send or show as a QR code. Folded away, so the post itself stays first on a small screen.
#[component]
pub fn PostShare(post: Post) -> impl IntoView {
    let url = web::public_post_url(&post);
    view! {
        <details class="more post-share">
            <summary>{t(Msg::SharePost)}</summary>
            <p class="hint">{t(Msg::SharePostHint)}</p>
            <LinkPanel id="post-share" url=Signal::stored(url) title=Msg::SharePost/>
        </details>
    }
}
