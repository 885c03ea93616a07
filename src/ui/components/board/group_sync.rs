//! The group's board, on the board screen and on Share & sync: a line for each of the group's
//! sources saying what the last sync brought, or why the source could not be read, where this
//! phone's changes for the group's sheet stand, and "Sync now". Shown only when the group's
//! settings name sources or a write-back endpoint.

use crate::i18n::sheet::sheet_error_text;
use crate::i18n::{fill, Counted, Lang, Msg};
use crate::sources::group_source::SourceError;
use crate::ui::components::board::write_back_line::WriteBackLine;
use crate::ui::components::share::problem::ImportError;
use crate::ui::format;
use crate::ui::members::UnlockError;
use crate::ui::state::{t, AppState};
use crate::ui::sync::{SourceStatus, SyncError, Synced, TIMEOUT};
use leptos::prelude::*;

#[component]
pub fn GroupSync() -> impl IntoView {
    let state = AppState::get();
    let has_sources = move || {
        state
            .config
            .with(|config| !config.sources.is_empty() || config.write_back.is_some())
    };
    let running = move || state.sync.with(|sync| sync.running);
    let lines = move || {
        let lang = state.lang.get();
        state.sync.with(|sync| {
            sync.sources
                .iter()
                .map(|status| {
                    let skipped = status
                        .outcome
                        .as_ref()
                        .ok()
                        .map(|synced| skipped(lang, synced));
                    view! { <li>{line(lang, status)} {skipped}</li> }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=has_sources>
            <section class="group-sync" aria-labelledby="group-sync-heading">
                <h2 id="group-sync-heading">{t(Msg::SyncHeading)}</h2>
                <div aria-live="polite">
                    <Show when=running>
                        <p>{t(Msg::Syncing)}</p>
                    </Show>
                    <ul>{lines}</ul>
                </div>
                <WriteBackLine/>
                <button
                    class="button secondary"
                    type="button"
                    disabled=running
                    on:click=move |_| state.sync_now()
                >
                    {t(Msg::SyncNow)}
                </button>
            </section>
        </Show>
    }
}

/// One source's outcome as a sentence.
fn line(lang: Lang, status: &SourceStatus) -> String {
    let source = status.name.as_str();
    let when = |ms| format::moment(lang, ms);
    let failed = |reason: String| {
        fill(
            lang.text(Msg::SyncFailed),
            &[("source", source), ("reason", &reason)],
        )
    };
    match &status.outcome {
        Ok(synced) => {
            let mut text = match synced.saved_at_ms {
                Some(saved) => fill(
                    lang.text(Msg::SyncFromCopy),
                    &[("source", source), ("when", &when(saved))],
                ),
                None => fill(
                    lang.text(Msg::SyncRead),
                    &[
                        ("source", source),
                        ("added", &format::number(lang, synced.merged.added)),
                        ("updated", &format::number(lang, synced.merged.updated)),
                        ("when", &when(synced.read_ms)),
                    ],
                ),
            };
            if synced.refused > 0 {
                text.push(' ');
                text += &fill(
                    lang.counted(Counted::SyncRefused, synced.refused as u64),
                    &[("count", &format::number(lang, synced.refused))],
                );
            }
            text
        }
        Err(SyncError::Offline) => match status.last_read_ms {
            Some(last) => fill(
                lang.text(Msg::SyncOffline),
                &[("source", source), ("when", &when(last))],
            ),
            None => fill(lang.text(Msg::SyncOfflineNever), &[("source", source)]),
        },
        Err(SyncError::Status(404)) => failed(lang.text(Msg::SyncNotFound).to_string()),
        Err(SyncError::Status(code)) => failed(fill(
            lang.text(Msg::SyncStatus),
            &[("status", &code.to_string())],
        )),
        Err(SyncError::Timeout) => failed(fill(
            lang.text(Msg::SyncTimeout),
            &[("seconds", &TIMEOUT.as_secs().to_string())],
        )),
        Err(SyncError::Unreadable(SourceError::Sheet(error))) => {
            failed(sheet_error_text(lang, error))
        }
        Err(SyncError::Unreadable(SourceError::Snapshot(error))) => {
            failed(ImportError::File(error.clone()).text(lang))
        }
        Err(SyncError::Locked) => fill(lang.text(Msg::SyncLocked), &[("source", source)]),
        Err(SyncError::Encrypted(error)) => {
            failed(lang.text(UnlockError::Open(*error).message()).to_string())
        }
        Err(SyncError::NoReader) => failed(lang.text(Msg::SyncNoReader).to_string()),
    }
}

/// The sheet rows a sync left out, each with its row number and reason; none is dropped
/// silently.
fn skipped(lang: Lang, synced: &Synced) -> Option<impl IntoView> {
    let count = synced.skipped.len();
    (count > 0).then(|| {
        let rows = synced
            .skipped
            .iter()
            .map(|row| view! { <li>{row.get(lang).to_string()}</li> })
            .collect_view();
        view! {
            <details>
                <summary>
                    {fill(
                        lang.counted(Counted::SyncSkipped, count as u64),
                        &[("count", &format::number(lang, count))],
                    )}
                </summary>
                <ul>{rows}</ul>
            </details>
        }
    })
}
