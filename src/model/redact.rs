//! The one redaction step for everything that leaves the device: an export, a share link, a
//! published board. Each audience sees only what its members may see; nothing else in Circle
//! decides what is private.
//!
//! On a signed post (and a response) a redacted value is withheld behind its salted digest, so
//! the copy still verifies, and merging it with a full copy gives the value back; on an unsigned
//! post the field keeps its stamp and becomes empty, and a register breaks a stamp tie in favour
//! of the larger value, so merging a redacted copy back never wipes the original. The records a
//! group keeps together have signed fields (`trust::sealed`): a redacted one is blanked, with no
//! stamp, so it loses to every copy that holds the value.

use super::board::Board;
use super::fund::FundEntry;
use super::kinds::EachKind;
use super::matching::Match;
use super::post::{Contact, Post, Visibility};
use super::record::Record;
use super::resource::Resource;
use super::roster::{CheckIn, Roster};
use super::shift::Shift;
use super::skill::Skill;
use super::trust::Sealed;
use serde::{Deserialize, Serialize};

/// Who will read what leaves the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Anyone: a public share link or published file. Public contacts only, no notes, no
    /// rosters (they list people who may be vulnerable).
    Public,
    /// Members holding the group passphrase: group and public contacts, no private notes.
    Group,
    /// Everything, for handing a board over to the next coordinator on purpose.
    Full,
}

impl Visibility {
    /// Whether `audience` may see something with this visibility.
    pub fn shown_to(self, audience: Audience) -> bool {
        match audience {
            Audience::Full => true,
            Audience::Group => self != Visibility::Private,
            Audience::Public => self == Visibility::Public,
        }
    }
}

fn contact(field: &mut Sealed<Option<Contact>>, audience: Audience) {
    if let Some(shown) = &field.value {
        if !shown.visibility.shown_to(audience) {
            field.withhold();
        }
    }
}

fn private_text(field: &mut Sealed<String>, audience: Audience) {
    if audience != Audience::Full {
        field.withhold();
    }
}

/// Strips what one audience may not see from a record. Every kind has it, so no kind leaves
/// the device unredacted.
pub trait Redact {
    fn redact(&mut self, audience: Audience);
}

impl Redact for Post {
    fn redact(&mut self, audience: Audience) {
        let hidden = |contact: &Option<Contact>| {
            contact
                .as_ref()
                .is_some_and(|shown| !shown.visibility.shown_to(audience))
        };
        if hidden(&self.contact.value) {
            self.withhold_contact();
        }
        if audience != Audience::Full {
            self.withhold_note();
        }
        for response in self.responses.values_mut() {
            if hidden(&response.contact) {
                *response = response.withheld();
            }
        }
    }
}

impl Redact for Match {
    fn redact(&mut self, audience: Audience) {
        private_text(&mut self.notes, audience);
    }
}

impl Redact for Resource {
    fn redact(&mut self, audience: Audience) {
        contact(&mut self.contact, audience);
        private_text(&mut self.private_note, audience);
    }
}

impl Redact for Roster {
    fn redact(&mut self, audience: Audience) {
        for person in self.people.values_mut() {
            contact(&mut person.contact, audience);
            private_text(&mut person.notes, audience);
            if audience != Audience::Full {
                // Check-in notes say how someone is doing: private. A signed check-in keeps
                // its note's digest, so it still verifies.
                person.check_ins = person.check_ins.map(CheckIn::withheld);
            }
        }
    }
}

impl Redact for FundEntry {
    fn redact(&mut self, audience: Audience) {
        private_text(&mut self.private_note, audience);
    }
}

/// A shift holds a task, times and the handles signed up: nothing private.
impl Redact for Shift {
    fn redact(&mut self, _audience: Audience) {}
}

impl Redact for Skill {
    fn redact(&mut self, audience: Audience) {
        contact(&mut self.contact, audience);
        if audience == Audience::Public {
            // Who minds whose children, and when, stays within the group.
            self.swaps = Default::default();
        }
    }
}

/// Redacts every record of each kind in turn.
struct RedactAll<'a> {
    board: &'a mut Board,
    audience: Audience,
}

impl EachKind for RedactAll<'_> {
    fn kind<T: Record>(&mut self) {
        for record in T::all_mut(self.board).values_mut() {
            record.redact(self.audience);
        }
    }
}

impl Board {
    /// A copy of the board fit for `audience`. Every export, share link and published file
    /// goes through here.
    pub fn redacted(&self, audience: Audience) -> Board {
        self.clone().into_redacted(audience)
    }

    /// As [`Board::redacted`], for a board that is not needed afterwards (a publication):
    /// no copy is made.
    pub fn into_redacted(self, audience: Audience) -> Board {
        let mut board = self;
        if audience == Audience::Full {
            return board;
        }
        if audience == Audience::Public {
            board.rosters.clear();
        }
        Board::each_kind(&mut RedactAll {
            board: &mut board,
            audience,
        });
        board
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fund::{EntryDraft, EntryKind};
    use crate::model::matching::Partner;
    use crate::model::merge::Merge;
    use crate::model::resource::{Report, ReportDraft, ResourceDraft, ResourceKind};
    use crate::model::roster::{CheckInDraft, Outcome, Person, PersonDraft};
    use crate::model::skill::SkillDraft;
    use crate::model::{sample_draft, signer, ContactMethod, DeviceId, RecordId, Stamp};

    const PRIVATE: &str = "SECRET-PRIVATE";
    const GROUP: &str = "SECRET-GROUP";

    fn at(ms: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(1))
    }

    fn contact_with(visibility: Visibility, marker: &str) -> Option<Contact> {
        Some(Contact {
            method: ContactMethod::Signal,
            value: format!("{marker}-contact"),
            visibility,
        })
    }

    /// A board with a marker in every private and group-only field of every kind of record.
    fn marked_board() -> Board {
        let mut board = Board::default();
        for (n, visibility, marker) in [
            (1, Visibility::Private, PRIVATE),
            (2, Visibility::Group, GROUP),
        ] {
            let mut draft = sample_draft();
            draft.contact = contact_with(visibility, marker);
            draft.private_note = format!("{PRIVATE}-post-note");
            board.add_post(Post::create(RecordId(n), draft, at(1)));

            let resource = ResourceDraft {
                kind: ResourceKind::Pantry,
                name: "Pantry".into(),
                area: "north".into(),
                hours: "9-5".into(),
                accepts: String::new(),
                needs: String::new(),
                serves: String::new(),
                languages: Vec::new(),
                contact: contact_with(visibility, marker),
                private_note: format!("{PRIVATE}-resource-note"),
            };
            let mut resource = Resource::create(RecordId(n), resource, at(1));
            resource.reports.insert(Report::new(
                RecordId(n),
                ReportDraft {
                    stock: None,
                    condition: None,
                    note: "Public: shelves restocked".into(),
                },
                "ana",
                at(2),
                &signer(),
            ));
            board.resources.insert(RecordId(n), resource);

            let skill = SkillDraft {
                handle: "ben".into(),
                skill: "driving".into(),
                details: String::new(),
                area: String::new(),
                languages: Vec::new(),
                contact: contact_with(visibility, marker),
            };
            board
                .skills
                .insert(RecordId(n), Skill::create(RecordId(n), skill, at(1)));
        }
        board.matches.insert(
            RecordId(1),
            Match::create(
                RecordId(1),
                RecordId(1),
                Partner::Volunteer("ana".into()),
                "coord".into(),
                format!("{PRIVATE}-match-note"),
                at(2),
            ),
        );
        let mut roster = Roster::create(RecordId(1), "Heat wave".into(), "north".into(), at(1));
        let mut person = Person::create(
            PersonDraft {
                name: format!("{GROUP}-person-name"),
                contact: contact_with(Visibility::Private, PRIVATE),
                cadence_hours: 24,
                volunteer: "ana".into(),
                notes: format!("{PRIVATE}-person-notes"),
            },
            at(1),
        );
        person.check_ins.insert(CheckIn::new(
            (RecordId(1), RecordId(1)),
            CheckInDraft {
                outcome: Outcome::NeedsSomething,
                note: format!("{PRIVATE}-check-in-note"),
                ask: None,
            },
            "ana",
            at(3),
            &signer(),
        ));
        roster.people.insert(RecordId(1), person);
        board.rosters.insert(RecordId(1), roster);
        let entry = EntryDraft {
            kind: EntryKind::Request,
            amount: 100,
            purpose: "Rent".into(),
            request: None,
            by: "coord".into(),
            private_note: format!("{PRIVATE}-fund-note"),
        };
        board
            .fund
            .insert(RecordId(1), FundEntry::create(RecordId(1), entry, at(1)));
        board
    }

    fn json(board: &Board) -> String {
        serde_json::to_string(board).unwrap()
    }

    #[test]
    fn public_output_holds_no_private_or_group_marker() {
        let board = marked_board();
        let full = json(&board.redacted(Audience::Full));
        assert_eq!(full.matches(PRIVATE).count(), 12);
        assert_eq!(full.matches(GROUP).count(), 4);
        let public = json(&board.redacted(Audience::Public));
        assert!(!public.contains("SECRET"), "{public}");
        assert!(public.contains("restocked"));
    }

    #[test]
    fn group_output_holds_group_markers_but_no_private_one() {
        let group = json(&marked_board().redacted(Audience::Group));
        assert!(!group.contains(PRIVATE), "{group}");
        assert_eq!(group.matches(GROUP).count(), 4);
    }

    #[test]
    fn merging_a_redacted_copy_back_wipes_nothing() {
        let board = marked_board();
        let mut merged = board.clone();
        merged.merge(&board.redacted(Audience::Public));
        assert_eq!(merged, board);
    }
}
