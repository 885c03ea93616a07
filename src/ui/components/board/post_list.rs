//! A long list of posts shown a page at a time.

use super::post_card::{CardText, PostCard};
use crate::i18n::{fill, Counted, Msg};
use crate::model::{RecordId, BOARD_PAGE};
use crate::ui::format;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// How many more posts each "Show more" adds.
const PAGE: usize = BOARD_PAGE;

/// Lists the posts with the given ids, in that order, a page at a time, so a board of ten
/// thousand posts renders thirty cards and not ten thousand. Says how many are shown of how
/// many, and shows `empty` when there are none.
#[component]
pub fn PostList(
    /// The posts to list, in display order.
    #[prop(into)]
    ids: Signal<Vec<RecordId>>,
    /// What to say when the list is empty.
    #[prop(into)]
    empty: Signal<Msg>,
    /// A count of something else to say first on the same line ("15 open asks").
    #[prop(optional)]
    lead: Option<Signal<String>>,
) -> impl IntoView {
    let state = AppState::get();
    let shown = RwSignal::new(PAGE);
    let total = Memo::new(move |_| ids.with(Vec::len));
    // Cards are keyed by what they show, so a card re-renders when that changes and only then.
    let page = move || {
        let limit = shown.get();
        let lang = state.lang.get();
        ids.with(|ids| {
            state.board.with(|board| {
                ids.iter()
                    .take(limit)
                    .filter_map(|id| board.post(*id))
                    .map(|post| CardText::of(state, lang, post))
                    .collect::<Vec<_>>()
            })
        })
    };
    let count_line = move || {
        let lang = state.lang.get();
        let total = total.get();
        let visible = shown.get().min(total);
        let line = fill(
            lang.counted(Counted::Shown, total as u64),
            &[
                ("shown", &format::number(lang, visible)),
                ("count", &format::number(lang, total)),
            ],
        );
        match lead {
            Some(lead) => format!("{} · {line}", lead.get()),
            None => line,
        }
    };
    let any = move || total.get() > 0;
    let more = move || shown.get() < total.get();
    view! {
        <Show
            when=any
            fallback=move || view! { <p class="empty">{move || state.t(empty.get())}</p> }
        >
            <p class="count-line" aria-live="polite">{count_line}</p>
            <ul class="post-list" aria-label=t(Msg::PostList)>
                <For
                    each=page
                    key=|card| card.clone()
                    children=|card| view! { <li><PostCard card/></li> }
                />
            </ul>
            <Show when=more>
                <button class="button secondary" type="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {t(Msg::ShowMore)}
                </button>
            </Show>
        </Show>
    }
}
