//! Resources: places and standing services (a community fridge, a pantry, a cooling centre…)
//! with their hours, what they accept and need, who they serve, and dated condition reports.
//! Reports are a grow-only log: no copy can lose one, except that past its limit a log keeps
//! its newest reports.

use super::board::Board;
use super::clock::Stamp;
use super::edit::NotFound;
use super::id::RecordId;
use super::merge::{Lww, Merge};
use super::post::{Contact, Handle};
use super::record::{tombstoned, Record, RecordKind};
use super::validate::{keep_newest, Checks, Field, ValidationError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResourceKind {
    Fridge,
    FreeStore,
    Pantry,
    Clinic,
    CoolingCentre,
    WarmingCentre,
    Shelter,
    Water,
    Laundry,
    Showers,
    Other,
}

/// How stocked a resource was when someone looked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stock {
    Empty,
    Low,
    Some,
    Full,
}

/// The state of the place itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Condition {
    Good,
    Dirty,
    OutOfOrder,
    Gone,
}

/// A dated condition note.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Report {
    pub at: Stamp,
    pub by: Handle,
    pub stock: Option<Stock>,
    pub condition: Option<Condition>,
    #[serde(default)]
    pub note: String,
}

/// What a person fills in to add or edit a resource.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceDraft {
    pub kind: ResourceKind,
    pub name: String,
    pub area: String,
    pub hours: String,
    pub accepts: String,
    pub needs: String,
    /// Who may use it (eligibility).
    pub serves: String,
    pub languages: Vec<String>,
    pub contact: Option<Contact>,
    /// Seen only by the coordinator (a door code, a key holder).
    pub private_note: String,
}

impl ResourceDraft {
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut checks = Checks::new();
        checks.text(Field::Name, &self.name, true);
        checks.text(Field::Area, &self.area, false);
        checks.text(Field::Hours, &self.hours, false);
        checks.text(Field::Accepts, &self.accepts, false);
        checks.text(Field::Needs, &self.needs, false);
        checks.text(Field::Serves, &self.serves, false);
        checks.list(Field::Languages, &self.languages);
        checks.contact(self.contact.as_ref());
        checks.text(Field::PrivateNote, &self.private_note, false);
        checks.finish()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    pub id: RecordId,
    pub created: Stamp,
    pub kind: Lww<ResourceKind>,
    pub name: Lww<String>,
    pub area: Lww<String>,
    pub hours: Lww<String>,
    pub accepts: Lww<String>,
    pub needs: Lww<String>,
    pub serves: Lww<String>,
    pub languages: Lww<Vec<String>>,
    pub contact: Lww<Option<Contact>>,
    pub private_note: Lww<String>,
    pub reports: BTreeSet<Report>,
    pub removed: Lww<bool>,
}

impl Resource {
    pub fn create(id: RecordId, draft: ResourceDraft, at: Stamp) -> Self {
        Self {
            id,
            created: at,
            kind: Lww::new(draft.kind, at),
            name: Lww::new(draft.name, at),
            area: Lww::new(draft.area, at),
            hours: Lww::new(draft.hours, at),
            accepts: Lww::new(draft.accepts, at),
            needs: Lww::new(draft.needs, at),
            serves: Lww::new(draft.serves, at),
            languages: Lww::new(draft.languages, at),
            contact: Lww::new(draft.contact, at),
            private_note: Lww::new(draft.private_note, at),
            reports: BTreeSet::new(),
            removed: Lww::new(false, at),
        }
    }

    /// Applies the fields of `draft` that differ; returns whether anything changed.
    pub fn apply(&mut self, draft: ResourceDraft, at: Stamp) -> bool {
        let mut changed = self.kind.change(draft.kind, at);
        changed |= self.name.change(draft.name, at);
        changed |= self.area.change(draft.area, at);
        changed |= self.hours.change(draft.hours, at);
        changed |= self.accepts.change(draft.accepts, at);
        changed |= self.needs.change(draft.needs, at);
        changed |= self.serves.change(draft.serves, at);
        changed |= self.languages.change(draft.languages, at);
        changed |= self.contact.change(draft.contact, at);
        changed |= self.private_note.change(draft.private_note, at);
        changed
    }

    /// The newest report, which is what a visitor wants to know.
    pub fn latest_report(&self) -> Option<&Report> {
        self.reports.iter().max_by_key(|report| report.at)
    }

    fn last_edit(&self) -> Stamp {
        [
            self.created,
            self.kind.at,
            self.name.at,
            self.area.at,
            self.hours.at,
            self.accepts.at,
            self.needs.at,
            self.serves.at,
            self.languages.at,
            self.contact.at,
            self.private_note.at,
        ]
        .into_iter()
        .max()
        .unwrap_or(self.created)
    }
}

impl Merge for Resource {
    fn merge(&mut self, other: &Self) {
        self.created = self.created.min(other.created);
        self.kind.merge(&other.kind);
        self.name.merge(&other.name);
        self.area.merge(&other.area);
        self.hours.merge(&other.hours);
        self.accepts.merge(&other.accepts);
        self.needs.merge(&other.needs);
        self.serves.merge(&other.serves);
        self.languages.merge(&other.languages);
        self.contact.merge(&other.contact);
        self.private_note.merge(&other.private_note);
        self.reports.merge(&other.reports);
        keep_newest(&mut self.reports, Field::Reports.limit());
        self.removed.merge(&other.removed);
    }
}

impl Record for Resource {
    const KIND: RecordKind = RecordKind::Resource;

    fn is_removed(&self) -> bool {
        tombstoned(&self.removed, self.last_edit())
    }

    fn check_limits(&self, checks: &mut Checks) {
        checks.text(Field::Name, &self.name.value, false);
        checks.text(Field::Area, &self.area.value, false);
        checks.text(Field::Hours, &self.hours.value, false);
        checks.text(Field::Accepts, &self.accepts.value, false);
        checks.text(Field::Needs, &self.needs.value, false);
        checks.text(Field::Serves, &self.serves.value, false);
        checks.list(Field::Languages, &self.languages.value);
        checks.contact(self.contact.value.as_ref());
        checks.text(Field::PrivateNote, &self.private_note.value, false);
        checks.count(Field::Reports, self.reports.len());
        for report in &self.reports {
            checks.text(Field::Handle, &report.by, true);
            checks.text(Field::Note, &report.note, false);
        }
    }
}

impl Board {
    /// Adds a condition report to a live resource.
    pub fn report(&mut self, resource: RecordId, report: Report) -> Result<(), NotFound> {
        let found = self
            .resources
            .get_mut(&resource)
            .filter(|r| !r.is_removed())
            .ok_or(NotFound(resource))?;
        found.reports.insert(report);
        keep_newest(&mut found.reports, Field::Reports.limit());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DeviceId;

    fn fridge() -> ResourceDraft {
        ResourceDraft {
            kind: ResourceKind::Fridge,
            name: "Fridge at 5th & Oak".into(),
            area: "north".into(),
            hours: "Always open".into(),
            accepts: "Sealed food, fruit".into(),
            needs: "Water bottles".into(),
            serves: "Anyone".into(),
            languages: vec!["en".into()],
            contact: None,
            private_note: "Padlock code 1234".into(),
        }
    }

    #[test]
    fn reports_from_two_copies_all_survive_and_the_newest_shows() {
        let at = |ms, device| Stamp::new(ms, 0, DeviceId(device));
        let mut a = Board::default();
        a.resources.insert(
            RecordId(5),
            Resource::create(RecordId(5), fridge(), at(1, 1)),
        );
        let mut b = a.clone();
        let report = |ms, device, stock| Report {
            at: at(ms, device),
            by: "ana".into(),
            stock: Some(stock),
            condition: Some(Condition::Good),
            note: String::new(),
        };
        a.report(RecordId(5), report(2, 1, Stock::Low)).unwrap();
        b.report(RecordId(5), report(3, 2, Stock::Full)).unwrap();
        a.merge(&b);
        let fridge = &a.resources[&RecordId(5)];
        assert_eq!(fridge.reports.len(), 2);
        assert_eq!(fridge.latest_report().unwrap().stock, Some(Stock::Full));
        assert_eq!(
            a.report(RecordId(6), report(4, 1, Stock::Low)),
            Err(NotFound(RecordId(6)))
        );
    }

    #[test]
    fn a_long_report_log_keeps_its_newest_and_a_longer_one_is_refused() {
        let at = |ms| Stamp::new(ms, 0, DeviceId(1));
        let max = Field::Reports.limit() as u64;
        let report = |ms| Report {
            at: at(ms),
            by: "ana".into(),
            stock: Some(Stock::Some),
            condition: None,
            note: String::new(),
        };
        let mut a = Board::default();
        a.resources
            .insert(RecordId(5), Resource::create(RecordId(5), fridge(), at(1)));
        let mut b = a.clone();
        for ms in 10..10 + max {
            a.report(RecordId(5), report(ms)).unwrap();
            b.report(RecordId(5), report(ms + max)).unwrap();
        }
        a.report(RecordId(5), report(5)).unwrap();
        assert_eq!(a.resources[&RecordId(5)].reports.len(), max as usize);
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, ba);
        assert_eq!(ab, b);
        assert_eq!(ab.check_limits(), Ok(()));

        let mut crafted = b.resources[&RecordId(5)].clone();
        crafted.reports.insert(report(1));
        let mut checks = Checks::new();
        crafted.check_limits(&mut checks);
        assert_eq!(
            checks.first().map_err(|error| error.field),
            Err(Field::Reports)
        );
    }

    #[test]
    fn a_draft_names_its_bad_fields() {
        let mut draft = fridge();
        draft.name.clear();
        draft.hours = "h".repeat(501);
        let errors = draft.validate().unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Name, Field::Hours]);
    }
}
