//! The emergency fund: the totals (requested, pledged, paid out, the balance and what is still
//! to pay), the totals month by month, the ledger with the balance after each entry, the form
//! that records one, and the ledger as CSV.

use crate::i18n::workspace::WorkMsg;
use crate::i18n::Lang;
use crate::model::{Day, EntryKind, FundSummary};
use crate::sources::csv_export;
use crate::sources::fund_csv::{self, LedgerLabels};
use crate::ui::components::share::export::deliver;
use crate::ui::state::{t, AppState};
use crate::ui::workspace::components::fund::entry_form::EntryForm;
use crate::ui::workspace::components::fund::kind_msg;
use crate::ui::{format, platform};
use leptos::prelude::*;

#[component]
pub fn FundPage() -> impl IntoView {
    let state = AppState::get();
    let summary = Memo::new(move |_| state.board.with(|board| board.fund_summary()));
    let money = move |cents: i128| format::money(state.lang.get(), cents);
    let totals = move || {
        let summary = summary.get();
        [
            (WorkMsg::TotalRequested, i128::from(summary.requested)),
            (WorkMsg::TotalPledged, i128::from(summary.pledged)),
            (WorkMsg::TotalPaidOut, i128::from(summary.paid_out)),
            (WorkMsg::TotalBalance, summary.balance()),
            (WorkMsg::TotalOutstanding, i128::from(summary.outstanding())),
        ]
        .into_iter()
        .map(|(label, cents)| view! { <div><dt>{t(label)}</dt><dd>{money(cents)}</dd></div> })
        .collect_view()
    };
    view! {
        <h1>{t(WorkMsg::FundTitle)}</h1>
        <p class="intro">{t(WorkMsg::FundIntro)}</p>
        <dl class="totals">{totals}</dl>
        <Ledger/>
        <Months/>
        <EntryForm/>
    }
}

/// Every entry, newest first, with the balance after it.
#[component]
fn Ledger() -> impl IntoView {
    let state = AppState::get();
    let rows = move || {
        let lang = state.lang.get();
        state.board.with(|board| {
            let lines = board.ledger_lines();
            lines
                .iter()
                .rev()
                .map(|line| {
                    let entry = line.entry;
                    let towards = entry
                        .request
                        .value
                        .and_then(|id| board.fund.get(&id))
                        .map(|request| request.purpose.value.clone())
                        .unwrap_or_default();
                    let purpose = [entry.purpose.value.clone(), towards]
                        .into_iter()
                        .filter(|part| !part.is_empty())
                        .collect::<Vec<_>>()
                        .join(" → ");
                    view! {
                        <tr>
                            <td>{format::day(lang, Day::from_ms(entry.created.ms))}</td>
                            <th scope="row">{lang.work(kind_msg(entry.kind))}</th>
                            <td class="number">{format::money(lang, signed(entry.kind, entry.amount.value))}</td>
                            <td dir="auto">{purpose}</td>
                            <td dir="auto">{entry.by.clone()}</td>
                            <td class="number">{format::money(lang, line.balance)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let empty = move || state.board.with(|board| board.ledger().is_empty());
    let save = move |_| save_csv(state);
    view! {
        <section aria-labelledby="ledger-heading">
            <h2 id="ledger-heading">{t(WorkMsg::LedgerHeading)}</h2>
            <Show when=move || !empty() fallback=|| view! { <p>{t(WorkMsg::LedgerEmpty)}</p> }>
                // Wider than a phone: it scrolls, so a keyboard must be able to reach and move it.
                <div class="table-scroll" tabindex="0" role="group" aria-labelledby="ledger-heading">
                    <table>
                        <thead><tr>
                            <th scope="col">{t(WorkMsg::ColDate)}</th>
                            <th scope="col">{t(WorkMsg::ColKind)}</th>
                            <th scope="col">{t(WorkMsg::ColAmount)}</th>
                            <th scope="col">{t(WorkMsg::ColPurpose)}</th>
                            <th scope="col">{t(WorkMsg::ColBy)}</th>
                            <th scope="col">{t(WorkMsg::ColBalance)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="actions">
                    <button type="button" class="secondary" on:click=save>{t(WorkMsg::SaveLedgerCsv)}</button>
                </p>
            </Show>
        </section>
    }
}

/// The totals of each month, newest first.
#[component]
fn Months() -> impl IntoView {
    let state = AppState::get();
    let rows = move || {
        let lang = state.lang.get();
        state.board.with(|board| {
            board
                .fund_by_month()
                .into_iter()
                .rev()
                .map(|((year, month), summary): ((i32, u32), FundSummary)| {
                    view! {
                        <tr>
                            <th scope="row">{format::month(lang, year, month)}</th>
                            <td class="number">{format::money(lang, i128::from(summary.requested))}</td>
                            <td class="number">{format::money(lang, i128::from(summary.pledged))}</td>
                            <td class="number">{format::money(lang, i128::from(summary.paid_out))}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let empty = move || state.board.with(|board| board.ledger().is_empty());
    view! {
        <Show when=move || !empty()>
            <section aria-labelledby="fund-months-heading">
                <h2 id="fund-months-heading">{t(WorkMsg::FundByMonth)}</h2>
                <table>
                    <thead><tr>
                        <th scope="col">{t(WorkMsg::ColMonth)}</th>
                        <th scope="col">{t(WorkMsg::TotalRequested)}</th>
                        <th scope="col">{t(WorkMsg::TotalPledged)}</th>
                        <th scope="col">{t(WorkMsg::TotalPaidOut)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        </Show>
    }
}

/// A payout takes money out of the fund, so the ledger shows it below zero.
fn signed(kind: EntryKind, cents: u64) -> i128 {
    match kind {
        EntryKind::Payout => -i128::from(cents),
        _ => i128::from(cents),
    }
}

fn save_csv(state: AppState) {
    let lang = state.lang.get_untracked();
    let name = fund_csv::file_name(Day::from_ms(platform::now_ms()));
    let text = state
        .board
        .with_untracked(|board| fund_csv::ledger_csv(&board.ledger_lines(), &Words(lang)));
    deliver(state, &name, csv_export::MEDIA_TYPE, &text);
}

struct Words(Lang);

impl LedgerLabels for Words {
    fn headers(&self) -> [String; 7] {
        [
            WorkMsg::ColDate,
            WorkMsg::ColKind,
            WorkMsg::ColAmount,
            WorkMsg::ColPurpose,
            WorkMsg::FieldTowards,
            WorkMsg::ColBy,
            WorkMsg::ColBalance,
        ]
        .map(|msg| self.0.work(msg).to_string())
    }

    fn kind(&self, kind: EntryKind) -> String {
        self.0.work(kind_msg(kind)).to_string()
    }
}
