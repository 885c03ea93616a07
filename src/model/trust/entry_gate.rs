//! The gate's part for the records a group keeps together: places, check-in lists, shifts, fund
//! entries, skills and matches. Their own content changes only by fields their author or a
//! coordinator sealed (`super::sealed`). Others add signed entries to some of them (a condition
//! report on a place, a check-in, a sign-up): each entry is checked on its own: signed by the key
//! it names, for this very record, dated no later than a day ahead, and within its list's
//! limit. A bad entry is left out alone, with its reason; the good ones still arrive, even when
//! the copy's change to the record itself is refused.

use super::check::Checker;
use super::gate::{Gate, Refusal, Refused};
use super::sealed::{check_own, OwnRefused};
use crate::model::clock::Stamp;
use crate::model::entry::{Entries, Entry};
use crate::model::fund::FundEntry;
use crate::model::id::RecordId;
use crate::model::matching::Match;
use crate::model::record::{Record, RecordRef};
use crate::model::records::Records;
use crate::model::resource::Resource;
use crate::model::roster::Roster;
use crate::model::shift::Shift;
use crate::model::skill::Skill;

/// A record a group keeps together, which others may add entries to.
pub trait WithEntries: Record {
    /// This record's own content, with `other`'s entries in place of its own (none where
    /// `other` has no place for them).
    fn with_entries_of(&self, other: &Self) -> Self;

    /// Checks each list of entries of this incoming copy of record `id` against `known`, this
    /// board's copy, leaving out what fails.
    fn check_entries(&mut self, id: RecordId, known: Option<&Self>, check: &mut EntryCheck<'_>);
}

/// What checking one record's entries found.
pub struct EntryCheck<'a> {
    /// Who checks signatures (the gate's).
    checker: &'a dyn Checker,
    latest: Stamp,
    /// Whether the record is new to this board: entries from before signing are welcome only
    /// on a new record, as unsigned posts are.
    new: bool,
    /// Why entries were left out, each reason once.
    reasons: Vec<Refused>,
    /// Set when the whole record must be refused.
    whole: Option<Refused>,
}

impl EntryCheck<'_> {
    fn refuse(&mut self, reason: Refused) {
        if !self.reasons.contains(&reason) {
            self.reasons.push(reason);
        }
    }

    /// Checks one list: `verifies` says whether an entry is signed by its key for its place.
    /// A list longer than its limit refuses the whole record, as a post's history does; a list
    /// that takes no new maker past its limit (sign-ups) also counts what this board holds.
    fn list<T: Entry>(
        &mut self,
        incoming: &mut Entries<T>,
        known: Option<&Entries<T>>,
        verifies: impl Fn(&T) -> bool,
    ) {
        let limit = T::FIELD.limit();
        if incoming.len() > limit {
            self.whole = Some(Refused::TooMany(T::FIELD));
            return;
        }
        let mut room = if T::ROTATES {
            usize::MAX
        } else {
            limit.saturating_sub(known.map_or(0, Entries::len))
        };
        let (latest, new) = (self.latest, self.new);
        let mut reasons = Vec::new();
        incoming.retain(|entry| {
            let mine = known.and_then(|known| known.get(&entry.key()));
            if mine == Some(entry) {
                return true;
            }
            let verdict = if entry.at() > latest {
                Err(Refused::FutureStamp)
            } else if entry.signer().is_none() {
                // From before signing: fine on a new record, or where it changes nothing.
                let changes = mine.is_none_or(|mine| mine.clone().merge_copy(entry));
                if new || !changes {
                    Ok(())
                } else {
                    Err(Refused::UnsignedChange)
                }
            } else if !verifies(entry) {
                Err(Refused::BadEntry)
            } else if mine.is_none() && room == 0 {
                Err(Refused::TooMany(T::FIELD))
            } else {
                Ok(())
            };
            match verdict {
                Ok(()) => {
                    if mine.is_none() {
                        room = room.saturating_sub(1);
                    }
                    true
                }
                Err(reason) => {
                    reasons.push(reason);
                    false
                }
            }
        });
        for reason in reasons {
            self.refuse(reason);
        }
    }
}

impl Gate<'_> {
    /// Lets in the records of one kind a group keeps together: new records whole (less any
    /// bad entry), and on records this board has, only the changes their author or a
    /// coordinator sealed, and the good entries.
    pub(super) fn admit_with_entries<T: WithEntries>(
        &self,
        incoming: &mut Records<T>,
        current: &Records<T>,
        latest: Stamp,
        refused: &mut Vec<Refusal>,
    ) {
        incoming.retain(|id, record| {
            let mine = current.get(id);
            let mut check = EntryCheck {
                checker: self.checker,
                latest,
                new: mine.is_none(),
                reasons: Vec::new(),
                whole: None,
            };
            record.check_entries(*id, mine, &mut check);
            if check.whole.is_none() {
                let own = match mine {
                    Some(mine) => record.with_entries_of(mine),
                    None => record.clone(),
                };
                let verdict = check_own(&own, mine, self.coordinators, self.checker)
                    .err()
                    .map(|refused| match refused {
                        OwnRefused::Unsigned => Refused::UnsignedChange,
                        OwnRefused::BadSeal => Refused::BadSignature,
                        OwnRefused::NotAllowed => Refused::NotCoordinator,
                    });
                if let Some(reason) = verdict {
                    check.refuse(reason);
                    match mine {
                        // The entries still arrive, on this board's own copy of the record.
                        Some(mine) => *record = mine.with_entries_of(record),
                        None => check.whole = Some(reason),
                    }
                }
            }
            let keep = match check.whole {
                Some(reason) => {
                    check.reasons = vec![reason];
                    false
                }
                None => true,
            };
            refused.extend(check.reasons.into_iter().map(|reason| Refusal {
                record: RecordRef {
                    kind: T::KIND,
                    id: *id,
                },
                reason,
            }));
            keep
        });
    }
}

impl WithEntries for Resource {
    fn with_entries_of(&self, other: &Self) -> Self {
        Self {
            reports: other.reports.clone(),
            ..self.clone()
        }
    }

    fn check_entries(&mut self, id: RecordId, known: Option<&Self>, check: &mut EntryCheck<'_>) {
        let (known, checker) = (known.map(|mine| &mine.reports), check.checker);
        check.list(&mut self.reports, known, |report| {
            report.verifies_by(id, checker)
        });
    }
}

impl WithEntries for Roster {
    fn with_entries_of(&self, other: &Self) -> Self {
        let mut out = self.clone();
        for (id, person) in &mut out.people {
            person.check_ins = other
                .people
                .get(id)
                .map(|theirs| theirs.check_ins.clone())
                .unwrap_or_default();
        }
        out
    }

    fn check_entries(&mut self, id: RecordId, known: Option<&Self>, check: &mut EntryCheck<'_>) {
        let checker = check.checker;
        for (person_id, person) in &mut self.people {
            let known = known
                .and_then(|mine| mine.people.get(person_id))
                .map(|mine| &mine.check_ins);
            check.list(&mut person.check_ins, known, |check_in| {
                check_in.verifies_by((id, *person_id), checker)
            });
        }
    }
}

impl WithEntries for Shift {
    fn with_entries_of(&self, other: &Self) -> Self {
        Self {
            signups: other.signups.clone(),
            ..self.clone()
        }
    }

    fn check_entries(&mut self, id: RecordId, known: Option<&Self>, check: &mut EntryCheck<'_>) {
        let (known, checker) = (known.map(|mine| &mine.signups), check.checker);
        check.list(&mut self.signups, known, |sign_up| {
            sign_up.verifies_by(id, checker)
        });
    }
}

/// A childcare listing: others record swaps on it.
impl WithEntries for Skill {
    fn with_entries_of(&self, other: &Self) -> Self {
        Self {
            swaps: other.swaps.clone(),
            ..self.clone()
        }
    }

    fn check_entries(&mut self, id: RecordId, known: Option<&Self>, check: &mut EntryCheck<'_>) {
        let (known, checker) = (known.map(|mine| &mine.swaps), check.checker);
        check.list(&mut self.swaps, known, |swap| swap.verifies_by(id, checker));
    }
}

/// Kinds nobody adds entries to: their own content is all there is.
macro_rules! no_entries {
    ($($kind:ty),*) => {$(
        impl WithEntries for $kind {
            fn with_entries_of(&self, _other: &Self) -> Self {
                self.clone()
            }

            fn check_entries(&mut self, _: RecordId, _: Option<&Self>, _: &mut EntryCheck<'_>) {}
        }
    )*};
}

no_entries!(Match, FundEntry);
