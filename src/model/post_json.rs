//! How a post is written in a snapshot (schema 2): plain values under readable keys, as a
//! group reading its published file expects. A field's stamp is written only when it differs
//! from `created`, in `stamps`; fields at their empty default and the usual first history entry
//! are left out. Most posts are never edited, so this halves a board's size and its reading time,
//! and it still round-trips every post exactly. The other records, a few dozen on a board, keep
//! the `[value, "stamp"]` form of `Lww`.

use super::clock::Stamp;
use super::day::Day;
use super::id::RecordId;
use super::merge::Lww;
use super::moderation::Moderation;
use super::post::{Contact, Handle, Post, PostKind, Status, StatusChange, Urgency};
use super::response::Response;
use super::sorted_set::SortedSet;
use super::trust::PostSeal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Lists the stamped fields once: the `stamps` object, and how it is read from and onto a post.
macro_rules! field_stamps {
    ($($field:ident),+ $(,)?) => {
        /// The stamps of the fields edited after the post was created.
        #[derive(Default, Serialize, Deserialize)]
        struct FieldStamps {
            $(
                #[serde(default, skip_serializing_if = "Option::is_none")]
                $field: Option<Stamp>,
            )+
        }

        impl FieldStamps {
            fn of(post: &Post) -> Self {
                Self {
                    $($field: (post.$field.at != post.created).then_some(post.$field.at),)+
                }
            }

            fn is_empty(&self) -> bool {
                true $(&& self.$field.is_none())+
            }
        }
    };
}

field_stamps!(
    title,
    details,
    category,
    area,
    urgency,
    quantity,
    contact,
    languages,
    until,
    recurring,
    status,
    private_note,
    removed,
);

fn is_false(value: &bool) -> bool {
    !value
}

#[derive(Serialize)]
struct Written<'a> {
    id: RecordId,
    kind: PostKind,
    created: Stamp,
    author: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    details: &'a str,
    category: &'a str,
    area: &'a str,
    urgency: Urgency,
    #[serde(skip_serializing_if = "Option::is_none")]
    quantity: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact: Option<&'a Contact>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    languages: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<Day>,
    #[serde(skip_serializing_if = "is_false")]
    recurring: bool,
    status: Status,
    #[serde(skip_serializing_if = "str::is_empty")]
    private_note: &'a str,
    /// Left out while it is only the opening entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<&'a SortedSet<StatusChange>>,
    #[serde(skip_serializing_if = "is_false")]
    removed: bool,
    #[serde(skip_serializing_if = "FieldStamps::is_empty")]
    stamps: FieldStamps,
    /// The author's signature; left out on a post from before signing.
    #[serde(skip_serializing_if = "Option::is_none")]
    seal: Option<&'a PostSeal>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    responses: Vec<&'a Response>,
    #[serde(skip_serializing_if = "SortedSet::is_empty")]
    moderation: &'a SortedSet<Moderation>,
}

impl Serialize for Post {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let usual_history = self.history.len() == 1
            && self
                .history
                .first()
                .is_some_and(|first| first.is_opening(self.created, &self.author));
        Written {
            id: self.id,
            kind: self.kind,
            created: self.created,
            author: &self.author,
            title: &self.title.value,
            details: &self.details.value,
            category: &self.category.value,
            area: &self.area.value,
            urgency: self.urgency.value,
            quantity: self.quantity.value,
            contact: self.contact.value.as_ref(),
            languages: &self.languages.value,
            until: self.until.value,
            recurring: self.recurring.value,
            status: self.status.value,
            private_note: &self.private_note.value,
            history: (!usual_history).then_some(&self.history),
            removed: self.removed.value,
            stamps: FieldStamps::of(self),
            seal: self.seal.as_ref(),
            responses: self.responses.values().collect(),
            moderation: &self.moderation,
        }
        .serialize(serializer)
    }
}

#[derive(Deserialize)]
struct Read {
    id: RecordId,
    kind: PostKind,
    created: Stamp,
    author: Handle,
    title: String,
    #[serde(default)]
    details: String,
    category: String,
    area: String,
    urgency: Urgency,
    #[serde(default)]
    quantity: Option<u32>,
    #[serde(default)]
    contact: Option<Contact>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    until: Option<Day>,
    #[serde(default)]
    recurring: bool,
    status: Status,
    #[serde(default)]
    private_note: String,
    #[serde(default)]
    history: Option<SortedSet<StatusChange>>,
    #[serde(default)]
    removed: bool,
    #[serde(default)]
    stamps: FieldStamps,
    #[serde(default)]
    seal: Option<PostSeal>,
    #[serde(default)]
    responses: Vec<Response>,
    #[serde(default)]
    moderation: SortedSet<Moderation>,
}

impl<'de> Deserialize<'de> for Post {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let read = Read::deserialize(deserializer)?;
        let created = read.created;
        let stamps = read.stamps;
        let field = |stamp: Option<Stamp>| stamp.unwrap_or(created);
        Ok(Post {
            id: read.id,
            kind: read.kind,
            created,
            history: read
                .history
                .unwrap_or_else(|| SortedSet::from([StatusChange::opening(created, &read.author)])),
            author: read.author,
            title: Lww::new(read.title, field(stamps.title)),
            details: Lww::new(read.details, field(stamps.details)),
            category: Lww::new(read.category, field(stamps.category)),
            area: Lww::new(read.area, field(stamps.area)),
            urgency: Lww::new(read.urgency, field(stamps.urgency)),
            quantity: Lww::new(read.quantity, field(stamps.quantity)),
            contact: Lww::new(read.contact, field(stamps.contact)),
            languages: Lww::new(read.languages, field(stamps.languages)),
            until: Lww::new(read.until, field(stamps.until)),
            recurring: Lww::new(read.recurring, field(stamps.recurring)),
            status: Lww::new(read.status, field(stamps.status)),
            private_note: Lww::new(read.private_note, field(stamps.private_note)),
            removed: Lww::new(read.removed, field(stamps.removed)),
            seal: read.seal,
            responses: read
                .responses
                .into_iter()
                .map(|response| (response.key(), response))
                .collect(),
            moderation: read.moderation,
        })
    }
}

/// The migration from schema 1, where every field was `[value, "stamp"]`: each field becomes
/// its value, and its stamp moves to `stamps` when it is not `created`.
pub(super) fn from_schema_1(post: &mut serde_json::Value) {
    let Some(post) = post.as_object_mut() else {
        return;
    };
    let created = post.get("created").cloned();
    let mut stamps = serde_json::Map::new();
    for (name, field) in post.iter_mut() {
        let serde_json::Value::Array(pair) = field else {
            continue;
        };
        // `history` is an array too, of objects; a stamped field is exactly [value, "stamp"].
        if name == "history" || pair.len() != 2 || !pair[1].is_string() {
            continue;
        }
        let stamp = pair.pop();
        let value = pair.pop().unwrap_or_default();
        if stamp != created {
            stamps.insert(name.clone(), stamp.unwrap_or_default());
        }
        *field = value;
    }
    if !stamps.is_empty() {
        post.insert("stamps".into(), stamps.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{sample_draft, DeviceId};

    fn at(ms: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(7))
    }

    #[test]
    fn a_fresh_post_is_written_without_stamps_or_defaults() {
        let mut draft = sample_draft();
        draft.private_note = String::new();
        draft.quantity = None;
        let post = Post::create(RecordId(1), draft, at(0x10));
        let json = serde_json::to_string(&post).unwrap();
        assert_eq!(json.matches("10.0.7").count(), 1, "only `created`: {json}");
        for left_out in ["stamps", "history", "removed", "private_note", "quantity"] {
            assert!(!json.contains(left_out), "{left_out} in {json}");
        }
        assert_eq!(serde_json::from_str::<Post>(&json).unwrap(), post);
    }

    #[test]
    fn later_edits_keep_their_stamps_and_history() {
        let mut post = Post::create(RecordId(1), sample_draft(), at(0x10));
        post.status.set(Status::Matched, at(0x20));
        post.history.insert(StatusChange {
            at: at(0x20),
            by: "coord".into(),
            to: Status::Matched,
        });
        post.recurring.set(false, at(0x30));
        let json = serde_json::to_string(&post).unwrap();
        assert!(json.contains(r#""stamps":{"recurring":"30.0.7","status":"20.0.7"}"#));
        assert!(json.contains(r#""history":["#));
        assert_eq!(serde_json::from_str::<Post>(&json).unwrap(), post);
    }

    #[test]
    fn an_empty_history_is_kept_empty() {
        let mut post = Post::create(RecordId(1), sample_draft(), at(0x10));
        post.history.clear();
        let json = serde_json::to_string(&post).unwrap();
        assert!(json.contains(r#""history":[]"#));
        assert_eq!(serde_json::from_str::<Post>(&json).unwrap(), post);
    }

    /// A schema-1 post's `[value, "stamp"]` fields become values; anything else (its history,
    /// or an array a damaged file put where a field was) is left for the reader to judge,
    /// never migrated wrongly or read past its end.
    #[test]
    fn schema_1_fields_migrate_and_nothing_else_is_touched() {
        let mut old = serde_json::json!({
            "created": "5.0.1",
            "title": ["Rice", "5.0.1"],
            "details": ["Two bags", "7.0.1"],
            "history": [{"at": "5.0.1"}, {"at": "6.0.1"}],
            "odd": [],
            "three": [1, "7.0.1", 3]
        });
        from_schema_1(&mut old);
        assert_eq!(
            old,
            serde_json::json!({
                "created": "5.0.1",
                "title": "Rice",
                "details": "Two bags",
                "stamps": {"details": "7.0.1"},
                "history": [{"at": "5.0.1"}, {"at": "6.0.1"}],
                "odd": [],
                "three": [1, "7.0.1", 3]
            })
        );
    }
}
