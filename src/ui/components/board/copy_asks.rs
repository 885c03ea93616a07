//! "Copy open asks as text", for pasting into a group chat.

use crate::i18n::{fill, Counted, Lang, Msg};
use crate::model::{BoardFilter, PostKind, StatusFilter};
use crate::ui::state::{t, AppState};
use crate::ui::{format, labels, platform};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Copies the open asks as a tidy plain-text list. When the browser refuses the clipboard the
/// text appears in a box instead, ready to select and copy by hand.
#[component]
pub fn CopyAsks() -> impl IntoView {
    let state = AppState::get();
    let fallback = RwSignal::new(None::<String>);
    let copy = move |_| {
        let (text, count) = open_asks_text(state);
        spawn_local(async move {
            let lang = state.lang.get_untracked();
            if platform::copy_text(&text).await {
                fallback.set(None);
                let done = fill(
                    lang.counted(Counted::Copied, count as u64),
                    &[("count", &format::number(lang, count))],
                );
                state.announce(crate::ui::routes::BOARD, done);
            } else {
                fallback.set(Some(text));
            }
        });
    };
    view! {
        <div class="copy-asks">
            <button class="button secondary" type="button" on:click=copy>
                {t(Msg::CopyOpenAsks)}
            </button>
            {move || fallback.get().map(|text| view! {
                <div class="field">
                    <label for="asks-text">{t(Msg::CopyFailed)}</label>
                    <textarea id="asks-text" readonly rows="8" prop:value=text></textarea>
                </div>
            })}
        </div>
    }
}

/// The open asks, most urgent first, one line each, under a heading with the group's name, how
/// many there are and today's date; and how many there are.
fn open_asks_text(state: AppState) -> (String, usize) {
    let lang: Lang = state.lang.get_untracked();
    let asks = BoardFilter {
        kind: Some(PostKind::Ask),
        status: Some(StatusFilter::Open),
        ..BoardFilter::default()
    };
    let lines: Vec<String> = state.board.with_untracked(|board| {
        board
            .filter(&asks)
            .into_iter()
            .map(|post| {
                let mut facts = vec![labels::category(state, &post.category.value)];
                if !post.area.value.is_empty() {
                    facts.push(labels::area(state, &post.area.value));
                }
                facts.push(lang.text(post.urgency.value.into()).to_string());
                format!("• {} ({})", post.title.value, facts.join(", "))
            })
            .collect()
    });
    let count = lines.len();
    let heading = format!(
        "{}: {} ({})",
        state.config.with_untracked(|config| config.name.clone()),
        fill(
            lang.counted(Counted::OpenAsks, count as u64),
            &[("count", &format::number(lang, count))]
        ),
        format::day(lang, crate::model::Day::from_ms(platform::now_ms())),
    );
    (format!("{heading}\n\n{}\n", lines.join("\n")), count)
}
