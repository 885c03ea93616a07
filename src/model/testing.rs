//! Small fixtures shared by the unit tests of the model.

use super::post::{Contact, ContactMethod, PostDraft, PostKind, Urgency, Visibility};

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
