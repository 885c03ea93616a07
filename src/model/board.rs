//! The board: everything a group coordinates, keyed by record id. Merging two boards keeps every
//! edit from both and reports what changed, so loading a source never silently overwrites.

use super::fund::FundEntry;
use super::id::RecordId;
use super::kinds::EachKind;
use super::matching::Match;
use super::merge::Merge;
use super::post::Post;
use super::record::{Record, RecordKind, RecordRef};
use super::records::Records;
use super::resource::Resource;
use super::roster::Roster;
use super::search::SearchCache;
use super::shift::Shift;
use super::skill::Skill;
use super::validate::{Checks, ValidationError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Every collection but `posts` is left out of the JSON when empty, so a board of posts reads
/// like the first boards did, and an older snapshot without them loads as empty ones.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    #[serde(default)]
    pub posts: Records<Post>,
    #[serde(default, skip_serializing_if = "Records::is_empty")]
    pub matches: Records<Match>,
    #[serde(default, skip_serializing_if = "Records::is_empty")]
    pub resources: Records<Resource>,
    #[serde(default, skip_serializing_if = "Records::is_empty")]
    pub rosters: Records<Roster>,
    #[serde(default, skip_serializing_if = "Records::is_empty")]
    pub shifts: Records<Shift>,
    #[serde(default, skip_serializing_if = "Records::is_empty")]
    pub fund: Records<FundEntry>,
    #[serde(default, skip_serializing_if = "Records::is_empty")]
    pub skills: Records<Skill>,
    /// Prepared search text; not saved, and ignored when boards are compared.
    #[serde(skip)]
    pub search: SearchCache,
}

/// Counts for one collection in a merge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// What a merge did, as the person is told: "3 new, 1 updated, 12 unchanged". The totals
/// cover every kind of record; `of` breaks them down.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub by_kind: [Counts; RecordKind::ALL.len()],
}

impl MergeReport {
    /// The counts for one kind of record.
    pub fn of(&self, kind: RecordKind) -> Counts {
        self.by_kind[kind as usize]
    }

    /// Counts one kind's records in: once a kind for a merge, and once a part for a board
    /// merged a part at a time.
    fn record(&mut self, kind: RecordKind, counts: Counts) {
        self.by_kind[kind as usize] += counts;
        self.added += counts.added;
        self.updated += counts.updated;
        self.unchanged += counts.unchanged;
    }
}

/// What two merges did, one after the other: a board taken in a part at a time
/// (`first_page`) is told about as one merge.
impl std::ops::AddAssign for MergeReport {
    fn add_assign(&mut self, other: Self) {
        for kind in RecordKind::ALL {
            self.record(kind, other.of(kind));
        }
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Self) {
        self.added += other.added;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
    }
}

/// A stored record breaks an input limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordError {
    pub record: RecordRef,
    pub error: ValidationError,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.record, self.error)
    }
}

impl std::error::Error for RecordError {}

fn merge_collection<T: Record>(ours: &mut Records<T>, theirs: &Records<T>) -> Counts {
    let mut counts = Counts::default();
    for (id, incoming) in theirs {
        match ours.get_mut(id) {
            None => {
                ours.insert(*id, incoming.clone());
                counts.added += 1;
            }
            Some(mine) => counts.count_merge(mine.merge_changed(incoming)),
        }
    }
    counts
}

fn absorb_collection<T: Record>(ours: &mut Records<T>, theirs: Records<T>) -> Counts {
    let mut counts = Counts::default();
    for (id, incoming) in theirs {
        match ours.get_mut(&id) {
            None => {
                ours.insert(id, incoming);
                counts.added += 1;
            }
            Some(mine) => counts.count_merge(mine.merge_changed(&incoming)),
        }
    }
    counts
}

impl Counts {
    fn count_merge(&mut self, changed: bool) {
        if changed {
            self.updated += 1;
        } else {
            self.unchanged += 1;
        }
    }
}

fn check_collection<T: Record>(records: &Records<T>) -> Result<(), RecordError> {
    for (id, record) in records {
        let mut checks = Checks::new();
        record.check_limits(&mut checks);
        checks.first().map_err(|error| RecordError {
            record: RecordRef {
                kind: T::KIND,
                id: *id,
            },
            error,
        })?;
    }
    Ok(())
}

impl Board {
    /// Posts that are not deleted, in id order.
    pub fn posts(&self) -> impl Iterator<Item = &Post> {
        self.posts.values().filter(|post| !post.is_removed())
    }

    pub fn post(&self, id: RecordId) -> Option<&Post> {
        self.posts.get(&id).filter(|post| !post.is_removed())
    }

    pub fn add_post(&mut self, post: Post) {
        self.posts.insert(post.id, post);
    }

    /// The newest stamp on any post (its responses and moderation included) or place (its
    /// reports included): what a device's clock observes after loading or merging, so its next
    /// edit orders after all of it.
    pub fn newest_stamp(&self) -> Option<super::clock::Stamp> {
        let posts = self.posts.values().flat_map(|post| {
            let others = post.responses.values().map(|response| response.at);
            let moderation = post.moderation.iter().map(|entry| entry.at);
            let history = post.history.iter().map(|change| change.at);
            std::iter::once(post.revision())
                .chain(others)
                .chain(moderation)
                .chain(history)
        });
        // Places too: a condition report made after one from a phone whose clock runs ahead
        // must still come out as the last report.
        let places = self.resources.values().map(Resource::newest_stamp);
        posts.chain(places).max()
    }

    /// Live resources, in id order.
    pub fn resources(&self) -> impl Iterator<Item = &Resource> {
        self.resources.values().filter(|r| !r.is_removed())
    }

    /// Live rosters, in id order.
    pub fn rosters(&self) -> impl Iterator<Item = &Roster> {
        self.rosters.values().filter(|r| !r.is_removed())
    }

    /// Live shifts, soonest first.
    pub fn shifts(&self) -> Vec<&Shift> {
        let mut shifts: Vec<&Shift> = self.shifts.values().filter(|s| !s.is_removed()).collect();
        shifts.sort_by_key(|shift| (shift.starts_ms.value, shift.id));
        shifts
    }

    /// Records of every kind, tombstones included.
    pub fn len(&self) -> usize {
        struct Count<'a>(&'a Board, usize);
        impl EachKind for Count<'_> {
            fn kind<T: Record>(&mut self) {
                self.1 += T::all(self.0).len();
            }
        }
        let mut count = Count(self, 0);
        Board::each_kind(&mut count);
        count.1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Merges `other` in and counts, per incoming record, whether it was new, changed ours, or
    /// added nothing.
    pub fn merge_in(&mut self, other: &Board) -> MergeReport {
        struct MergeIn<'a> {
            ours: &'a mut Board,
            theirs: &'a Board,
            report: MergeReport,
        }
        impl EachKind for MergeIn<'_> {
            fn kind<T: Record>(&mut self) {
                let counts = merge_collection(T::all_mut(self.ours), T::all(self.theirs));
                self.report.record(T::KIND, counts);
            }
        }
        let mut step = MergeIn {
            ours: self,
            theirs: other,
            report: MergeReport::default(),
        };
        Board::each_kind(&mut step);
        step.report
    }

    /// As [`Board::merge_in`], taking `other` by value so its new records move in rather than
    /// being copied: the way to merge a board just read from a source.
    pub fn absorb(&mut self, other: Board) -> MergeReport {
        struct Absorb<'a> {
            ours: &'a mut Board,
            theirs: Board,
            report: MergeReport,
        }
        impl EachKind for Absorb<'_> {
            fn kind<T: Record>(&mut self) {
                let theirs = std::mem::take(T::all_mut(&mut self.theirs));
                let counts = absorb_collection(T::all_mut(self.ours), theirs);
                self.report.record(T::KIND, counts);
            }
        }
        let mut step = Absorb {
            ours: self,
            theirs: other,
            report: MergeReport::default(),
        };
        Board::each_kind(&mut step);
        step.report
    }

    /// Checks every stored record against the input limits: the gate for boards that come from
    /// outside (a file, a link, a published board).
    pub fn check_limits(&self) -> Result<(), RecordError> {
        struct FirstError<'a>(&'a Board, Result<(), RecordError>);
        impl EachKind for FirstError<'_> {
            fn kind<T: Record>(&mut self) {
                if self.1.is_ok() {
                    self.1 = check_collection(T::all(self.0));
                }
            }
        }
        let mut step = FirstError(self, Ok(()));
        Board::each_kind(&mut step);
        step.1
    }
}

impl Merge for Board {
    fn merge(&mut self, other: &Self) {
        self.merge_in(other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::signer;
    use crate::model::{sample_draft, DeviceId, Stamp};

    #[test]
    fn merge_in_reports_new_updated_and_unchanged() {
        let at = |ms, device| Stamp::new(ms, 0, DeviceId(device));
        let mut mine = Board::default();
        for n in 0..3 {
            mine.add_post(Post::create(RecordId(n), sample_draft(), at(1, 1)));
        }
        let mut theirs = mine.clone();
        theirs.add_post(Post::create(RecordId(9), sample_draft(), at(2, 2)));
        let mut draft = sample_draft();
        draft.title = "Changed".into();
        theirs
            .edit_post(RecordId(0), draft, at(3, 1), &signer())
            .unwrap();
        let report = mine.merge_in(&theirs);
        assert_eq!((report.added, report.updated, report.unchanged), (1, 1, 2));
        assert_eq!(report.of(RecordKind::Post).added, 1);
        assert_eq!(report.of(RecordKind::Skill), Counts::default());
        assert_eq!(mine, {
            theirs.merge(&Board::default());
            theirs
        });
    }

    /// The device's clock observes this after a load or a merge. Were it to miss the newest
    /// stamp (a helper's response from a phone whose clock runs ahead), the author's next edit
    /// would be stamped older than what is there and would silently not take effect.
    #[test]
    fn the_newest_stamp_is_the_latest_of_every_post_and_response() {
        let at = |ms| Stamp::new(ms, 0, DeviceId(1));
        let mut board = Board::default();
        assert_eq!(board.newest_stamp(), None);
        assert!(board.is_empty());
        board.add_post(Post::create(RecordId(1), sample_draft(), at(5)));
        assert!(!board.is_empty());
        board.add_post(Post::create(RecordId(2), sample_draft(), at(3)));
        assert_eq!(board.newest_stamp(), Some(at(5)));
        let helper = crate::model::Signer::from_seed([7; 32]);
        let ahead = Stamp::new(90, 0, DeviceId(2));
        board
            .respond(RecordId(2), ahead, "sam", String::new(), None, &helper)
            .unwrap();
        assert_eq!(board.newest_stamp(), Some(ahead));
    }

    /// A report made on a phone whose clock runs ahead: the next report here must still be
    /// the last one, so the clock must see it.
    #[test]
    fn the_newest_stamp_includes_the_places_and_their_reports() {
        use crate::model::{sample_place, ReportDraft};
        let at = |ms| Stamp::new(ms, 0, DeviceId(1));
        let mut board = Board::default();
        board.add_post(Post::create(RecordId(1), sample_draft(), at(5)));
        board
            .resources
            .insert(RecordId(2), sample_place(RecordId(2), at(7)));
        assert_eq!(board.newest_stamp(), Some(at(7)));
        let ahead = Stamp::new(90, 0, DeviceId(2));
        board
            .report(
                RecordId(2),
                ReportDraft::default(),
                "noor",
                ahead,
                &signer(),
            )
            .unwrap();
        assert_eq!(board.newest_stamp(), Some(ahead));
    }

    #[test]
    fn limits_name_the_record() {
        let mut board = Board::default();
        let mut draft = sample_draft();
        draft.title = "t".repeat(500);
        board.add_post(Post::create(
            RecordId(4),
            draft,
            Stamp::new(1, 0, DeviceId(1)),
        ));
        let error = board.check_limits().unwrap_err();
        assert_eq!(
            error.record,
            RecordRef {
                kind: RecordKind::Post,
                id: RecordId(4)
            }
        );
        // What `publish` prints for a record it cannot use: the record, then the problem.
        let text = error.to_string();
        assert!(text.starts_with(&error.record.to_string()), "{text}");
        assert!(text.contains("Title"), "{text}");
    }
}
