//! Share & sync: the board as a link, a QR code or a file, and opening what others sent.

use crate::i18n::{fill, Msg};
use crate::model::Audience;
use crate::sources::share_link::{
    prefers_file, share_url, LinkAudience, ShareLink, ToSeal, LONG_LINK_CHARS,
};
use crate::ui::components::board::group_sync::GroupSync;
use crate::ui::components::share::audience_link::{made_link, AudienceChoice, MadeLinkPanel};
use crate::ui::components::share::export::{FileExport, SaveBoardFile};
use crate::ui::components::share::file_import::FileImport;
use crate::ui::components::share::import_preview::{ImportPreview, Incoming};
use crate::ui::components::share::paste_link::PasteLink;
use crate::ui::components::share::problem::ImportError;
use crate::ui::components::share::web;
use crate::ui::format;
use crate::ui::platform;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// Three parts, in the order a neighbour needs them: send the board as a link (public unless
/// "group members" is picked on purpose), save it as a file, open one someone sent. A link too
/// long to send well is flagged, with the file offered in its place.
#[component]
pub fn SharePage() -> impl IntoView {
    view! {
        <h1>{t(Msg::ShareTitle)}</h1>
        <p>{t(Msg::ShareIntro)}</p>
        <GroupSync/>
        <section aria-labelledby="link-heading">
            <h2 id="link-heading">{t(Msg::LinkHeading)}</h2>
            <BoardLink/>
        </section>
        <section aria-labelledby="files-heading">
            <h2 id="files-heading">{t(Msg::FilesHeading)}</h2>
            <FileExport/>
        </section>
        <section aria-labelledby="import-heading">
            <h2 id="import-heading" tabindex="-1">{t(Msg::ImportHeading)}</h2>
            <Import/>
        </section>
    }
}

/// Beyond this many posts a board link is far past `LONG_LINK_CHARS` (it passes it at about 40
/// posts) and takes a cheap phone seconds to build (10,000 posts: over a second natively, and
/// more than a link may hold), so the screen offers the file without building the link.
const LINK_POST_LIMIT: usize = 500;

/// The whole board as a link, public unless "group members only" is picked (offered on a phone
/// that holds the group's key; the link is then sealed with it), or for a big board the file
/// instead.
#[component]
fn BoardLink() -> impl IntoView {
    let state = AppState::get();
    let page = web::app_url();
    let too_big = Memo::new(move |_| {
        state
            .board
            .with(|board| board.posts.len() > LINK_POST_LIMIT)
    });
    let public_page = page.clone();
    let public = Memo::new(move |_| {
        (!too_big.get()).then(|| {
            state.board.with(|board| {
                share_url(
                    &public_page,
                    &ShareLink::for_board(board, LinkAudience::Public),
                )
            })
        })
    });
    let audience = RwSignal::new(LinkAudience::Public);
    let link = made_link(page, audience.into(), public.into(), move || {
        (!too_big.get()).then(|| state.board.with(ToSeal::board))
    });
    let long = move || {
        too_big.get() || link.with(|link| matches!(link, Some(Ok(url)) if prefers_file(url)))
    };
    let long_text = move || {
        let lang = state.lang.get();
        fill(
            lang.text(Msg::LinkLong),
            &[("max", &format::number(lang, LONG_LINK_CHARS))],
        )
    };
    let file_audience = Signal::derive(move || Audience::from(audience.get()));
    view! {
        <AudienceChoice id="link-audience" audience/>
        <Show when=move || !too_big.get()>
            <MadeLinkPanel id="board" link title=Msg::ShareTitle/>
        </Show>
        {move || long().then(|| view! {
            <div class="advice long-link">
                <p>{long_text}</p>
                <SaveBoardFile audience=file_audience/>
            </div>
        })}
    }
}

/// Opening a file or a pasted link: what is wrong with it, or its preview, or the ways in.
#[component]
fn Import() -> impl IntoView {
    let state = AppState::get();
    let incoming = RwSignal::new(None::<Incoming>);
    let problem = RwSignal::new(None::<ImportError>);
    let open = Callback::new(move |opened: Result<Incoming, ImportError>| match opened {
        Ok(board) => {
            problem.set(None);
            incoming.set(Some(board));
            request_animation_frame(|| platform::focus_id("import-preview-heading"));
        }
        Err(error) => {
            incoming.set(None);
            problem.set(Some(error));
        }
    });
    let close = Callback::new(move |()| {
        incoming.set(None);
        platform::focus_id("import-heading");
    });
    view! {
        <p>{t(Msg::ImportIntro)}</p>
        <p role="alert" class="form-summary">
            {move || problem.get().map(|error| {
                format!("{} {}", error.text(state.lang.get()), state.t(Msg::BoardUnchanged))
            })}
        </p>
        {move || match incoming.get() {
            Some(incoming) => view! {
                <ImportPreview id="import-preview" incoming on_close=close/>
            }
            .into_any(),
            None => view! {
                <FileImport on_open=open/>
                <PasteLink on_open=open/>
            }
            .into_any(),
        }}
    }
}
