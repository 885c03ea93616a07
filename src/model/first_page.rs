//! A big board from outside, taken in a page first. Checking every signature of a group's
//! 10,000-post board takes about a second on a 2-core phone; the posts the board lists first
//! are checked, merged and shown first, and the rest follow. Since the merge is associative,
//! merging the two parts one after the other leaves the same board as merging the whole.

use super::board::Board;
use super::filter::{BoardFilter, BOARD_PAGE};

impl Board {
    /// Takes out of this board the posts `filter` lists on its first page, into a board of their
    /// own, and leaves every other record here. A search is left out of the choice: matching
    /// words would mean preparing every post's search text first, the slow part this avoids.
    pub fn take_first_page(&mut self, filter: &BoardFilter) -> Board {
        let filter = BoardFilter {
            text: String::new(),
            ..filter.clone()
        };
        let first: Vec<_> = self
            .filter(&filter)
            .into_iter()
            .take(BOARD_PAGE)
            .map(|post| post.id)
            .collect();
        let mut page = Board::default();
        for id in first {
            if let Some(post) = self.posts.remove(&id) {
                page.posts.insert(id, post);
            }
        }
        page
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{
        board_with_posts, sample_draft, sample_place, Board, BoardFilter, DeviceId, Post,
        PostDraft, PostKind, RecordId, RecordKind, Stamp, Urgency, BOARD_PAGE,
    };

    /// 100 posts, asks and offers (every third) of each urgency in turn, and one place.
    fn incoming() -> Board {
        let mut board = board_with_posts(100);
        for (n, post) in board.posts.values_mut().enumerate() {
            if n % 3 == 0 {
                post.kind = PostKind::Offer;
            }
            let draft = PostDraft {
                urgency: Urgency::ALL[n % Urgency::ALL.len()],
                ..post.draft()
            };
            post.apply(draft, Stamp::new(500 + n as u64, 0, DeviceId(1)));
        }
        let place = sample_place(RecordId(900), Stamp::new(900, 0, DeviceId(1)));
        board.resources.insert(place.id, place);
        board
    }

    #[test]
    fn the_first_page_holds_the_posts_the_board_lists_first_and_nothing_is_left_out() {
        let whole = incoming();
        let mut rest = whole.clone();
        let page = rest.take_first_page(&BoardFilter::on_opening());

        let mut listed: Vec<_> = whole
            .filter(&BoardFilter::on_opening())
            .iter()
            .map(|post| post.id)
            .take(BOARD_PAGE)
            .collect();
        listed.sort();
        let in_page: Vec<_> = page.posts.keys().copied().collect();
        assert_eq!(in_page, listed);
        assert_eq!(page.posts.len(), BOARD_PAGE);
        // The most urgent come first: all 25 posts needed today, then the newest 5 of the next.
        let today = page
            .posts()
            .filter(|post| post.urgency.value == Urgency::Today);
        assert_eq!(today.count(), 25);
        let days: Vec<_> = page
            .posts()
            .filter(|post| post.urgency.value == Urgency::Days)
            .map(|post| post.id.0)
            .collect();
        assert_eq!(days, [81, 85, 89, 93, 97]);

        // Every record is in one part or the other, never both.
        assert_eq!(rest.posts.len() + page.posts.len(), whole.posts.len());
        assert!(page.posts.keys().all(|id| !rest.posts.contains_key(id)));
        assert_eq!(rest.resources, whole.resources);
        assert!(page.resources.is_empty());
    }

    #[test]
    fn a_filter_narrows_the_first_page_and_a_search_does_not() {
        let mut rest = incoming();
        let filter = BoardFilter {
            kind: Some(PostKind::Offer),
            urgency: Some(Urgency::Week),
            text: "nothing has these words".into(),
            ..BoardFilter::on_opening()
        };
        let page = rest.take_first_page(&filter);
        // Offers (every third post) needed within the week (every fourth, from the third).
        let ids: Vec<_> = page.posts.keys().map(|id| id.0).collect();
        assert_eq!(ids, [6, 18, 30, 42, 54, 66, 78, 90]);
        assert_eq!(rest.posts.len(), 92);
    }

    #[test]
    fn merging_the_first_page_then_the_rest_is_merging_the_whole() {
        // This phone holds some of the posts, with edits of its own the incoming board lacks,
        // and the incoming board edits some of this phone's posts.
        let mut here = board_with_posts(60);
        for post in here.posts.values_mut().step_by(3) {
            let draft = PostDraft {
                title: format!("Edited here {}", post.id.0),
                ..post.draft()
            };
            post.apply(draft, Stamp::new(2_000, 0, DeviceId(2)));
        }
        let mut theirs = incoming();
        theirs.posts.insert(
            RecordId(7_000),
            Post::create(
                RecordId(7_000),
                sample_draft(),
                Stamp::new(9, 0, DeviceId(3)),
            ),
        );

        let mut whole = here.clone();
        let whole_report = whole.merge_in(&theirs);

        let mut in_parts = here.clone();
        let mut rest = theirs.clone();
        let page = rest.take_first_page(&BoardFilter::on_opening());
        let mut report = in_parts.merge_in(&page);
        report += in_parts.merge_in(&rest);

        assert_eq!(in_parts, whole);
        assert_eq!(report, whole_report);
        assert_eq!(report.added, 42);
    }

    #[test]
    fn reports_add_up_kind_by_kind() {
        let mut board = Board::default();
        let mut report = board.merge_in(&board_with_posts(3));
        let mut places = Board::default();
        let place = sample_place(RecordId(1), Stamp::new(1, 0, DeviceId(1)));
        places.resources.insert(place.id, place);
        report += board.merge_in(&places);
        report += board.merge_in(&board_with_posts(4));
        assert_eq!((report.added, report.updated, report.unchanged), (5, 0, 3));
        assert_eq!(report.of(RecordKind::Post).added, 4);
        assert_eq!(report.of(RecordKind::Post).unchanged, 3);
        assert_eq!(report.of(RecordKind::Resource).added, 1);
    }
}
