//! The group's demo board on this device: which records it brought, so each invented card is
//! labelled, and whether the person removed it, so it stays removed.
//!
//! The demo is merged in on a device's first run, when the group's settings name one. Its
//! records are remembered by id; "Remove the demo posts" forgets exactly those records, here
//! only, and never the person's own posts or the ones they added from others. A removal is kept
//! (the `demo` key), so the demo comes back neither on a reload, nor from another tab's save,
//! nor from a link or file that still holds it. A wipe also leaves the demo removed: it erases
//! what the person had here, and a board that refills itself would look as if it had not. The
//! person can ask for the demo again in Settings.

use super::state::AppState;
use super::{platform, remote};
use crate::i18n::Msg;
use crate::model::sorted_set::SortedSet;
use crate::model::{Board, RecordId, Snapshot};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The name under which this device keeps the [`DemoMark`].
pub const DEMO_KEY: &str = "demo";

/// What this device knows of the demo. No mark at all: the demo was never loaded here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DemoMark {
    /// The ids of every record the demo brought.
    pub ids: SortedSet<RecordId>,
    /// The person removed the demo; it is kept out until they ask for it again.
    pub removed: bool,
}

impl DemoMark {
    /// The mark saved on this device, if the demo was ever loaded or removed here.
    pub fn saved() -> Option<Self> {
        platform::load(DEMO_KEY)
    }

    /// Forgets the demo's records from `board` when the person removed them; `true` if any went.
    pub fn keep_out(&self, board: &mut Board) -> bool {
        self.removed && board.forget(&self.ids) > 0
    }
}

impl AppState {
    /// Whether `id` is one of the demo's invented records.
    pub fn is_demo(self, id: RecordId) -> bool {
        self.demo
            .with(|demo| !demo.removed && demo.ids.contains(&id))
    }

    /// Whether any demo post is on the board now.
    pub fn shows_demo(self) -> bool {
        self.demo.with(|demo| {
            !demo.removed
                && self
                    .board
                    .with(|board| demo.ids.iter().any(|id| board.post(*id).is_some()))
        })
    }

    /// Merges the demo board at `path` and remembers its records, unless the person removed
    /// the demo in the meantime (in another tab, while this one fetched).
    pub(super) async fn load_demo(self, path: &str) {
        let Ok(fetched) = remote::fetch_text(path).await else {
            return;
        };
        let Ok(demo) = Snapshot::import(&fetched.text) else {
            return;
        };
        let admitted = self.admit(demo).await;
        if DemoMark::saved().is_some_and(|mark| mark.removed) {
            return;
        }
        let mark = DemoMark {
            ids: admitted.board.ids(),
            removed: false,
        };
        platform::save(DEMO_KEY, &mark);
        self.demo.set(mark);
        self.merge_admitted(&admitted.board);
    }

    /// "Remove the demo posts": forgets the demo's records on this device and keeps them out.
    pub fn remove_demo(self) {
        self.demo.update(|demo| demo.removed = true);
        self.save_demo_mark();
        self.demo.with_untracked(|demo| {
            self.board.maybe_update(|board| demo.keep_out(board));
        });
        self.announce("/", self.t(Msg::DemoRemoved).to_string());
    }

    /// Brings the demo back, when the person asks for it after removing it or wiping.
    pub fn restore_demo(self) {
        self.demo.update(|demo| demo.removed = false);
        self.save_demo_mark();
        let path = self
            .config
            .with_untracked(|config| config.demo_board.clone());
        if let Some(path) = path {
            leptos::task::spawn_local(async move { self.load_demo(&path).await });
        }
    }

    /// Keeps the demo removed after a wipe, which erased the mark with everything else.
    pub(super) fn keep_demo_removed(self) {
        self.demo.update(|demo| demo.removed = true);
        self.save_demo_mark();
    }

    /// Takes the mark another tab saved, and forgets what it removed.
    pub(super) fn follow_demo_elsewhere(self) {
        let mark = DemoMark::saved().unwrap_or_default();
        self.board.maybe_update(|board| mark.keep_out(board));
        self.demo.set(mark);
    }

    fn save_demo_mark(self) {
        self.demo
            .with_untracked(|demo| platform::save(DEMO_KEY, demo));
    }
}
