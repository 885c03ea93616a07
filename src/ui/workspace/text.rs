//! The workspace's messages filled in and counted; as plain reactive text they go through
//! [`crate::ui::state::t`], like the board's.

use crate::i18n::fill;
use crate::i18n::workspace::{WorkCounted, WorkMsg};
use crate::ui::format;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// A workspace message with its placeholders filled, in the current language.
pub fn work_fill(state: AppState, msg: WorkMsg, values: &[(&str, &str)]) -> String {
    fill(state.lang.get().work(msg), values)
}

/// A counted workspace message, its number written the locale's way.
pub fn work_count(state: AppState, msg: WorkCounted, n: usize) -> String {
    let lang = state.lang.get();
    let count = format::number(lang, n);
    fill(lang.work_counted(msg, n as u64), &[("count", &count)])
}

/// A wait in days, or hours under two days: "3 days", "5 horas".
pub fn wait(state: AppState, ms: u64) -> String {
    const HOUR: u64 = 3_600_000;
    let hours = ms / HOUR;
    if hours < 48 {
        work_count(state, WorkCounted::Hours, hours as usize)
    } else {
        work_count(state, WorkCounted::Days, (hours / 24) as usize)
    }
}
