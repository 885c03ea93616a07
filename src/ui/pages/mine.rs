//! My posts: what this device posted.

use crate::i18n::Msg;
use crate::model::RecordId;
use crate::ui::components::board::post_list::PostList;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// Lists the asks and offers posted from this device, newest first, whatever their status, so
/// the author can follow up, withdraw or mark them done from their detail.
#[component]
pub fn MinePage() -> impl IntoView {
    let state = AppState::get();
    let ids = Memo::new(move |_| {
        state.board.with(|board| {
            let mut mine: Vec<_> = board
                .posts()
                .filter(|post| state.is_mine(post))
                .map(|post| (post.created, post.id))
                .collect();
            mine.sort_unstable_by(|a, b| b.cmp(a));
            mine.into_iter()
                .map(|(_, id)| id)
                .collect::<Vec<RecordId>>()
        })
    });
    view! {
        <h1>{t(Msg::MineTitle)}</h1>
        <p>{t(Msg::MineIntro)}</p>
        <PostList ids empty=Msg::MineEmpty/>
    }
}
