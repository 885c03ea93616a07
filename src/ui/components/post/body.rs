//! What a post says, laid out for reading: kind and status, title, who posted it and when,
//! details and the facts. The same on its own screen and in the preview of a link to it.

use crate::i18n::{fill, Msg};
use crate::model::{Post, PostKind};
use crate::ui::state::{t, AppState};
use crate::ui::{format, labels};
use leptos::prelude::*;

#[component]
pub fn PostBody(
    post: Post,
    /// In a link's preview the post sits under the preview's own heading, so its title is a
    /// level-three heading there instead of the screen's level-one.
    #[prop(optional)]
    in_preview: bool,
) -> impl IntoView {
    let state = AppState::get();
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
    let posted_by = move || fill(state.t(Msg::PostedBy), &[("handle", &author)]);
    let posted_on = move || {
        let lang = state.lang.get();
        fill(
            lang.text(Msg::PostedOn),
            &[("date", &format::moment(lang, posted))],
        )
    };
    let languages = crate::i18n::language_list(&post.languages.value);
    let details = post.details.value.clone();
    let title = post.title.value.clone();
    // An invented post says so on its own screen too, not only on the board's card.
    let demo = state.is_demo(post.id);
    view! {
        <p class="card-top">
            <span class=if kind == PostKind::Ask { "kind kind-ask" } else { "kind kind-offer" }>
                {t::<Msg>(kind.into())}
            </span>
            {demo.then(|| view! { <span class="demo-badge">{t(Msg::DemoBadge)}</span> })}
            <span class="status">{t::<Msg>(status.into())}</span>
        </p>
        {if in_preview {
            view! { <h3 class="post-title" dir="auto">{title}</h3> }.into_any()
        } else {
            view! { <h1 dir="auto">{title}</h1> }.into_any()
        }}
        <p class="byline" dir="auto">{posted_by} " · " {posted_on}</p>
        {(!details.is_empty()).then(|| view! {
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
            <dd>{t::<Msg>(urgency.into())}</dd>
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
    }
}
