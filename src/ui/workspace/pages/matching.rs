//! Matching: every open ask still waiting for a match, most urgent and oldest first, each with
//! its ranked suggestions and, for the group's coordinators, one action that makes the match.

use crate::i18n::workspace::WorkMsg;
use crate::i18n::Msg;
use crate::model::{Post, RecordId};
use crate::ui::components::form::handle_field::HandleField;
use crate::ui::state::{t, AppState};
use crate::ui::workspace::components::suggestions::Suggestions;
use crate::ui::workspace::text::work_fill;
use crate::ui::{format, labels, platform, routes};
use leptos::prelude::*;

/// How many asks a page shows before "Show more": each brings its suggestions, ranked over
/// every open offer.
const PAGE: usize = 20;

#[component]
pub fn MatchingPage() -> impl IntoView {
    let state = AppState::get();
    let shown = RwSignal::new(PAGE);
    let handle = RwSignal::new(state.handle());
    let asks = Memo::new(move |_| {
        state.board.with(|board| {
            board
                .unmatched_asks()
                .into_iter()
                .map(|post| post.id)
                .collect::<Vec<_>>()
        })
    });
    let total = move || asks.with(Vec::len);
    view! {
        <h1>{t(WorkMsg::MatchingTitle)}</h1>
        <p class="intro">{t(WorkMsg::MatchingIntro)}</p>
        {move || (!state.is_coordinator()).then(|| view! {
            <p class="advice">{t(WorkMsg::MatchingNotCoordinator)}</p>
        })}
        {move || state.is_coordinator().then(|| view! {
            <HandleField id="match-handle" value=handle/>
        })}
        {move || (total() == 0).then(|| view! { <p class="empty">{t(WorkMsg::MatchingEmpty)}</p> })}
        <ul class="cards" aria-label=t(WorkMsg::UnmatchedList)>
            <For
                each=move || asks.with(|asks| asks.iter().take(shown.get()).copied().collect::<Vec<_>>())
                key=|id| *id
                let:id
            >
                <UnmatchedAsk id=id handle=handle/>
            </For>
        </ul>
        {move || (total() > shown.get()).then(|| view! {
            <p>
                <button class="secondary" type="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {t(Msg::ShowMore)}
                </button>
            </p>
        })}
    }
}

/// One ask waiting for a match: what it is, how long it has waited, and its suggestions.
#[component]
fn UnmatchedAsk(id: RecordId, handle: RwSignal<String>) -> impl IntoView {
    let state = AppState::get();
    let ask = move || state.board.with(|board| board.post(id).map(Summary::of));
    view! {
        <li class="post-card">
            {move || ask().map(|ask| {
                let meta = move || {
                    let lang = state.lang.get();
                    [
                        labels::category(state, &ask.category),
                        labels::area(state, &ask.area),
                        lang.text(ask.urgency).to_string(),
                        work_fill(state, WorkMsg::PostedAgo, &[("when", &format::ago(lang, ask.created_ms, platform::now_ms()))]),
                    ]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .map(|part| view! { <span dir="auto">{part}</span> })
                    .collect_view()
                };
                view! {
                    <h2 class="card-title">
                        <a href=state.site_href(&routes::post(id)) dir="auto">{ask.title.clone()}</a>
                    </h2>
                    <p class="card-meta">{meta}</p>
                    <Suggestions ask=id title=ask.title handle=handle/>
                }
            })}
        </li>
    }
}

/// What the list shows of an ask.
#[derive(Clone)]
struct Summary {
    title: String,
    category: String,
    area: String,
    urgency: Msg,
    created_ms: u64,
}

impl Summary {
    fn of(post: &Post) -> Self {
        Self {
            title: post.title.value.clone(),
            category: post.category.value.clone(),
            area: post.area.value.clone(),
            urgency: post.urgency.value.into(),
            created_ms: post.created.ms,
        }
    }
}
