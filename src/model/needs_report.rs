//! The needs report: what the group's asks were, month by month, by category and by area; how
//! many were fulfilled; how long an ask waited for a match; and what is still unmet. Counts
//! only, and only the group's own category and area names (anything an author typed instead is
//! counted as "other"), so a group can show its city what people need without showing anyone.

use super::board::Board;
use super::config::GroupConfig;
use super::day::Day;
use super::id::RecordId;
use super::post::Status;
use super::post::{Post, PostKind};
use super::record::Record;
use std::collections::BTreeMap;

/// What a category or an area typed by hand is counted under.
pub const OTHER: &str = "other";
const WEEK_MS: u64 = 7 * 24 * 3_600_000;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NeedsReport {
    /// Every ask, and how many of them were fulfilled.
    pub all: Tally,
    /// Month by month (by the day each ask was posted, UTC), oldest first.
    pub months: Vec<(YearMonth, Tally)>,
    /// By the group's category keys, most asked first.
    pub by_category: Vec<(String, Tally)>,
    /// By the group's area keys, most asked first.
    pub by_area: Vec<(String, Tally)>,
    /// The median wait from posting to the first match, over the asks that were matched.
    pub median_to_match_ms: Option<u64>,
    /// Asks still open with no match recorded, by category, most first.
    pub unmet: Vec<(String, Unmet)>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub asks: usize,
    pub fulfilled: usize,
}

impl Tally {
    /// The share of asks fulfilled, 0 to 1; `None` with no asks.
    pub fn fulfilled_share(&self) -> Option<f64> {
        (self.asks > 0).then(|| self.fulfilled as f64 / self.asks as f64)
    }

    fn add(&mut self, fulfilled: bool) {
        self.asks += 1;
        self.fulfilled += usize::from(fulfilled);
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unmet {
    pub open: usize,
    /// Open for more than a week.
    pub waiting_over_week: usize,
}

impl Board {
    /// The needs report of every ask on the board at `now_ms`, named with `config`'s keys.
    pub fn needs_report(&self, config: &GroupConfig, now_ms: u64) -> NeedsReport {
        let mut months: BTreeMap<YearMonth, Tally> = BTreeMap::new();
        let mut categories: BTreeMap<&str, Tally> = BTreeMap::new();
        let mut areas: BTreeMap<&str, Tally> = BTreeMap::new();
        let mut unmet: BTreeMap<&str, Unmet> = BTreeMap::new();
        let mut waits = Vec::new();
        let mut all = Tally::default();
        // The first match recorded for each ask, found in one pass over the matches.
        let mut recorded: BTreeMap<RecordId, u64> = BTreeMap::new();
        for made in self.matches.values().filter(|made| !made.is_removed()) {
            let first = recorded.entry(made.ask).or_insert(made.created.ms);
            *first = (*first).min(made.created.ms);
        }
        for ask in self.posts().filter(|post| post.kind == PostKind::Ask) {
            let status = ask.current_status();
            let fulfilled = status == Status::Fulfilled;
            let category = known(
                &ask.category.value,
                config.has_category(&ask.category.value),
            );
            let area = known(&ask.area.value, config.has_area(&ask.area.value));
            let (year, month, _) = Day::from_ms(ask.created.ms).ymd();
            all.add(fulfilled);
            months
                .entry(YearMonth { year, month })
                .or_default()
                .add(fulfilled);
            categories.entry(category).or_default().add(fulfilled);
            areas.entry(area).or_default().add(fulfilled);
            let matched = recorded.get(&ask.id).copied();
            // An open ask a coordinator has matched is being met.
            if status == Status::Open && matched.is_none() {
                let waiting = unmet.entry(category).or_default();
                waiting.open += 1;
                if now_ms.saturating_sub(ask.created.ms) > WEEK_MS {
                    waiting.waiting_over_week += 1;
                }
            }
            if let Some(matched) = first_match_ms(ask, matched) {
                waits.push(matched.saturating_sub(ask.created.ms));
            }
        }
        NeedsReport {
            all,
            months: months.into_iter().collect(),
            by_category: most_first(categories, |tally| tally.asks),
            by_area: most_first(areas, |tally| tally.asks),
            median_to_match_ms: median(&mut waits),
            unmet: most_first(unmet, |unmet| unmet.open),
        }
    }
}

/// When `ask` was first matched: its first move to matched (or straight to fulfilled), or the
/// first match a coordinator `recorded` for it, whichever came first.
fn first_match_ms(ask: &Post, recorded: Option<u64>) -> Option<u64> {
    ask.history
        .iter()
        .filter(|change| matches!(change.to, Status::Matched | Status::Fulfilled))
        .map(|change| change.at.ms)
        .chain(recorded)
        .min()
}

fn known(key: &str, listed: bool) -> &str {
    if listed && !key.is_empty() {
        key
    } else {
        OTHER
    }
}

/// Keys by `count`, largest first; equal counts in key order.
fn most_first<T: Copy>(
    tallies: BTreeMap<&str, T>,
    count: impl Fn(&T) -> usize,
) -> Vec<(String, T)> {
    let mut list: Vec<(String, T)> = tallies
        .into_iter()
        .map(|(key, tally)| (key.to_string(), tally))
        .collect();
    list.sort_by(|a, b| count(&b.1).cmp(&count(&a.1)).then_with(|| a.0.cmp(&b.0)));
    list
}

/// The middle value (the lower of the two middle ones for an even count).
fn median(values: &mut [u64]) -> Option<u64> {
    if values.is_empty() {
        return None;
    }
    let middle = (values.len() - 1) / 2;
    Some(*values.select_nth_unstable(middle).1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{sample_draft, signer, DeviceId, Partner, RecordId, Stamp};
    use crate::model::{Match, PostDraft};

    const HOUR: u64 = 3_600_000;
    /// 2026-11-02 00:00 UTC.
    const NOV: u64 = 1_793_577_600_000;
    /// 2026-12-01 00:00 UTC.
    const DEC: u64 = 1_796_083_200_000;

    fn at(ms: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(1))
    }

    fn ask(board: &mut Board, id: u64, category: &str, area: &str, ms: u64) {
        let draft = PostDraft {
            category: category.into(),
            area: area.into(),
            ..sample_draft()
        };
        board.add_post(Post::create(RecordId(id), draft, at(ms)));
    }

    fn config() -> GroupConfig {
        GroupConfig::from_json(r#"{"categories": ["food", "rides"], "areas": ["north", "south"]}"#)
            .unwrap()
    }

    #[test]
    fn counts_by_month_category_and_area_with_the_share_fulfilled_and_the_wait() {
        let mut board = Board::default();
        ask(&mut board, 1, "food", "north", NOV);
        ask(&mut board, 2, "food", "south", NOV + HOUR);
        ask(&mut board, 3, "rides", "north", DEC);
        // Typed by hand: counted, never named.
        ask(&mut board, 4, "food", "12 Elm St, flat 3", DEC + HOUR);
        let mut offer = sample_draft();
        offer.kind = PostKind::Offer;
        board.add_post(Post::create(RecordId(5), offer, at(NOV)));

        // Ask 1: matched after 4 hours, then fulfilled. Ask 3: a coordinator's match after 10
        // hours, and the ask stays as it was.
        let key = signer();
        board
            .set_status(
                RecordId(1),
                Status::Matched,
                "ana",
                at(NOV + 4 * HOUR),
                &key,
            )
            .unwrap();
        board
            .set_status(
                RecordId(1),
                Status::Fulfilled,
                "ana",
                at(NOV + 9 * HOUR),
                &key,
            )
            .unwrap();
        let made = Match::create(
            RecordId(9),
            RecordId(3),
            Partner::Volunteer("ben".into()),
            "coord".into(),
            String::new(),
            at(DEC + 10 * HOUR),
        );
        board.matches.insert(made.id, made);

        let report = board.needs_report(&config(), DEC + 5 * 24 * HOUR);
        assert_eq!(
            report.all,
            Tally {
                asks: 4,
                fulfilled: 1
            }
        );
        assert_eq!(report.all.fulfilled_share(), Some(0.25));
        assert_eq!(
            report.months,
            [
                (
                    YearMonth {
                        year: 2026,
                        month: 11
                    },
                    Tally {
                        asks: 2,
                        fulfilled: 1
                    }
                ),
                (
                    YearMonth {
                        year: 2026,
                        month: 12
                    },
                    Tally {
                        asks: 2,
                        fulfilled: 0
                    }
                ),
            ]
        );
        assert_eq!(
            report.by_category,
            [
                (
                    "food".to_string(),
                    Tally {
                        asks: 3,
                        fulfilled: 1
                    }
                ),
                (
                    "rides".to_string(),
                    Tally {
                        asks: 1,
                        fulfilled: 0
                    }
                ),
            ]
        );
        let areas: Vec<(&str, usize)> = report
            .by_area
            .iter()
            .map(|(key, tally)| (key.as_str(), tally.asks))
            .collect();
        assert_eq!(areas, [("north", 2), ("other", 1), ("south", 1)]);
        // Waits of 4 and 10 hours: the lower middle of an even count.
        assert_eq!(report.median_to_match_ms, Some(4 * HOUR));
        // Unmet: ask 2 (open since November) and ask 4 (five days); ask 3 has a match.
        assert_eq!(
            report.unmet,
            [(
                "food".to_string(),
                Unmet {
                    open: 2,
                    waiting_over_week: 1
                }
            )]
        );
    }

    #[test]
    fn only_asks_open_for_more_than_a_week_count_as_waiting_over_a_week() {
        let now = DEC + 30 * 24 * HOUR;
        let mut board = Board::default();
        ask(&mut board, 1, "food", "north", now - 2 * WEEK_MS);
        ask(&mut board, 2, "food", "north", now - 2 * WEEK_MS + HOUR);
        ask(&mut board, 3, "food", "north", now - WEEK_MS);
        ask(&mut board, 4, "food", "north", now - HOUR);
        let report = board.needs_report(&config(), now);
        assert_eq!(
            report.unmet,
            [(
                "food".to_string(),
                Unmet {
                    open: 4,
                    waiting_over_week: 2
                }
            )],
            "exactly a week is not over a week"
        );
    }

    #[test]
    fn an_empty_board_reports_nothing_and_divides_by_nothing() {
        let report = Board::default().needs_report(&config(), DEC);
        assert_eq!(report, NeedsReport::default());
        assert_eq!(report.all.fulfilled_share(), None);
    }
}
