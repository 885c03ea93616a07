//! Write-back: the posts this phone made, and the status changes it made, sent to the group's
//! spreadsheet when the group names an endpoint (`write_back` in `config.json`; `backing/`
//! holds the script that takes them). The screens are in `ui::write_back`.
//!
//! Nothing is queued by hand. What waits is worked out from the board itself: every change
//! this phone made that the endpoint has not yet confirmed holding. So a reload, a closed tab
//! or a phone that is offline for a week loses none; the board keeps them, and they go out
//! when the endpoint can be reached. Each change has an id made from what it is (`post-…`,
//! `status-…-<stamp>`), the same on every send, and the script adds a row only for an id it
//! does not hold yet: a change sent twice (an answer lost on a slow network, two open tabs)
//! never makes a second row.
//!
//! The exchange, version 1: one POST whose body is JSON sent as `text/plain` (a "simple"
//! request, with no CORS preflight, which a spreadsheet's script cannot answer):
//!
//! ```json
//! {"circle_write_back": 1, "group": "Riverside Mutual Aid", "changes": [{"id": "post-…", …}]}
//! ```
//!
//! and the answer `{"ok": true, "stored": ["post-…"]}`, naming every change the sheet now
//! holds, new or from before. Only a change named there counts as sent.
//!
//! Like everything that leaves the device, a change is redacted: it carries a contact only
//! when its author shares it with the group, and never the private note.

use crate::model::day::rfc3339;
use crate::model::{
    Action, Audience, Board, CloseReason, Day, Post, PostKind, RecordId, Signer, Stamp, Status,
    Urgency,
};
use serde::{Deserialize, Serialize};

/// The version of the exchange: the `circle_write_back` of every request.
pub const FORMAT: u32 = 1;

/// At most this many changes go in one request, so a phone with a long backlog on a slow
/// network sends it in pieces, each of which counts once it is answered.
pub const BATCH: usize = 25;

/// What happened, in the sheet's "kind" column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// A new post.
    Post,
    /// Its author, or a coordinator, moved it along its workflow.
    Status,
    /// Its author deleted it.
    Removed,
    /// A coordinator hid it from the board, or showed it again.
    Hidden,
    Shown,
}

/// One row of the group's sheet: a change, with the post it is about as the group may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The same on every send, so the sheet can tell a change it already holds.
    pub id: String,
    pub kind: ChangeKind,
    /// When the change was made, in UTC (RFC 3339).
    pub at: String,
    /// The handle of whoever made it.
    pub by: String,
    /// The post's id, as in its link and in the static JSON API.
    pub post: RecordId,
    #[serde(rename = "type")]
    pub post_kind: PostKind,
    pub title: String,
    pub details: String,
    pub category: String,
    pub area: String,
    pub urgency: Urgency,
    pub quantity: Option<u32>,
    pub until: Option<Day>,
    pub languages: String,
    /// The post's status once this change was made: `open`, `matched`, `fulfilled`, or the
    /// reason it was closed.
    pub status: String,
    /// "method: value", when the author shares the contact with the group; else empty.
    pub contact: String,
    /// The post in the app.
    pub link: String,
}

/// Every change this phone made on `board` whose id is not in `sent`, oldest first. A post is
/// this phone's when `me` signed it (or, from before signing, when `here`'s device made it);
/// a coordinator's moderation is theirs when `me` signed it. `link` gives a post's address.
///
/// `sent` is searched from end to end: it holds one person's changes, a few hundred in a busy
/// year, and a list keeps the page's code smaller than a set would.
pub fn pending(
    board: &Board,
    me: &Signer,
    here: Stamp,
    sent: &[String],
    link: impl Fn(RecordId) -> String,
) -> Vec<Change> {
    let mine = me.key();
    let mut changes: Vec<(Stamp, Change)> = Vec::new();
    // Deleted and hidden posts too: their deletion and hiding are changes to send.
    for post in board.posts.values() {
        let row = |id: String, kind: ChangeKind, at: Stamp, by: &str, status: Status| {
            (at, change(post, id, kind, at, by, status, &link))
        };
        if post.is_author(me, here) {
            changes.push(row(
                format!("post-{}", post.id),
                ChangeKind::Post,
                post.created,
                &post.author,
                Status::Open,
            ));
            for entry in &post.history {
                if !entry.is_opening(post.created, &post.author) {
                    let id = format!("status-{}-{}", post.id, entry.at);
                    changes.push(row(id, ChangeKind::Status, entry.at, &entry.by, entry.to));
                }
            }
            if post.removed.value {
                let at = post.removed.at;
                let id = format!("removed-{}-{at}", post.id);
                let status = post.current_status();
                changes.push(row(id, ChangeKind::Removed, at, &post.author, status));
            }
        }
        for entry in post
            .moderation
            .iter()
            .filter(|entry| entry.seal.key == mine)
        {
            let (kind, status) = match entry.action {
                Action::Status(status) => (ChangeKind::Status, status),
                Action::Hide => (ChangeKind::Hidden, post.current_status()),
                Action::Show => (ChangeKind::Shown, post.current_status()),
            };
            let id = format!("moderation-{}-{}", post.id, entry.at);
            changes.push(row(id, kind, entry.at, &entry.by, status));
        }
    }
    changes.retain(|(_, change)| !sent.contains(&change.id));
    // A few changes, mostly in order already: placing each keeps the page free of a sort of
    // its own for these rows.
    let mut oldest_first: Vec<(Stamp, Change)> = Vec::with_capacity(changes.len());
    for (at, change) in changes {
        let place = oldest_first.partition_point(|(earlier, _)| *earlier <= at);
        oldest_first.insert(place, (at, change));
    }
    oldest_first.into_iter().map(|(_, change)| change).collect()
}

fn change(
    post: &Post,
    id: String,
    kind: ChangeKind,
    at: Stamp,
    by: &str,
    status: Status,
    link: impl Fn(RecordId) -> String,
) -> Change {
    let contact = post
        .contact
        .value
        .as_ref()
        .filter(|contact| contact.visibility.shown_to(Audience::Group))
        .map(|contact| {
            // A unit variant serializes as its name in quotes: `"whatsapp"`.
            let method = serde_json::to_string(&contact.method).unwrap_or_default();
            format!("{}: {}", method.trim_matches('"'), contact.value)
        })
        .unwrap_or_default();
    Change {
        id,
        kind,
        at: rfc3339(at.ms),
        by: by.to_string(),
        post: post.id,
        post_kind: post.kind,
        title: post.title.value.clone(),
        details: post.details.value.clone(),
        category: post.category.value.clone(),
        area: post.area.value.clone(),
        urgency: post.urgency.value,
        quantity: post.quantity.value,
        until: post.until.value,
        languages: post.languages.value.join(", "),
        status: status_word(status).to_string(),
        contact,
        link: link(post.id),
    }
}

/// A status as one word for a spreadsheet cell.
fn status_word(status: Status) -> &'static str {
    match status {
        Status::Open => "open",
        Status::Matched => "matched",
        Status::Fulfilled => "fulfilled",
        Status::Closed(CloseReason::Withdrawn) => "withdrawn",
        Status::Closed(CloseReason::Expired) => "expired",
        Status::Closed(CloseReason::Duplicate) => "duplicate",
        Status::Closed(CloseReason::Referred) => "referred",
    }
}

#[derive(Serialize)]
struct Request<'a> {
    circle_write_back: u32,
    group: &'a str,
    changes: &'a [Change],
}

/// The body of one request: `changes` (at most [`BATCH`] of them) from the group `group`.
pub fn request(group: &str, changes: &[Change]) -> String {
    let request = Request {
        circle_write_back: FORMAT,
        group,
        changes,
    };
    // Strings, numbers and enums only: serializing cannot fail.
    serde_json::to_string(&request).unwrap_or_default()
}

/// Why an answer confirms nothing. What was sent waits, and goes again later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// Not the script's answer: a sign-in page, an error page, another site. Most often the
    /// address in `config.json` is not the script's, or the script is not open to anyone.
    NotTheScript,
    /// The script said it could not store them (`"ok": false`).
    Refused,
}

#[derive(Deserialize)]
struct Answer {
    ok: bool,
    #[serde(default)]
    stored: Vec<String>,
}

/// The ids of `sent` that the endpoint's answer says the sheet holds. An id the answer names
/// that was not sent is ignored: an answer cannot mark as sent what this request did not carry.
pub fn stored(answer: &[u8], sent: &[Change]) -> Result<Vec<String>, AnswerError> {
    let answer: Answer = std::str::from_utf8(answer)
        .ok()
        .and_then(|text| serde_json::from_str(text).ok())
        .ok_or(AnswerError::NotTheScript)?;
    if !answer.ok {
        return Err(AnswerError::Refused);
    }
    Ok(sent
        .iter()
        .filter(|change| answer.stored.contains(&change.id))
        .map(|change| change.id.clone())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{sample_draft, signer, Contact, ContactMethod, DeviceId, Visibility};
    use serde_json::{json, Value};

    const HERE: DeviceId = DeviceId(7);

    fn at(ms: u64) -> Stamp {
        Stamp::new(ms, 0, HERE)
    }

    fn link(id: RecordId) -> String {
        format!("https://circle.example/post/{id}")
    }

    fn pending_on(board: &Board, sent: &[String]) -> Vec<Change> {
        pending(board, &signer(), at(0), sent, link)
    }

    /// A board holding one post of mine, made at 1,000 ms, with its contact shared as `shared`.
    fn my_post(shared: Visibility) -> (Board, RecordId) {
        let mut draft = sample_draft();
        draft.contact = Some(Contact {
            method: ContactMethod::Text,
            value: "+1 555 0100".into(),
            visibility: shared,
        });
        let post = Post::create_signed(draft, at(1_000), &signer());
        let id = post.id;
        let mut board = Board::default();
        board.add_post(post);
        (board, id)
    }

    fn ids(changes: &[Change]) -> Vec<&str> {
        changes.iter().map(|change| change.id.as_str()).collect()
    }

    #[test]
    fn a_new_post_is_one_change_with_what_the_group_may_see() {
        let (board, id) = my_post(Visibility::Group);
        let changes = pending_on(&board, &[]);
        assert_eq!(changes.len(), 1);
        let change = &changes[0];
        assert_eq!(change.id, format!("post-{id}"));
        assert_eq!(change.kind, ChangeKind::Post);
        assert_eq!(change.at, "1970-01-01T00:00:01Z");
        assert_eq!(change.by, "rosa");
        assert_eq!(change.title, "Groceries for two");
        assert_eq!(change.status, "open");
        assert_eq!(change.contact, "text: +1 555 0100");
        assert_eq!(change.link, link(id));
    }

    #[test]
    fn a_private_contact_and_the_private_note_never_leave() {
        let (board, _) = my_post(Visibility::Private);
        let changes = pending_on(&board, &[]);
        assert_eq!(changes[0].contact, "");
        let body = request("Riverside", &changes);
        assert!(!body.contains("555"), "{body}");
        assert!(!body.contains("Knock twice"), "{body}");
    }

    #[test]
    fn a_change_the_sheet_holds_is_not_sent_again_and_ids_are_stable() {
        let (mut board, id) = my_post(Visibility::Public);
        let first = pending_on(&board, &[]);
        assert_eq!(pending_on(&board, &[]), first, "the same ids every time");
        let mut sent: Vec<String> = ids(&first).into_iter().map(String::from).collect();
        assert!(pending_on(&board, &sent).is_empty());

        board
            .set_status(id, Status::Fulfilled, "rosa", at(2_000), &signer())
            .unwrap();
        let next = pending_on(&board, &sent);
        assert_eq!(ids(&next), [format!("status-{id}-{}", at(2_000))]);
        assert_eq!(next[0].kind, ChangeKind::Status);
        assert_eq!(next[0].status, "fulfilled");
        sent.push(next[0].id.clone());
        assert!(pending_on(&board, &sent).is_empty());
    }

    #[test]
    fn changes_wait_in_the_order_they_were_made() {
        let (mut board, id) = my_post(Visibility::Public);
        board
            .set_status(id, Status::Fulfilled, "rosa", at(2_000), &signer())
            .unwrap();
        board
            .set_status(id, Status::Open, "rosa", at(3_000), &signer())
            .unwrap();
        board.remove_post(id, at(4_000), &signer()).unwrap();
        let kinds: Vec<(ChangeKind, String)> = pending_on(&board, &[])
            .into_iter()
            .map(|change| (change.kind, change.status))
            .collect();
        assert_eq!(
            kinds,
            [
                (ChangeKind::Post, "open".to_string()),
                (ChangeKind::Status, "fulfilled".to_string()),
                (ChangeKind::Status, "open".to_string()),
                (ChangeKind::Removed, "open".to_string()),
            ]
        );
    }

    #[test]
    fn what_others_made_is_theirs_to_send() {
        let neighbour = Signer::from_seed([9; 32]);
        let mut board = Board::default();
        let theirs = Post::create_signed(sample_draft(), Stamp::new(5, 0, DeviceId(3)), &neighbour);
        let id = theirs.id;
        board.add_post(theirs);
        assert!(pending_on(&board, &[]).is_empty());

        // As a coordinator, this phone closes it: that change is this phone's.
        board
            .moderate(
                id,
                Action::Status(Status::Closed(CloseReason::Duplicate)),
                "coord",
                at(9_000),
                &signer(),
            )
            .unwrap();
        board
            .moderate(id, Action::Hide, "coord", at(9_500), &signer())
            .unwrap();
        let changes = pending_on(&board, &[]);
        assert_eq!(
            changes
                .iter()
                .map(|change| (change.kind, change.status.as_str(), change.by.as_str()))
                .collect::<Vec<_>>(),
            [
                (ChangeKind::Status, "duplicate", "coord"),
                (ChangeKind::Hidden, "duplicate", "coord")
            ]
        );
        // Another coordinator's moderation is theirs.
        assert!(pending(&board, &neighbour, at(0), &[], link)
            .iter()
            .all(|change| change.kind == ChangeKind::Post));
    }

    #[test]
    fn the_request_is_the_documented_exchange() {
        let (board, id) = my_post(Visibility::Public);
        let body: Value =
            serde_json::from_str(&request("Riverside", &pending_on(&board, &[]))).unwrap();
        assert_eq!(body["circle_write_back"], json!(1));
        assert_eq!(body["group"], json!("Riverside"));
        let change = &body["changes"][0];
        assert_eq!(change["post"], json!(id.to_string()));
        assert_eq!(change["type"], json!("ask"));
        assert_eq!(change["kind"], json!("post"));
        assert_eq!(change["urgency"], json!("days"));
        assert_eq!(change["quantity"], json!(2));
        assert_eq!(change["languages"], json!("es"));
    }

    #[test]
    fn only_an_answer_naming_what_was_sent_marks_it_sent() {
        let (mut board, id) = my_post(Visibility::Public);
        board
            .set_status(id, Status::Fulfilled, "rosa", at(2_000), &signer())
            .unwrap();
        let sent = pending_on(&board, &[]);
        let answer = json!({"ok": true, "stored": [sent[0].id, "post-somebody-else"]}).to_string();
        assert_eq!(
            stored(answer.as_bytes(), &sent),
            Ok(vec![sent[0].id.clone()])
        );
        assert_eq!(
            stored(br#"{"ok": false, "error": "sheet is protected"}"#, &sent),
            Err(AnswerError::Refused)
        );
        for page in [
            &b"<!DOCTYPE html><title>Sign in</title>"[..],
            b"",
            b"{\"stored\": []}",
        ] {
            assert_eq!(stored(page, &sent), Err(AnswerError::NotTheScript));
        }
    }
}
