//! Retention: open asks expire after the group's number of days, and private fields of posts
//! that closed long enough ago are wiped, so a lost phone holds little. On the author's own
//! posts both are signed edits that reach every other copy through merge; on anyone else's a
//! device may only forget: it withholds the private values (their digests keep the signature
//! whole) and leaves expiry to the author.

use super::board::Board;
use super::clock::Stamp;
use super::config::GroupConfig;
use super::post::{CloseReason, PostKind, Status, StatusChange};
use super::record::Record;
use super::trust::sealed::seal_edit;
use super::trust::Signer;

const DAY_MS: u64 = 86_400_000;

/// What a retention pass changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RetentionReport {
    /// Open asks closed as expired.
    pub expired: usize,
    /// Posts whose private fields were wiped.
    pub wiped: usize,
}

impl Board {
    /// Applies the group's retention rules at wall time `now_ms`, recording changes to the
    /// posts `signer` wrote as made by `by` at `at` (a fresh stamp from this device's clock).
    pub fn apply_retention(
        &mut self,
        now_ms: u64,
        config: &GroupConfig,
        at: Stamp,
        by: &str,
        signer: &Signer,
    ) -> RetentionReport {
        let expiry_ms = u64::from(config.ask_expiry_days).saturating_mul(DAY_MS);
        let retention_ms = u64::from(config.private_retention_days).saturating_mul(DAY_MS);
        let mut report = RetentionReport::default();
        let mut wiped_asks = Vec::new();
        for post in self.posts.values_mut().filter(|post| !post.is_removed()) {
            let mine = post.is_author(signer, at) && at > post.revision();
            // The status stamp says since when the post has been in its status: a renewed ask
            // gets a fresh period.
            let since = post.status_since().ms;
            let status = post.current_status();
            if mine
                && post.kind == PostKind::Ask
                && status == Status::Open
                && now_ms >= since.saturating_add(expiry_ms)
            {
                let expired = Status::Closed(CloseReason::Expired);
                post.status.set(expired, at);
                post.history.insert(StatusChange {
                    at,
                    by: by.to_string(),
                    to: expired,
                });
                post.resign(signer);
                report.expired += 1;
            } else if !status.is_active() && now_ms >= since.saturating_add(retention_ms) {
                let private_contact = post
                    .contact
                    .value
                    .as_ref()
                    .is_some_and(|c| c.visibility == super::post::Visibility::Private);
                let note = !post.private_note.value.is_empty();
                let wiped = if !mine && post.is_signed() {
                    if private_contact {
                        post.withhold_contact();
                    }
                    if note {
                        post.withhold_note();
                    }
                    private_contact || note
                } else {
                    let mut wiped = private_contact && post.contact.change(None, at);
                    wiped |= post.private_note.change(String::new(), at);
                    if wiped {
                        post.resign(signer);
                    }
                    wiped
                };
                if wiped {
                    report.wiped += 1;
                    wiped_asks.push(post.id);
                }
            }
        }
        // Notes on the matches of those posts talk about the same people. As on a post, a
        // match this device may not change is only blanked here; its author's copy wipes the
        // note for everyone.
        for found in self.matches.values_mut() {
            if wiped_asks.contains(&found.ask) {
                match found.author {
                    Some(author) if author != signer.key() => found.notes.withhold(),
                    _ => {
                        found.notes.change(String::new(), at);
                        seal_edit(found, at, signer);
                    }
                }
            }
        }
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::matching::{Match, Partner};
    use crate::model::post::{PostDraft, Visibility};
    use crate::model::signer;
    use crate::model::{sample_draft, DeviceId, Post, PostKind, RecordId};

    fn at(ms: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(1))
    }

    #[test]
    fn open_asks_expire_after_the_configured_days_and_offers_do_not() {
        let mut board = Board::default();
        board.add_post(Post::create(RecordId(1), sample_draft(), at(DAY_MS)));
        let mut offer = sample_draft();
        offer.kind = PostKind::Offer;
        board.add_post(Post::create(RecordId(2), offer, at(DAY_MS)));
        let config = GroupConfig::default();
        let day_30 = 31 * DAY_MS - 1;
        assert_eq!(
            board.apply_retention(day_30, &config, at(day_30), "circle", &signer()),
            RetentionReport::default()
        );
        let day_31 = 31 * DAY_MS;
        let report = board.apply_retention(day_31, &config, at(day_31), "circle", &signer());
        assert_eq!(report.expired, 1);
        let ask = board.post(RecordId(1)).unwrap();
        assert_eq!(ask.status.value, Status::Closed(CloseReason::Expired));
        assert!(ask.history.iter().any(|c| c.by == "circle"));
        assert_eq!(board.post(RecordId(2)).unwrap().status.value, Status::Open);
        // Renewal restarts the clock.
        board
            .set_status(RecordId(1), Status::Open, "rosa", at(day_31 + 1), &signer())
            .unwrap();
        let report =
            board.apply_retention(day_31 + 2, &config, at(day_31 + 2), "circle", &signer());
        assert_eq!(report.expired, 0);
    }

    #[test]
    fn private_fields_of_long_closed_posts_are_wiped() {
        let mut board = Board::default();
        board.add_post(Post::create(RecordId(1), sample_draft(), at(1)));
        board.matches.insert(
            RecordId(5),
            Match::create(
                RecordId(5),
                RecordId(1),
                Partner::Volunteer("ana".into()),
                "coord".into(),
                "lives upstairs".into(),
                at(1),
            ),
        );
        board
            .set_status(RecordId(1), Status::Matched, "ana", at(2), &signer())
            .unwrap();
        board
            .set_status(RecordId(1), Status::Fulfilled, "ana", at(DAY_MS), &signer())
            .unwrap();
        let config = GroupConfig::default();
        let soon = 10 * DAY_MS;
        assert_eq!(
            board
                .apply_retention(soon, &config, at(soon), "circle", &signer())
                .wiped,
            0
        );
        let later = 15 * DAY_MS;
        let report = board.apply_retention(later, &config, at(later), "circle", &signer());
        assert_eq!(report.wiped, 1);
        let post = board.post(RecordId(1)).unwrap();
        assert_eq!(post.contact.value, None);
        assert!(post.private_note.value.is_empty());
        assert!(board.matches[&RecordId(5)].notes.value.is_empty());
        assert_eq!(
            board.apply_retention(later + 1, &config, at(later + 1), "circle", &signer()),
            RetentionReport::default()
        );
    }

    /// A signed post closed fifteen days ago, as `author` wrote it.
    fn closed_signed_post(author: &Signer) -> (Board, RecordId) {
        closed_signed_post_from(sample_draft(), author)
    }

    /// Retention run by this device (the key [`signer`]) fifteen days on, when the private
    /// fields of a post closed at day 0 are due to go.
    fn wipe_after_fifteen_days(board: &mut Board) -> RetentionReport {
        let later = 15 * DAY_MS;
        board.apply_retention(
            later,
            &GroupConfig::default(),
            at(later),
            "circle",
            &signer(),
        )
    }

    fn closed_signed_post_from(draft: PostDraft, author: &Signer) -> (Board, RecordId) {
        let mut board = Board::default();
        let post = Post::create_signed(draft, at(1), author);
        let id = post.id;
        board.add_post(post);
        board
            .set_status(id, Status::Fulfilled, "rosa", at(2), author)
            .unwrap();
        (board, id)
    }

    #[test]
    fn the_author_wipes_their_own_signed_post_by_a_signed_edit_every_copy_takes_up() {
        let (mut board, id) = closed_signed_post(&signer());
        let neighbours_copy = board.clone();
        let report = wipe_after_fifteen_days(&mut board);
        assert_eq!(report.wiped, 1);
        let post = board.post(id).unwrap();
        assert!(post.verifies(), "the wipe is signed by the author");
        assert_eq!(
            post.contact.at,
            at(15 * DAY_MS),
            "the wipe is an edit, newer than the contact"
        );
        // A neighbour who still holds the contact loses it on the next merge.
        let mut theirs = neighbours_copy;
        theirs.merge_in(&board);
        let merged = theirs.post(id).unwrap();
        assert_eq!(merged.contact.value, None);
        assert!(merged.private_note.value.is_empty());
        assert!(merged.verifies());
    }

    #[test]
    fn a_match_note_is_wiped_by_its_makers_signed_edit_and_only_blanked_on_other_devices() {
        let (mut board, id) = closed_signed_post(&signer());
        let other = Signer::from_seed([7; 32]);
        for (match_id, maker) in [(RecordId(5), &signer()), (RecordId(6), &other)] {
            let mut found = Match::create(
                match_id,
                id,
                Partner::Volunteer("ana".into()),
                "coord".into(),
                "lives upstairs".into(),
                at(3),
            );
            seal_edit(&mut found, at(3), maker);
            board.matches.insert(match_id, found);
        }
        let before = board.clone();
        wipe_after_fifteen_days(&mut board);
        let mine = &board.matches[&RecordId(5)];
        assert!(mine.notes.value.is_empty());
        assert_eq!(
            mine.notes.at,
            at(15 * DAY_MS),
            "an edit, so every copy takes it up"
        );
        assert!(
            mine.notes.seal.is_some(),
            "sealed by its maker, this device"
        );
        let theirs = &board.matches[&RecordId(6)];
        assert!(theirs.notes.value.is_empty());
        assert!(
            theirs.notes.seal.is_none(),
            "nothing sealed in another maker's name"
        );
        // A copy that still holds both notes: the maker's wipe wins there, the blank gives way
        // (that note goes when its own maker's device wipes it).
        let mut elsewhere = before;
        elsewhere.merge_in(&board);
        assert!(elsewhere.matches[&RecordId(5)].notes.value.is_empty());
        assert_eq!(
            elsewhere.matches[&RecordId(6)].notes.value,
            "lives upstairs"
        );
    }

    #[test]
    fn a_device_only_withholds_the_private_fields_of_someone_elses_post() {
        let author = Signer::from_seed([7; 32]);
        let (mut board, id) = closed_signed_post(&author);
        let contact_stamp = board.post(id).unwrap().contact.at;
        let report = wipe_after_fifteen_days(&mut board);
        assert_eq!(report.wiped, 1);
        let post = board.post(id).unwrap();
        assert_eq!(post.contact.value, None);
        assert!(post.private_note.value.is_empty());
        assert_eq!(
            post.contact.at, contact_stamp,
            "no edit in the author's name"
        );
        assert!(post.is_by(&author));
        assert!(
            post.verifies(),
            "the digests keep the author's signature whole"
        );
    }

    #[test]
    fn retention_writes_nothing_with_a_stamp_no_newer_than_the_post() {
        let mut board = Board::default();
        board.add_post(Post::create(RecordId(1), sample_draft(), at(DAY_MS)));
        let before = board.clone();
        let day_31 = 31 * DAY_MS;
        // The device's clock stands where the post's last revision does: a change stamped so
        // would not win over that revision, so none is made.
        let report = board.apply_retention(
            day_31,
            &GroupConfig::default(),
            at(DAY_MS),
            "circle",
            &signer(),
        );
        assert_eq!(report, RetentionReport::default());
        assert_eq!(board, before);
    }

    #[test]
    fn a_private_note_beside_a_public_contact_is_wiped_and_counted_on_every_copy() {
        let mut draft = sample_draft();
        if let Some(contact) = &mut draft.contact {
            contact.visibility = Visibility::Public;
        }
        for author in [signer(), Signer::from_seed([7; 32])] {
            let (mut board, id) = closed_signed_post_from(draft.clone(), &author);
            let report = wipe_after_fifteen_days(&mut board);
            assert_eq!(report.wiped, 1);
            let post = board.post(id).unwrap();
            assert!(post.private_note.value.is_empty());
            assert_eq!(post.contact.value, draft.contact, "a public contact stays");
            assert!(post.verifies());
        }
    }
}
