//! "Preview, then merge": what a link or file holds and what adding it would change, with
//! nothing changed until the person confirms.

use super::problem::refusal_text;
use super::web;
use crate::i18n::{fill, Counted, Lang, Msg};
use crate::model::shift::Opening;
use crate::model::trust::Admitted;
use crate::model::{Audience, Board, MergeReport, Post, PostKind};
use crate::sources::preview::{Change, Preview};
use crate::sources::share_link::{LinkAudience, LinkHolds, ShareLink};
use crate::ui::components::post::body::PostBody;
use crate::ui::components::post::respond::Respond;
use crate::ui::components::post::responses::{responses_heading, ResponseItem};
use crate::ui::components::post::status_actions::respond_label;
use crate::ui::components::shift::shift_body::ShiftBody;
use crate::ui::components::shift::shift_text::{opening_note, ShiftText};
use crate::ui::pages::shift as shift_page;
use crate::ui::state::{t, Announcement, AppState};
use crate::ui::{format, platform, routes};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Where an incoming board came from, as the preview names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A share link holding one post, one shift or a board, for this audience.
    Link {
        audience: LinkAudience,
        holds: LinkHolds,
    },
    /// A snapshot file, by its name; `locked` when it came locked for group members.
    File { name: String, locked: bool },
}

/// A board from outside, opened and checked, not merged yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    pub board: Board,
    pub origin: Origin,
}

impl From<ShareLink> for Incoming {
    fn from(link: ShareLink) -> Self {
        Incoming {
            origin: Origin::Link {
                audience: link.audience,
                holds: link.payload.holds(),
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

/// Shows where `incoming` came from (and a clear label when a link or file says it is for group
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
    // A link or file for group members says so, in a label of its own.
    let (source, name, group_label, holds) = match incoming.origin {
        Origin::Link { audience, holds } => {
            let source = match holds {
                LinkHolds::Post => Msg::FromLinkPost,
                LinkHolds::Shift => Msg::FromLinkShift,
                LinkHolds::Board => Msg::FromLinkBoard,
            };
            (
                source,
                String::new(),
                (audience == LinkAudience::Group).then_some(Msg::GroupLinkLabel),
                holds,
            )
        }
        Origin::File { name, locked } => (
            Msg::FromFile,
            name,
            locked.then_some(Msg::GroupFileLabel),
            LinkHolds::Board,
        ),
    };
    let single = holds != LinkHolds::Board;
    let source = move || fill(state.t(source), &[("name", &name)]);
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    // A link to one post (or one shift) is about it: its heading says so, and the post follows
    // in full, before any question of adding it.
    let heading = if single {
        view! { <h2 id=heading_id tabindex="-1" dir="auto">{source}</h2> }.into_any()
    } else {
        view! {
            <h2 id=heading_id tabindex="-1">{t(Msg::PreviewHeading)}</h2>
            <p dir="auto">{source}</p>
        }
        .into_any()
    };
    view! {
        <section class="import-preview" aria-labelledby=labelled_by>
            {heading}
            {group_label.map(|label| view! { <p class="advice group-label">{t(label)}</p> })}
            {move || match admitted.get() {
                Some(admitted) => view! { <Checked admitted holds on_close/> }.into_any(),
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

/// The preview of what passed the gate, what was left out, and the buttons. A single post is
/// shown in full with its ways to respond, a single shift with the people it needs and a way to
/// sign up; adding either then opens it, so the person stays on it.
#[component]
fn Checked(admitted: Admitted, holds: LinkHolds, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let navigate = use_navigate();
    let post = (holds == LinkHolds::Post)
        .then(|| admitted.board.posts().next().cloned())
        .flatten();
    let shift = (holds == LinkHolds::Shift)
        .then(|| admitted.board.shifts.values().next().cloned())
        .flatten();
    // Where adding it goes, and the control to start on when the person chose to act.
    let opened = match (&post, &shift) {
        (Some(post), _) => Some((routes::post(post.id), "helper-name")),
        (None, Some(shift)) => Some((routes::shift(shift.id), shift_page::HANDLE_FIELD)),
        (None, None) => None,
    };
    let respond = match (&post, &shift) {
        (Some(post), _) => (!state.is_mine(post) && post.current_status().is_active())
            .then(|| respond_label(post.kind)),
        // A shift this board has already (the coordinator's own, coming back with someone's
        // answer) is added, not signed up for: its page has the sign-up.
        (None, Some(shift)) => (!state
            .board
            .with_untracked(|board| board.shifts.contains_key(&shift.id))
            && !state.is_signed_up(shift)
            && shift.opening(platform::now_ms()) == Opening::Open)
            .then_some(Msg::SignUpLabel),
        (None, None) => None,
    };
    let task = shift
        .as_ref()
        .map(|shift| shift.task.value.clone())
        .unwrap_or_default();
    // Counted against the board as it is now; the merge reports its own counts, which match
    // unless the board changes while the preview is open.
    let preview = state
        .board
        .with_untracked(|board| Preview::of(board, &admitted));
    let report = preview.report;
    let refused = preview.refused.clone();
    let in_preview = shift.map(|shift| {
        let board = admitted.board.clone();
        move || {
            let text = ShiftText::of(state, state.lang.get(), &board, &shift);
            let note = opening_note(shift.opening(platform::now_ms()), text.mine);
            view! {
                <div class="in-preview">
                    <h3 class="card-title" dir="auto">{text.task.clone()}</h3>
                    <ShiftBody text note/>
                </div>
            }
        }
    });
    let board = StoredValue::new(admitted.board);
    let merge = move |then_respond: bool| {
        let done = board.with_value(|incoming| state.merge_admitted(incoming));
        let lang = state.lang.get_untracked();
        let text = fill(
            lang.text(Msg::Merged),
            &[("counts", &counts_text(lang, &done))],
        );
        on_close.run(());
        match &opened {
            Some((path, field)) => {
                let field = *field;
                state.announce(path, text);
                navigate(path, Default::default());
                if then_respond {
                    request_animation_frame(move || platform::focus_id(field));
                }
            }
            None => state.notice.set(Some(Announcement {
                at: web::current_path(),
                text,
            })),
        }
    };
    let merge = StoredValue::new(merge);
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
            {post.map(|post| view! { <PostInPreview post/> })}
            {in_preview}
            <p class="count-line">{move || counts_text(state.lang.get(), &report)}</p>
            // A shift's link holds no posts: the counts above say what it changes.
            {(holds != LinkHolds::Shift).then(|| view! {
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
                                <span class=kind_class>{t::<Msg>(post.kind.into())}</span>
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
            })}
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
                {respond.map(|label| view! {
                    <button type="button" on:click=move |_| merge.with_value(|merge| merge(true))>
                        {move || fill(state.t(label), &[("task", &task)])}
                    </button>
                })}
                <button
                    class=if respond.is_some() { "secondary" } else { "" }
                    type="button"
                    on:click=move |_| merge.with_value(|merge| merge(false))
                >
                    {t(Msg::Merge)}
                </button>
                <button class="secondary" type="button" on:click=move |_| on_close.run(())>
                    {t(Msg::Cancel)}
                </button>
            </div>
    }
}

/// One post from a link, as its own screen shows it: what it says, how to reach its author (or
/// why not, and what to do instead; a member also sees a contact shared with the group), and its responses with the way to reach each helper, so
/// an author opening a reply link holds the helper's contact at once.
#[component]
fn PostInPreview(post: Post) -> impl IntoView {
    let state = AppState::get();
    let mine = state.is_mine(&post);
    // As on the post's own screen: a member sees what members share with the group (a group
    // link carries it).
    let audience = if state.is_member() {
        Audience::Group
    } else {
        Audience::Public
    };
    let contact = post
        .contact
        .value
        .clone()
        .filter(|contact| contact.visibility.shown_to(audience));
    let kind = post.kind;
    let author = post.author.clone();
    let responses: Vec<_> = post.responses.values().cloned().collect();
    view! {
        <div class="in-preview">
            <PostBody post in_preview=true/>
            {(!mine).then(|| view! {
                <Respond contact is_author=false author heading_id="incoming-respond-heading"/>
            })}
            {(!responses.is_empty()).then(|| view! {
                <h3>{t(responses_heading(kind))}</h3>
                <ul class="responses">
                    {responses
                        .into_iter()
                        .map(|response| view! { <li><ResponseItem kind response/></li> })
                        .collect_view()}
                </ul>
            })}
        </div>
    }
}
