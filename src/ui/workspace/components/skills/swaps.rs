//! A childcare listing's swaps: each neighbour's hours given and received, and whether the
//! minding has evened out; and the way to record another swap.

use super::swap_form::SwapForm;
use crate::i18n::workspace::{WorkCounted, WorkMsg};
use crate::i18n::{fill, Lang};
use crate::model::swap::{balances, Balance};
use crate::model::RecordId;
use crate::ui::format;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn Swaps(
    skill: RecordId,
    handle: String,
    /// The listing whose swap form is open on this screen, if any.
    recording: RwSignal<Option<RecordId>>,
) -> impl IntoView {
    let state = AppState::get();
    let shown = Memo::new(move |_| {
        state.board.with(|board| {
            board
                .skills
                .get(&skill)
                .map(|listing| balances(listing.swaps.iter()))
                .unwrap_or_default()
        })
    });
    let heading = format!("swaps-{skill}");
    let open = move || recording.get() == Some(skill);
    let form_handle = handle.clone();
    move || {
        let lang = state.lang.get();
        let title = fill(lang.work(WorkMsg::SwapsHeading), &[("handle", &handle)]);
        let record = fill(lang.work(WorkMsg::RecordSwap), &[("handle", &handle)]);
        let rows = shown.get();
        let list = if rows.is_empty() {
            view! { <p class="hint">{lang.work(WorkMsg::NoSwaps)}</p> }.into_any()
        } else {
            let items = rows
                .iter()
                .map(|balance| view! { <li dir="auto">{line(lang, balance)}</li> })
                .collect_view();
            view! { <ul class="swap-balances" aria-label=lang.work(WorkMsg::SwapBalances)>{items}</ul> }.into_any()
        };
        let form_handle = form_handle.clone();
        let (labelled_by, id) = (heading.clone(), heading.clone());
        view! {
            <section class="swaps" aria-labelledby=labelled_by>
                <h3 id=id dir="auto">{title}</h3>
                {list}
                <button
                    type="button"
                    class="secondary"
                    aria-expanded=move || if open() { "true" } else { "false" }
                    on:click=move |_| recording.set(if open() { None } else { Some(skill) })
                >
                    {record}
                </button>
                <Show when=open>
                    <SwapForm skill=skill handle=form_handle.clone() recording=recording/>
                </Show>
            </section>
        }
    }
}

/// "Rosa: minded 4 hours, was helped 2 hours, is owed 2 hours".
fn line(lang: Lang, balance: &Balance) -> String {
    let given = time(lang, balance.given);
    let received = time(lang, balance.received);
    let said = fill(
        lang.work(WorkMsg::SwapBalance),
        &[
            ("handle", &balance.handle),
            ("given", &given),
            ("received", &received),
        ],
    );
    let net = balance.net();
    let evens = match net.signum() {
        0 => lang.work(WorkMsg::SwapEven).to_string(),
        1 => fill(
            lang.work(WorkMsg::SwapOwed),
            &[("time", &time(lang, net.unsigned_abs()))],
        ),
        _ => fill(
            lang.work(WorkMsg::SwapOwes),
            &[("time", &time(lang, net.unsigned_abs()))],
        ),
    };
    format!("{said}, {evens}")
}

/// Minutes as whole hours where they are ("3 hours"), otherwise as minutes ("90 minutes").
fn time(lang: Lang, minutes: u64) -> String {
    let (msg, n) = if minutes.is_multiple_of(60) {
        (WorkCounted::Hours, minutes / 60)
    } else {
        (WorkCounted::Minutes, minutes)
    };
    let count = format::number(lang, usize::try_from(n).unwrap_or(usize::MAX));
    fill(lang.work_counted(msg, n), &[("count", &count)])
}
