//! The needs report as CSV, for a group to take to its city: counts only, as the report is.
//! One row a month, a category and an area; a category's row also says how many of its asks
//! are still open with no match, and how many of those have waited over a week. Headers and
//! names in the reader's language (the caller supplies them), written like every Circle CSV.

use super::csv_export::{push_row, BOM};
use crate::model::needs_report::{NeedsReport, Tally, Unmet};
use crate::model::Day;

/// What a row counts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    Month,
    Category,
    Area,
}

/// The words of the file in the reader's language.
pub trait ReportLabels {
    /// The six column headers: grouping, name, asks, fulfilled, open with no match, waiting
    /// over a week.
    fn headers(&self) -> [String; 6];
    fn grouping(&self, grouping: Grouping) -> String;
    /// The name of a category or area key (a month is written `2026-11`).
    fn name(&self, grouping: Grouping, key: &str) -> String;
}

/// A file name that sorts by date: `circle-needs-report-2026-12-03.csv`.
pub fn file_name(today: Day) -> String {
    format!("circle-needs-report-{today}.csv")
}

pub fn needs_report_csv(report: &NeedsReport, labels: &impl ReportLabels) -> String {
    let mut csv = String::from(BOM);
    push_row(&mut csv, &labels.headers());
    let mut row = |grouping: Grouping, name: String, tally: &Tally, unmet: Option<Unmet>| {
        let unmet =
            unmet.map(|unmet| (unmet.open.to_string(), unmet.waiting_over_week.to_string()));
        let (open, waiting) = unmet.unwrap_or_default();
        push_row(
            &mut csv,
            &[
                labels.grouping(grouping),
                name,
                tally.asks.to_string(),
                tally.fulfilled.to_string(),
                open,
                waiting,
            ],
        );
    };
    for (month, tally) in &report.months {
        let name = format!("{:04}-{:02}", month.year, month.month);
        row(Grouping::Month, name, tally, None);
    }
    for (key, tally) in &report.by_category {
        let unmet = report
            .unmet
            .iter()
            .find(|(unmet_key, _)| unmet_key == key)
            .map(|(_, unmet)| *unmet)
            .unwrap_or_default();
        row(
            Grouping::Category,
            labels.name(Grouping::Category, key),
            tally,
            Some(unmet),
        );
    }
    for (key, tally) in &report.by_area {
        row(
            Grouping::Area,
            labels.name(Grouping::Area, key),
            tally,
            None,
        );
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::needs_report::YearMonth;

    struct Words;

    impl ReportLabels for Words {
        fn headers(&self) -> [String; 6] {
            ["By", "Name", "Asks", "Fulfilled", "Open", "Waiting"].map(String::from)
        }
        fn grouping(&self, grouping: Grouping) -> String {
            format!("{grouping:?}")
        }
        fn name(&self, _: Grouping, key: &str) -> String {
            format!("={key}")
        }
    }

    fn tally(asks: usize, fulfilled: usize) -> Tally {
        Tally { asks, fulfilled }
    }

    #[test]
    fn every_month_category_and_area_is_a_row_and_a_category_says_what_is_unmet() {
        let report = NeedsReport {
            all: tally(5, 2),
            months: vec![
                (
                    YearMonth {
                        year: 2026,
                        month: 11,
                    },
                    tally(3, 1),
                ),
                (
                    YearMonth {
                        year: 2026,
                        month: 12,
                    },
                    tally(2, 1),
                ),
            ],
            by_category: vec![("food".into(), tally(4, 2)), ("rides".into(), tally(1, 0))],
            by_area: vec![("north".into(), tally(5, 2))],
            median_to_match_ms: None,
            unmet: vec![(
                "rides".into(),
                Unmet {
                    open: 1,
                    waiting_over_week: 1,
                },
            )],
        };
        let csv = needs_report_csv(&report, &Words);
        assert!(
            csv.starts_with('\u{feff}'),
            "a byte order mark, so spreadsheets read accents"
        );
        let rows: Vec<&str> = csv[3..].split("\r\n").collect();
        assert_eq!(
            rows,
            [
                "By,Name,Asks,Fulfilled,Open,Waiting",
                "Month,2026-11,3,1,,",
                "Month,2026-12,2,1,,",
                // A group's own name that looks like a formula is defused, as in every CSV.
                "Category,\"'=food\",4,2,0,0",
                "Category,\"'=rides\",1,0,1,1",
                "Area,\"'=north\",5,2,,",
                "",
            ]
        );
    }

    #[test]
    fn the_file_is_named_by_the_day() {
        assert_eq!(
            file_name(Day::from_ymd(2026, 12, 3).unwrap()),
            "circle-needs-report-2026-12-03.csv"
        );
    }
}
