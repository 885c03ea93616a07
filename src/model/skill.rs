//! Skills: what a person can contribute (cooking, driving, translating…), listed so a
//! coordinator can find help. The skill is a free key so groups can name their own. A
//! childcare listing also keeps the swaps neighbours record on it (see `swap`).

use super::board::Board;
use super::clock::Stamp;
use super::entry::Entries;
use super::id::RecordId;
use super::merge::Merge;
use super::post::{Contact, Handle};
use super::record::{tombstoned, Record, RecordKind};
use super::swap::Swap;
use super::trust::sealed::{identity, Sealed, Walk};
use super::trust::AuthorKey;
use super::validate::{Checks, Field, ValidationError};
use serde::{Deserialize, Serialize};

/// What a person fills in to list a skill.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillDraft {
    pub handle: Handle,
    pub skill: String,
    pub details: String,
    pub area: String,
    pub languages: Vec<String>,
    pub contact: Option<Contact>,
}

impl SkillDraft {
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut checks = Checks::new();
        checks.text(Field::Handle, &self.handle, true);
        checks.text(Field::Skill, &self.skill, true);
        checks.text(Field::Details, &self.details, false);
        checks.text(Field::Area, &self.area, false);
        checks.list(Field::Languages, &self.languages);
        checks.contact(self.contact.as_ref());
        checks.finish()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    pub id: RecordId,
    pub created: Stamp,
    /// Whose record it is: with the group's coordinators, the only keys whose signed edits
    /// change it (`trust::sealed`). `None` on a record from before signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<AuthorKey>,
    pub handle: Handle,
    pub skill: Sealed<String>,
    pub details: Sealed<String>,
    pub area: Sealed<String>,
    pub languages: Sealed<Vec<String>>,
    pub contact: Sealed<Option<Contact>>,
    /// Off while the person is away, without losing the listing.
    pub available: Sealed<bool>,
    pub removed: Sealed<bool>,
    /// Childcare swaps recorded on this listing, each its recorder's own signed entry. Absent
    /// from listings made before swaps, and from public copies.
    #[serde(default, skip_serializing_if = "Entries::is_empty")]
    pub swaps: Entries<Swap>,
}

impl Skill {
    pub fn create(id: RecordId, draft: SkillDraft, at: Stamp) -> Self {
        Self {
            id,
            created: at,
            author: None,
            handle: draft.handle,
            skill: Sealed::new(draft.skill, at),
            details: Sealed::new(draft.details, at),
            area: Sealed::new(draft.area, at),
            languages: Sealed::new(draft.languages, at),
            contact: Sealed::new(draft.contact, at),
            available: Sealed::new(true, at),
            removed: Sealed::new(false, at),
            swaps: Entries::default(),
        }
    }
}

impl Merge for Skill {
    fn merge(&mut self, other: &Self) {
        self.author = self.author.max(other.author);
        if (other.created, &other.handle) < (self.created, &self.handle) {
            self.created = other.created;
            self.handle = other.handle.clone();
        }
        self.skill.merge(&other.skill);
        self.details.merge(&other.details);
        self.area.merge(&other.area);
        self.languages.merge(&other.languages);
        self.contact.merge(&other.contact);
        self.available.merge(&other.available);
        self.removed.merge(&other.removed);
        self.swaps.merge(&other.swaps);
    }
}

impl Record for Skill {
    const KIND: RecordKind = RecordKind::Skill;

    fn is_removed(&self) -> bool {
        let last_edit = [
            self.created,
            self.skill.at,
            self.details.at,
            self.area.at,
            self.languages.at,
            self.contact.at,
            self.available.at,
        ]
        .into_iter()
        .max()
        .unwrap_or(self.created);
        tombstoned(&self.removed, last_edit)
    }

    fn walk(&mut self, walk: &mut dyn Walk) {
        walk.author(&mut self.author, self.created);
        walk.identity(None, identity(&self.handle));
        walk.field(None, "skill", &mut self.skill);
        walk.field(None, "details", &mut self.details);
        walk.field(None, "area", &mut self.area);
        walk.field(None, "languages", &mut self.languages);
        walk.field(None, "contact", &mut self.contact);
        walk.field(None, "available", &mut self.available);
        walk.field(None, "removed", &mut self.removed);
    }

    fn check_limits(&self, checks: &mut Checks) {
        checks.text(Field::Handle, &self.handle, false);
        checks.text(Field::Skill, &self.skill.value, false);
        checks.text(Field::Details, &self.details.value, false);
        checks.text(Field::Area, &self.area.value, false);
        checks.list(Field::Languages, &self.languages.value);
        checks.contact(self.contact.value.as_ref());
        checks.count(Field::Swaps, self.swaps.len());
        for swap in self.swaps.iter() {
            swap.check_limits(checks);
        }
    }
}

impl Board {
    /// Available people listing `skill`, by handle.
    pub fn who_can(&self, skill: &str) -> Vec<&Skill> {
        let mut found: Vec<&Skill> = self
            .skills
            .values()
            .filter(|s| !s.is_removed() && s.available.value && s.skill.value == skill)
            .collect();
        found.sort_by(|a, b| a.handle.cmp(&b.handle));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DeviceId;

    #[test]
    fn coordinators_find_available_people_by_skill() {
        let at = |ms| Stamp::new(ms, 0, DeviceId(1));
        let draft = |handle: &str, skill: &str| SkillDraft {
            handle: handle.into(),
            skill: skill.into(),
            details: String::new(),
            area: "north".into(),
            languages: vec!["es".into()],
            contact: None,
        };
        let mut board = Board::default();
        for (n, (handle, skill)) in [("ben", "driving"), ("ana", "driving"), ("cy", "cooking")]
            .into_iter()
            .enumerate()
        {
            let id = RecordId(n as u64);
            let d = draft(handle, skill);
            assert_eq!(d.validate(), Ok(()));
            board.skills.insert(id, Skill::create(id, d, at(1)));
        }
        board
            .skills
            .get_mut(&RecordId(0))
            .unwrap()
            .available
            .set(false, at(2));
        let drivers: Vec<_> = board
            .who_can("driving")
            .iter()
            .map(|s| s.handle.as_str())
            .collect();
        assert_eq!(drivers, ["ana"]);
    }

    fn listing(handle: &str, skill: &str) -> SkillDraft {
        SkillDraft {
            handle: handle.into(),
            skill: skill.into(),
            details: String::new(),
            area: String::new(),
            languages: Vec::new(),
            contact: None,
        }
    }

    #[test]
    fn a_listing_needs_a_name_and_a_skill_within_their_limits() {
        let fields = |draft: SkillDraft| crate::model::refused_fields(draft.validate());
        assert_eq!(fields(listing("ana", "driving")), []);
        assert_eq!(fields(listing(" ", "")), [Field::Handle, Field::Skill]);
        let long = SkillDraft {
            details: "x".repeat(2001),
            languages: vec!["es".into(); 9],
            ..listing("ana", &"x".repeat(41))
        };
        assert_eq!(
            fields(long),
            [Field::Details, Field::Languages, Field::Skill]
        );
    }

    /// Two copies that disagree on whose listing it is (one forged) settle on the same one on
    /// every phone, and on the one older versions of Circle settle on: the earlier, then the
    /// smaller name.
    #[test]
    fn copies_that_disagree_on_whose_listing_it_is_settle_on_the_first_either_way() {
        let by = |handle: &str, ms| {
            Skill::create(
                RecordId(1),
                listing(handle, "driving"),
                Stamp::new(ms, 0, DeviceId(1)),
            )
        };
        let merged = crate::model::merged_either_way(&by("ben", 5), &by("ana", 5));
        assert_eq!(merged.handle, "ana");
        let merged = crate::model::merged_either_way(&by("ana", 6), &by("ben", 5));
        assert_eq!(merged.handle, "ben");
    }
}
