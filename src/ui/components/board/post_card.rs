//! One post in a list.

use crate::model::{Post, PostKind};
use crate::ui::state::{t, AppState};
use crate::ui::{format, labels, routes};
use leptos::prelude::*;

/// A post as a list shows it: kind, title (the link to its detail), category, area, urgency,
/// status and when it was posted. User text goes in as text nodes, never as markup.
#[component]
pub fn PostCard(
    /// The post to show; the list re-renders the card when the post changes.
    post: Post,
) -> impl IntoView {
    let state = AppState::get();
    let kind = post.kind;
    let status = post.status.value;
    let urgency = post.urgency.value;
    let category = post.category.value.clone();
    let area = post.area.value.clone();
    let posted = post.created.ms;
    let kind_class = match kind {
        PostKind::Ask => "kind kind-ask",
        PostKind::Offer => "kind kind-offer",
    };
    view! {
        <article class="post-card">
            <p class="card-top">
                <span class=kind_class>{t(kind.into())}</span>
                <span class="status">{t(status.into())}</span>
            </p>
            <h2 class="card-title">
                <a href=routes::href(&routes::post(post.id)) dir="auto">{post.title.value.clone()}</a>
            </h2>
            <p class="card-meta">
                <span>{move || labels::category(state, &category)}</span>
                {(!area.is_empty()).then(|| {
                    let area = area.clone();
                    view! { <span dir="auto">{move || labels::area(state, &area)}</span> }
                })}
                <span>{t(urgency.into())}</span>
                <span>{move || format::moment(state.lang.get(), posted)}</span>
            </p>
        </article>
    }
}
