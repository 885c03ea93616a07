//! "Share this post" on the post detail screen.

use super::audience_link::{made_link, AudienceChoice, MadeLinkPanel};
use super::web;
use crate::i18n::Msg;
use crate::model::Post;
use crate::sources::share_link::{LinkAudience, ToSeal};
use crate::ui::state::t;
use leptos::prelude::*;

/// A link to `post`, ready to send or show as a QR code: public (its private details stripped
/// by the redaction step), or on a phone that holds the group's key, for group members only
/// if the person picks it. Folded away, so the post itself stays first on a small screen.
#[component]
pub fn PostShare(post: Post) -> impl IntoView {
    let public = Signal::stored(Some(web::public_post_url(&post)));
    let group = ToSeal::post(&post);
    let audience = RwSignal::new(LinkAudience::Public);
    let link = made_link(web::app_url(), audience.into(), public, move || {
        Some(group.clone())
    });
    view! {
        <details class="more post-share">
            <summary>{t(Msg::SharePost)}</summary>
            <p class="hint">{t(Msg::SharePostHint)}</p>
            <AudienceChoice id="post-link-audience" audience/>
            <MadeLinkPanel id="post-share" link title=Msg::SharePost/>
        </details>
    }
}
