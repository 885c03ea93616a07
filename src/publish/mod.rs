//! Publish: the group's static JSON API and plain HTML board, made from its snapshot files and
//! published sheets by the same model the app runs. Native only (`src/bin/publish.rs` is the
//! command; `docs/api.md` describes what it writes).
//!
//! Every source passes the trust gate before it is merged, in the order given: snapshots, then
//! sheets of asks, offers and places. What the gate refuses, and every sheet row that cannot be
//! used, is reported; only a source that cannot be read at all is a failure. The output is
//! deterministic: the same inputs, the same `now`, the same bytes.
//!
//! - `args`: the command line;
//! - `api`: the JSON files (`api/v1/index.json`, `posts.json`, `resources.json`; `board.json`
//!   is the redacted snapshot; with the group's passphrase, `board.enc.json` is the members'
//!   board, encrypted: see `sources::encrypted_board`);
//! - `html`: the plain HTML board;
//! - `first_view`: the open posts written into the app's page, painted before the app starts
//!   (`intl` writes its numbers and dates as the app does);
//! - `csp`: the app page's Content Security Policy, with the group's sources in it;
//! - `report`: what happened, said in the group's language.

pub mod api;
pub mod args;
pub mod csp;
pub mod first_view;
pub mod html;
mod intl;
pub mod report;

use crate::i18n::Lang;
use crate::model::sorted_map::SortedMap;
use crate::model::trust::check::{Checker, Local};
use crate::model::trust::gate::Gate;
use crate::model::trust::{vouch, AuthorKey, Signature};
pub use crate::model::Holds;
use crate::model::{
    Admitted, Audience, Board, GroupConfig, MergeReport, Post, RecordId, Refusal, Signer, Snapshot,
};
use crate::sources::encrypted_board::{self, GroupKey};
use crate::sources::group_source::{read_source, SourceError};
use crate::sources::sheet::{self, ColumnNote, RowProblem, SheetOptions};
use std::collections::BTreeMap;

/// The files phones read as a board: each is signed as a whole when there is a sheet key.
const BOARD_FILE: &str = "api/v1/board.json";
const MEMBERS_BOARD_FILE: &str = "api/v1/board.enc.json";

/// One input: its name (for messages) and its bytes.
#[derive(Clone, Debug)]
pub struct Source {
    pub name: String,
    pub bytes: Vec<u8>,
    /// `None` for a snapshot file.
    pub sheet: Option<Holds>,
    /// A snapshot's `.sig` file, when one lies beside it: a board this group published before
    /// and signed with its sheet key needs no signature checked again (`trust::vouch`).
    pub sig: Option<Vec<u8>>,
}

/// Everything one run publishes from.
pub struct Inputs {
    pub config: GroupConfig,
    /// In merge order.
    pub sources: Vec<Source>,
    /// The group's sheet key: signs the posts its sheets give.
    pub signer: Option<Signer>,
    /// The key the group's passphrase gives: encrypts the members' board.
    pub group_key: Option<GroupKey>,
    /// The publishing time, in ms: also the clock the trust gate checks dates against. Without
    /// it, the newest stamp of what is published (and the gate uses `clock_ms`).
    pub now_ms: Option<u64>,
    /// This machine's clock, for the gate when `now_ms` is not given.
    pub clock_ms: u64,
    /// The app's address (ending in `/`), for links in previews; else links are relative.
    pub site_url: Option<String>,
    /// The language of the HTML board, the first view and the report; else the group's first
    /// that Circle ships.
    pub lang: Option<Lang>,
    /// The app's page (`index.html`) as built, to write the board's first view into.
    pub page: Option<String>,
}

/// What happened to one source.
#[derive(Debug)]
pub struct SourceReport {
    pub name: String,
    pub sheet: Option<Holds>,
    pub outcome: Result<Read, SourceError>,
}

/// A source that was read.
#[derive(Debug, Default)]
pub struct Read {
    pub merged: MergeReport,
    /// Records the trust gate refused, with the sheet row they came from.
    pub refused: Vec<(Refusal, Option<usize>)>,
    /// Sheet rows left out or used without a value.
    pub problems: Vec<RowProblem>,
    pub columns: Vec<ColumnNote>,
    /// Data rows of a sheet.
    pub rows: usize,
    /// Asks from a sheet closed as expired.
    pub expired: usize,
}

/// The files of one run, by path under the output directory, and what happened.
pub struct Published {
    pub files: Vec<(String, String)>,
    pub sources: Vec<SourceReport>,
    pub lang: Lang,
    pub published_ms: u64,
}

impl Published {
    /// Whether any source could not be read: the command then exits with an error.
    pub fn failed(&self) -> bool {
        self.sources.iter().any(|source| source.outcome.is_err())
    }
}

/// One source, read into a board, before the gate.
struct Loaded {
    board: Board,
    read: Read,
    /// Which row each sheet record came from.
    rows: BTreeMap<RecordId, usize>,
}

/// Reads every source, merges what the gate lets through, and writes the files in memory.
///
/// The slow steps (checking signatures, signing a sheet's posts, reading sources, writing the
/// files) are spread over the machine's cores; each part's work is independent of the others',
/// so the result is the same on one core or many.
pub fn publish(inputs: &Inputs) -> Published {
    let lang = inputs.lang.unwrap_or_else(|| {
        inputs
            .config
            .languages
            .iter()
            .find_map(|code| Lang::from_tag(code))
            .unwrap_or_default()
    });
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let mut loaded: Vec<Result<Loaded, SourceError>> = std::thread::scope(|scope| {
        let reading: Vec<_> = inputs
            .sources
            .iter()
            .map(|source| scope.spawn(move || load(source, inputs)))
            .collect();
        reading.into_iter().map(joined).collect()
    });
    let newest = loaded
        .iter()
        .filter_map(|loaded| loaded.as_ref().ok())
        .filter_map(|loaded| newest_ms(&loaded.board))
        .max();
    let published_ms = inputs.now_ms.or(newest).unwrap_or(0);
    for (loaded, source) in loaded.iter_mut().zip(&inputs.sources) {
        if let (Ok(loaded), Some(Holds::Asks | Holds::Offers)) = (loaded, source.sheet) {
            // The sheets' asks are the group's own: they expire as the app expires its
            // author's, and are signed with the group's key once they have.
            loaded.read.expired = sheet::expire_asks(
                loaded.board.posts.values_mut(),
                published_ms,
                &inputs.config,
                None,
            );
            if let Some(signer) = &inputs.signer {
                sign_sheet(loaded, signer, threads);
            }
        }
    }
    let mut board = Board::default();
    let gate_now = inputs.now_ms.unwrap_or(inputs.clock_ms);
    let mut sources = Vec::new();
    for (loaded, source) in loaded.into_iter().zip(&inputs.sources) {
        let outcome = loaded.map(|mut loaded| {
            // A sheet's records were signed here a moment ago, with the group's key; a
            // snapshot this group published and signed was checked when it was published.
            let own = inputs.signer.as_ref().map(Signer::key);
            let checker = OwnOrLocal {
                own: own.filter(|_| source.sheet.is_some()),
                vouched: source.sheet.is_none()
                    && own
                        .zip(source.sig.as_deref())
                        .is_some_and(|(key, sig)| vouch::holds(&key, &source.bytes, sig)),
            };
            let gate = Gate {
                current: &board,
                now_ms: gate_now,
                coordinators: &inputs.config.coordinator_keys,
                checker: &checker,
            };
            let admitted = admit(&gate, checker, loaded.board, threads);
            loaded.read.refused = admitted
                .refused
                .iter()
                .map(|refusal| (*refusal, loaded.rows.get(&refusal.record.id).copied()))
                .collect();
            loaded.read.merged = board.absorb(admitted.board);
            loaded.read
        });
        sources.push(SourceReport {
            name: source.name.clone(),
            sheet: source.sheet,
            outcome,
        });
    }
    // Each board file signed as a whole with the group's key, so phones check one signature
    // instead of one a post (`trust::vouch`); signed as soon as it is written, so the hashing
    // of one file overlaps the writing of the others.
    let sign_whole = |text: &str| {
        inputs
            .signer
            .as_ref()
            .map(|signer| vouch::sign(signer, text.as_bytes()))
    };
    let members = inputs.group_key.as_ref().map(|key| {
        let mut group = board.redacted(Audience::Group);
        // The people on check-in lists stay off every published file, even an encrypted one
        // that many members can open: coordinators hand lists over as files.
        group.rosters.clear();
        (group, key)
    });
    let public = board.into_redacted(Audience::Public);
    let view = api::View {
        board: &public,
        config: &inputs.config,
        published_ms,
        site_url: inputs.site_url.as_deref(),
    };
    let (snapshot, members, (posts, (resources, index, html))) = std::thread::scope(|scope| {
        let snapshot = scope.spawn(|| {
            let text = Snapshot::encode(&public);
            let sig = sign_whole(&text);
            (text, sig)
        });
        let members = scope.spawn(|| {
            members.map(|(group, key)| {
                let text = encrypted_board::seal(&Snapshot::encode(&group), key);
                let sig = sign_whole(&text);
                (text, sig)
            })
        });
        let posts = scope.spawn(|| view.posts());
        let rest = (view.resources(), view.index(), html::board(&view, lang));
        (joined(snapshot), joined(members), (joined(posts), rest))
    });
    let page = inputs
        .page
        .as_deref()
        .and_then(|page| first_view::page(page, &view, lang))
        .map(|page| (first_view::FILE.to_string(), page));
    let ((snapshot, snapshot_sig), (members, members_sig)) = (snapshot, members.unzip());
    let sig_path = |path: &str| format!("{path}{}", vouch::SUFFIX);
    let files: Vec<(String, String)> = vec![
        ("api/v1/index.json".to_string(), index),
        (BOARD_FILE.to_string(), snapshot),
        ("api/v1/posts.json".to_string(), posts),
        ("api/v1/resources.json".to_string(), resources),
        (html::FILE.to_string(), html),
    ]
    .into_iter()
    .chain(members.map(|text| (MEMBERS_BOARD_FILE.to_string(), text)))
    .chain(page)
    .chain(
        api::SCHEMAS
            .iter()
            .map(|(name, text)| (format!("api/schemas/v1/{name}"), (*text).to_string())),
    )
    .chain(snapshot_sig.map(|sig| (sig_path(BOARD_FILE), sig)))
    .chain(
        members_sig
            .flatten()
            .map(|sig| (sig_path(MEMBERS_BOARD_FILE), sig)),
    )
    .collect();
    Published {
        files,
        sources,
        lang,
        published_ms,
    }
}

/// The result of a thread; a panic there is a panic here.
fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Runs `work` on every item, the items shared out between `threads` threads.
fn in_parallel<T: Send>(items: &mut [T], threads: usize, work: impl Fn(&mut T) + Sync) {
    let per = items.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|scope| {
        for chunk in items.chunks_mut(per) {
            let work = &work;
            scope.spawn(move || chunk.iter_mut().for_each(work));
        }
    });
}

/// Signs a sheet's posts with the group's key, under the ids it binds.
fn sign_sheet(loaded: &mut Loaded, signer: &Signer, threads: usize) {
    let mut posts: Vec<(usize, Post)> = std::mem::take(&mut loaded.board.posts)
        .into_values()
        .map(|post| (loaded.rows.get(&post.id).copied().unwrap_or(0), post))
        .collect();
    in_parallel(&mut posts, threads, |(_, post)| sheet::sign(post, signer));
    loaded.rows = posts.iter().map(|(row, post)| (post.id, *row)).collect();
    loaded.board.posts = posts.into_iter().map(|(_, post)| (post.id, post)).collect();
}

/// Checks signatures with this crate's Ed25519, except those by `own`: the group's sheet key,
/// whose records in a sheet's board `publish` has just signed itself, so they hold by
/// construction. Only ever given for a board made from a sheet, never for one from a file.
/// A `vouched` file is one this group published and signed as a whole (`trust::vouch`): its
/// signatures were checked then.
#[derive(Clone, Copy)]
struct OwnOrLocal {
    own: Option<AuthorKey>,
    vouched: bool,
}

impl Checker for OwnOrLocal {
    fn check(&self, key: &AuthorKey, message: &[u8], signature: &Signature) -> bool {
        self.vouched || self.own == Some(*key) || Local.check(key, message, signature)
    }

    // So the gate does not build each post's signed text only to be told it holds.
    fn vouched(&self) -> bool {
        self.vouched
    }
}

/// The gate's verdict on `incoming`, its posts checked on several threads (each with its own
/// copy of `checker`): each post is checked against the board as it is, never against another
/// incoming post, so the parts' verdicts together are the whole's.
fn admit(gate: &Gate, checker: OwnOrLocal, mut incoming: Board, threads: usize) -> Admitted {
    if threads < 2 || incoming.posts.len() < 256 {
        return gate.admit(incoming);
    }
    let posts = std::mem::take(&mut incoming.posts);
    let per = posts.len().div_ceil(threads);
    let mut parts: Vec<Board> = Vec::new();
    for (n, (id, post)) in posts.into_iter().enumerate() {
        if n % per == 0 {
            parts.push(Board::default());
        }
        if let Some(part) = parts.last_mut() {
            part.posts.insert(id, post);
        }
    }
    // The other collections go with the first part.
    if let Some(first) = parts.first_mut() {
        incoming.posts = std::mem::take(&mut first.posts);
        *first = incoming;
    }
    let (current, now_ms, coordinators) = (gate.current, gate.now_ms, gate.coordinators);
    let verdicts: Vec<Admitted> = std::thread::scope(|scope| {
        let checking: Vec<_> = parts
            .into_iter()
            .map(|part| {
                scope.spawn(move || {
                    Gate {
                        current,
                        now_ms,
                        coordinators,
                        checker: &checker,
                    }
                    .admit(part)
                })
            })
            .collect();
        checking.into_iter().map(joined).collect()
    });
    // The first part holds the other collections; the rest add their posts.
    let mut verdicts = verdicts.into_iter();
    let mut whole = verdicts.next().unwrap_or_default();
    for verdict in verdicts {
        whole.board.posts.extend(verdict.board.posts);
        whole.refused.extend(verdict.refused);
    }
    whole.refused.sort();
    whole
}

fn load(source: &Source, inputs: &Inputs) -> Result<Loaded, SourceError> {
    let mapping = sheet_columns(&inputs.config);
    let options = SheetOptions {
        columns: &mapping,
        signer: inputs.signer.as_ref(),
        ..SheetOptions::new(&inputs.config)
    };
    let read = read_source(&source.bytes, source.sheet, options)?;
    Ok(Loaded {
        board: read.board,
        read: Read {
            problems: read.problems,
            columns: read.columns,
            rows: read.rows_read,
            ..Read::default()
        },
        rows: read.rows,
    })
}

/// The group's column mapping for sheets: every CSV source's `columns` in `config.json`, later
/// sources winning. A file named on the command line has no URL to pick one source's by, and
/// a mapping to a field one kind of sheet lacks is simply not used by it.
fn sheet_columns(config: &GroupConfig) -> SortedMap<String, String> {
    config
        .sources
        .iter()
        .filter(|source| source.kind == crate::model::SourceKind::Csv)
        .flat_map(|source| source.columns.clone())
        .collect()
}

/// The newest moment anything on a board was written: posts (with their responses and
/// moderation) and places (with their reports).
fn newest_ms(board: &Board) -> Option<u64> {
    let posts = board.newest_stamp().map(|stamp| stamp.ms);
    let places = board
        .resources
        .values()
        .flat_map(|resource| {
            std::iter::once(resource.created.ms)
                .chain(resource.reports.iter().map(|report| report.at.ms))
        })
        .max();
    posts.max(places)
}

/// Writes the files under `out`, creating folders as needed.
pub fn write(published: &Published, out: &std::path::Path) -> std::io::Result<()> {
    for (path, text) in &published.files {
        let path = out.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{sample_draft, DeviceId, Refused, Stamp};

    #[test]
    fn the_gate_on_several_threads_says_what_it_says_on_one() {
        let signer = Signer::from_seed([5; 32]);
        let mut incoming = Board::default();
        for n in 0..600u64 {
            let mut post = Post::create_signed(
                sample_draft(),
                Stamp::new(1_000 + n, 0, DeviceId(3)),
                &signer,
            );
            if n % 50 == 7 {
                post.title.value = "Forged".into();
            }
            incoming.add_post(post);
        }
        let current = Board::default();
        let checker = OwnOrLocal {
            own: None,
            vouched: false,
        };
        let gate = Gate {
            current: &current,
            now_ms: 10_000,
            coordinators: &[],
            checker: &checker,
        };
        let whole = gate.admit(incoming.clone());
        assert_eq!(whole.refused.len(), 12);
        for threads in [2, 3, 8] {
            assert_eq!(
                admit(&gate, checker, incoming.clone(), threads),
                whole,
                "{threads}"
            );
        }
        // The sheet key's own records pass unchecked (publish made them); another key's
        // forgery is still refused.
        let other = Signer::from_seed([6; 32]);
        let mut forged = Post::create_signed(sample_draft(), Stamp::new(1, 0, DeviceId(4)), &other);
        forged.title.value = "Forged".into();
        incoming.add_post(forged);
        let trusting = OwnOrLocal {
            own: Some(signer.key()),
            vouched: false,
        };
        let verdict = admit(&gate, trusting, incoming, 2);
        let reasons: Vec<_> = verdict.refused.iter().map(|r| r.reason).collect();
        assert_eq!(
            reasons,
            [Refused::BadSignature],
            "only the other key's forgery"
        );
    }
}
