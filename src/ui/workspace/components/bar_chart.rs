//! A horizontal bar chart of asks, the fulfilled part of each bar darker. Drawn for the eye
//! only: the table beside it carries the same numbers for screen readers, so the chart is
//! hidden from them. Sizes are SVG attributes and colours CSS classes, as the page's Content
//! Security Policy allows no inline styles.

use crate::model::needs_report::Tally;
use leptos::prelude::*;

const WIDTH: f64 = 320.0;
const ROW: f64 = 38.0;
const BAR: f64 = 14.0;
/// Room at the bar's end for its number.
const NUMBER: f64 = 48.0;

#[component]
pub fn BarChart(rows: Vec<(String, Tally)>) -> impl IntoView {
    let most = rows
        .iter()
        .map(|(_, tally)| tally.asks)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let height = ROW * rows.len() as f64;
    let scale = (WIDTH - NUMBER) / most;
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(n, (label, tally))| {
            let top = ROW * n as f64;
            let asks = (tally.asks as f64 * scale).max(1.0);
            let fulfilled = tally.fulfilled as f64 * scale;
            view! {
                <text class="chart-label" x="0" y=top + 12.0>{label}</text>
                <rect class="chart-asks" x="0" y=top + 17.0 width=asks height=BAR></rect>
                <rect class="chart-fulfilled" x="0" y=top + 17.0 width=fulfilled height=BAR></rect>
                <text class="chart-number" x=asks + 6.0 y=top + 28.0>{tally.asks}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="bar-chart" viewBox=format!("0 0 {WIDTH} {height}") width=WIDTH height=height
            aria-hidden="true" focusable="false">
            {bars}
        </svg>
    }
}
