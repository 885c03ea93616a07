//! The board: asks and offers, filtered and searched, most urgent and newest first.

use crate::i18n::{fill, Counted, Msg};
use crate::model::{BoardFilter, PostKind, RecordId};
use crate::ui::components::board::copy_asks::CopyAsks;
use crate::ui::components::board::filters::Filters;
use crate::ui::components::board::group_sync::GroupSync;
use crate::ui::components::board::post_list::PostList;
use crate::ui::components::demo::notice::DemoNotice;
use crate::ui::components::layout::later::Later;
use crate::ui::routes::{self, href};
use crate::ui::state::{t, AppState};
use crate::ui::{format, labels};
use leptos::prelude::*;

/// The first screen: what Circle is, the open asks, the two ways to post, the filters, and the matching posts a page
/// at a time.
#[component]
pub fn BoardPage() -> impl IntoView {
    let state = AppState::get();
    let names = Memo::new(move |_| labels::search_labels(state));
    let ids = Memo::new(move |_| {
        names.with(|names| {
            state.filter.with(|filter| {
                state.board.with(|board| {
                    board
                        .filter_with(filter, names)
                        .into_iter()
                        .map(|post| post.id)
                        .collect::<Vec<RecordId>>()
                })
            })
        })
    });
    let open_asks = Memo::new(move |_| {
        state
            .board
            .with(|board| board.count(&BoardFilter::open_asks()))
    });
    // One count of posts, on the line over the list it counts ("15 open asks · Showing 30 of
    // 33 posts"): a second total of the whole board read as if it disagreed with that one.
    let counts = move || {
        let lang = state.lang.get();
        let asks = open_asks.get();
        fill(
            lang.counted(Counted::OpenAsks, asks as u64),
            &[("count", &format::number(lang, asks))],
        )
    };
    let any_posts = Memo::new(move |_| state.board.with(|board| board.posts().next().is_some()));
    let empty = Signal::derive(move || {
        if !any_posts.get() {
            Msg::BoardEmpty
        } else {
            Msg::BoardNoMatch
        }
    });
    view! {
        <h1>{t(Msg::BoardTitle)}</h1>
        <p class="intro">{t(Msg::BoardIntro)}</p>
        <nav class="post-links" aria-label=t(Msg::NewPostLinks)>
            <a class="button" href=href(routes::new_post(PostKind::Ask))>{t(Msg::NavNewAsk)}</a>
            <a class="button" href=href(routes::new_post(PostKind::Offer))>{t(Msg::NavNewOffer)}</a>
        </nav>
        // The filters and the list come a task later: as the app starts, the title and the
        // links are drawn first, and no one task holds a slow phone for the whole screen.
        <Later>
            <Filters/>
            <DemoNotice/>
            <PostList ids empty lead=Signal::derive(counts)/>
            // What the group's sources brought, below the list: its lines change as each
            // source is read, and above the list each change would move every post (and the
            // board's first view, which the app takes over in place, has no such lines).
            <GroupSync/>
            // A coordinator's tool, below the list, so a neighbour's first screen reaches a
            // post; only with posts to copy, so it does not sit under an empty board and jump
            // down when the posts arrive.
            <Show when=move || any_posts.get()>
                <CopyAsks/>
            </Show>
        </Later>
    }
}
