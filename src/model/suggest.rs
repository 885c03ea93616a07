//! Matching suggestions: for an open ask, the open offers and the people's listed skills most
//! likely to meet it, ranked by the same category first, then the same area, then a time that
//! fits, then a shared language. A coordinator still decides: nothing is matched by itself.
//! Also the asks still waiting for a match, most urgent and oldest first, so none waits unseen.

use super::board::Board;
use super::day::Day;
use super::id::RecordId;
use super::post::{Post, PostKind, Status};
use super::record::Record;

/// Where a suggestion comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Candidate {
    Offer(RecordId),
    Skill(RecordId),
}

/// One suggestion, with what it has in common with the ask, for the screen to say why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub candidate: Candidate,
    pub same_category: bool,
    pub same_area: bool,
    /// An offer still available on the day the ask is needed by (or today); a listed skill
    /// whose person is available.
    pub in_time: bool,
    pub shared_language: bool,
}

impl Suggestion {
    /// Higher ranks first: each reason outweighs every reason after it.
    fn rank(&self) -> (bool, bool, bool, bool) {
        (
            self.same_category,
            self.same_area,
            self.in_time,
            self.shared_language,
        )
    }
}

impl Board {
    /// Up to `limit` suggestions for the ask `ask`, best first, on `today`. Offers that share
    /// nothing with the ask (no category, no area) are left out; an offer beats a listed skill
    /// of the same rank, as it is a neighbour's standing offer.
    pub fn suggestions(&self, ask: RecordId, today: Day, limit: usize) -> Vec<Suggestion> {
        let Some(ask) = self.post(ask).filter(|post| post.kind == PostKind::Ask) else {
            return Vec::new();
        };
        let needed_by = ask.until.value.unwrap_or(today).max(today);
        let shares_language = |languages: &[String]| {
            languages
                .iter()
                .any(|language| ask.languages.value.contains(language))
        };
        let offers = self
            .posts()
            .filter(|post| post.kind == PostKind::Offer && post.current_status() == Status::Open)
            .map(|offer| Suggestion {
                candidate: Candidate::Offer(offer.id),
                same_category: offer.category.value == ask.category.value,
                same_area: offer.area.value == ask.area.value,
                in_time: offer.until.value.is_none_or(|until| until >= needed_by),
                shared_language: shares_language(&offer.languages.value),
            });
        let skills = self
            .skills
            .values()
            .filter(|skill| !skill.is_removed())
            .map(|skill| Suggestion {
                candidate: Candidate::Skill(skill.id),
                same_category: skill.skill.value == ask.category.value,
                same_area: skill.area.value == ask.area.value,
                in_time: skill.available.value,
                shared_language: shares_language(&skill.languages.value),
            });
        let mut found: Vec<Suggestion> = offers
            .chain(skills)
            .filter(|suggestion| suggestion.same_category || suggestion.same_area)
            .collect();
        found.sort_by(|a, b| {
            b.rank()
                .cmp(&a.rank())
                .then_with(|| a.candidate.cmp(&b.candidate))
        });
        found.truncate(limit);
        found
    }

    /// Open asks with no match recorded, most urgent first, then oldest first.
    pub fn unmatched_asks(&self) -> Vec<&Post> {
        let matched: std::collections::BTreeSet<RecordId> = self
            .matches
            .values()
            .filter(|made| !made.is_removed())
            .map(|made| made.ask)
            .collect();
        let mut asks: Vec<&Post> = self
            .posts()
            .filter(|post| post.kind == PostKind::Ask && post.current_status() == Status::Open)
            .filter(|post| !matched.contains(&post.id))
            .collect();
        asks.sort_by_key(|post| (post.urgency.value, post.created));
        asks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Skill;
    use crate::model::{
        sample_draft, DeviceId, Match, Partner, PostDraft, SkillDraft, Stamp, Urgency,
    };

    fn at(ms: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(1))
    }

    fn post(board: &mut Board, id: u64, kind: PostKind, change: impl FnOnce(&mut PostDraft)) {
        let mut draft = PostDraft {
            kind,
            languages: Vec::new(),
            until: None,
            ..sample_draft()
        };
        change(&mut draft);
        board.add_post(Post::create(RecordId(id), draft, at(id)));
    }

    const TODAY: Day = Day(20_000);

    #[test]
    fn category_outranks_area_outranks_time_outranks_language() {
        let mut board = Board::default();
        post(&mut board, 1, PostKind::Ask, |d| {
            d.category = "rides".into();
            d.area = "north".into();
            d.languages = vec!["es".into()];
            d.until = Some(TODAY.plus(3));
        });
        // Same category and area, but gone before the ask is needed.
        post(&mut board, 10, PostKind::Offer, |d| {
            d.category = "rides".into();
            d.area = "north".into();
            d.until = Some(TODAY.plus(1));
        });
        // Same category, area and time.
        post(&mut board, 11, PostKind::Offer, |d| {
            d.category = "rides".into();
            d.area = "north".into();
        });
        // Same category only, but speaks Spanish.
        post(&mut board, 12, PostKind::Offer, |d| {
            d.category = "rides".into();
            d.area = "south".into();
            d.languages = vec!["es".into()];
        });
        // Same area only.
        post(&mut board, 13, PostKind::Offer, |d| {
            d.category = "food".into();
            d.area = "north".into();
        });
        // Nothing in common: never suggested.
        post(&mut board, 14, PostKind::Offer, |d| {
            d.category = "food".into();
            d.area = "south".into();
        });
        // A listed skill with the same category and area, away for now.
        let skill = Skill::create(
            RecordId(20),
            SkillDraft {
                handle: "ben".into(),
                skill: "rides".into(),
                details: String::new(),
                area: "north".into(),
                languages: vec!["es".into()],
                contact: None,
            },
            at(1),
        );
        let mut away = skill.clone();
        away.available.set(false, at(2));
        board.skills.insert(away.id, away);

        let ranked: Vec<Candidate> = board
            .suggestions(RecordId(1), TODAY, 10)
            .into_iter()
            .map(|suggestion| suggestion.candidate)
            .collect();
        assert_eq!(
            ranked,
            [
                // Category, area and time.
                Candidate::Offer(RecordId(11)),
                // Category and area, out of time: the shared language decides between them.
                Candidate::Skill(RecordId(20)),
                Candidate::Offer(RecordId(10)),
                // Category only; then area only.
                Candidate::Offer(RecordId(12)),
                Candidate::Offer(RecordId(13)),
            ]
        );
        assert_eq!(board.suggestions(RecordId(1), TODAY, 2).len(), 2);
        assert!(
            board.suggestions(RecordId(11), TODAY, 10).is_empty(),
            "an offer is no ask"
        );
    }

    /// What may never be suggested (an offer no longer open, a skill its person took down)
    /// and the edges of "in time": an offer lasting to the very day the ask is needed by is in
    /// time, and an ask whose day has passed is needed from today.
    #[test]
    fn only_what_can_still_help_is_suggested_and_in_time_means_by_the_day_needed() {
        let mut board = Board::default();
        post(&mut board, 1, PostKind::Ask, |d| {
            d.category = "rides".into();
            d.until = Some(TODAY.plus(3));
        });
        post(&mut board, 2, PostKind::Ask, |d| {
            d.category = "food".into();
            d.area = "south".into();
            d.until = Some(TODAY.plus(-5));
        });
        for (id, days) in [(13, -2), (14, 2)] {
            post(&mut board, id, PostKind::Offer, |d| {
                d.category = "food".into();
                d.area = "south".into();
                d.until = Some(TODAY.plus(days));
            });
        }
        post(&mut board, 10, PostKind::Offer, |d| {
            d.category = "rides".into();
            d.until = Some(TODAY.plus(3));
        });
        post(&mut board, 11, PostKind::Offer, |d| {
            d.category = "rides".into();
            d.until = Some(TODAY.plus(2));
        });
        post(&mut board, 12, PostKind::Offer, |d| {
            d.category = "rides".into()
        });
        if let Some(done) = board.posts.get_mut(&RecordId(12)) {
            done.status.set(Status::Fulfilled, at(50));
        }
        let draft = |handle: &str| SkillDraft {
            handle: handle.into(),
            skill: "rides".into(),
            details: String::new(),
            area: sample_draft().area,
            languages: Vec::new(),
            contact: None,
        };
        let mut gone = Skill::create(RecordId(20), draft("ben"), at(1));
        gone.removed.set(true, at(2));
        board.skills.insert(gone.id, gone);
        let kept = Skill::create(RecordId(21), draft("cy"), at(1));
        board.skills.insert(kept.id, kept);

        let found = board.suggestions(RecordId(1), TODAY, 10);
        let in_time: Vec<(Candidate, bool)> = found
            .iter()
            .map(|suggestion| (suggestion.candidate, suggestion.in_time))
            .collect();
        assert_eq!(
            in_time,
            [
                // An offer beats a listed skill of the same rank.
                (Candidate::Offer(RecordId(10)), true),
                (Candidate::Skill(RecordId(21)), true),
                (Candidate::Offer(RecordId(11)), false),
            ]
        );
        let late: Vec<(Candidate, bool)> = board
            .suggestions(RecordId(2), TODAY, 10)
            .iter()
            .map(|suggestion| (suggestion.candidate, suggestion.in_time))
            .collect();
        assert_eq!(
            late,
            [
                (Candidate::Offer(RecordId(14)), true),
                (Candidate::Offer(RecordId(13)), false),
            ]
        );
    }

    #[test]
    fn an_undone_match_leaves_its_ask_waiting_and_a_fulfilled_ask_waits_for_nothing() {
        let mut board = Board::default();
        post(&mut board, 1, PostKind::Ask, |_| ());
        post(&mut board, 2, PostKind::Ask, |_| ());
        if let Some(done) = board.posts.get_mut(&RecordId(2)) {
            done.status.set(Status::Fulfilled, at(50));
        }
        let made = Match::create(
            RecordId(9),
            RecordId(1),
            Partner::Volunteer("ana".into()),
            "coord".into(),
            String::new(),
            at(10),
        );
        board.matches.insert(made.id, made);
        assert!(board.unmatched_asks().is_empty());
        board.remove_match(RecordId(9), at(20)).expect("the match");
        let ids: Vec<u64> = board
            .unmatched_asks()
            .iter()
            .map(|post| post.id.0)
            .collect();
        assert_eq!(ids, [1]);
    }

    #[test]
    fn unmatched_asks_come_most_urgent_then_oldest_and_leave_out_the_matched() {
        let mut board = Board::default();
        post(&mut board, 1, PostKind::Ask, |d| d.urgency = Urgency::Week);
        post(&mut board, 2, PostKind::Ask, |d| d.urgency = Urgency::Today);
        post(&mut board, 3, PostKind::Ask, |d| d.urgency = Urgency::Week);
        post(&mut board, 4, PostKind::Ask, |d| d.urgency = Urgency::Today);
        post(&mut board, 5, PostKind::Offer, |d| {
            d.urgency = Urgency::Today
        });
        let made = Match::create(
            RecordId(9),
            RecordId(4),
            Partner::Volunteer("ana".into()),
            "coord".into(),
            String::new(),
            at(10),
        );
        board.matches.insert(made.id, made);
        let ids: Vec<u64> = board
            .unmatched_asks()
            .iter()
            .map(|post| post.id.0)
            .collect();
        assert_eq!(ids, [2, 1, 3]);
    }
}
