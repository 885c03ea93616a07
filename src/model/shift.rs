//! Shifts: a time slot for a task or a resource (staffing a fridge, a distribution), with a
//! needed head count and sign-ups. A sign-up is a per-handle register, so signing up on one
//! phone and backing out on another resolves to the later choice everywhere.

use super::board::Board;
use super::clock::Stamp;
use super::edit::NotFound;
use super::id::RecordId;
use super::merge::{Lww, Merge};
use super::post::Handle;
use super::record::{tombstoned, Record, RecordKind};
use super::validate::{Checks, Field, ValidationError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shift {
    pub id: RecordId,
    pub created: Stamp,
    pub task: Lww<String>,
    pub area: Lww<String>,
    pub resource: Lww<Option<RecordId>>,
    pub starts_ms: Lww<u64>,
    pub minutes: Lww<u32>,
    pub needed: Lww<u32>,
    /// Handle → signed up (`false` once they back out).
    pub signups: BTreeMap<Handle, Lww<bool>>,
    pub removed: Lww<bool>,
}

impl Shift {
    pub fn create(id: RecordId, draft: ShiftDraft, at: Stamp) -> Self {
        Self {
            id,
            created: at,
            task: Lww::new(draft.task, at),
            area: Lww::new(draft.area, at),
            resource: Lww::new(draft.resource, at),
            starts_ms: Lww::new(draft.starts_ms, at),
            minutes: Lww::new(draft.minutes, at),
            needed: Lww::new(draft.needed, at),
            signups: BTreeMap::new(),
            removed: Lww::new(false, at),
        }
    }

    /// Applies the fields of `draft` that differ; returns whether anything changed.
    pub fn apply(&mut self, draft: ShiftDraft, at: Stamp) -> bool {
        let mut changed = self.task.change(draft.task, at);
        changed |= self.area.change(draft.area, at);
        changed |= self.resource.change(draft.resource, at);
        changed |= self.starts_ms.change(draft.starts_ms, at);
        changed |= self.minutes.change(draft.minutes, at);
        changed |= self.needed.change(draft.needed, at);
        changed
    }

    /// Handles signed up, in name order.
    pub fn signed_up(&self) -> impl Iterator<Item = &Handle> {
        self.signups
            .iter()
            .filter(|(_, yes)| yes.value)
            .map(|(handle, _)| handle)
    }

    /// People still needed (zero when full or over).
    pub fn open_spots(&self) -> u32 {
        let signed = u32::try_from(self.signed_up().count()).unwrap_or(u32::MAX);
        self.needed.value.saturating_sub(signed)
    }

    /// Signs `handle` up (`true`) or off (`false`). A shift that already lists as many names as
    /// its limit takes no new ones, so its own device never saves a shift it would refuse.
    pub fn sign_up(&mut self, handle: &str, yes: bool, at: Stamp) {
        let full = self.signups.len() >= Field::Signups.limit();
        match self.signups.get_mut(handle) {
            Some(choice) => choice.set(yes, at),
            None if full => {}
            None => {
                self.signups.insert(handle.to_string(), Lww::new(yes, at));
            }
        }
    }
}

impl Merge for Shift {
    fn merge(&mut self, other: &Self) {
        self.created = self.created.min(other.created);
        self.task.merge(&other.task);
        self.area.merge(&other.area);
        self.resource.merge(&other.resource);
        self.starts_ms.merge(&other.starts_ms);
        self.minutes.merge(&other.minutes);
        self.needed.merge(&other.needed);
        Merge::merge(&mut self.signups, &other.signups);
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

    fn check_limits(&self, checks: &mut Checks) {
        checks.text(Field::Task, &self.task.value, false);
        checks.text(Field::Area, &self.area.value, false);
        checks.number(Field::HeadCount, u64::from(self.needed.value), 0);
        checks.count(Field::Signups, self.signups.len());
        for handle in self.signups.keys() {
            checks.text(Field::Handle, handle, true);
        }
    }
}

impl Board {
    /// Signs a handle up for (or off) a live shift.
    pub fn sign_up(
        &mut self,
        shift: RecordId,
        handle: &str,
        yes: bool,
        at: Stamp,
    ) -> Result<(), NotFound> {
        self.shifts
            .get_mut(&shift)
            .filter(|s| !s.is_removed())
            .ok_or(NotFound(shift))?
            .sign_up(handle, yes, at);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DeviceId;

    #[test]
    fn the_later_choice_of_a_volunteer_wins_on_every_copy() {
        let at = |ms, device| Stamp::new(ms, 0, DeviceId(device));
        let draft = ShiftDraft {
            task: "Restock the fridge".into(),
            area: "north".into(),
            resource: None,
            starts_ms: 1_000,
            minutes: 60,
            needed: 2,
        };
        assert_eq!(draft.validate(), Ok(()));
        let mut phone = Board::default();
        phone
            .shifts
            .insert(RecordId(1), Shift::create(RecordId(1), draft, at(1, 1)));
        let mut laptop = phone.clone();
        phone.sign_up(RecordId(1), "ana", true, at(2, 1)).unwrap();
        laptop.sign_up(RecordId(1), "ana", false, at(3, 2)).unwrap();
        laptop.sign_up(RecordId(1), "ben", true, at(3, 2)).unwrap();
        let mut merged = phone.clone();
        merged.merge(&laptop);
        laptop.merge(&phone);
        assert_eq!(merged, laptop);
        let shift = &merged.shifts[&RecordId(1)];
        assert_eq!(shift.signed_up().collect::<Vec<_>>(), ["ben"]);
        assert_eq!(shift.open_spots(), 1);
    }

    #[test]
    fn a_full_list_of_names_takes_no_new_ones_and_a_longer_one_is_refused() {
        let draft = ShiftDraft {
            task: "Staff the pantry".into(),
            area: String::new(),
            resource: None,
            starts_ms: 1_000,
            minutes: 60,
            needed: 500,
        };
        let at = Stamp::new(2, 0, DeviceId(1));
        let mut shift = Shift::create(RecordId(1), draft, at);
        let max = Field::Signups.limit();
        for n in 0..=max {
            shift.sign_up(&format!("volunteer {n}"), true, at);
        }
        assert_eq!(shift.signups.len(), max);
        shift.sign_up("volunteer 0", false, Stamp::new(3, 0, DeviceId(1)));
        assert_eq!(shift.signed_up().count(), max - 1);
        let mut checks = Checks::new();
        shift.check_limits(&mut checks);
        assert_eq!(checks.finish(), Ok(()));

        shift
            .signups
            .insert("one too many".into(), Lww::new(true, at));
        let mut checks = Checks::new();
        shift.check_limits(&mut checks);
        assert_eq!(
            checks.first().map_err(|error| error.field),
            Err(Field::Signups)
        );
    }
}
