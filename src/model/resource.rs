//! Resources: places and standing services (a community fridge, a pantry, a cooling centre…)
//! with their hours, what they accept and need, who they serve, and dated condition reports.
//! A report is its reporter's own signed entry (see `entry`), kept in a grow-only log: no copy
//! can lose one, except that past its limit a log keeps its newest reports.

use super::board::Board;
use super::clock::Stamp;
use super::entry::{Entries, EntryError};
use super::id::RecordId;
use super::merge::Merge;
use super::post::{Contact, Handle};
use super::record::{tombstoned, Record, RecordKind};
use super::trust::seal::{seal, Seal, Signed};
use super::trust::sealed::{Sealed, Walk};
use super::trust::{AuthorKey, Signer};
use super::validate::{Checks, Field, ValidationError};
use serde::{Deserialize, Serialize};

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
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
    #[default]
    Other,
}

impl ResourceKind {
    pub const ALL: [ResourceKind; 11] = [
        Self::Fridge,
        Self::FreeStore,
        Self::Pantry,
        Self::Clinic,
        Self::CoolingCentre,
        Self::WarmingCentre,
        Self::Shelter,
        Self::Water,
        Self::Laundry,
        Self::Showers,
        Self::Other,
    ];
}

/// How stocked a resource was when someone looked. (The numbers are what a report's signature
/// covers: never change them.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stock {
    Empty = 0,
    Low = 1,
    Some = 2,
    Full = 3,
}

impl Stock {
    pub const ALL: [Stock; 4] = [Self::Empty, Self::Low, Self::Some, Self::Full];
}

/// The state of the place itself. (Numbered for signatures, as [`Stock`].)
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Condition {
    Good = 0,
    Dirty = 1,
    OutOfOrder = 2,
    Gone = 3,
}

impl Condition {
    pub const ALL: [Condition; 4] = [Self::Good, Self::Dirty, Self::OutOfOrder, Self::Gone];
}

/// A dated condition note: its reporter's own record, signed over the resource it is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Report {
    pub at: Stamp,
    pub by: Handle,
    pub stock: Option<Stock>,
    pub condition: Option<Condition>,
    #[serde(default)]
    pub note: String,
    /// The reporter's signature; `None` on a report from before signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Seal>,
}

/// What a person fills in to report on a resource.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportDraft {
    pub stock: Option<Stock>,
    pub condition: Option<Condition>,
    pub note: String,
}

impl Report {
    /// A report on `resource` by `signer`, made under the handle `by`, signed.
    pub fn new(
        resource: RecordId,
        draft: ReportDraft,
        by: &str,
        at: Stamp,
        signer: &Signer,
    ) -> Self {
        let mut report = Self {
            at,
            by: by.to_owned(),
            stock: draft.stock,
            condition: draft.condition,
            note: draft.note,
            seal: None,
        };
        report.seal = Some(seal(signer, &report.signed(resource, &signer.key())));
        report
    }

    /// The bytes `key` signs for this report on `resource`.
    pub fn signed(&self, resource: RecordId, key: &AuthorKey) -> Signed {
        let mut signed = Signed::new("circle.report.v1");
        signed
            .id(resource)
            .stamp(self.at)
            .text(&self.by)
            .option(self.stock, |signed, stock| {
                signed.byte(stock as u8);
            })
            .option(self.condition, |signed, condition| {
                signed.byte(condition as u8);
            })
            .text(&self.note)
            .raw(&key.0);
        signed
    }
}

super::entry::record_log_entry!(Report, Field::Reports);

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
    /// Whose record it is: with the group's coordinators, the only keys whose signed edits
    /// change it (`trust::sealed`). `None` on a record from before signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<AuthorKey>,
    pub kind: Sealed<ResourceKind>,
    pub name: Sealed<String>,
    pub area: Sealed<String>,
    pub hours: Sealed<String>,
    pub accepts: Sealed<String>,
    pub needs: Sealed<String>,
    pub serves: Sealed<String>,
    pub languages: Sealed<Vec<String>>,
    pub contact: Sealed<Option<Contact>>,
    pub private_note: Sealed<String>,
    pub reports: Entries<Report>,
    pub removed: Sealed<bool>,
}

impl Resource {
    pub fn create(id: RecordId, draft: ResourceDraft, at: Stamp) -> Self {
        Self {
            id,
            created: at,
            author: None,
            kind: Sealed::new(draft.kind, at),
            name: Sealed::new(draft.name, at),
            area: Sealed::new(draft.area, at),
            hours: Sealed::new(draft.hours, at),
            accepts: Sealed::new(draft.accepts, at),
            needs: Sealed::new(draft.needs, at),
            serves: Sealed::new(draft.serves, at),
            languages: Sealed::new(draft.languages, at),
            contact: Sealed::new(draft.contact, at),
            private_note: Sealed::new(draft.private_note, at),
            reports: Entries::default(),
            removed: Sealed::new(false, at),
        }
    }

    /// The newest report, which is what a visitor wants to know.
    pub fn latest_report(&self) -> Option<&Report> {
        self.reports.iter().max_by_key(|report| report.at)
    }

    /// The newest stamp anywhere in it: its fields, its tombstone and its reports.
    pub fn newest_stamp(&self) -> Stamp {
        let reports = self.reports.iter().map(|report| report.at);
        reports
            .chain([self.last_edit(), self.removed.at])
            .max()
            .unwrap_or(self.created)
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
        self.author = self.author.max(other.author);
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
        self.removed.merge(&other.removed);
    }
}

impl Record for Resource {
    const KIND: RecordKind = RecordKind::Resource;

    fn is_removed(&self) -> bool {
        tombstoned(&self.removed, self.last_edit())
    }

    fn walk(&mut self, walk: &mut dyn Walk) {
        walk.author(&mut self.author, self.created);
        walk.field(None, "kind", &mut self.kind);
        walk.field(None, "name", &mut self.name);
        walk.field(None, "area", &mut self.area);
        walk.field(None, "hours", &mut self.hours);
        walk.field(None, "accepts", &mut self.accepts);
        walk.field(None, "needs", &mut self.needs);
        walk.field(None, "serves", &mut self.serves);
        walk.field(None, "languages", &mut self.languages);
        walk.field(None, "contact", &mut self.contact);
        walk.field(None, "private_note", &mut self.private_note);
        walk.field(None, "removed", &mut self.removed);
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
        for report in self.reports.iter() {
            checks.text(Field::Handle, &report.by, true);
            checks.text(Field::Note, &report.note, false);
        }
    }
}

impl Board {
    /// Adds a condition report to a live resource, made under the handle `by` and signed by
    /// `signer`.
    pub fn report(
        &mut self,
        resource: RecordId,
        draft: ReportDraft,
        by: &str,
        at: Stamp,
        signer: &Signer,
    ) -> Result<(), EntryError> {
        let found = self
            .resources
            .get_mut(&resource)
            .filter(|r| !r.is_removed())
            .ok_or(EntryError::NotFound(resource))?;
        if found
            .reports
            .insert(Report::new(resource, draft, by, at, signer))
        {
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

    fn ana() -> Signer {
        Signer::from_seed([1; 32])
    }

    fn ben() -> Signer {
        Signer::from_seed([2; 32])
    }

    fn looked(stock: Stock, note: &str) -> ReportDraft {
        ReportDraft {
            stock: Some(stock),
            condition: Some(Condition::Good),
            note: note.into(),
        }
    }

    fn board_with_fridge() -> Board {
        let mut board = Board::default();
        board.resources.insert(
            RecordId(5),
            Resource::create(RecordId(5), fridge(), Stamp::new(1, 0, DeviceId(1))),
        );
        board
    }

    #[test]
    fn reports_from_two_copies_all_survive_and_the_newest_shows() {
        let at = |ms, device| Stamp::new(ms, 0, DeviceId(device));
        let mut a = board_with_fridge();
        let mut b = a.clone();
        a.report(RecordId(5), looked(Stock::Low, ""), "ana", at(2, 1), &ana())
            .unwrap();
        b.report(
            RecordId(5),
            looked(Stock::Full, ""),
            "ben",
            at(3, 2),
            &ben(),
        )
        .unwrap();
        a.merge(&b);
        let fridge = &a.resources[&RecordId(5)];
        assert_eq!(fridge.reports.len(), 2);
        assert_eq!(fridge.latest_report().unwrap().stock, Some(Stock::Full));
        assert!(fridge
            .reports
            .iter()
            .all(|report| report.verifies(RecordId(5))));
        assert_eq!(
            a.report(RecordId(6), looked(Stock::Low, ""), "ana", at(4, 1), &ana()),
            Err(EntryError::NotFound(RecordId(6)))
        );
    }

    #[test]
    fn a_report_verifies_only_as_signed_and_only_on_its_resource() {
        let report = Report::new(
            RecordId(5),
            looked(Stock::Empty, "Only bread left"),
            "ana",
            Stamp::new(2, 0, DeviceId(1)),
            &ana(),
        );
        assert!(report.is_signed());
        assert!(report.verifies(RecordId(5)));
        assert!(!report.verifies(RecordId(6)), "replayed onto another place");
        let changes: [fn(&mut Report); 4] = [
            |r| r.stock = Some(Stock::Full),
            |r| r.condition = Some(Condition::Gone),
            |r| r.note = "Full of fruit".into(),
            |r| r.by = "ben".into(),
        ];
        for change in changes {
            let mut changed = report.clone();
            change(&mut changed);
            assert!(!changed.verifies(RecordId(5)), "{changed:?}");
        }
        let mut claimed = Report::new(
            RecordId(5),
            looked(Stock::Empty, "Only bread left"),
            "ana",
            report.at,
            &ben(),
        );
        assert!(claimed.verifies(RecordId(5)));
        claimed.seal = claimed.seal.map(|seal| Seal {
            key: ana().key(),
            ..seal
        });
        assert!(
            !claimed.verifies(RecordId(5)),
            "ben's report under ana's key"
        );
        let unsigned = Report {
            seal: None,
            ..report
        };
        assert!(!unsigned.is_signed());
        assert!(!unsigned.verifies(RecordId(5)));
    }

    #[test]
    fn copies_of_one_report_are_one_entry_and_an_old_unsigned_one_stays_beside_it() {
        let at = Stamp::new(2, 0, DeviceId(1));
        let mut a = board_with_fridge();
        a.report(RecordId(5), looked(Stock::Low, "Wiped"), "ana", at, &ana())
            .unwrap();
        let mut b = a.clone();
        let signed = a.resources[&RecordId(5)].latest_report().unwrap().clone();
        let unsigned = Report {
            seal: None,
            ..signed.clone()
        };
        b.resources
            .get_mut(&RecordId(5))
            .unwrap()
            .reports
            .insert(unsigned.clone());
        let mut ab = a.clone();
        ab.merge(&b);
        ab.merge(&a);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, ba);
        let reports: Vec<_> = ab.resources[&RecordId(5)].reports.iter().cloned().collect();
        assert_eq!(reports.len(), 2, "{reports:?}");
        assert!(reports.contains(&signed) && reports.contains(&unsigned));
    }

    #[test]
    fn two_reports_made_at_one_moment_in_two_tabs_both_stay() {
        let at = Stamp::new(2, 0, DeviceId(1));
        let mut tab = board_with_fridge();
        let mut other_tab = tab.clone();
        tab.report(RecordId(5), looked(Stock::Low, ""), "ana", at, &ana())
            .unwrap();
        other_tab
            .report(RecordId(5), looked(Stock::Full, ""), "ana", at, &ana())
            .unwrap();
        tab.merge(&other_tab);
        other_tab.merge(&tab);
        assert_eq!(tab, other_tab);
        assert_eq!(tab.resources[&RecordId(5)].reports.len(), 2);
    }

    #[test]
    fn a_long_report_log_keeps_its_newest_and_a_longer_one_is_refused() {
        let at = |ms| Stamp::new(ms, 0, DeviceId(1));
        let max = Field::Reports.limit() as u64;
        let mut a = board_with_fridge();
        let mut b = a.clone();
        let (ana, ben) = (ana(), ben());
        for ms in 10..10 + max {
            a.report(RecordId(5), looked(Stock::Some, ""), "ana", at(ms), &ana)
                .unwrap();
            b.report(
                RecordId(5),
                looked(Stock::Some, ""),
                "ben",
                at(ms + max),
                &ben,
            )
            .unwrap();
        }
        let before = a.clone();
        assert_eq!(
            a.report(RecordId(5), looked(Stock::Some, ""), "ana", at(5), &ana),
            Err(EntryError::Stale),
            "older than every report a full log keeps"
        );
        assert_eq!(a, before);
        assert_eq!(a.resources[&RecordId(5)].reports.len(), max as usize);
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, ba);
        assert_eq!(ab, b);
        assert_eq!(ab.check_limits(), Ok(()));

        let mut crafted = b.resources[&RecordId(5)].clone();
        let mut log: Vec<Report> = crafted.reports.iter().cloned().collect();
        log.push(Report::new(
            RecordId(5),
            looked(Stock::Low, ""),
            "ana",
            at(1),
            &ana,
        ));
        crafted.reports = serde_json::from_str(&serde_json::to_string(&log).unwrap()).unwrap();
        assert_eq!(
            crafted.reports.len(),
            max as usize + 1,
            "reading never trims"
        );
        let mut checks = Checks::new();
        crafted.check_limits(&mut checks);
        assert_eq!(
            checks.first().map_err(|error| error.field),
            Err(Field::Reports)
        );
    }

    /// A place taken down leaves the board's list of places, until a later edit on a phone
    /// that had not seen it brings it back.
    #[test]
    fn a_place_taken_down_leaves_the_board_until_a_later_edit() {
        let mut board = board_with_fridge();
        let mut other_phone = board.clone();
        if let Some(fridge) = board.resources.get_mut(&RecordId(5)) {
            fridge.removed.set(true, Stamp::new(5, 0, DeviceId(1)));
        }
        assert_eq!(board.resources().count(), 0);
        if let Some(fridge) = other_phone.resources.get_mut(&RecordId(5)) {
            fridge
                .hours
                .set("Mon-Fri 9-17".into(), Stamp::new(6, 0, DeviceId(2)));
        }
        board.merge(&other_phone);
        assert_eq!(board.resources().count(), 1);
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
