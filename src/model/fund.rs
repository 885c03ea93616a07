//! The emergency fund ledger: requests (an amount for a purpose), pledges and payouts, in minor
//! units (cents) so sums are exact. Money moves outside the app; the ledger keeps it visible.

use super::board::Board;
use super::clock::Stamp;
use super::id::RecordId;
use super::merge::Merge;
use super::post::Handle;
use super::record::{tombstoned, Record, RecordKind};
use super::trust::sealed::{identity, Sealed, Walk};
use super::trust::AuthorKey;
use super::validate::{Checks, Field, ValidationError};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// Someone needs money for a purpose.
    Request,
    /// Someone promises (or has given) money to the fund.
    Pledge,
    /// The fund paid money out, usually towards a request.
    Payout,
}

/// What a coordinator fills in to record an entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryDraft {
    pub kind: EntryKind,
    /// In minor units of the group's currency.
    pub amount: u64,
    pub purpose: String,
    /// The request a payout or pledge goes towards.
    pub request: Option<RecordId>,
    pub by: Handle,
    /// Who exactly, account details: private.
    pub private_note: String,
}

impl EntryDraft {
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut checks = Checks::new();
        checks.number(Field::Amount, self.amount, 1);
        checks.text(
            Field::Purpose,
            &self.purpose,
            self.kind == EntryKind::Request,
        );
        checks.text(Field::Handle, &self.by, true);
        checks.text(Field::PrivateNote, &self.private_note, false);
        checks.finish()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundEntry {
    pub id: RecordId,
    pub kind: EntryKind,
    pub created: Stamp,
    /// Whose record it is: with the group's coordinators, the only keys whose signed edits
    /// change it (`trust::sealed`). `None` on a record from before signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<AuthorKey>,
    /// Who recorded it.
    pub by: Handle,
    pub amount: Sealed<u64>,
    pub purpose: Sealed<String>,
    pub request: Sealed<Option<RecordId>>,
    pub private_note: Sealed<String>,
    pub removed: Sealed<bool>,
}

impl FundEntry {
    pub fn create(id: RecordId, draft: EntryDraft, at: Stamp) -> Self {
        Self {
            id,
            kind: draft.kind,
            created: at,
            author: None,
            by: draft.by,
            amount: Sealed::new(draft.amount, at),
            purpose: Sealed::new(draft.purpose, at),
            request: Sealed::new(draft.request, at),
            private_note: Sealed::new(draft.private_note, at),
            removed: Sealed::new(false, at),
        }
    }
}

impl Merge for FundEntry {
    fn merge(&mut self, other: &Self) {
        self.author = self.author.max(other.author);
        if (other.created, other.kind, &other.by) < (self.created, self.kind, &self.by) {
            self.created = other.created;
            self.kind = other.kind;
            self.by = other.by.clone();
        }
        self.amount.merge(&other.amount);
        self.purpose.merge(&other.purpose);
        self.request.merge(&other.request);
        self.private_note.merge(&other.private_note);
        self.removed.merge(&other.removed);
    }
}

impl Record for FundEntry {
    const KIND: RecordKind = RecordKind::FundEntry;

    fn is_removed(&self) -> bool {
        let last_edit = [
            self.created,
            self.amount.at,
            self.purpose.at,
            self.request.at,
            self.private_note.at,
        ]
        .into_iter()
        .max()
        .unwrap_or(self.created);
        tombstoned(&self.removed, last_edit)
    }

    fn walk(&mut self, walk: &mut dyn Walk) {
        walk.author(&mut self.author, self.created);
        walk.identity(None, identity(&(self.kind, &self.by)));
        walk.field(None, "amount", &mut self.amount);
        walk.field(None, "purpose", &mut self.purpose);
        walk.field(None, "request", &mut self.request);
        walk.field(None, "private_note", &mut self.private_note);
        walk.field(None, "removed", &mut self.removed);
    }

    fn check_limits(&self, checks: &mut Checks) {
        checks.number(Field::Amount, self.amount.value, 0);
        checks.text(Field::Purpose, &self.purpose.value, false);
        checks.text(Field::Handle, &self.by, false);
        checks.text(Field::PrivateNote, &self.private_note.value, false);
    }
}

/// Totals of the live ledger, in minor units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FundSummary {
    pub requested: u64,
    pub pledged: u64,
    pub paid_out: u64,
}

impl FundSummary {
    /// Pledged minus paid out; negative when the fund has promised more than it holds.
    pub fn balance(&self) -> i128 {
        i128::from(self.pledged) - i128::from(self.paid_out)
    }

    /// Requested and not yet paid out.
    pub fn outstanding(&self) -> u64 {
        self.requested.saturating_sub(self.paid_out)
    }

    fn add(&mut self, entry: &FundEntry) {
        let total = match entry.kind {
            EntryKind::Request => &mut self.requested,
            EntryKind::Pledge => &mut self.pledged,
            EntryKind::Payout => &mut self.paid_out,
        };
        *total = total.saturating_add(entry.amount.value);
    }
}

/// An amount as a person types it, in major units with at most two decimals after a point or
/// a comma ("45", "45.5", "45,50"), as minor units (cents). Anything else is refused rather
/// than guessed: "1,234" could be either a thousand or one.
pub fn parse_amount(typed: &str) -> Option<u64> {
    let typed = typed.trim();
    let (whole, cents) = match typed.split_once(['.', ',']) {
        Some((whole, cents)) => (whole, cents),
        None => (typed, ""),
    };
    let digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(cents) || cents.len() > 2 {
        return None;
    }
    let cents = match cents.len() {
        0 => 0,
        1 => cents.parse::<u64>().ok()? * 10,
        _ => cents.parse::<u64>().ok()?,
    };
    whole
        .parse::<u64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents)
}

/// One line of the ledger as a person reads it: the entry, and the fund's balance after it.
pub struct LedgerLine<'a> {
    pub entry: &'a FundEntry,
    /// Pledged minus paid out, up to and including this entry.
    pub balance: i128,
}

impl Board {
    /// The live ledger, oldest first, each entry with the running balance after it.
    pub fn ledger_lines(&self) -> Vec<LedgerLine<'_>> {
        let mut balance = 0i128;
        self.ledger()
            .into_iter()
            .map(|entry| {
                balance += match entry.kind {
                    EntryKind::Pledge => i128::from(entry.amount.value),
                    EntryKind::Payout => -i128::from(entry.amount.value),
                    EntryKind::Request => 0,
                };
                LedgerLine { entry, balance }
            })
            .collect()
    }

    /// The live ledger's totals month by month (UTC, by when each entry was recorded), oldest
    /// first.
    pub fn fund_by_month(&self) -> Vec<((i32, u32), FundSummary)> {
        let mut months: std::collections::BTreeMap<(i32, u32), FundSummary> = Default::default();
        for entry in self.ledger() {
            let (year, month, _) = super::day::Day::from_ms(entry.created.ms).ymd();
            months.entry((year, month)).or_default().add(entry);
        }
        months.into_iter().collect()
    }

    /// Live ledger entries, oldest first.
    pub fn ledger(&self) -> Vec<&FundEntry> {
        let mut entries: Vec<&FundEntry> = self.fund.values().filter(|e| !e.is_removed()).collect();
        entries.sort_by_key(|entry| entry.created);
        entries
    }

    pub fn fund_summary(&self) -> FundSummary {
        let mut summary = FundSummary::default();
        for entry in self.fund.values().filter(|e| !e.is_removed()) {
            summary.add(entry);
        }
        summary
    }

    /// What is still owed on one request.
    pub fn outstanding(&self, request: RecordId) -> Option<u64> {
        let asked = self
            .fund
            .get(&request)
            .filter(|e| e.kind == EntryKind::Request && !e.is_removed())?
            .amount
            .value;
        let paid: u64 = self
            .fund
            .values()
            .filter(|e| {
                e.kind == EntryKind::Payout && e.request.value == Some(request) && !e.is_removed()
            })
            .map(|e| e.amount.value)
            .sum();
        Some(asked.saturating_sub(paid))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DeviceId;

    #[test]
    fn the_balance_adds_up() {
        let at = |ms| Stamp::new(ms, 0, DeviceId(1));
        let entry = |kind, amount, request| EntryDraft {
            kind,
            amount,
            purpose: "Rent".into(),
            request,
            by: "coord".into(),
            private_note: String::new(),
        };
        let mut board = Board::default();
        let rows = [
            (1, entry(EntryKind::Request, 60_000, None)),
            (2, entry(EntryKind::Pledge, 25_000, None)),
            (3, entry(EntryKind::Pledge, 50_000, None)),
            (4, entry(EntryKind::Payout, 40_000, Some(RecordId(1)))),
        ];
        for (n, draft) in rows {
            assert_eq!(draft.validate(), Ok(()));
            board
                .fund
                .insert(RecordId(n), FundEntry::create(RecordId(n), draft, at(n)));
        }
        let summary = board.fund_summary();
        assert_eq!(summary.balance(), 35_000);
        assert_eq!(summary.outstanding(), 20_000);
        assert_eq!(board.outstanding(RecordId(1)), Some(20_000));
        assert_eq!(board.outstanding(RecordId(2)), None);
        assert_eq!(board.ledger().len(), 4);
        assert!(entry(EntryKind::Pledge, 0, None).validate().is_err());
    }

    fn draft(kind: EntryKind, purpose: &str) -> EntryDraft {
        EntryDraft {
            kind,
            amount: 5_000,
            purpose: purpose.into(),
            request: None,
            by: "coord".into(),
            private_note: String::new(),
        }
    }

    #[test]
    fn a_request_says_what_it_is_for_and_other_entries_need_not() {
        assert!(draft(EntryKind::Request, "").validate().is_err());
        assert_eq!(draft(EntryKind::Request, "Rent").validate(), Ok(()));
        assert_eq!(draft(EntryKind::Pledge, "").validate(), Ok(()));
        assert_eq!(draft(EntryKind::Payout, "").validate(), Ok(()));
    }

    #[test]
    fn two_copies_that_disagree_on_who_made_an_entry_settle_on_the_first_maker_either_way() {
        let by = |maker: &str| {
            let draft = EntryDraft {
                by: maker.into(),
                ..draft(EntryKind::Pledge, "")
            };
            FundEntry::create(RecordId(1), draft, Stamp::new(1, 0, DeviceId(1)))
        };
        let merged = crate::model::merged_either_way(&by("ana"), &by("ben"));
        // The smaller maker: every version of Circle must settle on the same one.
        assert_eq!(merged.by, "ana");
    }

    #[test]
    fn what_is_owed_on_a_request_counts_only_its_own_payouts_still_standing() {
        let at = |ms| Stamp::new(ms, 0, DeviceId(1));
        let mut board = Board::default();
        let rows = [
            (1, EntryKind::Request, 60_000, None),
            (2, EntryKind::Request, 10_000, None),
            (3, EntryKind::Payout, 40_000, Some(RecordId(1))),
            (4, EntryKind::Payout, 3_000, Some(RecordId(2))),
            (5, EntryKind::Payout, 5_000, Some(RecordId(2))),
        ];
        for (n, kind, amount, request) in rows {
            let entry = EntryDraft {
                amount,
                request,
                ..draft(kind, "Rent")
            };
            board
                .fund
                .insert(RecordId(n), FundEntry::create(RecordId(n), entry, at(n)));
        }
        board
            .fund
            .get_mut(&RecordId(5))
            .unwrap()
            .removed
            .set(true, at(9));
        assert_eq!(board.outstanding(RecordId(1)), Some(20_000));
        assert_eq!(
            board.outstanding(RecordId(2)),
            Some(7_000),
            "the removed payout does not count"
        );
    }

    #[test]
    fn an_entry_past_a_limit_is_named() {
        let mut board = Board::default();
        let long = "p".repeat(Field::Purpose.limit() + 1);
        board.fund.insert(
            RecordId(7),
            FundEntry::create(
                RecordId(7),
                draft(EntryKind::Request, &long),
                Stamp::new(1, 0, DeviceId(1)),
            ),
        );
        let error = board.check_limits().unwrap_err();
        assert_eq!(error.record.id, RecordId(7));
        assert_eq!(error.error.field, Field::Purpose);
    }

    #[test]
    fn amounts_are_read_as_typed_and_anything_unclear_is_refused() {
        assert_eq!(parse_amount("45"), Some(4_500));
        assert_eq!(parse_amount(" 45.5 "), Some(4_550));
        assert_eq!(parse_amount("45,05"), Some(4_505));
        assert_eq!(parse_amount("0.99"), Some(99));
        assert_eq!(parse_amount("45."), Some(4_500));
        // A sign is refused too, though Rust's own number reader would take "+5".
        for unclear in [
            "", ".5", "1,234.50", "45.555", "-5", "4 5", "45€", "1e3", "+5", "45.+5",
        ] {
            assert_eq!(parse_amount(unclear), None, "{unclear:?}");
        }
        assert_eq!(parse_amount("99999999999999999999"), None);
    }

    #[test]
    fn each_line_carries_the_balance_after_it_and_months_add_up() {
        let day = 24 * 3_600_000;
        // 2026-11-30 and 2026-12-01, UTC.
        let (nov, dec) = (
            1_796_000_000_000 - 1_796_000_000_000 % day,
            1_796_083_200_000,
        );
        let at = |ms| Stamp::new(ms, 0, DeviceId(1));
        let mut board = Board::default();
        let rows = [
            (1, EntryKind::Request, 60_000, nov),
            (2, EntryKind::Pledge, 25_000, nov + 1),
            (3, EntryKind::Payout, 40_000, dec),
            (4, EntryKind::Pledge, 50_000, dec + 1),
        ];
        for (n, kind, amount, ms) in rows {
            let draft = EntryDraft {
                kind,
                amount,
                purpose: "Rent".into(),
                request: None,
                by: "coord".into(),
                private_note: String::new(),
            };
            board
                .fund
                .insert(RecordId(n), FundEntry::create(RecordId(n), draft, at(ms)));
        }
        let balances: Vec<i128> = board
            .ledger_lines()
            .iter()
            .map(|line| line.balance)
            .collect();
        assert_eq!(balances, [0, 25_000, -15_000, 35_000]);
        let months = board.fund_by_month();
        assert_eq!(months.len(), 2);
        assert_eq!(months[0].0, (2026, 11));
        assert_eq!(
            (
                months[0].1.requested,
                months[0].1.pledged,
                months[0].1.paid_out
            ),
            (60_000, 25_000, 0)
        );
        assert_eq!(months[1].0, (2026, 12));
        assert_eq!(
            (months[1].1.pledged, months[1].1.paid_out),
            (50_000, 40_000)
        );
        // A removed entry leaves the ledger, its balance and its month.
        board
            .fund
            .get_mut(&RecordId(3))
            .unwrap()
            .removed
            .set(true, at(dec + 5));
        let balances: Vec<i128> = board
            .ledger_lines()
            .iter()
            .map(|line| line.balance)
            .collect();
        assert_eq!(balances, [0, 25_000, 75_000]);
        assert_eq!(board.fund_by_month()[1].1.paid_out, 0);
    }
}
