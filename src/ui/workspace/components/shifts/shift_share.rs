//! "Share this shift" on a shift's card: a readable call for people ending in a link to the
//! shift on the board page, with the ways to send it and its QR code for a printed notice. A
//! neighbour signs up from the link and sends their answer back in a link of the same kind,
//! which this device opens like any other.

use crate::i18n::fill;
use crate::i18n::workspace::WorkMsg;
use crate::model::RecordId;
use crate::ui::components::share::qr_code::QrCode;
use crate::ui::components::share::send::SendMessage;
use crate::ui::components::share::web;
use crate::ui::components::shift::shift_text::ShiftText;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// Folded away, and drawn only once opened: a list of shifts would otherwise draw a QR code
/// for each.
#[component]
pub fn ShiftShare(id: RecordId, text: ShiftText) -> impl IntoView {
    let state = AppState::get();
    let open = RwSignal::new(false);
    let what = [text.task, text.when, text.place]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let gap = text.gap;
    let message = Signal::derive(move || {
        fill(
            state.lang.get().work(WorkMsg::ShiftShareText),
            &[("what", &what), ("gap", &gap)],
        )
    });
    let url = web::shift_url(state, id);
    view! {
        <details class="more shift-share" on:toggle:target=move |ev| open.set(ev.target().open())>
            <summary>{t(WorkMsg::ShareShift)}</summary>
            <Show when=move || open.get()>
                <p class="hint">{t(WorkMsg::ShareShiftHint)}</p>
                <SendMessage id=format!("shift-{id}") text=message url/>
                <QrCode url/>
            </Show>
        </details>
    }
}
