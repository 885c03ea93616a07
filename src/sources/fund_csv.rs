//! The fund's ledger as CSV: every live entry, oldest first, with the balance after it. The
//! private note (who exactly, account details) never goes in: the file is for the group's
//! openness, and it leaves the device. Amounts are written with a point and two decimals
//! (`600.00`), the way spreadsheets read numbers in any language.

use super::csv_export::{push_row, BOM};
use crate::model::fund::{EntryKind, LedgerLine};
use crate::model::Day;

/// The words of the file in the reader's language.
pub trait LedgerLabels {
    /// Date, kind, amount, purpose, towards, recorded by, balance.
    fn headers(&self) -> [String; 7];
    fn kind(&self, kind: EntryKind) -> String;
}

/// `circle-fund-2026-12-03.csv`.
pub fn file_name(today: Day) -> String {
    format!("circle-fund-{today}.csv")
}

pub fn ledger_csv(lines: &[LedgerLine<'_>], labels: &impl LedgerLabels) -> String {
    let mut csv = String::from(BOM);
    push_row(&mut csv, &labels.headers());
    for line in lines {
        let entry = line.entry;
        // The request a pledge or payout goes towards, by what it was for.
        let towards = entry
            .request
            .value
            .and_then(|id| lines.iter().find(|other| other.entry.id == id))
            .map(|request| request.entry.purpose.value.clone())
            .unwrap_or_default();
        push_row(
            &mut csv,
            &[
                Day::from_ms(entry.created.ms).to_string(),
                labels.kind(entry.kind),
                decimal(i128::from(entry.amount.value)),
                entry.purpose.value.clone(),
                towards,
                entry.by.clone(),
                decimal(line.balance),
            ],
        );
    }
    csv
}

/// Minor units as a decimal number: `-150.05`.
fn decimal(cents: i128) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    format!("{sign}{}.{:02}", cents / 100, cents % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Board, DeviceId, EntryDraft, FundEntry, RecordId, Stamp};

    struct Words;

    impl LedgerLabels for Words {
        fn headers(&self) -> [String; 7] {
            [
                "Date", "Kind", "Amount", "Purpose", "Towards", "By", "Balance",
            ]
            .map(String::from)
        }
        fn kind(&self, kind: EntryKind) -> String {
            format!("{kind:?}")
        }
    }

    #[test]
    fn every_entry_with_its_balance_and_never_the_private_note() {
        // 2026-12-01 00:00 UTC.
        let dec = 1_796_083_200_000;
        let mut board = Board::default();
        let rows = [
            (1, EntryKind::Request, 60_000, "Rent, flat 4", None),
            (2, EntryKind::Pledge, 25_050, "", None),
            (3, EntryKind::Payout, 40_005, "", Some(RecordId(1))),
        ];
        for (n, kind, amount, purpose, request) in rows {
            let draft = EntryDraft {
                kind,
                amount,
                purpose: purpose.into(),
                request,
                by: "Dolores".into(),
                private_note: "Account 12345 of Mrs. Lee".into(),
            };
            let at = Stamp::new(dec + n, 0, DeviceId(1));
            board
                .fund
                .insert(RecordId(n), FundEntry::create(RecordId(n), draft, at));
        }
        let csv = ledger_csv(&board.ledger_lines(), &Words);
        let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            rows,
            [
                "Date,Kind,Amount,Purpose,Towards,By,Balance",
                "2026-12-01,Request,600.00,\"Rent, flat 4\",,Dolores,0.00",
                "2026-12-01,Pledge,250.50,,,Dolores,250.50",
                "2026-12-01,Payout,400.05,,\"Rent, flat 4\",Dolores,-149.55",
                "",
            ]
        );
        assert!(!csv.contains("12345"));
    }

    #[test]
    fn the_file_is_named_by_the_day() {
        assert_eq!(
            file_name(Day::from_ymd(2026, 12, 3).unwrap()),
            "circle-fund-2026-12-03.csv"
        );
    }
}
