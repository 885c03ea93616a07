//! Rosters: check-in lists for people who asked to be checked on (elders in a heat wave, say),
//! each with a cadence, an assigned volunteer and a grow-only log of check-ins (its newest
//! ones, past the log's limit). A check-in is its volunteer's own signed entry (see `entry`).
//! When the next check-in is due, and when a missed or worrying one must be escalated, is a
//! pure function of the log and the current time, so every device shows the same "today's
//! check-ins".

use super::board::Board;
use super::clock::Stamp;
use super::entry::{Entries, Entry, EntryError, LogKey, Maker};
use super::id::RecordId;
use super::merge::Merge;
use super::post::{Contact, Handle, Post, PostDraft, PostKind};
use super::record::{tombstoned, Record, RecordKind};
use super::records::Records;
use super::trust::seal::{seal, Seal, Secret, Signed};
use super::trust::sealed::{identity, Sealed, Walk};
use super::trust::{AuthorKey, Signer};
use super::validate::{Checks, Field, ValidationError};
use serde::{Deserialize, Serialize};

const HOUR_MS: u64 = 3_600_000;

/// After an unanswered call, try again this soon rather than waiting a whole cycle.
pub const NO_ANSWER_RETRY_MS: u64 = 2 * HOUR_MS;

/// Unanswered check-ins in a row that call for a coordinator.
pub const NO_ANSWER_LIMIT: usize = 2;

/// How a check-in went. (The numbers are what a check-in's signature covers: never change
/// them.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Ok = 0,
    NeedsSomething = 1,
    NoAnswer = 2,
}

/// One check-in with one person: the volunteer's own record, signed over the roster and the
/// person it is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CheckIn {
    pub at: Stamp,
    pub by: Handle,
    pub outcome: Outcome,
    /// What was needed or said; private to the group's coordinators.
    #[serde(default)]
    pub note: String,
    /// The ask the volunteer posted for what the person needs. The link lives only here, on
    /// the roster (which never leaves the group), never on the post: a post must not say its
    /// author is on a check-in list. Signed with the rest, so nobody can move it to another ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask: Option<RecordId>,
    /// The volunteer's signature; `None` on a check-in from before signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<CheckInSeal>,
}

/// A check-in's signature, and how it signs the note: through a salted digest, so a group copy
/// can withhold the note and still verify (as a post's private note).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CheckInSeal {
    #[serde(flatten)]
    pub seal: Seal,
    pub note: Secret,
}

/// What a volunteer fills in after a check-in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInDraft {
    pub outcome: Outcome,
    pub note: String,
    /// The ask posted for what the person needs, if one was (see [`Board::check_in_with_ask`]).
    #[serde(default)]
    pub ask: Option<RecordId>,
}

impl CheckIn {
    /// A check-in with `person` on `roster` by `signer`, made under the handle `by`, signed.
    pub fn new(
        (roster, person): (RecordId, RecordId),
        draft: CheckInDraft,
        by: &str,
        at: Stamp,
        signer: &Signer,
    ) -> Self {
        let note = Secret::Shown(signer.salt(person.0 ^ at.ms, "check-in"));
        let mut check_in = Self {
            at,
            by: by.to_owned(),
            outcome: draft.outcome,
            note: draft.note,
            ask: draft.ask,
            seal: None,
        };
        let signed = check_in.signed((roster, person), &signer.key(), &note);
        check_in.seal = Some(CheckInSeal {
            seal: seal(signer, &signed),
            note,
        });
        check_in
    }

    /// The bytes `key` signs for this check-in with `person` on `roster`, its note committed
    /// through `note`.
    pub fn signed(
        &self,
        (roster, person): (RecordId, RecordId),
        key: &AuthorKey,
        note: &Secret,
    ) -> Signed {
        let mut signed = Signed::new("circle.check-in.v1");
        signed
            .id(roster)
            .id(person)
            .stamp(self.at)
            .text(&self.by)
            .byte(self.outcome as u8)
            .raw(&note.digest(self.note.as_bytes()).0)
            .raw(&key.0);
        // Appended only when there is one, so a check-in without an ask signs the very bytes
        // it signed before asks could be linked, and every older check-in still verifies.
        // Nothing before this has a variable length without a length prefix, so the two forms
        // never write the same bytes.
        if let Some(ask) = self.ask {
            signed.text("ask").id(ask);
        }
        signed
    }

    /// This check-in as a group copy shows it: the note gone (on a signed one, behind its
    /// digest, so it still verifies).
    pub fn withheld(&self) -> Self {
        let seal = self.seal.map(|sealed| CheckInSeal {
            note: Secret::Withheld(sealed.note.digest(self.note.as_bytes())),
            ..sealed
        });
        Self {
            note: String::new(),
            seal,
            ..self.clone()
        }
    }

    /// Whether the note is here (rather than withheld or cleared by redaction).
    fn shows_note(&self) -> bool {
        self.seal
            .map_or(!self.note.is_empty(), |sealed| sealed.note.is_shown())
    }
}

impl Entry for CheckIn {
    type Owner = (RecordId, RecordId);
    type Key = LogKey;
    const FIELD: Field = Field::CheckIns;
    const ROTATES: bool = true;

    fn key(&self) -> LogKey {
        (
            self.at,
            Maker::of(self.signer(), &self.by),
            self.seal.map(|sealed| sealed.seal.sig),
        )
    }

    fn at(&self) -> Stamp {
        self.at
    }

    fn signer(&self) -> Option<AuthorKey> {
        self.seal.map(|sealed| sealed.seal.key)
    }

    fn sealed(&self, place: (RecordId, RecordId)) -> Option<(Seal, Signed)> {
        self.seal.map(|sealed| {
            let signed = self.signed(place, &sealed.seal.key, &sealed.note);
            (sealed.seal, signed)
        })
    }

    /// Of a copy with the note and one without, the one with it: a group copy merged back
    /// into the full one leaves it whole. Copies that disagree otherwise (a forgery) resolve
    /// by order, the same on every device.
    fn merge_copy(&mut self, other: &Self) -> bool {
        let order =
            |check_in: &Self| (check_in.withheld(), check_in.shows_note(), check_in.clone());
        if order(other) > order(self) {
            *self = other.clone();
            return true;
        }
        false
    }
}

/// Where a person on a roster stands at a given moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// The next check-in is due at `due_ms`, later than now.
    Upcoming { due_ms: u64 },
    /// Due now, within a quarter cycle of grace.
    Due { due_ms: u64 },
    /// Past the grace period.
    Overdue { due_ms: u64 },
    /// A coordinator should step in.
    Escalate(Escalation),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Escalation {
    /// A whole cycle passed with no check-in.
    Missed { due_ms: u64 },
    /// This many check-ins in a row went unanswered.
    NoAnswer { times: usize },
    /// The last check-in found the person needs something; `ask` is the ask posted for it,
    /// if one was.
    NeedsSomething { ask: Option<RecordId> },
}

/// One person who asked for regular check-ins.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub added: Stamp,
    /// Group-visible: a first name or nickname.
    pub name: Sealed<String>,
    pub contact: Sealed<Option<Contact>>,
    /// Hours between check-ins.
    pub cadence_hours: Sealed<u32>,
    /// The volunteer assigned; empty when nobody is.
    pub volunteer: Sealed<Handle>,
    /// Private: health notes, how to get in.
    pub notes: Sealed<String>,
    pub check_ins: Entries<CheckIn>,
    pub removed: Sealed<bool>,
}

/// What a coordinator fills in to add a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonDraft {
    pub name: String,
    pub contact: Option<Contact>,
    pub cadence_hours: u32,
    pub volunteer: Handle,
    pub notes: String,
}

impl PersonDraft {
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut checks = Checks::new();
        checks.text(Field::Name, &self.name, true);
        checks.contact(self.contact.as_ref());
        checks.number(Field::Cadence, u64::from(self.cadence_hours), 1);
        checks.text(Field::Handle, &self.volunteer, false);
        checks.text(Field::PrivateNote, &self.notes, false);
        checks.finish()
    }
}

impl Person {
    pub fn create(draft: PersonDraft, at: Stamp) -> Self {
        Self {
            added: at,
            name: Sealed::new(draft.name, at),
            contact: Sealed::new(draft.contact, at),
            cadence_hours: Sealed::new(draft.cadence_hours, at),
            volunteer: Sealed::new(draft.volunteer, at),
            notes: Sealed::new(draft.notes, at),
            check_ins: Entries::default(),
            removed: Sealed::new(false, at),
        }
    }

    fn cadence_ms(&self) -> u64 {
        u64::from(self.cadence_hours.value.max(1)) * HOUR_MS
    }

    pub fn last_check_in(&self) -> Option<&CheckIn> {
        self.check_ins.iter().max_by_key(|check_in| check_in.at)
    }

    /// The asks posted for this person, newest first, each once (two tabs may link one ask).
    pub fn asks(&self) -> Vec<RecordId> {
        let mut linked: Vec<(Stamp, RecordId)> = self
            .check_ins
            .iter()
            .filter_map(|check_in| check_in.ask.map(|ask| (check_in.at, ask)))
            .collect();
        linked.sort_by(|a, b| b.cmp(a));
        let mut asks = Vec::new();
        for (_, ask) in linked {
            if !asks.contains(&ask) {
                asks.push(ask);
            }
        }
        asks
    }

    /// When the next check-in is due: a cadence after the last answered one, soon after an
    /// unanswered one, and at once for someone never checked on.
    pub fn next_due_ms(&self) -> u64 {
        match self.last_check_in() {
            None => self.added.ms,
            Some(last) if last.outcome == Outcome::NoAnswer => last
                .at
                .ms
                .saturating_add(NO_ANSWER_RETRY_MS.min(self.cadence_ms())),
            Some(last) => last.at.ms.saturating_add(self.cadence_ms()),
        }
    }

    /// Where this person stands at `now_ms`.
    pub fn standing(&self, now_ms: u64) -> Standing {
        let unanswered = self
            .check_ins
            .iter()
            .rev()
            .take_while(|check_in| check_in.outcome == Outcome::NoAnswer)
            .count();
        if unanswered >= NO_ANSWER_LIMIT {
            return Standing::Escalate(Escalation::NoAnswer { times: unanswered });
        }
        if let Some(last) = self
            .last_check_in()
            .filter(|last| last.outcome == Outcome::NeedsSomething)
        {
            return Standing::Escalate(Escalation::NeedsSomething { ask: last.ask });
        }
        let due_ms = self.next_due_ms();
        let cadence = self.cadence_ms();
        if now_ms < due_ms {
            Standing::Upcoming { due_ms }
        } else if now_ms >= due_ms.saturating_add(cadence) {
            Standing::Escalate(Escalation::Missed { due_ms })
        } else if now_ms >= due_ms.saturating_add(cadence / 4) {
            Standing::Overdue { due_ms }
        } else {
            Standing::Due { due_ms }
        }
    }

    fn last_edit(&self) -> Stamp {
        [
            self.added,
            self.name.at,
            self.contact.at,
            self.cadence_hours.at,
            self.volunteer.at,
            self.notes.at,
        ]
        .into_iter()
        .max()
        .unwrap_or(self.added)
    }

    pub fn is_removed(&self) -> bool {
        tombstoned(&self.removed, self.last_edit())
    }
}

impl Merge for Person {
    fn merge(&mut self, other: &Self) {
        self.added = self.added.min(other.added);
        self.name.merge(&other.name);
        self.contact.merge(&other.contact);
        self.cadence_hours.merge(&other.cadence_hours);
        self.volunteer.merge(&other.volunteer);
        self.notes.merge(&other.notes);
        self.check_ins.merge(&other.check_ins);
        self.removed.merge(&other.removed);
    }
}

/// A check-in list, such as "Heat wave, north side".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub id: RecordId,
    pub created: Stamp,
    /// Whose record it is: with the group's coordinators, the only keys whose signed edits
    /// change it (`trust::sealed`). `None` on a record from before signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<AuthorKey>,
    pub name: Sealed<String>,
    pub area: Sealed<String>,
    /// Keyed by a random id per person, so two coordinators adding people never collide.
    pub people: Records<Person>,
    pub removed: Sealed<bool>,
}

impl Roster {
    pub fn create(id: RecordId, name: String, area: String, at: Stamp) -> Self {
        Self {
            id,
            created: at,
            author: None,
            name: Sealed::new(name, at),
            area: Sealed::new(area, at),
            people: Records::new(),
            removed: Sealed::new(false, at),
        }
    }

    /// Live people with their standing at `now_ms`, most pressing first: escalations, then
    /// overdue, then due, then upcoming by due time.
    pub fn today(&self, now_ms: u64) -> Vec<(RecordId, &Person, Standing)> {
        let rank = |standing: &Standing| match standing {
            Standing::Escalate(_) => (0, 0),
            Standing::Overdue { due_ms } => (1, *due_ms),
            Standing::Due { due_ms } => (2, *due_ms),
            Standing::Upcoming { due_ms } => (3, *due_ms),
        };
        let mut list: Vec<_> = self
            .people
            .iter()
            .filter(|(_, person)| !person.is_removed())
            .map(|(id, person)| (*id, person, person.standing(now_ms)))
            .collect();
        list.sort_by_key(|(id, _, standing)| (rank(standing), *id));
        list
    }
}

impl Merge for Roster {
    fn merge(&mut self, other: &Self) {
        self.author = self.author.max(other.author);
        self.created = self.created.min(other.created);
        self.name.merge(&other.name);
        self.area.merge(&other.area);
        Merge::merge(&mut self.people, &other.people);
        self.removed.merge(&other.removed);
    }
}

impl Record for Roster {
    const KIND: RecordKind = RecordKind::Roster;

    fn is_removed(&self) -> bool {
        let last_edit = self.name.at.max(self.area.at).max(self.created);
        tombstoned(&self.removed, last_edit)
    }

    fn walk(&mut self, walk: &mut dyn Walk) {
        walk.author(&mut self.author, self.created);
        walk.field(None, "name", &mut self.name);
        walk.field(None, "area", &mut self.area);
        walk.field(None, "removed", &mut self.removed);
        for (id, person) in &mut self.people {
            let part = Some(*id);
            walk.identity(part, identity(&person.added));
            walk.field(part, "name", &mut person.name);
            walk.field(part, "contact", &mut person.contact);
            walk.field(part, "cadence_hours", &mut person.cadence_hours);
            walk.field(part, "volunteer", &mut person.volunteer);
            walk.field(part, "notes", &mut person.notes);
            walk.field(part, "removed", &mut person.removed);
        }
    }

    fn check_limits(&self, checks: &mut Checks) {
        checks.text(Field::Name, &self.name.value, false);
        checks.text(Field::Area, &self.area.value, false);
        checks.count(Field::People, self.people.len());
        for person in self.people.values() {
            checks.text(Field::Name, &person.name.value, false);
            checks.contact(person.contact.value.as_ref());
            checks.text(Field::Handle, &person.volunteer.value, false);
            checks.text(Field::PrivateNote, &person.notes.value, false);
            checks.count(Field::CheckIns, person.check_ins.len());
            for check_in in person.check_ins.iter() {
                checks.text(Field::Handle, &check_in.by, true);
                checks.text(Field::Note, &check_in.note, false);
            }
        }
    }
}

impl Board {
    /// Starts a check-in list; its id is the caller's fresh random id.
    pub fn add_roster(&mut self, roster: Roster) {
        self.rosters.insert(roster.id, roster);
    }

    /// Adds a person to a live roster under `id` (a fresh random one), as `draft` says. The
    /// caller has checked the draft.
    pub fn add_person(
        &mut self,
        roster: RecordId,
        id: RecordId,
        draft: PersonDraft,
        at: Stamp,
    ) -> Result<(), EntryError> {
        let found = self
            .rosters
            .get_mut(&roster)
            .filter(|r| !r.is_removed())
            .ok_or(EntryError::NotFound(roster))?;
        if found.people.len() >= Field::People.limit() {
            return Err(EntryError::Full);
        }
        found.people.insert(id, Person::create(draft, at));
        Ok(())
    }

    /// Records a check-in with one person on a live roster, made under the handle `by` and
    /// signed by `signer`.
    pub fn check_in(
        &mut self,
        (roster, person): (RecordId, RecordId),
        draft: CheckInDraft,
        by: &str,
        at: Stamp,
        signer: &Signer,
    ) -> Result<(), EntryError> {
        let found = self
            .rosters
            .get_mut(&roster)
            .filter(|r| !r.is_removed())
            .ok_or(EntryError::NotFound(roster))?
            .people
            .get_mut(&person)
            .filter(|p| !p.is_removed())
            .ok_or(EntryError::NotFound(person))?;
        let check_in = CheckIn::new((roster, person), draft, by, at, signer);
        if found.check_ins.insert(check_in) {
            Ok(())
        } else {
            Err(EntryError::Stale)
        }
    }

    /// Records that a person needs something together with the ask the volunteer wrote for
    /// it, both signed by `signer`: the check-in (as `draft` says, made under the handle `by`)
    /// links the ask, the ask says nothing of the person. Both arrive or neither does. Gives
    /// the ask's id.
    pub fn check_in_with_ask(
        &mut self,
        place: (RecordId, RecordId),
        draft: CheckInDraft,
        by: &str,
        ask: PostDraft,
        at: Stamp,
        signer: &Signer,
    ) -> Result<RecordId, EntryError> {
        let post = Post::create_signed(
            PostDraft {
                kind: PostKind::Ask,
                ..ask
            },
            at,
            signer,
        );
        // Only a stamp this signer used already gives an id already here: not a new ask.
        if self.posts.contains_key(&post.id) {
            return Err(EntryError::Stale);
        }
        let draft = CheckInDraft {
            outcome: Outcome::NeedsSomething,
            ask: Some(post.id),
            ..draft
        };
        self.check_in(place, draft, by, at, signer)?;
        let id = post.id;
        self.add_post(post);
        Ok(id)
    }

    /// The live asks posted for `person`, newest first: what their card shows.
    pub fn asks_for(&self, person: &Person) -> Vec<&Post> {
        person
            .asks()
            .into_iter()
            .filter_map(|id| self.post(id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DeviceId;

    const DAY: u64 = 24 * HOUR_MS;

    fn at(ms: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(1))
    }

    fn person() -> Person {
        Person::create(
            PersonDraft {
                name: "Mr. Okafor".into(),
                contact: None,
                cadence_hours: 24,
                volunteer: "ana".into(),
                notes: String::new(),
            },
            at(10 * DAY),
        )
    }

    fn ana() -> Signer {
        Signer::from_seed([1; 32])
    }

    fn went(outcome: Outcome, note: &str) -> CheckInDraft {
        CheckInDraft {
            outcome,
            note: note.into(),
            ask: None,
        }
    }

    /// Ana's check-in with person 1 on roster 1.
    fn check_in(ms: u64, outcome: Outcome, signer: &Signer) -> CheckIn {
        CheckIn::new(
            (RecordId(1), RecordId(1)),
            went(outcome, ""),
            "ana",
            at(ms),
            signer,
        )
    }

    fn check(person: &mut Person, ms: u64, outcome: Outcome) {
        person.check_ins.insert(check_in(ms, outcome, &ana()));
    }

    #[test]
    fn a_new_person_is_due_at_once_and_escalates_after_a_missed_cycle() {
        let p = person();
        let added = 10 * DAY;
        assert_eq!(p.standing(added), Standing::Due { due_ms: added });
        assert_eq!(
            p.standing(added + 7 * HOUR_MS),
            Standing::Overdue { due_ms: added }
        );
        assert_eq!(
            p.standing(added + DAY),
            Standing::Escalate(Escalation::Missed { due_ms: added })
        );
    }

    #[test]
    fn an_ok_check_in_sets_the_next_due_a_cycle_later() {
        let mut p = person();
        check(&mut p, 10 * DAY + HOUR_MS, Outcome::Ok);
        assert_eq!(
            p.standing(10 * DAY + 2 * HOUR_MS),
            Standing::Upcoming {
                due_ms: 11 * DAY + HOUR_MS
            }
        );
    }

    #[test]
    fn unanswered_and_worrying_check_ins_escalate() {
        let mut p = person();
        check(&mut p, 10 * DAY, Outcome::NoAnswer);
        assert_eq!(
            p.standing(10 * DAY + HOUR_MS),
            Standing::Upcoming {
                // Called again two hours after an unanswered call, not a whole cycle later.
                due_ms: 10 * DAY + 2 * HOUR_MS
            }
        );
        check(&mut p, 10 * DAY + NO_ANSWER_RETRY_MS, Outcome::NoAnswer);
        assert_eq!(
            p.standing(10 * DAY + 3 * HOUR_MS),
            Standing::Escalate(Escalation::NoAnswer { times: 2 })
        );
        check(&mut p, 10 * DAY + 4 * HOUR_MS, Outcome::NeedsSomething);
        assert_eq!(
            p.standing(10 * DAY + 5 * HOUR_MS),
            Standing::Escalate(Escalation::NeedsSomething { ask: None })
        );
    }

    #[test]
    fn the_same_check_in_twice_changes_nothing() {
        let mut p = person();
        let once = check_in(11 * DAY, Outcome::Ok, &ana());
        assert!(p.check_ins.insert(once.clone()));
        assert!(!p.check_ins.insert(once), "already there");
        assert_eq!(p.check_ins.len(), 1);
    }

    #[test]
    fn a_person_needs_a_name_and_a_cadence_of_at_most_four_weeks() {
        let fields = |name: &str, cadence_hours| {
            let draft = PersonDraft {
                name: name.into(),
                contact: None,
                cadence_hours,
                volunteer: "ana".into(),
                notes: String::new(),
            };
            crate::model::refused_fields(draft.validate())
        };
        assert_eq!(fields("Mr. Okafor", 24), []);
        assert_eq!(fields("Mr. Okafor", 4 * 7 * 24), []);
        assert_eq!(fields(" ", 0), [Field::Name, Field::Cadence]);
        assert_eq!(fields("Mr. Okafor", 4 * 7 * 24 + 1), [Field::Cadence]);
    }

    /// A person taken off the roster leaves today's list; an edit made after that on another
    /// phone (which had not seen the removal) brings them back, as for every record.
    #[test]
    fn a_person_taken_off_leaves_today_until_a_later_edit() {
        let mut roster = Roster::create(RecordId(1), "Heat wave".into(), "north".into(), at(0));
        roster.people.insert(RecordId(1), person());
        let mut other_phone = roster.clone();
        let now = 11 * DAY;
        if let Some(p) = roster.people.get_mut(&RecordId(1)) {
            p.removed.set(true, at(10 * DAY + 5));
        }
        assert!(roster.today(now).is_empty());
        if let Some(p) = other_phone.people.get_mut(&RecordId(1)) {
            p.notes
                .set("Prefers a morning call".into(), at(10 * DAY + 6));
        }
        roster.merge(&other_phone);
        assert_eq!(roster.today(now).len(), 1);
    }

    #[test]
    fn today_puts_escalations_first() {
        let mut roster = Roster::create(RecordId(1), "Heat wave".into(), "north".into(), at(0));
        let mut calm = person();
        check(&mut calm, 10 * DAY + HOUR_MS, Outcome::Ok);
        let mut worry = person();
        check(&mut worry, 10 * DAY + HOUR_MS, Outcome::NeedsSomething);
        roster.people.insert(RecordId(1), calm);
        roster.people.insert(RecordId(2), worry);
        let today = roster.today(10 * DAY + 2 * HOUR_MS);
        assert_eq!(today[0].0, RecordId(2));
        assert_eq!(today[1].0, RecordId(1));
    }

    /// A roster named "Heat wave" holding `people` copies of [`person`].
    fn roster_of(people: u64) -> Roster {
        let mut roster = Roster::create(RecordId(1), "Heat wave".into(), "north".into(), at(0));
        for n in 0..people {
            roster.people.insert(RecordId(n + 1), person());
        }
        roster
    }

    fn refused_field(roster: &Roster) -> Result<(), Field> {
        let mut checks = Checks::new();
        roster.check_limits(&mut checks);
        checks.first().map_err(|error| error.field)
    }

    #[test]
    fn a_roster_past_its_limits_is_refused() {
        let max = Field::People.limit() as u64;
        assert_eq!(refused_field(&roster_of(max)), Ok(()));
        assert_eq!(refused_field(&roster_of(max + 1)), Err(Field::People));
        let ana = ana();
        let log: Vec<CheckIn> = (0..=Field::CheckIns.limit() as u64)
            .map(|n| check_in(10 * DAY + n, Outcome::Ok, &ana))
            .collect();
        let mut crafted = roster_of(1);
        crafted.people.get_mut(&RecordId(1)).unwrap().check_ins =
            serde_json::from_str(&serde_json::to_string(&log).unwrap()).unwrap();
        assert_eq!(refused_field(&crafted), Err(Field::CheckIns));
    }

    #[test]
    fn a_long_check_in_log_keeps_its_newest_on_every_copy() {
        let max = Field::CheckIns.limit() as u64;
        let mut phone = Board::default();
        phone.rosters.insert(RecordId(1), roster_of(1));
        let mut laptop = phone.clone();
        let ana = ana();
        let ok = || went(Outcome::Ok, "");
        let place = (RecordId(1), RecordId(1));
        for n in 0..max {
            phone
                .check_in(place, ok(), "ana", at(11 * DAY + n), &ana)
                .unwrap();
            laptop
                .check_in(place, ok(), "ana", at(12 * DAY + n), &ana)
                .unwrap();
        }
        let before = laptop.clone();
        assert_eq!(
            laptop.check_in(place, ok(), "ana", at(11 * DAY), &ana),
            Err(EntryError::Stale),
            "older than every check-in a full log keeps"
        );
        assert_eq!(laptop, before);
        let mut merged = phone.clone();
        merged.merge(&laptop);
        laptop.merge(&phone);
        assert_eq!(merged, laptop);
        let log = &merged.rosters[&RecordId(1)].people[&RecordId(1)].check_ins;
        assert_eq!(log.len(), max as usize);
        assert_eq!(log.iter().next().map(|c| c.at), Some(at(12 * DAY)));
        assert_eq!(merged.check_limits(), Ok(()));
    }

    #[test]
    fn check_ins_go_to_live_people_only() {
        let mut board = Board::default();
        let mut roster = Roster::create(RecordId(1), "Heat wave".into(), "north".into(), at(0));
        roster.people.insert(RecordId(7), person());
        board.rosters.insert(RecordId(1), roster);
        let ok = || went(Outcome::Ok, "");
        let at = at(11 * DAY);
        assert_eq!(
            board.check_in((RecordId(1), RecordId(7)), ok(), "ana", at, &ana()),
            Ok(())
        );
        assert_eq!(
            board.check_in((RecordId(1), RecordId(8)), ok(), "ana", at, &ana()),
            Err(EntryError::NotFound(RecordId(8)))
        );
        assert_eq!(
            board.check_in((RecordId(2), RecordId(7)), ok(), "ana", at, &ana()),
            Err(EntryError::NotFound(RecordId(2)))
        );
    }

    #[test]
    fn a_check_in_verifies_only_as_signed_and_only_with_its_person() {
        let place = (RecordId(1), RecordId(7));
        let signed = CheckIn::new(
            place,
            went(Outcome::NeedsSomething, "Out of insulin"),
            "ana",
            at(11 * DAY),
            &ana(),
        );
        assert!(signed.is_signed());
        assert!(signed.verifies(place));
        assert!(
            !signed.verifies((RecordId(1), RecordId(8))),
            "another person"
        );
        assert!(
            !signed.verifies((RecordId(2), RecordId(7))),
            "another roster"
        );
        let mut calmed = signed.clone();
        calmed.outcome = Outcome::Ok;
        assert!(!calmed.verifies(place));
        let mut renoted = signed.clone();
        renoted.note = "All fine".into();
        assert!(!renoted.verifies(place));
        let withheld = signed.withheld();
        assert!(withheld.note.is_empty());
        assert!(withheld.verifies(place), "the note's digest keeps it whole");
        assert_eq!(withheld.key(), signed.key());
        let unsigned = CheckIn {
            seal: None,
            ..signed
        };
        assert!(!unsigned.verifies(place));
    }

    #[test]
    fn a_group_copy_of_a_check_in_merges_back_whole_and_shows_once() {
        let mut board = Board::default();
        board.rosters.insert(RecordId(1), roster_of(1));
        board
            .check_in(
                (RecordId(1), RecordId(1)),
                went(Outcome::NeedsSomething, "Out of insulin"),
                "ana",
                at(11 * DAY),
                &ana(),
            )
            .unwrap();
        let group = board.redacted(crate::model::Audience::Group);
        let shown = |board: &Board| {
            let log = &board.rosters[&RecordId(1)].people[&RecordId(1)].check_ins;
            let notes: Vec<String> = log.iter().map(|c| c.note.clone()).collect();
            assert!(log.iter().all(|c| c.verifies((RecordId(1), RecordId(1)))));
            notes
        };
        assert_eq!(shown(&group), [""]);
        for (mut a, b) in [(board.clone(), group.clone()), (group, board.clone())] {
            a.merge(&b);
            assert_eq!(a, board);
            assert_eq!(shown(&a), ["Out of insulin"]);
        }
    }

    #[test]
    fn a_person_joins_a_live_roster_only_and_is_due_at_once() {
        let mut board = Board::default();
        board.add_roster(Roster::create(
            RecordId(1),
            "Heat wave".into(),
            String::new(),
            at(DAY),
        ));
        let draft = || PersonDraft {
            name: "Mr. Okafor".into(),
            contact: None,
            cadence_hours: 24,
            volunteer: "ana".into(),
            notes: String::new(),
        };
        assert_eq!(
            board.add_person(RecordId(9), RecordId(2), draft(), at(DAY)),
            Err(EntryError::NotFound(RecordId(9)))
        );
        board
            .add_person(RecordId(1), RecordId(2), draft(), at(2 * DAY))
            .unwrap();
        let round = board.rosters[&RecordId(1)].today(2 * DAY);
        assert_eq!(round.len(), 1);
        assert_eq!(round[0].1.name.value, "Mr. Okafor");
        assert_eq!(round[0].2, Standing::Due { due_ms: 2 * DAY });
        board
            .rosters
            .get_mut(&RecordId(1))
            .unwrap()
            .removed
            .set(true, at(3 * DAY));
        assert_eq!(
            board.add_person(RecordId(1), RecordId(3), draft(), at(4 * DAY)),
            Err(EntryError::NotFound(RecordId(1)))
        );
    }

    #[test]
    fn a_full_roster_takes_nobody_more() {
        let mut board = Board::default();
        let mut roster = Roster::create(RecordId(1), "Everyone".into(), String::new(), at(DAY));
        for n in 0..Field::People.limit() as u64 {
            roster.people.insert(RecordId(100 + n), person());
        }
        board.add_roster(roster);
        assert_eq!(
            board.add_person(
                RecordId(1),
                RecordId(7),
                PersonDraft {
                    name: "One more".into(),
                    contact: None,
                    cadence_hours: 24,
                    volunteer: String::new(),
                    notes: String::new(),
                },
                at(2 * DAY)
            ),
            Err(EntryError::Full)
        );
        assert_eq!(
            board.rosters[&RecordId(1)].people.len(),
            Field::People.limit()
        );
    }

    /// A check-in that found Mr. Okafor needs something, with the ask Ana wrote for it.
    fn board_with_linked_ask() -> (Board, RecordId) {
        let mut board = Board::default();
        board.rosters.insert(RecordId(1), roster_of(1));
        // A draft that says "offer" still posts an ask: what a check-in posts is a need.
        let ask = PostDraft {
            kind: PostKind::Offer,
            ..crate::model::sample_draft()
        };
        let id = board
            .check_in_with_ask(
                (RecordId(1), RecordId(1)),
                went(Outcome::Ok, "Out of insulin"),
                "ana",
                ask,
                at(11 * DAY),
                &ana(),
            )
            .unwrap();
        (board, id)
    }

    #[test]
    fn an_ask_for_someone_arrives_with_its_check_in_and_says_nothing_of_them() {
        let (board, id) = board_with_linked_ask();
        let okafor = &board.rosters[&RecordId(1)].people[&RecordId(1)];
        let check_in = okafor.last_check_in().unwrap();
        assert_eq!(
            check_in.outcome,
            Outcome::NeedsSomething,
            "an ask means a need"
        );
        assert_eq!(check_in.ask, Some(id));
        assert_eq!(
            okafor.standing(11 * DAY + HOUR_MS),
            Standing::Escalate(Escalation::NeedsSomething { ask: Some(id) }),
            "still at the top, with the ask named, so nobody posts a second one"
        );
        assert!(check_in.verifies((RecordId(1), RecordId(1))));
        let post = board.post(id).unwrap();
        assert_eq!(post.kind, PostKind::Ask);
        assert!(post.verifies() && post.is_by(&ana()));
        let public =
            serde_json::to_string(&board.redacted(crate::model::Audience::Public)).unwrap();
        assert!(public.contains(&post.title.value));
        assert!(
            !public.contains("Okafor") && !public.contains("check_ins"),
            "{public}"
        );
        // Exactly the post the board's own "new ask" makes: nothing on it points back.
        let plain = Post::create_signed(crate::model::sample_draft(), at(11 * DAY), &ana());
        assert_eq!(post, &plain);
        assert_eq!(
            board
                .asks_for(okafor)
                .iter()
                .map(|p| p.id)
                .collect::<Vec<_>>(),
            [id]
        );
    }

    #[test]
    fn an_ask_for_someone_not_on_a_live_roster_posts_nothing() {
        let mut board = Board::default();
        board.rosters.insert(RecordId(1), roster_of(1));
        let made = board.check_in_with_ask(
            (RecordId(1), RecordId(9)),
            went(Outcome::NeedsSomething, ""),
            "ana",
            crate::model::sample_draft(),
            at(11 * DAY),
            &ana(),
        );
        assert_eq!(made, Err(EntryError::NotFound(RecordId(9))));
        assert!(board.posts.is_empty());
    }

    #[test]
    fn the_link_to_an_ask_is_signed_and_survives_a_group_copy_and_a_merge() {
        let (board, id) = board_with_linked_ask();
        let place = (RecordId(1), RecordId(1));
        let mut moved = board.rosters[&RecordId(1)].people[&RecordId(1)]
            .last_check_in()
            .unwrap()
            .clone();
        moved.ask = Some(RecordId(77));
        assert!(!moved.verifies(place), "moved to another ask");
        moved.ask = None;
        assert!(!moved.verifies(place), "unlinked");
        let group = board.redacted(crate::model::Audience::Group);
        let linked = |board: &Board| {
            let person = &board.rosters[&RecordId(1)].people[&RecordId(1)];
            assert!(person.check_ins.iter().all(|c| c.verifies(place)));
            person.asks()
        };
        assert_eq!(linked(&group), [id]);
        let mut other = Board::default();
        other.rosters.insert(RecordId(1), roster_of(1));
        other
            .check_in(place, went(Outcome::Ok, ""), "ben", at(12 * DAY), &ana())
            .unwrap();
        for (mut a, b) in [(group.clone(), other.clone()), (other, group)] {
            a.merge(&b);
            assert_eq!(linked(&a), [id]);
        }
    }

    #[test]
    fn a_check_in_from_before_asks_were_linked_still_reads_and_verifies() {
        // Signed exactly as check-ins were before they could link an ask.
        let place = (RecordId(1), RecordId(7));
        let signer = ana();
        let at = at(11 * DAY);
        let note = Secret::Shown(signer.salt(7, "check-in"));
        let mut signed = Signed::new("circle.check-in.v1");
        signed
            .id(place.0)
            .id(place.1)
            .stamp(at)
            .text("ana")
            .byte(Outcome::NoAnswer as u8)
            .raw(&note.digest(b"Rang twice").0)
            .raw(&signer.key().0);
        let old = serde_json::json!({
            "at": at,
            "by": "ana",
            "outcome": "no-answer",
            "note": "Rang twice",
            "seal": CheckInSeal { seal: seal(&signer, &signed), note },
        });
        let read: CheckIn = serde_json::from_value(old).unwrap();
        assert_eq!(read.ask, None);
        assert!(read.verifies(place));
        assert!(read.withheld().verifies(place));
        assert!(!serde_json::to_string(&read).unwrap().contains("ask"));
    }

    #[test]
    fn a_persons_asks_are_newest_first_each_once() {
        let mut p = person();
        let place = (RecordId(1), RecordId(1));
        for (ms, ask) in [(1, Some(5)), (2, None), (3, Some(6)), (4, Some(5))] {
            let draft = CheckInDraft {
                ask: ask.map(RecordId),
                ..went(Outcome::NeedsSomething, "")
            };
            p.check_ins
                .insert(CheckIn::new(place, draft, "ana", at(11 * DAY + ms), &ana()));
        }
        assert_eq!(p.asks(), [RecordId(5), RecordId(6)]);
    }
}
