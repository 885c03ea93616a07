//! A share link opened from a message, a flyer or a QR code: the app starts (or the address
//! changes) with `#c1.…`, and the person sees what it holds before anything is merged.

use super::import_preview::{ImportPreview, Incoming};
use super::problem::ImportError;
use super::web;
use crate::i18n::Msg;
use crate::sources::share_link::ShareLink;
use crate::ui::platform;
use crate::ui::state::{t, AppState};
use leptos::ev;
use leptos::prelude::*;

/// What the fragment turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Opened {
    Ready(Incoming),
    Refused(ImportError),
}

/// On any screen: when the address carries a share link, shows its preview above the screen
/// (or, for a bad link, what is wrong with it). Closing either drops the fragment from the
/// address, so a reload does not ask again.
#[component]
pub fn IncomingLink() -> impl IntoView {
    let state = AppState::get();
    let opened = RwSignal::new(open_fragment());
    // A link tapped while Circle is already open changes only the fragment.
    let listener = window_event_listener(ev::hashchange, move |_| {
        if let Some(now) = open_fragment() {
            opened.set(Some(now));
            focus_on(&opened);
        }
    });
    on_cleanup(move || listener.remove());
    focus_on(&opened);
    let close = Callback::new(move |()| {
        opened.set(None);
        web::clear_fragment();
        platform::focus_id("main");
    });
    move || {
        opened.get().map(|opened| match opened {
            Opened::Ready(incoming) => view! {
                <div class="incoming">
                    <ImportPreview id="incoming" incoming on_close=close/>
                </div>
            }
            .into_any(),
            Opened::Refused(error) => view! {
                <section class="incoming" aria-labelledby="incoming-heading">
                    <h2 id="incoming-heading" tabindex="-1">{t(Msg::ErrLinkHeading)}</h2>
                    <p role="alert" class="form-summary">
                        {move || error.text(state.lang.get())} " " {t(Msg::BoardUnchanged)}
                    </p>
                    <div class="actions">
                        <button class="secondary" type="button" on:click=move |_| close.run(())>
                            {t(Msg::Close)}
                        </button>
                    </div>
                </section>
            }
            .into_any(),
        })
    }
}

/// The share link in the address, opened: `None` when there is none. Short fragments are
/// in-page anchors (the skip link's `#main`); a share link starts `c` and a version number,
/// and anything long is taken for a link someone meant to send, so a mangled one still gets a
/// message instead of silence.
fn open_fragment() -> Option<Opened> {
    let fragment = web::fragment();
    let versioned =
        fragment.starts_with('c') && fragment[1..].starts_with(|c: char| c.is_ascii_digit());
    if !versioned && fragment.len() < 24 {
        return None;
    }
    Some(match ShareLink::decode(&fragment) {
        Ok(link) => Opened::Ready(link.into()),
        Err(error) => Opened::Refused(ImportError::Link(error)),
    })
}

/// Moves focus to the preview's heading once it is drawn, so a screen reader starts there.
fn focus_on(opened: &RwSignal<Option<Opened>>) {
    if opened.with_untracked(Option::is_some) {
        request_animation_frame(|| platform::focus_id("incoming-heading"));
    }
}
