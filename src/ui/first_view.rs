//! Taking over from the board's first view, which a group's deploy writes into `index.html`
//! (`src/publish/first_view.rs`): the group's open posts in the app's own markup, painted
//! before the app has downloaded. The app starts hidden beside it and replaces it in one step,
//! within one frame, once its board has what it opens with ([`AppState::ready`]): a phone
//! never sees the posts give way to an empty board and come back, and, as both are drawn the
//! same way, nothing moves. Without a first view, or on any screen but the board, the app
//! replaces the loading note in the task that draws its frame.

use super::platform;
use super::state::AppState;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// index.html's loading note, which holds the first view when there is one.
const LOADING: &str = "circle-loading";
/// What the app mounts into.
const APP: &str = "circle-app";

/// A new element at the end of `<body>` for the app to mount into: hidden while the page
/// shows a first view of the board that the app has yet to take over.
pub fn container() -> web_sys::HtmlElement {
    let document = document();
    let app: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a document makes elements")
        .unchecked_into();
    app.set_id(APP);
    app.set_hidden(shows_first_view(&document));
    let _ = document.body().map(|body| body.append_child(&app));
    app
}

/// The longest the app waits for the board's files, once started, before it takes over
/// anyway: the group's settings have no timeout of their own, and a stalled connection must not
/// keep the filters and forms away. The first view's links work meanwhile.
const AT_MOST: Duration = Duration::from_secs(8);

/// Called as the app's frame is drawn. Without a first view, the app takes the loading note's
/// place at once, in the task that draws it. With one, it shows in place of the first view once
/// the board has what it opens with, or after [`AT_MOST`]. Both changes are made in the same
/// task, so no frame shows both or neither.
pub fn take_over(state: AppState) {
    let Some(app) = document().get_element_by_id(APP) else {
        return;
    };
    let app: web_sys::HtmlElement = app.unchecked_into();
    if !app.hidden() {
        platform::remove_id(LOADING);
        return;
    }
    set_timeout(move || state.ready.set(true), AT_MOST);
    Effect::new(move |_| {
        if state.ready.get() && app.hidden() {
            platform::remove_id(LOADING);
            app.set_hidden(false);
        }
    });
}

/// Whether the page holds a first view of the board, and the address is the board's.
fn shows_first_view(document: &web_sys::Document) -> bool {
    let has_board = document
        .query_selector(&format!("#{LOADING} .first-board"))
        .ok()
        .flatten()
        .is_some();
    let base = platform::page_base();
    let path = window().location().pathname().unwrap_or_default();
    has_board && (path == format!("{base}/") || path == format!("{base}/index.html"))
}
