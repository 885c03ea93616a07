//! The needs report: how many asks, by month, category and area, the share fulfilled, the
//! median wait for a match, and what stays unmet. Each chart has a table beside it with the
//! same numbers, and the whole report saves as CSV. Nothing personal is in it.

use crate::i18n::workspace::WorkMsg;
use crate::i18n::{Lang, Msg};
use crate::model::needs_report::{NeedsReport, Tally, OTHER};
use crate::model::Day;
use crate::sources::csv_export;
use crate::sources::report_csv::{self, Grouping, ReportLabels};
use crate::ui::components::share::export::deliver;
use crate::ui::state::{t, AppState};
use crate::ui::workspace::components::bar_chart::BarChart;
use crate::ui::workspace::text::wait;
use crate::ui::{format, labels, platform};
use leptos::prelude::*;

#[component]
pub fn ReportPage() -> impl IntoView {
    let state = AppState::get();
    let report = Memo::new(move |_| {
        state.config.with(|config| {
            state
                .board
                .with(|board| board.needs_report(config, platform::now_ms()))
        })
    });
    view! {
        <h1>{t(WorkMsg::ReportTitle)}</h1>
        <p class="intro">{t(WorkMsg::ReportIntro)}</p>
        {move || {
            let report = report.get();
            if report.all.asks == 0 {
                return view! { <p class="empty">{t(WorkMsg::ReportEmpty)}</p> }.into_any();
            }
            view! { <Report report=report/> }.into_any()
        }}
    }
}

#[component]
fn Report(report: NeedsReport) -> impl IntoView {
    let state = AppState::get();
    let lang = move || state.lang.get();
    let share = report.all.fulfilled_share().unwrap_or(0.0);
    let median = report.median_to_match_ms;
    let months: Vec<(String, Tally)> = report
        .months
        .iter()
        .map(|(month, tally)| (format::month(lang(), month.year, month.month), *tally))
        .collect();
    let categories = named(&report.by_category, |key| category(state, key));
    let areas = named(&report.by_area, |key| area(state, key));
    let unmet = report.unmet.clone();
    let save = {
        let report = report.clone();
        move |_| save_csv(state, &report)
    };
    view! {
        <dl class="totals">
            <div><dt>{t(WorkMsg::TotalAsks)}</dt><dd>{format::number(lang(), report.all.asks)}</dd></div>
            <div><dt>{t(WorkMsg::TotalFulfilled)}</dt><dd>{format::number(lang(), report.all.fulfilled)}</dd></div>
            <div><dt>{t(WorkMsg::ShareFulfilled)}</dt><dd>{format::percent(lang(), share)}</dd></div>
            <div>
                <dt>{t(WorkMsg::MedianToMatch)}</dt>
                <dd>{median.map_or_else(|| lang().work(WorkMsg::NoMatchYet).to_string(), |ms| wait(state, ms))}</dd>
            </div>
        </dl>
        <ChartSection id="by-month" heading=WorkMsg::ByMonth column=WorkMsg::ColMonth rows=months/>
        <ChartSection id="by-category" heading=WorkMsg::ByCategory column=WorkMsg::ColCategory rows=categories/>
        <ChartSection id="by-area" heading=WorkMsg::ByArea column=WorkMsg::ColArea rows=areas/>
        <section aria-labelledby="unmet">
            <h2 id="unmet">{t(WorkMsg::StillUnmet)}</h2>
            {if unmet.is_empty() {
                view! { <p>{t(WorkMsg::NothingUnmet)}</p> }.into_any()
            } else {
                view! {
                    <table>
                        <thead><tr>
                            <th scope="col">{t(WorkMsg::ColCategory)}</th>
                            <th scope="col">{t(WorkMsg::ColOpen)}</th>
                            <th scope="col">{t(WorkMsg::ColWaitingWeek)}</th>
                        </tr></thead>
                        <tbody>
                            {unmet.into_iter().map(|(key, unmet)| view! {
                                <tr>
                                    <th scope="row" dir="auto">{category(state, &key)}</th>
                                    <td>{format::number(lang(), unmet.open)}</td>
                                    <td>{format::number(lang(), unmet.waiting_over_week)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
        <p class="actions">
            <button type="button" on:click=save>{t(WorkMsg::SaveReportCsv)}</button>
        </p>
    }
}

/// A chart and, beside it, the table of its numbers.
#[component]
fn ChartSection(
    id: &'static str,
    heading: WorkMsg,
    column: WorkMsg,
    rows: Vec<(String, Tally)>,
) -> impl IntoView {
    let state = AppState::get();
    let lang = state.lang.get_untracked();
    let table = rows
        .iter()
        .map(|(name, tally)| {
            view! {
                <tr>
                    <th scope="row" dir="auto">{name.clone()}</th>
                    <td>{format::number(lang, tally.asks)}</td>
                    <td>{format::number(lang, tally.fulfilled)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{t(heading)}</h2>
            <div class="chart-and-table">
                <figure>
                    <BarChart rows=rows/>
                    <figcaption>{t(WorkMsg::ChartLegend)}</figcaption>
                </figure>
                <table>
                    <thead><tr>
                        <th scope="col">{t(column)}</th>
                        <th scope="col">{t(WorkMsg::ColAsks)}</th>
                        <th scope="col">{t(WorkMsg::ColFulfilled)}</th>
                    </tr></thead>
                    <tbody>{table}</tbody>
                </table>
            </div>
        </section>
    }
}

fn named(rows: &[(String, Tally)], name: impl Fn(&str) -> String) -> Vec<(String, Tally)> {
    rows.iter()
        .map(|(key, tally)| (name(key), *tally))
        .collect()
}

fn category(state: AppState, key: &str) -> String {
    labels::category(state, key)
}

/// An area's name; asks in an area the group does not list are counted as "other".
fn area(state: AppState, key: &str) -> String {
    if key == OTHER {
        state.t(Msg::CatOther).to_string()
    } else {
        labels::area(state, key)
    }
}

fn save_csv(state: AppState, report: &NeedsReport) {
    let words = Words {
        state,
        lang: state.lang.get_untracked(),
    };
    let name = report_csv::file_name(Day::from_ms(platform::now_ms()));
    let text = report_csv::needs_report_csv(report, &words);
    deliver(state, &name, csv_export::MEDIA_TYPE, &text);
}

/// The CSV's words, from the workspace's catalogue.
struct Words {
    state: AppState,
    lang: Lang,
}

impl ReportLabels for Words {
    fn headers(&self) -> [String; 6] {
        [
            WorkMsg::ColGrouping,
            WorkMsg::ColCategory,
            WorkMsg::ColAsks,
            WorkMsg::ColFulfilled,
            WorkMsg::ColOpen,
            WorkMsg::ColWaitingWeek,
        ]
        .map(|msg| self.lang.work(msg).to_string())
    }

    fn grouping(&self, grouping: Grouping) -> String {
        let msg = match grouping {
            Grouping::Month => WorkMsg::ColMonth,
            Grouping::Category => WorkMsg::ColCategory,
            Grouping::Area => WorkMsg::ColArea,
        };
        self.lang.work(msg).to_string()
    }

    fn name(&self, grouping: Grouping, key: &str) -> String {
        match grouping {
            Grouping::Area => area(self.state, key),
            _ => category(self.state, key),
        }
    }
}
