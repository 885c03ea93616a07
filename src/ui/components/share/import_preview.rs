//! "Preview, then merge": what a link or file holds and what adding it would change, with
//! nothing changed until the person confirms.

use super::problem::refusal_text;
use super::web;
use crate::i18n::{fill, Counted, Lang, Msg};
use crate::model::trust::Admitted;
use crate::model::{Board, MergeReport, PostKind};
use crate::sources::preview::{Change, Preview};
use crate::sources::share_link::{LinkAudience, ShareLink, SharePayload};
use crate::ui::format;
use crate::ui::state::{t, Announcement, AppState};
use leptos::prelude::*;

/// Where an incoming board came from, as the preview names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A share link holding one post (`post`) or a board, for this audience.
    Link { audience: LinkAudience, post: bool },
    /// A snapshot file, by its name.
    File(String),
}

/// A board from outside, opened and checked, not merged yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    pub board: Board,
    pub origin: Origin,
}

impl From<ShareLink> for Incoming {
    fn from(link: ShareLink) -> Self {
        let post = matches!(link.payload, SharePayload::Post(_));
        Incoming {
            origin: Origin::Link {
                audience: link.audience,
                post,
            },
            board: link.payload.into_board(),
        }
    }
}

/// How many incoming posts the preview lists by title: enough to recognise a board, few enough
/// that a 10,000-post file previews at once. The counts above the list cover them all.
const LISTED: usize = 50;

/// "2 new, 1 updated, 4 unchanged" in `lang`.
fn counts_text(lang: Lang, report: &MergeReport) -> String {
    let number = |n| format::number(lang, n);
    fill(
        lang.text(Msg::MergeCounts),
        &[
            ("new", &number(report.added)),
            ("updated", &number(report.updated)),
            ("unchanged", &number(report.unchanged)),
        ],
    )
}

/// Shows where `incoming` came from (and a clear label when a link says it is for group
/// members), then, once its signatures are checked, the counts a merge would give and the first
/// posts it holds (changes first), each marked new, updated or already here, and what was left
/// out; then "Add to my board" or "Cancel". Only "Add" changes the board; it then announces
/// what changed. Either button calls `on_close`. `id` names the heading, which is drawn at
/// once so focus can move to it while the check runs.
#[component]
pub fn ImportPreview(
    id: &'static str,
    incoming: Incoming,
    /// Called after the merge or the cancel, to take the preview away.
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::get();
    // What fails the trust gate is left out, listed, and never merged.
    let admitted = RwSignal::new(None::<Admitted>);
    let board = incoming.board;
    leptos::task::spawn_local(async move {
        let checked = state.admit(board).await;
        // The preview may have been closed while the check ran: then nobody is waiting.
        admitted.try_set(Some(checked));
    });
    let (source, name, group) = match incoming.origin {
        Origin::Link { audience, post } => {
            let source = if post {
                Msg::FromLinkPost
            } else {
                Msg::FromLinkBoard
            };
            (source, String::new(), audience == LinkAudience::Group)
        }
        Origin::File(name) => (Msg::FromFile, name, false),
    };
    let source = move || fill(state.t(source), &[("name", &name)]);
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="import-preview" aria-labelledby=labelled_by>
            <h2 id=heading_id tabindex="-1">{t(Msg::PreviewHeading)}</h2>
            <p dir="auto">{source}</p>
            {group.then(|| view! { <p class="advice group-label">{t(Msg::GroupLinkLabel)}</p> })}
            {move || match admitted.get() {
                Some(admitted) => view! { <Checked admitted on_close/> }.into_any(),
                None => view! {
                    <p role="status">{t(Msg::CheckingSignatures)}</p>
                    <div class="actions">
                        <button class="secondary" type="button" on:click=move |_| on_close.run(())>
                            {t(Msg::Cancel)}
                        </button>
                    </div>
                }
                .into_any(),
            }}
        </section>
    }
}

/// The preview of what passed the gate, what was left out, and the two buttons.
#[component]
fn Checked(admitted: Admitted, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    // Counted against the board as it is now; the merge reports its own counts, which match
    // unless the board changes while the preview is open.
    let preview = state
        .board
        .with_untracked(|board| Preview::of(board, &admitted));
    let report = preview.report;
    let refused = preview.refused.clone();
    let board = StoredValue::new(admitted.board);
    let merge = move |_| {
        let done = board.with_value(|incoming| state.merge_admitted(incoming));
        let lang = state.lang.get_untracked();
        let text = fill(
            lang.text(Msg::Merged),
            &[("counts", &counts_text(lang, &done))],
        );
        state.notice.set(Some(Announcement {
            at: web::current_path(),
            text,
        }));
        on_close.run(());
    };
    let count = preview.posts.len();
    let counted = move |msg: Counted, n: usize| {
        let lang = state.lang.get();
        fill(
            lang.counted(msg, n as u64),
            &[("count", &format::number(lang, n))],
        )
    };
    let more = count.saturating_sub(LISTED);
    view! {
            <p class="count-line">{move || counts_text(state.lang.get(), &report)}</p>
            <p>{move || counted(Counted::IncomingPosts, count)}</p>
            <ul class="incoming-posts">
                {preview
                    .posts
                    .into_iter()
                    .take(LISTED)
                    .map(|post| {
                        let kind_class = match post.kind {
                            PostKind::Ask => "kind kind-ask",
                            PostKind::Offer => "kind kind-offer",
                        };
                        let change = match post.change {
                            Change::New => Msg::ChangeNew,
                            Change::Updated => Msg::ChangeUpdated,
                            Change::Unchanged => Msg::ChangeUnchanged,
                        };
                        view! {
                            <li>
                                <span class=kind_class>{t(post.kind.into())}</span>
                                " "
                                <span dir="auto">{post.title}</span>
                                " ("
                                {t(change)}
                                ")"
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(more > 0).then(|| view! { <p>{move || counted(Counted::MorePosts, more)}</p> })}
            {(!refused.is_empty()).then(|| view! {
                <div class="refused" role="alert">
                    <p>{t(Msg::RefusedHeading)}</p>
                    <ul>
                        {refused
                            .into_iter()
                            .map(|refusal| view! {
                                <li>{move || refusal_text(state.lang.get(), &refusal)}</li>
                            })
                            .collect_view()}
                    </ul>
                </div>
            })}
            <div class="actions">
                <button type="button" on:click=merge>{t(Msg::Merge)}</button>
                <button class="secondary" type="button" on:click=move |_| on_close.run(())>
                    {t(Msg::Cancel)}
                </button>
            </div>
    }
}
