//! The compact form of one post inside a share link. A post link has to fit in a chat message
//! and a QR code on a flyer, so the post travels as a JSON array in a fixed order (no keys),
//! small enums travel as numbers, revision stamps are sent once (a field stamped at creation is
//! implied by `created`), and the fields a fresh post leaves at their defaults are left out.
//! It still round-trips any post exactly, so a merged link behaves like a merged snapshot.

use crate::model::sorted_set::SortedSet;
use crate::model::trust::{AuthorKey, PostSeal, Seal, Secret, Signature};
use crate::model::{
    Contact, ContactMethod, Day, Handle, Lww, Moderation, Post, PostKind, RecordId, Response,
    Stamp, Status, StatusChange, Urgency, Visibility,
};
use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A post on the wire. The field order is the format: later additions go at the end of
/// `Tail`, with a default, so older links still read.
#[derive(Serialize, Deserialize)]
pub struct WirePost(
    RecordId,
    Indexed<PostKind>,
    Stamp,
    Handle,
    String,
    String,
    String,
    String,
    Indexed<Urgency>,
    Option<WireContact>,
    Vec<String>,
    /// Left out while it is `Tail::fresh()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    Option<Tail>,
);

/// A contact as `[method, value, visibility]`.
type WireContact = (Indexed<ContactMethod>, String, Indexed<Visibility>);

/// The fields a new post leaves at their defaults.
#[derive(PartialEq, Serialize, Deserialize)]
struct Tail(
    Option<u32>,
    Option<Day>,
    bool,
    Status,
    String,
    bool,
    /// Whether the history holds the usual first entry: opened by the author at `created`.
    bool,
    /// The rest of the status history as `[stamp, handle, status]`, oldest first.
    Vec<(Stamp, Handle, Status)>,
    /// The fields whose stamp is not `created`.
    Vec<(Field, Stamp)>,
    /// The author's seal as `[key, signature, contact secret, note secret]`; absent on a post
    /// from before signing (and in links made before signing).
    #[serde(default)]
    Option<(AuthorKey, Signature, Secret, Secret)>,
    /// Responses as `[stamp, handle, message, contact, secret, key, signature]`.
    #[serde(default)]
    Vec<WireResponse>,
    #[serde(default)] Vec<Moderation>,
);

type WireResponse = (
    Stamp,
    Handle,
    String,
    Option<WireContact>,
    Secret,
    AuthorKey,
    Signature,
);

fn wire_contact(contact: &Contact) -> WireContact {
    (
        Indexed(contact.method),
        contact.value.clone(),
        Indexed(contact.visibility),
    )
}

fn read_contact((Indexed(method), value, Indexed(visibility)): WireContact) -> Contact {
    Contact {
        method,
        value,
        visibility,
    }
}

impl Tail {
    fn fresh() -> Self {
        Tail(
            None,
            None,
            false,
            Status::Open,
            String::new(),
            false,
            true,
            Vec::new(),
            Vec::new(),
            None,
            Vec::new(),
            Vec::new(),
        )
    }
}

/// The stamped fields of a post. A later stamp is sent as `[number, stamp]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Title,
    Details,
    Category,
    Area,
    Urgency,
    Quantity,
    Contact,
    Languages,
    Until,
    Recurring,
    Status,
    PrivateNote,
    Removed,
}

/// An enum sent as its position in a fixed list: one digit instead of a word. The lists are
/// part of the format, so variants are only ever appended.
trait Listed: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
}

impl Listed for Field {
    const ALL: &'static [Self] = &[
        Field::Title,
        Field::Details,
        Field::Category,
        Field::Area,
        Field::Urgency,
        Field::Quantity,
        Field::Contact,
        Field::Languages,
        Field::Until,
        Field::Recurring,
        Field::Status,
        Field::PrivateNote,
        Field::Removed,
    ];
}

impl Listed for PostKind {
    const ALL: &'static [Self] = &[PostKind::Ask, PostKind::Offer];
}

impl Listed for Urgency {
    const ALL: &'static [Self] = &Urgency::ALL;
}

impl Listed for ContactMethod {
    const ALL: &'static [Self] = &ContactMethod::ALL;
}

impl Listed for Visibility {
    const ALL: &'static [Self] = &[Visibility::Private, Visibility::Group, Visibility::Public];
}

#[derive(Clone, Copy, PartialEq)]
struct Indexed<T>(T);

impl<T: Listed> Serialize for Indexed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let index = T::ALL
            .iter()
            .position(|listed| *listed == self.0)
            .ok_or_else(|| S::Error::custom("a variant missing from its wire list"))?;
        serializer.serialize_u64(index as u64)
    }
}

impl<'de, T: Listed> Deserialize<'de> for Indexed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let index = u64::deserialize(deserializer)?;
        usize::try_from(index)
            .ok()
            .and_then(|index| T::ALL.get(index))
            .map(|value| Indexed(*value))
            .ok_or_else(|| D::Error::custom(format!("no choice number {index}")))
    }
}

// `Field` reads as a bare number; `Indexed` is for fields of the model's types.
impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Indexed(*self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Indexed::deserialize(deserializer).map(|Indexed(field)| field)
    }
}

impl From<&Post> for WirePost {
    fn from(post: &Post) -> Self {
        // Destructured in full so that a new post field fails to compile here until it has a
        // place on the wire.
        let Post {
            id,
            kind,
            created,
            author,
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
            history,
            removed,
            seal,
            responses,
            moderation,
        } = post;
        let stamps = [
            (Field::Title, title.at),
            (Field::Details, details.at),
            (Field::Category, category.at),
            (Field::Area, area.at),
            (Field::Urgency, urgency.at),
            (Field::Quantity, quantity.at),
            (Field::Contact, contact.at),
            (Field::Languages, languages.at),
            (Field::Until, until.at),
            (Field::Recurring, recurring.at),
            (Field::Status, status.at),
            (Field::PrivateNote, private_note.at),
            (Field::Removed, removed.at),
        ];
        let tail = Tail(
            quantity.value,
            until.value,
            recurring.value,
            status.value,
            private_note.value.clone(),
            removed.value,
            history
                .iter()
                .any(|change| change.is_opening(*created, author)),
            history
                .iter()
                .filter(|change| !change.is_opening(*created, author))
                .map(|change| (change.at, change.by.clone(), change.to))
                .collect(),
            stamps.into_iter().filter(|(_, at)| at != created).collect(),
            seal.map(|s| (s.seal.key, s.seal.sig, s.contact, s.note)),
            responses
                .values()
                .map(|r| {
                    (
                        r.at,
                        r.by.clone(),
                        r.message.clone(),
                        r.contact.as_ref().map(wire_contact),
                        r.secret,
                        r.seal.key,
                        r.seal.sig,
                    )
                })
                .collect(),
            moderation.iter().cloned().collect(),
        );
        WirePost(
            *id,
            Indexed(*kind),
            *created,
            author.clone(),
            title.value.clone(),
            details.value.clone(),
            category.value.clone(),
            area.value.clone(),
            Indexed(urgency.value),
            contact.value.as_ref().map(wire_contact),
            languages.value.clone(),
            (tail != Tail::fresh()).then_some(tail),
        )
    }
}

impl From<WirePost> for Post {
    fn from(wire: WirePost) -> Self {
        let WirePost(
            id,
            Indexed(kind),
            created,
            author,
            title,
            details,
            category,
            area,
            Indexed(urgency),
            contact,
            languages,
            tail,
        ) = wire;
        let Tail(
            quantity,
            until,
            recurring,
            status,
            private_note,
            removed,
            opened,
            history,
            later,
            seal,
            responses,
            moderation,
        ) = tail.unwrap_or_else(Tail::fresh);
        // A field listed twice keeps its last stamp: still a valid post, though the encoder
        // never writes one.
        let stamp = |field: Field| {
            later
                .iter()
                .rev()
                .find(|(listed, _)| *listed == field)
                .map_or(created, |(_, at)| *at)
        };
        let history = history
            .into_iter()
            .map(|(at, by, to)| StatusChange { at, by, to })
            .chain(opened.then(|| StatusChange::opening(created, &author)))
            .collect::<SortedSet<_>>();
        let contact = contact.map(read_contact);
        let responses = responses
            .into_iter()
            .map(|(at, by, message, contact, secret, key, sig)| Response {
                at,
                by,
                message,
                contact: contact.map(read_contact),
                secret,
                seal: Seal { key, sig },
            })
            .map(|response| (response.key(), response))
            .collect();
        Post {
            id,
            kind,
            created,
            author,
            title: Lww::new(title, stamp(Field::Title)),
            details: Lww::new(details, stamp(Field::Details)),
            category: Lww::new(category, stamp(Field::Category)),
            area: Lww::new(area, stamp(Field::Area)),
            urgency: Lww::new(urgency, stamp(Field::Urgency)),
            quantity: Lww::new(quantity, stamp(Field::Quantity)),
            contact: Lww::new(contact, stamp(Field::Contact)),
            languages: Lww::new(languages, stamp(Field::Languages)),
            until: Lww::new(until, stamp(Field::Until)),
            recurring: Lww::new(recurring, stamp(Field::Recurring)),
            status: Lww::new(status, stamp(Field::Status)),
            private_note: Lww::new(private_note, stamp(Field::PrivateNote)),
            history,
            removed: Lww::new(removed, stamp(Field::Removed)),
            seal: seal.map(|(key, sig, contact, note)| PostSeal {
                seal: Seal { key, sig },
                contact,
                note,
            }),
            responses,
            moderation: moderation.into_iter().collect(),
        }
    }
}

/// The entry `Post::create` starts every history with.
#[cfg(test)]
mod tests {
    use super::*;

    /// The matches are exhaustive, so a new variant breaks this test until it is listed.
    #[test]
    fn every_variant_has_a_number() {
        fn listed<T: Listed>(value: T) -> bool {
            T::ALL.contains(&value)
        }
        let kind = |kind| match kind {
            PostKind::Ask | PostKind::Offer => listed(kind),
        };
        let visibility = |visibility| match visibility {
            Visibility::Private | Visibility::Group | Visibility::Public => listed(visibility),
        };
        assert!([PostKind::Ask, PostKind::Offer].into_iter().all(kind));
        assert!([Visibility::Private, Visibility::Group, Visibility::Public]
            .into_iter()
            .all(visibility));
    }
}
