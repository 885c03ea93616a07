//! A share link opened from a message, a flyer or a QR code: the app starts (or the address
//! changes) with `#c1.…`, and the person sees what it holds before anything is merged. A link
//! for group members only is opened with the group's key; on a phone without it, the link
//! waits here while the person types the passphrase in Settings, and opens once they have.

use super::import_preview::{ImportPreview, Incoming};
use super::problem::ImportError;
use super::web;
use crate::i18n::Msg;
use crate::sources::share_link::{LinkError, Opened as Read, ShareLink};
use crate::ui::state::{t, AppState};
use crate::ui::{platform, routes};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the fragment turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Opened {
    /// A group link, being opened by the reader worker.
    Opening,
    Ready(Incoming),
    Refused(ImportError),
    /// A group link, and this phone holds no key: the link's text, kept to open again.
    Locked(String),
}

/// On any screen: when the address carries a share link, shows its preview above the screen
/// (or, for a bad link, what is wrong with it). Closing either drops the fragment from the
/// address, so a reload does not ask again.
#[component]
pub fn IncomingLink() -> impl IntoView {
    let state = AppState::get();
    let opened = RwSignal::new(None::<Opened>);
    // Each opening has a number, so an answer that comes after a newer link was opened (or the
    // link was closed) is dropped.
    let latest = StoredValue::new(0u32);
    let open = move |text: String| {
        let turn = latest.get_value().wrapping_add(1);
        latest.set_value(turn);
        let sealed = match ShareLink::read(&text) {
            Ok(Read::Open(link)) => Opened::Ready(link.into()),
            Err(error) => Opened::Refused(ImportError::Link(error)),
            Ok(Read::Sealed(sealed)) => {
                spawn_local(async move {
                    let now = match state.open_sealed(sealed).await {
                        Ok(link) => Opened::Ready(link.into()),
                        Err(ImportError::Link(LinkError::Locked)) => Opened::Locked(text),
                        Err(error) => Opened::Refused(error),
                    };
                    if latest.try_get_value() == Some(turn) {
                        opened.try_set(Some(now));
                        focus_on(&opened);
                    }
                });
                Opened::Opening
            }
        };
        opened.set(Some(sealed));
        focus_on(&opened);
    };
    if let Some(text) = share_fragment() {
        open(text);
    }
    // A link tapped while Circle is already open changes only the fragment.
    let listener = window_event_listener(ev::hashchange, move |_| {
        if let Some(text) = share_fragment() {
            open(text);
        }
    });
    on_cleanup(move || listener.remove());
    // A locked link opens once the person has typed the group's passphrase.
    Effect::new(move |_| {
        if state.is_member() {
            if let Some(Opened::Locked(text)) = opened.get_untracked() {
                open(text);
            }
        }
    });
    let close = Callback::new(move |()| {
        latest.update_value(|turn| *turn = turn.wrapping_add(1));
        opened.set(None);
        web::clear_fragment();
        platform::focus_id("main");
    });
    move || {
        opened.get().map(|opened| match opened {
            Opened::Opening => view! {
                <section class="incoming" aria-labelledby="incoming-heading">
                    <h2 id="incoming-heading" tabindex="-1">{t(Msg::LockedLinkHeading)}</h2>
                    <p role="status">{t(Msg::OpeningLink)}</p>
                </section>
            }
            .into_any(),
            Opened::Ready(incoming) => view! {
                <div class="incoming">
                    <ImportPreview id="incoming" incoming on_close=close/>
                </div>
            }
            .into_any(),
            Opened::Refused(error) => view! {
                <Refusal heading=Msg::ErrLinkHeading on_close=close>
                    {move || error.text(state.lang.get())} " " {t(Msg::BoardUnchanged)}
                </Refusal>
            }
            .into_any(),
            Opened::Locked(_) => view! {
                <Refusal heading=Msg::LockedLinkHeading on_close=close unlock=true>
                    {t(Msg::ErrLinkLocked)} " " {t(Msg::BoardUnchanged)}
                </Refusal>
            }
            .into_any(),
        })
    }
}

/// Why a link did not open, under `heading`, with a way to close it; for a locked group link,
/// `unlock` adds the way to Settings, where the passphrase goes (the link waits here).
#[component]
fn Refusal(
    heading: Msg,
    on_close: Callback<()>,
    #[prop(optional)] unlock: bool,
    children: Children,
) -> impl IntoView {
    let state = AppState::get();
    view! {
        <section class="incoming" aria-labelledby="incoming-heading">
            <h2 id="incoming-heading" tabindex="-1">{t(heading)}</h2>
            <p role="alert" class="form-summary">{children()}</p>
            <div class="actions">
                {unlock.then(|| view! {
                    <a class="button" href=move || state.href(routes::SETTINGS)>
                        {t(Msg::UnlockInSettings)}
                    </a>
                })}
                <button class="secondary" type="button" on:click=move |_| on_close.run(())>
                    {t(Msg::Close)}
                </button>
            </div>
        </section>
    }
}

/// The share link in the address, if any. Short fragments are in-page anchors (the skip
/// link's `#main`); a share link starts `c` and a version number, and anything long is taken
/// for a link someone meant to send, so a mangled one still gets a message instead of silence.
fn share_fragment() -> Option<String> {
    let fragment = web::fragment();
    let versioned =
        fragment.starts_with('c') && fragment[1..].starts_with(|c: char| c.is_ascii_digit());
    (versioned || fragment.len() >= 24).then_some(fragment)
}

/// Moves focus to the preview's heading once it is drawn, so a screen reader starts there.
fn focus_on(opened: &RwSignal<Option<Opened>>) {
    if opened.with_untracked(Option::is_some) {
        request_animation_frame(|| platform::focus_id("incoming-heading"));
    }
}
