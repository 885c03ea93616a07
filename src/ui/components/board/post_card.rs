//! One post in a list.

use crate::i18n::{Lang, Msg};
use crate::model::{Post, PostKind, RecordId};
use crate::ui::state::AppState;
use crate::ui::{format, labels, routes};
use leptos::prelude::*;

/// Everything a card shows, already in the reader's language. A list keys its cards by this, so
/// a card is rebuilt exactly when what it shows changes (an edit, the language, the group's
/// labels) and is otherwise plain text with nothing to keep up to date: typing a search
/// renders a page of cards in a few milliseconds even on a cheap phone.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CardText {
    id: RecordId,
    kind: PostKind,
    kind_label: &'static str,
    /// "Demo" on the group's invented posts.
    demo: Option<&'static str>,
    status: &'static str,
    title: String,
    category: String,
    area: String,
    urgency: &'static str,
    posted: String,
}

impl CardText {
    /// What the card of `post` shows in `lang`, with the group's labels from `state`.
    pub fn of(state: AppState, lang: Lang, post: &Post) -> Self {
        Self {
            id: post.id,
            kind: post.kind,
            kind_label: lang.text(post.kind.into()),
            demo: state.is_demo(post.id).then(|| lang.text(Msg::DemoBadge)),
            status: lang.text(post.current_status().into()),
            title: post.title.value.clone(),
            category: labels::category(state, &post.category.value),
            area: labels::area(state, &post.area.value),
            urgency: lang.text(post.urgency.value.into()),
            posted: format::moment(lang, post.created.ms),
        }
    }
}

/// A post as a list shows it: kind, a "Demo" label on invented posts, title (the link to its detail), category, area, urgency,
/// status and when it was posted. User text goes in as text nodes, never as markup.
#[component]
pub fn PostCard(
    /// What the card shows; the list builds a new card when it changes.
    card: CardText,
) -> impl IntoView {
    let kind_class = match card.kind {
        PostKind::Ask => "kind kind-ask",
        PostKind::Offer => "kind kind-offer",
    };
    let area = (!card.area.is_empty()).then(|| view! { <span dir="auto">{card.area}</span> });
    view! {
        <article class="post-card">
            <p class="card-top">
                <span class=kind_class>{card.kind_label}</span>
                <span class="status">{card.status}</span>
                {card.demo.map(|demo| view! { <span class="demo-badge">{demo}</span> })}
            </p>
            <h2 class="card-title">
                <a href=routes::href(&routes::post(card.id)) dir="auto">{card.title}</a>
            </h2>
            <p class="card-meta">
                <span>{card.category}</span>
                {area}
                <span>{card.urgency}</span>
                <span>{card.posted}</span>
            </p>
        </article>
    }
}
