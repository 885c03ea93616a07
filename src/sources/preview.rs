//! What the "preview, then merge" screen shows before anything changes: how many records a
//! link or file would add, update or leave alone, which posts it holds, and what the trust gate
//! refused and why. The counts come from the model's own merge run on a copy, so the preview
//! can never disagree with the merge.

use crate::model::{Admitted, Board, MergeReport, PostKind, RecordId, Refusal};

/// What merging an incoming board would do to ours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// Totals over every kind of record (`report.of(kind)` breaks them down).
    pub report: MergeReport,
    /// The incoming live posts: new and updated ones first, then those already here, each
    /// group in id order. A long list is shown from the top, so what changes comes first.
    pub posts: Vec<IncomingPost>,
    /// What the gate left out, and why: none of it will be merged.
    pub refused: Vec<Refusal>,
}

/// One incoming post as the preview lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncomingPost {
    pub id: RecordId,
    pub kind: PostKind,
    pub title: String,
    pub change: Change,
}

/// What merging does to one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    New,
    Updated,
    Unchanged,
}

impl Preview {
    /// Dry-runs merging what passed the gate into `current`; neither is changed. When the
    /// person confirms, the caller runs `current.merge_in(&admitted.board)` and reports its
    /// counts (the same as these, unless the board changed in between).
    pub fn of(current: &Board, admitted: &Admitted) -> Preview {
        let incoming = &admitted.board;
        let mut merged = current.clone();
        let report = merged.merge_in(incoming);
        // Changes first, each group in id order.
        let (mut posts, unchanged): (Vec<IncomingPost>, Vec<IncomingPost>) = incoming
            .posts()
            .map(|post| IncomingPost {
                id: post.id,
                kind: post.kind,
                // What the board will show: a replayed older revision keeps the newer title.
                title: merged
                    .posts
                    .get(&post.id)
                    .map_or_else(|| post.title.value.clone(), |kept| kept.title.value.clone()),
                change: match (current.posts.get(&post.id), merged.posts.get(&post.id)) {
                    (None, _) => Change::New,
                    (before, after) if before == after => Change::Unchanged,
                    _ => Change::Updated,
                },
            })
            .partition(|post| post.change != Change::Unchanged);
        posts.extend(unchanged);
        Preview {
            report,
            posts,
            refused: admitted.refused.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Contact, ContactMethod, DeviceId, Post, PostDraft, Stamp, Urgency, Visibility,
    };

    fn post(id: u64, title: &str, ms: u64) -> Post {
        let draft = PostDraft {
            kind: PostKind::Ask,
            title: title.into(),
            category: "food".into(),
            area: "north".into(),
            contact: Some(Contact {
                method: ContactMethod::Text,
                value: "+1 555 0100".into(),
                visibility: Visibility::Public,
            }),
            details: String::new(),
            urgency: Urgency::Today,
            quantity: None,
            author: "ana".into(),
            languages: Vec::new(),
            until: None,
            recurring: false,
            private_note: String::new(),
        };
        Post::create(RecordId(id), draft, Stamp::new(ms, 0, DeviceId(1)))
    }

    #[test]
    fn counts_and_lists_without_changing_either_board() {
        let mut current = Board::default();
        current.add_post(post(1, "Rice", 10));
        current.add_post(post(2, "Milk", 10));
        let mut incoming = current.clone();
        incoming
            .posts
            .get_mut(&RecordId(2))
            .unwrap()
            .title
            .set("Oat milk".into(), Stamp::new(20, 0, DeviceId(2)));
        incoming.add_post(post(3, "Nappies", 30));
        let (before, sent) = (current.clone(), incoming.clone());

        let admitted = Admitted {
            board: incoming.clone(),
            refused: Vec::new(),
        };
        let preview = Preview::of(&current, &admitted);

        assert_eq!(current, before);
        assert_eq!(incoming, sent);
        let r = preview.report;
        assert_eq!((r.added, r.updated, r.unchanged), (1, 1, 1));
        let listed: Vec<_> = preview
            .posts
            .iter()
            .map(|p| (p.title.as_str(), p.change))
            .collect();
        assert_eq!(
            listed,
            [
                ("Oat milk", Change::Updated),
                ("Nappies", Change::New),
                ("Rice", Change::Unchanged)
            ]
        );
        let same = Admitted {
            board: current.clone(),
            refused: Vec::new(),
        };
        let again = Preview::of(&current, &same).report;
        assert_eq!(
            (again.added, again.updated),
            (0, 0),
            "the same board again adds nothing"
        );
        assert_eq!(current.clone().merge_in(&incoming), preview.report);
    }
}
