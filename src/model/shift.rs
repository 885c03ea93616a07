//! Shifts: a time slot for a task or a resource (staffing a fridge, a distribution), with a
//! needed head count and sign-ups. A sign-up is its volunteer's own signed entry (see `entry`),
//! one per author key: signing up and later backing out resolves to the later choice on every
//! copy, and nobody else can sign a volunteer up or off.

use super::board::Board;
use super::clock::Stamp;
use super::entry::{keep_greater, Entries, Entry, EntryError, Maker};
use super::id::RecordId;
use super::merge::Merge;
use super::post::Handle;
use super::record::{tombstoned, Record, RecordKind};
use super::trust::seal::{seal, Seal, Signed};
use super::trust::sealed::{Sealed, Walk};
use super::trust::{AuthorKey, Signer};
use super::validate::{Checks, Field, ValidationError};
use serde::{Deserialize, Serialize};

/// What a coordinator fills in to add or edit a shift.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftDraft {
    pub task: String,
    pub area: String,
    /// The resource the shift staffs, if any.
    pub resource: Option<RecordId>,
    /// Start, in ms since 1970 UTC.
    pub starts_ms: u64,
    pub minutes: u32,
    pub needed: u32,
}

impl ShiftDraft {
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut checks = Checks::new();
        checks.text(Field::Task, &self.task, true);
        checks.text(Field::Area, &self.area, false);
        checks.number(Field::HeadCount, u64::from(self.needed), 1);
        checks.finish()
    }
}

/// One volunteer's choice on a shift, signed up (`yes`) or backed out: theirs alone, signed over
/// the shift it is for. Its fields are in the order that decides between two copies: the later
/// choice wins.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SignUp {
    pub at: Stamp,
    pub by: Handle,
    pub yes: bool,
    /// The volunteer's signature; `None` on a sign-up from before signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Seal>,
}

impl SignUp {
    /// `signer`'s choice on `shift`, made under the handle `by`, signed.
    pub fn new(shift: RecordId, yes: bool, by: &str, at: Stamp, signer: &Signer) -> Self {
        let mut sign_up = Self {
            at,
            by: by.to_owned(),
            yes,
            seal: None,
        };
        sign_up.seal = Some(seal(signer, &sign_up.signed(shift, &signer.key())));
        sign_up
    }

    /// The bytes `key` signs for this choice on `shift`.
    pub fn signed(&self, shift: RecordId, key: &AuthorKey) -> Signed {
        let mut signed = Signed::new("circle.sign-up.v1");
        signed
            .id(shift)
            .stamp(self.at)
            .text(&self.by)
            .byte(u8::from(self.yes))
            .raw(&key.0);
        signed
    }
}

impl Entry for SignUp {
    type Owner = RecordId;
    type Key = Maker;
    const FIELD: Field = Field::Signups;
    const ROTATES: bool = false;

    fn key(&self) -> Maker {
        Maker::of(self.signer(), &self.by)
    }

    fn at(&self) -> Stamp {
        self.at
    }

    fn signer(&self) -> Option<AuthorKey> {
        self.seal.map(|seal| seal.key)
    }

    fn sealed(&self, shift: RecordId) -> Option<(Seal, Signed)> {
        self.seal.map(|seal| (seal, self.signed(shift, &seal.key)))
    }

    fn merge_copy(&mut self, other: &Self) -> bool {
        keep_greater(self, other)
    }
}

/// Whether a shift still takes volunteers, as a neighbour opening its link sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// It still needs people.
    Open,
    /// It has as many as it needs.
    Full,
    /// It has ended.
    Over,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shift {
    pub id: RecordId,
    pub created: Stamp,
    /// Whose record it is: with the group's coordinators, the only keys whose signed edits
    /// change it (`trust::sealed`). `None` on a record from before signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<AuthorKey>,
    pub task: Sealed<String>,
    pub area: Sealed<String>,
    pub resource: Sealed<Option<RecordId>>,
    pub starts_ms: Sealed<u64>,
    pub minutes: Sealed<u32>,
    pub needed: Sealed<u32>,
    /// Each volunteer's latest choice, one per author key (and, from before signing, one per
    /// handle).
    pub signups: Entries<SignUp>,
    pub removed: Sealed<bool>,
}

impl Shift {
    pub fn create(id: RecordId, draft: ShiftDraft, at: Stamp) -> Self {
        Self {
            id,
            created: at,
            author: None,
            task: Sealed::new(draft.task, at),
            area: Sealed::new(draft.area, at),
            resource: Sealed::new(draft.resource, at),
            starts_ms: Sealed::new(draft.starts_ms, at),
            minutes: Sealed::new(draft.minutes, at),
            needed: Sealed::new(draft.needed, at),
            signups: Entries::default(),
            removed: Sealed::new(false, at),
        }
    }

    /// The volunteers signed up, in the order of their keys.
    pub fn signed_up(&self) -> impl Iterator<Item = &SignUp> {
        self.signups.iter().filter(|sign_up| sign_up.yes)
    }

    /// When the shift ends, in ms since 1970 UTC.
    pub fn ends_ms(&self) -> u64 {
        self.starts_ms
            .value
            .saturating_add(u64::from(self.minutes.value) * 60_000)
    }

    /// Whether someone not yet on the shift may still sign up at `now_ms`: a shift that has
    /// ended takes nobody, and one with as many volunteers as it needs takes no more. Someone
    /// already on it may still back out of a full shift (`Shift::sign_up` allows it).
    pub fn opening(&self, now_ms: u64) -> Opening {
        if self.ends_ms() < now_ms {
            Opening::Over
        } else if self.open_spots() == 0 {
            Opening::Full
        } else {
            Opening::Open
        }
    }

    /// People still needed (zero when full or over).
    pub fn open_spots(&self) -> u32 {
        let signed = u32::try_from(self.signed_up().count()).unwrap_or(u32::MAX);
        self.needed.value.saturating_sub(signed)
    }

    /// Signs `signer` up (`true`) or off (`false`), under the handle `by`. A shift that already
    /// lists as many volunteers as its limit takes no new one, so its own device never saves a
    /// shift it would refuse; a choice older than the one already here would not take effect.
    pub fn sign_up(
        &mut self,
        yes: bool,
        by: &str,
        at: Stamp,
        signer: &Signer,
    ) -> Result<(), EntryError> {
        match self.signups.get(&Maker::Key(signer.key())) {
            Some(mine) if mine.at >= at => return Err(EntryError::Stale),
            None if self.signups.len() >= Field::Signups.limit() => return Err(EntryError::Full),
            _ => {}
        }
        self.signups
            .insert(SignUp::new(self.id, yes, by, at, signer));
        Ok(())
    }
}

impl Merge for Shift {
    fn merge(&mut self, other: &Self) {
        self.author = self.author.max(other.author);
        self.created = self.created.min(other.created);
        self.task.merge(&other.task);
        self.area.merge(&other.area);
        self.resource.merge(&other.resource);
        self.starts_ms.merge(&other.starts_ms);
        self.minutes.merge(&other.minutes);
        self.needed.merge(&other.needed);
        self.signups.merge(&other.signups);
        self.removed.merge(&other.removed);
    }
}

impl Record for Shift {
    const KIND: RecordKind = RecordKind::Shift;

    fn is_removed(&self) -> bool {
        let last_edit = [
            self.created,
            self.task.at,
            self.area.at,
            self.resource.at,
            self.starts_ms.at,
            self.minutes.at,
            self.needed.at,
        ]
        .into_iter()
        .max()
        .unwrap_or(self.created);
        tombstoned(&self.removed, last_edit)
    }

    fn walk(&mut self, walk: &mut dyn Walk) {
        walk.author(&mut self.author, self.created);
        walk.field(None, "task", &mut self.task);
        walk.field(None, "area", &mut self.area);
        walk.field(None, "resource", &mut self.resource);
        walk.field(None, "starts_ms", &mut self.starts_ms);
        walk.field(None, "minutes", &mut self.minutes);
        walk.field(None, "needed", &mut self.needed);
        walk.field(None, "removed", &mut self.removed);
    }

    fn check_limits(&self, checks: &mut Checks) {
        checks.text(Field::Task, &self.task.value, false);
        checks.text(Field::Area, &self.area.value, false);
        checks.number(Field::HeadCount, u64::from(self.needed.value), 0);
        checks.count(Field::Signups, self.signups.len());
        for sign_up in self.signups.iter() {
            checks.text(Field::Handle, &sign_up.by, true);
        }
    }
}

impl Board {
    /// Signs `signer` up for (or off) a live shift, under the handle `by`.
    pub fn sign_up(
        &mut self,
        shift: RecordId,
        yes: bool,
        by: &str,
        at: Stamp,
        signer: &Signer,
    ) -> Result<(), EntryError> {
        self.shifts
            .get_mut(&shift)
            .filter(|s| !s.is_removed())
            .ok_or(EntryError::NotFound(shift))?
            .sign_up(yes, by, at, signer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DeviceId;

    fn at(ms: u64, device: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(device))
    }

    fn signer(n: u8) -> Signer {
        Signer::from_seed([n; 32])
    }

    fn draft(needed: u32) -> ShiftDraft {
        ShiftDraft {
            task: "Restock the fridge".into(),
            area: "north".into(),
            resource: None,
            starts_ms: 1_000,
            minutes: 60,
            needed,
        }
    }

    #[test]
    fn a_shift_needs_a_task_and_between_one_and_five_hundred_people() {
        let fields = |draft: ShiftDraft| crate::model::refused_fields(draft.validate());
        assert_eq!(fields(draft(1)), []);
        assert_eq!(fields(draft(500)), []);
        assert_eq!(fields(draft(501)), [Field::HeadCount]);
        let nobody = ShiftDraft {
            task: " ".into(),
            area: "x".repeat(61),
            ..draft(0)
        };
        assert_eq!(fields(nobody), [Field::Area, Field::Task, Field::HeadCount]);
    }

    /// A shift taken down leaves the board's list (and so every screen and share link), until
    /// a later edit on a phone that had not seen it brings it back.
    #[test]
    fn a_shift_taken_down_leaves_the_board_until_a_later_edit() {
        let mut board = Board::default();
        for n in 1..=2 {
            let shift = Shift::create(RecordId(n), draft(2), Stamp::new(1, 0, DeviceId(1)));
            board.shifts.insert(shift.id, shift);
        }
        let mut other_phone = board.clone();
        if let Some(shift) = board.shifts.get_mut(&RecordId(1)) {
            shift.removed.set(true, Stamp::new(5, 0, DeviceId(1)));
        }
        let listed = |board: &Board| board.shifts().iter().map(|s| s.id.0).collect::<Vec<_>>();
        assert_eq!(listed(&board), [2]);
        if let Some(shift) = other_phone.shifts.get_mut(&RecordId(1)) {
            shift.needed.set(3, Stamp::new(6, 0, DeviceId(2)));
        }
        board.merge(&other_phone);
        assert_eq!(listed(&board), [1, 2]);
    }

    fn names(shift: &Shift) -> Vec<&str> {
        shift.signed_up().map(|s| s.by.as_str()).collect()
    }

    #[test]
    fn the_later_choice_of_a_volunteer_wins_on_every_copy() {
        assert_eq!(draft(2).validate(), Ok(()));
        let (ana, ben) = (signer(1), signer(2));
        let mut phone = Board::default();
        phone
            .shifts
            .insert(RecordId(1), Shift::create(RecordId(1), draft(2), at(1, 1)));
        let mut laptop = phone.clone();
        phone
            .sign_up(RecordId(1), true, "ana", at(2, 1), &ana)
            .unwrap();
        // Ana backs out on a second tab of her phone, which Ben's sign-up reaches too.
        laptop
            .sign_up(RecordId(1), false, "ana", at(3, 1), &ana)
            .unwrap();
        laptop
            .sign_up(RecordId(1), true, "ben", at(3, 2), &ben)
            .unwrap();
        let mut merged = phone.clone();
        merged.merge(&laptop);
        laptop.merge(&phone);
        assert_eq!(merged, laptop);
        let shift = &merged.shifts[&RecordId(1)];
        assert_eq!(names(shift), ["ben"]);
        assert_eq!(shift.open_spots(), 1);
        assert_eq!(shift.signups.len(), 2, "one entry per volunteer");
        assert!(shift.signups.iter().all(|s| s.verifies(RecordId(1))));
        assert_eq!(
            merged.sign_up(RecordId(1), true, "ana", at(2, 1), &ana),
            Err(EntryError::Stale),
            "older than Ana's last choice"
        );
        assert_eq!(
            merged.sign_up(RecordId(2), true, "ana", at(9, 1), &ana),
            Err(EntryError::NotFound(RecordId(2)))
        );
    }

    #[test]
    fn a_sign_up_verifies_only_as_signed_and_only_on_its_shift() {
        let sign_up = SignUp::new(RecordId(1), true, "ana", at(2, 1), &signer(1));
        assert!(sign_up.is_signed());
        assert!(sign_up.verifies(RecordId(1)));
        assert!(
            !sign_up.verifies(RecordId(2)),
            "replayed onto another shift"
        );
        let backed_out = SignUp {
            yes: false,
            ..sign_up.clone()
        };
        assert!(!backed_out.verifies(RecordId(1)));
        let mut claimed = SignUp::new(RecordId(1), false, "ana", at(3, 2), &signer(2));
        claimed.seal = claimed.seal.map(|seal| Seal {
            key: signer(1).key(),
            ..seal
        });
        assert!(!claimed.verifies(RecordId(1)), "Ben backing Ana out");
        let unsigned = SignUp {
            seal: None,
            ..sign_up
        };
        assert!(!unsigned.verifies(RecordId(1)));
        assert_eq!(unsigned.key(), Maker::Unsigned("ana".into()));
    }

    #[test]
    fn a_shift_is_open_until_it_has_its_people_or_has_ended() {
        let mut shift = Shift::create(RecordId(1), draft(1), at(1, 1));
        let end = 1_000 + 60 * 60_000;
        assert_eq!(shift.ends_ms(), end);
        assert_eq!(
            shift.opening(end),
            Opening::Open,
            "still on at its last minute"
        );
        assert_eq!(shift.opening(end + 1), Opening::Over);
        shift.sign_up(true, "ana", at(2, 1), &signer(1)).unwrap();
        assert_eq!(shift.opening(0), Opening::Full);
        assert_eq!(shift.opening(end + 1), Opening::Over, "over comes first");
        shift.sign_up(false, "ana", at(3, 1), &signer(1)).unwrap();
        assert_eq!(
            shift.opening(0),
            Opening::Open,
            "a back-out opens the spot again"
        );
    }

    #[test]
    fn a_full_list_takes_no_new_volunteer_and_a_longer_one_is_refused() {
        let mut shift = Shift::create(RecordId(1), draft(500), at(2, 1));
        let max = Field::Signups.limit();
        let list: Vec<SignUp> = (0..=max)
            .map(|n| SignUp {
                at: at(2, 1),
                by: format!("volunteer {n}"),
                yes: true,
                seal: None,
            })
            .collect();
        shift.signups =
            serde_json::from_str(&serde_json::to_string(&list[..max - 1]).unwrap()).unwrap();
        assert_eq!(shift.sign_up(true, "ana", at(3, 1), &signer(1)), Ok(()));
        let before = shift.clone();
        assert_eq!(
            shift.sign_up(true, "late", at(3, 2), &signer(2)),
            Err(EntryError::Full)
        );
        assert_eq!(shift, before);
        assert_eq!(
            shift.sign_up(false, "ana", at(4, 1), &signer(1)),
            Ok(()),
            "someone on a full list can still back out"
        );
        assert_eq!(shift.signed_up().count(), max - 1);
        let mut checks = Checks::new();
        shift.check_limits(&mut checks);
        assert_eq!(checks.finish(), Ok(()));

        shift.signups = serde_json::from_str(&serde_json::to_string(&list).unwrap()).unwrap();
        let mut checks = Checks::new();
        shift.check_limits(&mut checks);
        assert_eq!(
            checks.first().map_err(|error| error.field),
            Err(Field::Signups)
        );
    }
}
