//! The app state, held in one context that every screen reads: the board, the group's settings,
//! the person's own settings and language, this device's clock, and the one-line notice shown
//! after an action. Effects here are the only place state meets storage and the document.

use super::demo::{DemoMark, DEMO_KEY};
use super::signatures::{self, Checking};
use super::sync::SyncState;
use super::write_back::WriteBackState;
use super::{format, platform, remote};
use crate::i18n::{fill, Lang, Msg, Text};
use crate::model::edit::EditError;
use crate::model::roster::{CheckInDraft, PersonDraft, Roster};
use crate::model::shift::{Shift, ShiftDraft};
use crate::model::skill::{Skill, SkillDraft};
use crate::model::swap::SwapDraft;
use crate::model::trust::check::{Answered, Check, Checker, Local, Recorder};
use crate::model::trust::gate::{Gate, MAX_AHEAD_MS};
use crate::model::trust::vouch::Vouched;
use crate::model::{
    Action, Admitted, Board, BoardFilter, Clock, Contact, DeviceId, Match, MatchError, MergeReport,
    Partner, Post, PostDraft, RecordId, ReportDraft, Signer, Stamp, Status,
};
use crate::model::{ConfigProblem, GroupConfig, StatusError};
use crate::model::{EntryDraft, FundEntry};
use crate::sources::encrypted_board::GroupKey;
use crate::store::{BoardStore, LocalStorage as Browser, StoreError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

// Names of what this device keeps; `platform::key` scopes them by the app's path.
const BOARD_KEY: &str = "board";
const PREFS_KEY: &str = "prefs";
const DEVICE_KEY: &str = "device";
/// This device's author key seed (64 hex digits). It never leaves the device.
const AUTHOR_KEY: &str = "author-key";
/// The newest stamp this device's clock handed out or saw, so it survives a reload.
const CLOCK_KEY: &str = "clock";
/// A mark a wipe leaves (a random number), so other open tabs learn of it and forget too.
const WIPED_KEY: &str = "wiped";

/// What the person chose on this device. Kept apart from the board: it never leaves the device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub handle: String,
    /// A language code the person picked; `None` follows the browser.
    pub language: Option<String>,
    pub keep_board: bool,
    pub keep_drafts: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            handle: String::new(),
            language: None,
            keep_board: true,
            keep_drafts: true,
        }
    }
}

/// A message about the last action, meant for the screen at `at` (a full path, base
/// included), so it shows after the navigation an action ends with and not on later screens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Announcement {
    pub at: String,
    pub text: String,
}

/// Everything the screens share. All fields are signals or handles to them, so the state is
/// `Copy` and moves into any closure.
#[derive(Clone, Copy)]
pub struct AppState {
    pub board: RwSignal<Board>,
    pub config: RwSignal<GroupConfig>,
    pub prefs: RwSignal<Prefs>,
    pub lang: Memo<Lang>,
    /// The board's filters, kept here so they survive a visit to a post and back.
    pub filter: RwSignal<BoardFilter>,
    /// A short message about the last action, read out by screen readers.
    pub notice: RwSignal<Option<Announcement>>,
    /// A problem saving or reading storage, shown until the next successful save.
    pub storage_problem: RwSignal<Option<Msg>>,
    /// Which records the group's demo brought, and whether the person removed them.
    pub demo: RwSignal<DemoMark>,
    /// The group's sources: what the last sync brought from each.
    pub sync: RwSignal<SyncState>,
    /// Whether the board has what it opens with: the group's settings are read and the board
    /// holds posts, or the first run's demo and the first sync are over. Until then the
    /// board's first view, where the page has one, stays on screen (`first_view`).
    pub ready: RwSignal<bool>,
    /// The key to the members' board, when this phone holds it (see `members`).
    pub group_key: RwSignal<Option<GroupKey>>,
    /// What this phone's changes wait for, when the group has a write-back endpoint.
    pub write_back: RwSignal<WriteBackState>,
    clock: StoredValue<Clock>,
    /// This device's author key, read (or made) the first time it is needed
    /// ([`AppState::with_signer`]): deriving it costs a slow phone tens of milliseconds that
    /// the app's start need not wait for.
    signer: StoredValue<OnceLock<Signer>>,
    base: StoredValue<String>,
    /// Where the board page is: the page itself, or the site the workspace belongs to.
    site: StoredValue<String>,
    /// `None` when the browser gives no storage; the board then lives only in memory.
    store: StoredValue<Option<BoardStore<Browser>>, LocalStorage>,
    /// The wipe mark in storage when this tab last started afresh (`None`: never wiped).
    wiped: StoredValue<Option<u64>>,
    next_save: StoredValue<NextSave>,
}

/// When the board's next save runs. A person's own edit is saved at once. What a sync brought
/// is drawn first and saved just after (compressing a 10,000-post board for storage takes a
/// phone a few hundred milliseconds): the source still holds it if the page closes in between,
/// and leaving the page saves at once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum NextSave {
    #[default]
    AtOnce,
    AfterPaint,
    /// Due after the paint; an edit or leaving the page before then saves at once instead.
    Waiting,
}

impl AppState {
    /// Builds the state from what this device saved, provides it as context and starts the
    /// effects that keep storage and `<html lang dir>` in step with it.
    pub fn provide() -> Self {
        platform::adopt_unscoped();
        let prefs = RwSignal::new(platform::load::<Prefs>(PREFS_KEY).unwrap_or_default());
        let store = Browser::open()
            .ok()
            .map(|browser| BoardStore::with_key(browser, &platform::key(BOARD_KEY)));
        platform::mark("circle-load-start");
        let (mut board, problem) = load_board(store.as_ref());
        platform::mark("circle-load-end");
        let demo = DemoMark::saved();
        // The demo comes once, to a device that has nothing yet; once removed (or wiped) it
        // stays away until the person asks for it.
        let first_run = problem.is_none() && board.is_empty() && demo.is_none();
        let demo = demo.unwrap_or_default();
        demo.keep_out(&mut board);
        let browser_lang =
            Lang::negotiate(platform::browser_languages().iter().map(String::as_str));
        let lang = Memo::new(move |_| {
            prefs
                .read()
                .language
                .as_deref()
                .and_then(Lang::from_tag)
                .unwrap_or(browser_lang)
        });
        let state = Self {
            board: RwSignal::new(board),
            config: RwSignal::new(GroupConfig::default()),
            prefs,
            lang,
            filter: RwSignal::new(BoardFilter::on_opening()),
            notice: RwSignal::new(None),
            storage_problem: RwSignal::new(problem),
            demo: RwSignal::new(demo),
            sync: RwSignal::new(SyncState::default()),
            ready: RwSignal::new(false),
            group_key: RwSignal::new(super::members::remembered_key()),
            write_back: RwSignal::new(WriteBackState::default()),
            clock: StoredValue::new(saved_clock(device_id())),
            signer: StoredValue::new(OnceLock::new()),
            base: StoredValue::new(platform::page_base()),
            site: StoredValue::new(platform::site_base()),
            store: StoredValue::new_local(store),
            wiped: StoredValue::new(platform::load(WIPED_KEY)),
            next_save: StoredValue::new(NextSave::AtOnce),
        };
        state
            .board
            .with_untracked(|board| state.observe(board.newest_stamp()));
        provide_context(state);
        state.persist();
        state.watch_write_back();
        state.load_group_files(first_run);
        state
    }

    /// The state provided by [`AppState::provide`].
    pub fn get() -> Self {
        expect_context::<Self>()
    }

    /// Reads the group's settings published beside the app, applies its retention rules, on a
    /// device's first run merges in the demo board the settings name, if any, and then reads
    /// the group's sources. Without a
    /// published `config.json` Circle stays a single-device board with default settings.
    fn load_group_files(self, first_run: bool) {
        leptos::task::spawn_local(async move {
            if let Ok(fetched) = remote::fetch_text("config.json").await {
                let lang = self.lang.get_untracked();
                match GroupConfig::read(&fetched.text) {
                    Ok((config, problems)) => {
                        self.config.set(config);
                        let mut said: Vec<String> = problems
                            .into_iter()
                            .map(|problem| config_notice(lang, problem))
                            .collect();
                        if let Some(saved_at) = fetched.saved_at_ms {
                            let when = format::moment(lang, saved_at);
                            said.push(fill(lang.text(Msg::ConfigFromCopy), &[("when", &when)]));
                        }
                        if !said.is_empty() {
                            self.announce("/", said.join(" "));
                        }
                    }
                    Err(_) => self.announce("/", lang.text(Msg::ErrConfig).to_string()),
                }
            }
            self.apply_retention();
            if self
                .board
                .with_untracked(|board| board.posts().next().is_some())
            {
                self.ready.set(true);
            }
            let demo = self
                .config
                .with_untracked(|config| config.demo_board.clone());
            if let (true, Some(demo)) = (first_run, demo) {
                self.load_demo(&demo).await;
            }
            self.sync_sources().await;
            self.ready.set(true);
        });
    }

    /// Expires old asks and wipes old private fields, as the group's settings say. Leaves the
    /// board untouched (and unsaved) when there is nothing to do.
    fn apply_retention(self) {
        let stamp = self.stamp();
        let by = self.prefs.with_untracked(|prefs| prefs.handle.clone());
        self.config.with_untracked(|config| {
            self.with_signer(|signer| {
                self.board.maybe_update(|board| {
                    let report =
                        board.apply_retention(platform::now_ms(), config, stamp, &by, signer);
                    report.expired + report.wiped > 0
                });
            });
        });
    }

    /// Passes a board from outside the device through the trust gate: what fails is left out
    /// with its reason, for the preview to list. Nothing is merged. The signatures are checked
    /// between two runs of the gate (`ui::signatures`: many in the signature workers, which
    /// during a big sync start on them while the first run still lists them; a few on the
    /// page); where no worker can start, the gate checks them itself.
    pub async fn admit(self, incoming: Board) -> Admitted {
        platform::mark("circle-verify-start");
        let mut checking = Checking::new();
        let mut send = |part: &[Check]| checking.send(part);
        let recorder = Recorder::passing_on(signatures::PART, &mut send);
        let assumed = self.admit_with(incoming.clone(), &recorder);
        let checks = recorder.into_checks();
        let admitted = match checking.answers(&checks).await {
            // The first run took every signature for good; when the browser agrees, its
            // result is the second run's, so the usual case runs the gate once. (Like the
            // preview, it is counted against the board as it was; the merge is not.)
            Some(answers) if answers.iter().all(|holds| *holds) => assumed,
            Some(answers) => self.admit_with(incoming, &Answered::new(checks, &answers)),
            None => self.admit_with(incoming, &Local),
        };
        platform::mark("circle-verify-end");
        admitted
    }

    /// The gate for a board the group's publishing key vouched for as a whole
    /// (`trust::vouch`): every rule runs, and no signature inside is checked again.
    pub fn admit_vouched(self, incoming: Board) -> Admitted {
        platform::mark("circle-verify-start");
        let admitted = self.admit_with(incoming, &Vouched);
        platform::mark("circle-verify-end");
        admitted
    }

    fn admit_with(self, incoming: Board, checker: &dyn Checker) -> Admitted {
        self.config.with_untracked(|config| {
            self.board.with_untracked(|current| {
                Gate {
                    current,
                    now_ms: platform::now_ms(),
                    coordinators: &config.coordinator_keys,
                    checker,
                }
                .admit(incoming)
            })
        })
    }

    /// Merges a board that passed the gate, and moves this device's clock past everything in
    /// it, so the next local edit orders after what just arrived.
    pub fn merge_admitted(self, admitted: &Board) -> MergeReport {
        // A link or file may still hold demo posts the person removed: they stay out, and the
        // counts the person reads leave them out too.
        let trimmed = self.demo.with_untracked(|demo| {
            (demo.removed && demo.ids.iter().any(|id| admitted.holds(*id))).then(|| {
                let mut trimmed = admitted.clone();
                trimmed.forget(&demo.ids);
                trimmed
            })
        });
        let admitted = trimmed.as_ref().unwrap_or(admitted);
        let mut report = MergeReport::default();
        self.board.update(|board| report = board.merge_in(admitted));
        self.observe(admitted.newest_stamp());
        report
    }

    /// Takes note of a stamp loaded or merged, and saves the clock. A stamp further ahead
    /// than the gate allows is not followed (it was refused, or saved before the gate).
    fn observe(self, seen: Option<Stamp>) {
        let limit = platform::now_ms().saturating_add(MAX_AHEAD_MS);
        if let Some(seen) = seen.filter(|seen| seen.ms <= limit) {
            self.clock.update_value(|clock| clock.observe(seen));
            self.save_clock();
        }
    }

    fn save_clock(self) {
        let last = self.clock.with_value(Clock::last);
        platform::save(CLOCK_KEY, &last);
    }

    fn persist(self) {
        // Another tab of the app saved: merge what it added, so this tab shows it and its own
        // next save keeps it. Only other tabs hear a tab's writes, and only while open, so the
        // listener lives as long as the page.
        let board_key = platform::key(BOARD_KEY);
        let wiped_key = platform::key(WIPED_KEY);
        let prefs_key = platform::key(PREFS_KEY);
        let demo_key = platform::key(DEMO_KEY);
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            let key = event.key();
            if key.as_deref() == Some(board_key.as_str()) {
                self.merge_other_tabs();
            } else if key.as_deref() == Some(wiped_key.as_str()) {
                self.follow_wipe_elsewhere();
            } else if key.as_deref() == Some(demo_key.as_str()) {
                self.follow_demo_elsewhere();
            } else if key.as_deref() == Some(prefs_key.as_str()) {
                // The language, handle or what to keep, changed in another tab. Writing the
                // same value back raises no event there, so this does not bounce.
                if let Some(prefs) = platform::load::<Prefs>(PREFS_KEY) {
                    self.prefs.maybe_update(|mine| {
                        let changed = *mine != prefs;
                        *mine = prefs;
                        changed
                    });
                }
            }
        });
        std::mem::forget(listener);
        // A tab the phone froze in the background hears no storage events: it checks for a
        // wipe as soon as it is shown again, before the person can act in it.
        let listener = window_event_listener_untyped("visibilitychange", move |_| {
            self.follow_wipe_elsewhere();
        });
        std::mem::forget(listener);
        // The first run only subscribes: the board was just loaded, and writing it straight
        // back would cost a 10,000-post board its start-up time for nothing.
        Effect::new(move |ran: Option<()>| {
            self.prefs.track();
            self.board.track();
            if ran.is_none() {
                return;
            }
            if self.next_save.get_value() == NextSave::AfterPaint {
                self.next_save.set_value(NextSave::Waiting);
                platform::after_paint(move || self.save_if_waiting());
            } else {
                self.next_save.set_value(NextSave::AtOnce);
                self.save_now();
            }
        });
        let listener = window_event_listener_untyped("pagehide", move |_| self.save_if_waiting());
        std::mem::forget(listener);
        Effect::new(move |_| {
            self.prefs.with(|prefs| platform::save(PREFS_KEY, prefs));
        });
        Effect::new(move |_| {
            let lang = self.lang.get();
            platform::set_document_language(lang.code(), lang.dir());
        });
    }

    /// Merges into the board what another tab saved since this tab last read or wrote the save,
    /// and lets the clock observe it, so this tab's next edit orders after the other tab's.
    fn merge_other_tabs(self) {
        let mut newest = None;
        self.store.with_value(|store| {
            if let Some(store) = store {
                self.board.maybe_update(|board| {
                    let merged = store.merge_stored(board).unwrap_or(false);
                    newest = merged.then(|| board.newest_stamp()).flatten();
                    // A tab that never heard of the removal may have saved the demo back.
                    let kept_out = merged && self.demo.with_untracked(|demo| demo.keep_out(board));
                    merged || kept_out
                });
            }
        });
        self.observe(newest);
    }

    /// The save a sync's merge put off, unless an edit has saved since.
    fn save_if_waiting(self) {
        if self.next_save.get_value() == NextSave::Waiting {
            self.next_save.set_value(NextSave::AtOnce);
            self.save_now();
        }
    }

    /// Merges what one of the group's sources brought; its save waits for the screen
    /// ([`NextSave`]).
    pub(super) fn merge_synced(self, admitted: &Board) -> MergeReport {
        self.next_save.set_value(NextSave::AfterPaint);
        self.merge_admitted(admitted)
    }

    /// Saves the board as the person's settings say, and shows or clears the storage problem.
    fn save_now(self) {
        // A tab that slept through the other's wipe finds out here, before it writes.
        if self.follow_wipe_elsewhere() {
            return;
        }
        let keep = self.prefs.with_untracked(|prefs| prefs.keep_board);
        let problem = self.save_board(keep).err().map(store_problem);
        self.storage_problem.set(problem);
    }

    /// Both saved copies exactly as stored, as one JSON document, so a person whose save is
    /// damaged can keep them before they are replaced. `None` when storage cannot be read.
    pub fn damaged_copies(self) -> Option<String> {
        #[derive(Serialize)]
        struct DamagedCopies {
            save: Option<String>,
            backup: Option<String>,
        }
        self.store.with_value(|store| {
            let (save, backup) = store.as_ref()?.raw_copies().ok()?;
            serde_json::to_string(&DamagedCopies { save, backup }).ok()
        })
    }

    /// Lets saves replace the damaged copies, and saves the board the person sees now.
    pub fn replace_damaged(self) {
        self.store.with_value(|store| {
            if let Some(store) = store {
                store.release_damaged();
            }
        });
        self.save_now();
    }

    /// Saves the board, or removes every saved copy when the person keeps nothing here.
    fn save_board(self, keep: bool) -> Result<(), StoreError> {
        self.store.with_value(|store| {
            let Some(store) = store else {
                return Err(StoreError::Unavailable);
            };
            if keep {
                // A save first merges what another tab stored; the board is notified only
                // when that brought something, and the save that follows finds nothing new.
                let (mut saved, mut newest) = (Ok(()), None);
                self.board.maybe_update(|board| match store.save(board) {
                    Ok(info) => {
                        newest = info.merged.then(|| board.newest_stamp()).flatten();
                        // What another tab stored may hold the demo the person removed; the
                        // board then changes, and the save that follows leaves it out.
                        if info.merged {
                            self.demo.with_untracked(|demo| demo.keep_out(board));
                        }
                        info.merged
                    }
                    Err(error) => {
                        saved = Err(error);
                        false
                    }
                });
                self.observe(newest);
                saved
            } else {
                platform::forget(BOARD_KEY);
                platform::forget(&format!("{BOARD_KEY}.backup"));
                Ok(())
            }
        })
    }

    /// A message in the current language; reading it inside a closure re-renders on a
    /// language switch.
    pub fn t(self, msg: Msg) -> &'static str {
        self.lang.get().text(msg)
    }

    /// The path the app lives under (`/circle`), empty at the root.
    pub fn base(self) -> String {
        self.base.get_value()
    }

    /// The full path of an app path, under the base the page was published at.
    pub fn href(self, path: &str) -> String {
        let base = self.base();
        if path == "/" && !base.is_empty() {
            format!("{base}/")
        } else {
            format!("{base}{path}")
        }
    }

    /// The handle the person last used, to start the next form with.
    pub fn handle(self) -> String {
        self.prefs.with_untracked(|prefs| prefs.handle.clone())
    }

    /// The full path of a path on the board page (`/`, `/post/…`), from either entry page.
    pub fn site_href(self, path: &str) -> String {
        format!("{}{path}", self.site.get_value())
    }

    /// Shows `text` on the screen at the app path `path`.
    pub fn announce(self, path: &str, text: String) {
        self.notice.set(Some(Announcement {
            at: self.href(path),
            text,
        }));
    }

    pub fn device(self) -> DeviceId {
        self.clock.with_value(Clock::device)
    }

    /// A fresh stamp for an edit made now on this device; the clock is saved with it.
    fn stamp(self) -> Stamp {
        let now = platform::now_ms();
        let mut stamp = Stamp::default();
        self.clock.update_value(|clock| stamp = clock.tick(now));
        self.save_clock();
        stamp
    }

    /// Runs `f` with this device's signing key.
    pub(super) fn with_signer<R>(self, f: impl FnOnce(&Signer) -> R) -> R {
        self.signer
            .with_value(|signer| f(signer.get_or_init(author_key)))
    }

    /// Whether this device wrote `post`: its author key signed it (or, for a post from before
    /// signing, this device made it). There are no accounts.
    pub fn is_mine(self, post: &Post) -> bool {
        let here = Stamp::new(0, 0, self.device());
        self.with_signer(|signer| post.is_author(signer, here))
    }

    /// Whether the group's config names this device's key as a coordinator's.
    pub fn is_coordinator(self) -> bool {
        let key = self.with_signer(Signer::key);
        self.config
            .with(|config| config.coordinator_keys.contains(&key))
    }

    /// This device's author key, for a coordinator to give the group.
    pub fn author_key(self) -> crate::model::AuthorKey {
        self.with_signer(Signer::key)
    }

    /// Puts a new post, signed by this device's key, on the board and remembers the author's
    /// handle for next time.
    pub fn add_post(self, draft: PostDraft) -> RecordId {
        let handle = draft.author.clone();
        let post = self.with_signer(|signer| Post::create_signed(draft, self.stamp(), signer));
        let id = post.id;
        self.board.update(|board| board.add_post(post));
        self.prefs.update(|prefs| prefs.handle = handle);
        platform::ask_to_persist_storage();
        id
    }

    /// Moves a post along its workflow in the person's name: as its author, or as a
    /// coordinator's moderation when the group names this device's key. Refused (and the board
    /// unchanged) for anyone else, or when the change would not take effect.
    pub fn set_status(self, id: RecordId, to: Status, by: &str) -> Result<(), StatusError> {
        let at = self.stamp();
        let coordinator = self.is_coordinator();
        let mut result = Ok(());
        self.with_signer(|signer| {
            self.board.maybe_update(|board| {
                result = board.set_status(id, to, by, at, signer);
                if coordinator && !board.post(id).is_some_and(|post| post.is_by(signer)) {
                    result = board.moderate(id, Action::Status(to), by, at, signer);
                }
                result.is_ok()
            });
        });
        result
    }

    /// Matches an open ask with an offer or a volunteer, in the person's name: as the ask's
    /// author, or as a coordinator's moderation. Refused, and the board unchanged, for anyone
    /// else, or when the ask is no longer open.
    pub fn match_ask(self, ask: RecordId, with: Partner, by: &str) -> Result<(), MatchError> {
        let at = self.stamp();
        let made = Match::create(fresh_id(), ask, with, by.to_owned(), String::new(), at);
        let coordinator = self.is_coordinator();
        let mut result = Ok(());
        self.with_signer(|signer| {
            self.board.maybe_update(|board| {
                // Anyone else's match would be refused by every other copy of the board.
                let author = board.post(ask).is_some_and(|post| post.is_by(signer));
                result = if author || coordinator {
                    board.match_ask(made, signer)
                } else {
                    Err(MatchError::Status(StatusError::Edit(EditError::NotAuthor)))
                };
                if result.is_ok() {
                    board.seal_edit(at, signer);
                }
                result.is_ok()
            });
        });
        if result.is_ok() {
            self.prefs.update(|prefs| prefs.handle = by.to_owned());
        }
        result
    }

    /// A coordinator hides a post from the board (or shows it again).
    pub fn moderate(self, id: RecordId, action: Action, by: &str) -> Result<(), StatusError> {
        let at = self.stamp();
        let mut result = Ok(());
        self.with_signer(|signer| {
            self.board.maybe_update(|board| {
                result = board.moderate(id, action, by, at, signer);
                result.is_ok()
            });
        });
        result
    }

    /// "I can help": the helper's own signed response on the post. It stays on this phone
    /// until it travels to the author in a link, a file or the group's board.
    pub fn respond(
        self,
        id: RecordId,
        by: &str,
        message: String,
        contact: Option<Contact>,
    ) -> Result<(), crate::model::edit::EditError> {
        self.own_entry(by, |board, at, signer| {
            board
                .respond(id, at, by, message, contact, signer)
                .map(|_| ())
        })
    }

    /// A condition report on a place, signed as this device's own. Like a response, it stays
    /// on this phone until it travels in a link, a file or the group's board.
    pub fn report_place(
        self,
        id: RecordId,
        draft: ReportDraft,
        by: &str,
    ) -> Result<(), crate::model::EntryError> {
        self.own_entry(by, |board, at, signer| {
            board.report(id, draft, by, at, signer)
        })
    }

    /// Starts a check-in list on this device's board.
    pub fn add_roster(self, name: String, area: String) -> RecordId {
        let id = fresh_id();
        self.group_edit(|board, at| {
            board.add_roster(Roster::create(id, name, area, at));
            true
        });
        id
    }

    /// Adds a person who asked to be checked on to a check-in list: the list's author's or a
    /// coordinator's to change.
    pub fn add_person(
        self,
        roster: RecordId,
        draft: PersonDraft,
    ) -> Result<(), crate::model::EntryError> {
        let author = self
            .board
            .with_untracked(|board| board.rosters.get(&roster).map(|roster| roster.author));
        if author.is_some_and(|author| !self.may_change(author)) {
            return Err(crate::model::EntryError::NotAllowed);
        }
        let id = fresh_id();
        let mut result = Ok(());
        self.group_edit(|board, at| {
            result = board.add_person(roster, id, draft, at);
            result.is_ok()
        });
        result
    }

    /// A check-in with one person on a list, signed as this device's own.
    pub fn check_in(
        self,
        (roster, person): (RecordId, RecordId),
        draft: CheckInDraft,
        by: &str,
    ) -> Result<(), crate::model::EntryError> {
        self.own_entry(by, |board, at, signer| {
            board.check_in((roster, person), draft, by, at, signer)
        })
    }

    /// A check-in that found someone needs something, together with the ask the volunteer
    /// wrote for it: both signed as this device's own, both saved or neither. Gives the ask's
    /// id.
    pub fn check_in_with_ask(
        self,
        place: (RecordId, RecordId),
        draft: CheckInDraft,
        by: &str,
        ask: PostDraft,
    ) -> Result<RecordId, crate::model::EntryError> {
        let mut posted = None;
        self.own_entry(by, |board, at, signer| {
            let id = board.check_in_with_ask(place, draft, by, ask, at, signer)?;
            posted = Some(id);
            Ok(())
        })?;
        platform::ask_to_persist_storage();
        // `own_entry` ran the edit unless the page is being torn down.
        posted.ok_or(crate::model::EntryError::Stale)
    }

    /// Records a request, pledge or payout in the fund's ledger.
    pub fn record_fund_entry(self, draft: EntryDraft) -> RecordId {
        let id = fresh_id();
        self.group_edit(|board, at| {
            board.fund.insert(id, FundEntry::create(id, draft, at));
            true
        });
        id
    }

    /// Adds a shift to the group's list.
    pub fn add_shift(self, draft: ShiftDraft) -> RecordId {
        let id = fresh_id();
        self.group_edit(|board, at| {
            board.shifts.insert(id, Shift::create(id, draft, at));
            true
        });
        id
    }

    /// Signs this device's person up for a shift (`yes`), or out of it, as their own signed
    /// entry.
    pub fn sign_up(
        self,
        shift: RecordId,
        yes: bool,
        by: &str,
    ) -> Result<(), crate::model::EntryError> {
        self.own_entry(by, |board, at, signer| {
            board.sign_up(shift, yes, by, at, signer)
        })
    }

    /// Makes one of this device's own signed records (a response, a report, a check-in, a
    /// sign-up, a swap) under the handle `by`: the board changes only when `make` succeeds, and the
    /// handle is kept for the next form.
    fn own_entry<E>(
        self,
        by: &str,
        make: impl FnOnce(&mut Board, Stamp, &Signer) -> Result<(), E>,
    ) -> Result<(), E> {
        let at = self.stamp();
        let mut result = None;
        self.with_signer(|signer| {
            self.board.maybe_update(|board| {
                let made = make(board, at, signer);
                let changed = made.is_ok();
                result = Some(made);
                changed
            });
        });
        self.prefs.update(|prefs| prefs.handle = by.to_owned());
        // `maybe_update` runs the edit at once; only a page being torn down skips it.
        result.unwrap_or(Ok(()))
    }

    /// Whether this device's key has signed up for `shift` (and not backed out since).
    pub fn is_signed_up(self, shift: &Shift) -> bool {
        let key = self.with_signer(Signer::key);
        shift
            .signed_up()
            .any(|sign_up| sign_up.seal.is_some_and(|seal| seal.key == key))
    }

    /// Lists what a person can contribute, for coordinators to find.
    pub fn add_skill(self, draft: SkillDraft) -> RecordId {
        let id = fresh_id();
        self.group_edit(|board, at| {
            board.skills.insert(id, Skill::create(id, draft, at));
            true
        });
        id
    }

    /// A childcare swap on a listing, signed as this device's own.
    pub fn record_swap(
        self,
        skill: RecordId,
        draft: SwapDraft,
        by: &str,
    ) -> Result<(), crate::model::EntryError> {
        self.own_entry(by, |board, at, signer| {
            board.record_swap(skill, draft, by, at, signer)
        })
    }

    /// Marks a listed person available again, or away without losing the listing. Only the
    /// listing's author or a coordinator may (the screen offers it to nobody else).
    pub fn set_skill_available(self, id: RecordId, available: bool) {
        let author = self
            .board
            .with_untracked(|board| board.skills.get(&id).map(|skill| skill.author));
        if author.is_some_and(|author| self.may_change(author)) {
            self.group_edit(|board, at| {
                board
                    .skills
                    .get_mut(&id)
                    .is_some_and(|skill| skill.available.change(available, at))
            });
        }
    }

    /// Whether this device may change a record the group keeps together whose author is
    /// `author`: its author or a coordinator may. (A record from before signing has none; a
    /// change to it travels only from a coordinator.)
    pub fn may_change(self, author: Option<crate::model::AuthorKey>) -> bool {
        author.is_none_or(|author| author == self.author_key()) || self.is_coordinator()
    }

    /// An edit to the records a group keeps together (lists, shifts, the fund, skills), sealed
    /// as this device's so that other copies can tell it is the author's or a coordinator's.
    /// The board changes only when `edit` says it did.
    fn group_edit(self, edit: impl FnOnce(&mut Board, Stamp) -> bool) {
        let at = self.stamp();
        self.with_signer(|signer| {
            self.board.maybe_update(|board| {
                let changed = edit(board, at);
                if changed {
                    board.seal_edit(at, signer);
                }
                changed
            });
        });
    }

    /// Forgets everything Circle saved on this device and starts afresh as a new device, so
    /// nothing left links later posts to the wiped ones. The effects then save the empty board
    /// and default settings, which hold nothing about the person.
    pub fn wipe(self) {
        platform::forget_everything();
        let mark = platform::random_u64();
        platform::save(WIPED_KEY, &mark);
        // Before starting afresh, which reads the demo's mark back: see `ui::demo`.
        self.keep_demo_removed();
        self.start_afresh(mark);
    }

    fn start_afresh(self, mark: u64) {
        self.wiped.set_value(Some(mark));
        self.clock.set_value(Clock::new(device_id()));
        self.signer.set_value(OnceLock::from(author_key()));
        self.board.set(Board::default());
        self.prefs.set(Prefs::default());
        self.demo.set(DemoMark::saved().unwrap_or_default());
    }

    /// When another tab wiped this device since this one started (it left a new wipe mark),
    /// this tab forgets too and says so, instead of saving back what the person asked to erase.
    /// `true` if so.
    fn follow_wipe_elsewhere(self) -> bool {
        let Some(mark) = platform::load::<u64>(WIPED_KEY) else {
            return false;
        };
        if self.wiped.get_value() == Some(mark) {
            return false;
        }
        self.start_afresh(mark);
        self.notice.set(Some(Announcement {
            at: window().location().pathname().unwrap_or_default(),
            text: self.t(Msg::Wiped).to_string(),
        }));
        true
    }
}

/// An id for a record this device makes, from fresh random bits.
fn fresh_id() -> RecordId {
    RecordId::from_random(platform::random_u64())
}

/// A message as a reactive text: re-renders on a language switch. Every caller of one catalogue
/// shares this one closure type, so the wasm holds one copy of the code that renders
/// translated text instead of one per place a message appears.
pub fn t<M: Text>(msg: M) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let state = AppState::get();
    move || msg.text(state.lang.get())
}

/// The saved board, and what to tell the person when it could not be read as saved.
fn load_board(store: Option<&BoardStore<Browser>>) -> (Board, Option<Msg>) {
    let Some(store) = store else {
        return (Board::default(), Some(Msg::ErrStorageUnavailable));
    };
    match store.load() {
        Ok(loaded) if loaded.recovered_from_backup() => {
            (loaded.board, Some(Msg::ErrStorageCorrupt))
        }
        Ok(loaded) => (loaded.board, None),
        Err(error) => (Board::default(), Some(store_problem(error))),
    }
}

/// Names a value of the group's `config.json` that could not be used, and what is used instead.
fn config_notice(lang: Lang, problem: ConfigProblem) -> String {
    let setting = match problem {
        ConfigProblem::OutOfRange(setting) => setting,
        ConfigProblem::NotACountryCode => return lang.text(Msg::ErrConfigCountryCode).to_string(),
    };
    let range = setting.range();
    fill(
        lang.text(Msg::ErrConfigValue),
        &[
            ("setting", setting.key()),
            ("min", &range.start().to_string()),
            ("max", &range.end().to_string()),
            ("default", &setting.default_value().to_string()),
        ],
    )
}

/// What a storage failure means for the person.
fn store_problem(error: StoreError) -> Msg {
    match error {
        StoreError::QuotaExceeded => Msg::ErrStorageFull,
        StoreError::Unavailable => Msg::ErrStorageUnavailable,
        StoreError::NotKept => Msg::ErrStorageNotKept,
        StoreError::Corrupt { .. } | StoreError::HeldForRecovery => Msg::ErrStorageDamaged,
    }
}

/// The clock as this device last saved it, so an edit after a reload still orders after
/// everything seen before it.
fn saved_clock(device: DeviceId) -> Clock {
    match platform::load::<Stamp>(CLOCK_KEY) {
        Some(last) => Clock::resume(device, last),
        None => Clock::new(device),
    }
}

/// This device's author key, made once from the browser's cryptographic generator and kept.
fn author_key() -> Signer {
    let saved =
        platform::load::<String>(AUTHOR_KEY).and_then(|hex| Signer::from_seed_hex(&hex).ok());
    if let Some(signer) = saved {
        return signer;
    }
    let mut seed = [0u8; 32];
    for chunk in seed.chunks_mut(8) {
        chunk.copy_from_slice(&platform::random_u64().to_le_bytes());
    }
    let signer = Signer::from_seed(seed);
    platform::save(AUTHOR_KEY, &signer.seed_hex());
    signer
}

/// This device's random id, made once and kept, so later edits from it are recognised as the
/// same author's.
fn device_id() -> DeviceId {
    if let Some(id) = platform::load::<u64>(DEVICE_KEY) {
        return DeviceId(id);
    }
    let id = platform::random_u64();
    platform::save(DEVICE_KEY, &id);
    DeviceId(id)
}
