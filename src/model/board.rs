//! The board: everything a group coordinates, keyed by record id. Merging two boards keeps every
//! edit from both and reports what changed, so loading a source never silently overwrites.

use super::id::RecordId;
use super::merge::Merge;
use super::post::Post;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    #[serde(default)]
    pub posts: BTreeMap<RecordId, Post>,
}

/// What a merge did, as the person is told: "3 new, 1 updated, 12 unchanged".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl Board {
    /// Posts that are not deleted, in id order.
    pub fn posts(&self) -> impl Iterator<Item = &Post> {
        self.posts.values().filter(|post| !post.is_removed())
    }

    pub fn post(&self, id: RecordId) -> Option<&Post> {
        self.posts.get(&id).filter(|post| !post.is_removed())
    }

    pub fn add_post(&mut self, post: Post) {
        self.posts.insert(post.id, post);
    }

    /// Merges `other` in and counts, per incoming record, whether it was new, changed ours, or
    /// added nothing.
    pub fn merge_in(&mut self, other: &Board) -> MergeReport {
        let mut report = MergeReport::default();
        for (id, theirs) in &other.posts {
            match self.posts.get_mut(id) {
                None => {
                    self.posts.insert(*id, theirs.clone());
                    report.added += 1;
                }
                Some(ours) => {
                    let before = ours.clone();
                    ours.merge(theirs);
                    if *ours == before {
                        report.unchanged += 1;
                    } else {
                        report.updated += 1;
                    }
                }
            }
        }
        report
    }
}

impl Merge for Board {
    fn merge(&mut self, other: &Self) {
        self.posts.merge(&other.posts);
    }
}
