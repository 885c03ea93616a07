//! Childcare swaps: two neighbours minding each other's children, recorded on a childcare
//! listing (a [`Skill`]) so the group can see that the minding evens out. A swap is the
//! recorder's own signed entry (see `entry`): who minded whose children, on which day, for how
//! long, and a note. Swaps form a log, like check-ins: past its limit a listing keeps its
//! newest swaps, so a balance counts those.
//!
//! Who minds whose children, and when, is nobody's business outside the group: swaps never
//! leave the device in a public copy (see `redact`).

use super::board::Board;
use super::clock::Stamp;
use super::day::Day;
use super::entry::EntryError;
use super::id::RecordId;
use super::post::Handle;
use super::record::Record;
use super::skill::Skill;
use super::trust::seal::{seal, Seal, Signed};
use super::trust::{AuthorKey, Signer};
use super::validate::{Checks, Field, ValidationError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The skill a listing must be for to take swaps: the default category's key.
pub const CHILDCARE: &str = "childcare";

/// What the person recording a swap fills in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwapDraft {
    /// Who minded the children.
    pub minder: Handle,
    /// Whose children were minded.
    pub family: Handle,
    pub day: Day,
    pub minutes: u32,
    pub note: String,
}

impl SwapDraft {
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut checks = Checks::new();
        self.check(&mut checks);
        checks.finish()
    }

    fn check(&self, checks: &mut Checks) {
        checks.text(Field::Handle, &self.minder, true);
        checks.text(Field::Handle, &self.family, true);
        checks.number(Field::Minutes, u64::from(self.minutes), 1);
        checks.text(Field::Note, &self.note, false);
    }
}

/// One swap: the recorder's own record, signed over the listing it is on. Its fields are in
/// the order that decides between two copies that differ (only by forgery): the greater wins.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Swap {
    pub at: Stamp,
    /// Who recorded it.
    pub by: Handle,
    pub minder: Handle,
    pub family: Handle,
    pub day: Day,
    pub minutes: u32,
    #[serde(default)]
    pub note: String,
    /// The recorder's signature; `None` only on a swap that was never signed (a crafted file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Seal>,
}

impl Swap {
    /// A swap on the listing `skill`, recorded under the handle `by` and signed by `signer`.
    pub fn new(skill: RecordId, draft: SwapDraft, by: &str, at: Stamp, signer: &Signer) -> Self {
        let mut swap = Self {
            at,
            by: by.to_owned(),
            minder: draft.minder,
            family: draft.family,
            day: draft.day,
            minutes: draft.minutes,
            note: draft.note,
            seal: None,
        };
        swap.seal = Some(seal(signer, &swap.signed(skill, &signer.key())));
        swap
    }

    /// The bytes `key` signs for this swap on the listing `skill`.
    pub fn signed(&self, skill: RecordId, key: &AuthorKey) -> Signed {
        let mut signed = Signed::new("circle.swap.v1");
        signed
            .id(skill)
            .stamp(self.at)
            .text(&self.by)
            .text(&self.minder)
            .text(&self.family)
            .day(Some(self.day))
            .u64(u64::from(self.minutes))
            .text(&self.note)
            .raw(&key.0);
        signed
    }

    /// The draft it was made from, for the limit checks.
    fn draft(&self) -> SwapDraft {
        SwapDraft {
            minder: self.minder.clone(),
            family: self.family.clone(),
            day: self.day,
            minutes: self.minutes,
            note: self.note.clone(),
        }
    }

    pub(super) fn check_limits(&self, checks: &mut Checks) {
        checks.text(Field::Handle, &self.by, true);
        self.draft().check(checks);
    }
}

super::entry::record_log_entry!(Swap, Field::Swaps);

/// One neighbour's minding in a set of swaps: minutes given (minding others' children) and
/// received (their own children minded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Balance {
    /// The handle as first written in the swaps, oldest first.
    pub handle: Handle,
    pub given: u64,
    pub received: u64,
}

impl Balance {
    /// Given less received, in minutes: above zero, the neighbour is owed minding.
    pub fn net(&self) -> i64 {
        let minutes = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        minutes(self.given).saturating_sub(minutes(self.received))
    }
}

/// Each neighbour's minutes given and received in `swaps`, by handle. A handle is one
/// neighbour however it is capitalised or spaced ("Rosa", "rosa "), as people type them.
pub fn balances<'a>(swaps: impl IntoIterator<Item = &'a Swap>) -> Vec<Balance> {
    let mut by_handle: BTreeMap<String, Balance> = BTreeMap::new();
    let mut add = |handle: &str, given: u64, received: u64| {
        let entry = by_handle
            .entry(handle.trim().to_lowercase())
            .or_insert_with(|| Balance {
                handle: handle.trim().to_owned(),
                given: 0,
                received: 0,
            });
        entry.given = entry.given.saturating_add(given);
        entry.received = entry.received.saturating_add(received);
    };
    for swap in swaps {
        let minutes = u64::from(swap.minutes);
        add(&swap.minder, minutes, 0);
        add(&swap.family, 0, minutes);
    }
    by_handle.into_values().collect()
}

impl Skill {
    /// Whether this listing takes swaps: a childcare one.
    pub fn takes_swaps(&self) -> bool {
        self.skill.value == CHILDCARE
    }
}

impl Board {
    /// Records a swap on a live childcare listing, under the handle `by`, signed by `signer`.
    pub fn record_swap(
        &mut self,
        skill: RecordId,
        draft: SwapDraft,
        by: &str,
        at: Stamp,
        signer: &Signer,
    ) -> Result<(), EntryError> {
        let found = self
            .skills
            .get_mut(&skill)
            .filter(|listing| !listing.is_removed() && listing.takes_swaps())
            .ok_or(EntryError::NotFound(skill))?;
        if found.swaps.insert(Swap::new(skill, draft, by, at, signer)) {
            Ok(())
        } else {
            Err(EntryError::Stale)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::entry::Entry;
    use crate::model::merge::Merge;
    use crate::model::skill::SkillDraft;
    use crate::model::{Audience, DeviceId};

    const DAY_MS: u64 = 86_400_000;

    fn at(ms: u64, device: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(device))
    }

    fn rosa() -> Signer {
        Signer::from_seed([7; 32])
    }

    fn listing(skill: &str) -> Skill {
        let draft = SkillDraft {
            handle: "Rosa".into(),
            skill: skill.into(),
            details: String::new(),
            area: "north".into(),
            languages: Vec::new(),
            contact: None,
        };
        Skill::create(RecordId(1), draft, at(DAY_MS, 1))
    }

    fn minded(minder: &str, family: &str, hours: u32) -> SwapDraft {
        SwapDraft {
            minder: minder.into(),
            family: family.into(),
            day: Day::from_ymd(2026, 12, 5).unwrap(),
            minutes: hours * 60,
            note: String::new(),
        }
    }

    fn board() -> Board {
        let mut board = Board::default();
        board.skills.insert(RecordId(1), listing(CHILDCARE));
        board
    }

    #[test]
    fn a_swap_balance_says_who_gave_and_who_received() {
        let mut board = board();
        let swaps = [
            minded("Rosa", "Ben", 3),
            minded("ben ", "rosa", 2),
            minded("Rosa", "Kofi", 1),
        ];
        for (n, swap) in swaps.into_iter().enumerate() {
            let when = at(2 * DAY_MS + n as u64, 1);
            board
                .record_swap(RecordId(1), swap, "Rosa", when, &rosa())
                .unwrap();
        }
        let shown: Vec<_> = balances(board.skills[&RecordId(1)].swaps.iter())
            .into_iter()
            .map(|b| {
                (
                    b.handle.clone(),
                    b.given / 60,
                    b.received / 60,
                    b.net() / 60,
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("Ben".into(), 2, 3, -1),
                ("Kofi".into(), 0, 1, -1),
                ("Rosa".into(), 4, 2, 2),
            ]
        );
    }

    #[test]
    fn swaps_go_on_live_childcare_listings_only() {
        let mut board = board();
        board.skills.insert(RecordId(2), {
            let mut driving = listing("rides");
            driving.id = RecordId(2);
            driving
        });
        let made = |board: &mut Board, id| {
            board.record_swap(
                id,
                minded("Rosa", "Ben", 2),
                "Rosa",
                at(2 * DAY_MS, 1),
                &rosa(),
            )
        };
        assert_eq!(
            made(&mut board, RecordId(2)),
            Err(EntryError::NotFound(RecordId(2)))
        );
        assert_eq!(
            made(&mut board, RecordId(9)),
            Err(EntryError::NotFound(RecordId(9)))
        );
        assert_eq!(made(&mut board, RecordId(1)), Ok(()));
    }

    #[test]
    fn a_swap_verifies_only_as_signed_on_its_listing() {
        let swap = Swap::new(
            RecordId(1),
            minded("Rosa", "Ben", 2),
            "Rosa",
            at(2, 1),
            &rosa(),
        );
        assert!(swap.verifies(RecordId(1)));
        assert!(!swap.verifies(RecordId(2)), "replayed onto another listing");
        let longer = Swap {
            minutes: 600,
            ..swap.clone()
        };
        assert!(!longer.verifies(RecordId(1)));
        let turned = Swap {
            minder: "Ben".into(),
            family: "Rosa".into(),
            ..swap
        };
        assert!(!turned.verifies(RecordId(1)));
    }

    #[test]
    fn swaps_from_two_phones_merge_into_one_log_and_never_go_public() {
        let mut phone = board();
        let mut laptop = phone.clone();
        phone
            .record_swap(
                RecordId(1),
                minded("Rosa", "Ben", 2),
                "Rosa",
                at(2 * DAY_MS, 1),
                &rosa(),
            )
            .unwrap();
        let ben = Signer::from_seed([8; 32]);
        laptop
            .record_swap(
                RecordId(1),
                minded("Ben", "Rosa", 2),
                "Ben",
                at(2 * DAY_MS, 2),
                &ben,
            )
            .unwrap();
        let mut merged = phone.clone();
        merged.merge(&laptop);
        laptop.merge(&phone);
        assert_eq!(merged, laptop);
        let listing = &merged.skills[&RecordId(1)];
        assert_eq!(listing.swaps.len(), 2);
        assert!(balances(listing.swaps.iter()).iter().all(|b| b.net() == 0));
        let public = merged.redacted(Audience::Public);
        assert!(public.skills[&RecordId(1)].swaps.is_empty());
        assert!(!serde_json::to_string(&public).unwrap().contains("swaps"));
        assert_eq!(merged.redacted(Audience::Group), merged);
        let mut back = public;
        back.merge(&merged);
        assert_eq!(back, merged);
    }

    #[test]
    fn a_swap_past_its_limits_is_refused() {
        let mut draft = minded("Rosa", "Ben", 2);
        assert_eq!(draft.validate(), Ok(()));
        draft.minutes = 0;
        assert!(draft.validate().is_err());
        draft.minutes = 25 * 60;
        assert!(draft.validate().is_err());
        let mut board = board();
        let swaps: Vec<Swap> = (0..=Field::Swaps.limit() as u64)
            .map(|n| {
                Swap::new(
                    RecordId(1),
                    minded("Rosa", "Ben", 1),
                    "Rosa",
                    at(n, 1),
                    &rosa(),
                )
            })
            .collect();
        board.skills.get_mut(&RecordId(1)).unwrap().swaps =
            serde_json::from_str(&serde_json::to_string(&swaps).unwrap()).unwrap();
        let refused = board.check_limits().unwrap_err();
        assert!(format!("{refused:?}").contains("Swaps"), "{refused:?}");
        // One swap of a whole day and more, arriving in a board: refused by its own limits.
        let mut long = minded("Rosa", "Ben", 1);
        long.minutes = 25 * 60;
        let swaps = [Swap::new(RecordId(1), long, "Rosa", at(1, 1), &rosa())];
        let mut board = self::board();
        board.skills.get_mut(&RecordId(1)).unwrap().swaps =
            serde_json::from_str(&serde_json::to_string(&swaps).unwrap()).unwrap();
        let refused = board.check_limits().unwrap_err();
        assert!(format!("{refused:?}").contains("Minutes"), "{refused:?}");
    }

    #[test]
    fn a_listing_from_before_swaps_still_reads() {
        let mut json = serde_json::to_value(listing(CHILDCARE)).unwrap();
        json.as_object_mut().unwrap().remove("swaps");
        let read: Skill = serde_json::from_value(json).unwrap();
        assert!(read.swaps.is_empty());
    }
}
