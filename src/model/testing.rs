//! Small fixtures shared by the unit tests of the model.

use super::post::{Contact, ContactMethod, Post, PostDraft, PostKind, Urgency, Visibility};
use super::resource::{Resource, ResourceDraft, ResourceKind};
use super::validate::{Field, ValidationError};
use super::{Board, DeviceId, RecordId, Signer, Stamp};

/// A fixed author key for tests that need one: unsigned posts made by the test's own device
/// are that device's to change, whatever the key.
pub fn signer() -> Signer {
    Signer::from_seed([42; 32])
}

/// The fields a draft's checks refused, in field order; none when it passed.
pub fn refused_fields(checked: Result<(), Vec<ValidationError>>) -> Vec<Field> {
    checked
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|error| error.field)
        .collect()
}

/// Merges two copies of a record each way, as two phones would, checks that both phones end
/// with the same record, and returns it.
pub fn merged_either_way<T>(a: &T, b: &T) -> T
where
    T: super::merge::Merge + Clone + PartialEq + std::fmt::Debug,
{
    let (mut one, mut other) = (a.clone(), b.clone());
    one.merge(b);
    other.merge(a);
    assert_eq!(one, other, "the same on every phone");
    one
}

/// A plausible ask by "rosa".
pub fn sample_draft() -> PostDraft {
    PostDraft {
        kind: PostKind::Ask,
        title: "Groceries for two".into(),
        category: "food".into(),
        area: "north".into(),
        contact: Some(Contact {
            method: ContactMethod::Text,
            value: "+1 555 0100".into(),
            visibility: Visibility::Private,
        }),
        details: "Rice, beans, fruit".into(),
        urgency: Urgency::Days,
        quantity: Some(2),
        author: "rosa".into(),
        languages: vec!["es".into()],
        until: None,
        recurring: false,
        private_note: "Knock twice".into(),
    }
}

/// A board of `posts` copies of [`sample_draft`], with ids and stamps 0, 1, 2…
pub fn board_with_posts(posts: u64) -> Board {
    let mut board = Board::default();
    for n in 0..posts {
        board.add_post(Post::create(
            RecordId(n),
            sample_draft(),
            Stamp::new(n, 0, DeviceId(1)),
        ));
    }
    board
}

/// A place with a kind and a name only: a record of another kind beside a board's posts.
pub fn sample_place(id: RecordId, at: Stamp) -> Resource {
    let draft = ResourceDraft {
        kind: ResourceKind::Fridge,
        name: "Corner fridge".into(),
        area: String::new(),
        hours: String::new(),
        accepts: String::new(),
        needs: String::new(),
        serves: String::new(),
        languages: Vec::new(),
        contact: None,
        private_note: String::new(),
    };
    Resource::create(id, draft, at)
}
