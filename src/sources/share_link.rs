//! Share links: one post, one shift or a whole board carried in the fragment of a URL (after
//! `#`), which browsers never send to the host, so a link shares data without any server seeing
//! it. Everything a link holds has passed the redaction step for its audience; a board travels
//! as a snapshot, a post in its compact wire form (`post_wire`), a shift as a snapshot of itself
//! and the place it staffs, all inside `link_frame`. A link for group members only is sealed
//! with the group's key (`sealed_link`) by the reader worker: this module gives it what to seal
//! ([`ToSeal`]) and reads what it opened ([`SealedLink::open`]).

use super::link_frame::{self, Tag, SEALED};
pub use super::link_frame::{LinkError, MAX_LINK_BYTES};
use super::post_wire::WirePost;
use crate::model::{Audience, Board, Post, Record, RecordId, Snapshot, SnapshotError};

/// Beyond this many characters a board link is unwieldy (chat apps cut or refuse it, no QR code
/// holds it), so the share screen warns and offers a file instead.
pub const LONG_LINK_CHARS: usize = 8_000;

/// Who a link is for. A link never carries private details: they would live on in chat
/// histories and browser histories, so the full audience is for files only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkAudience {
    /// Anyone who sees the link: the default.
    Public,
    /// Members of the group: chosen on purpose, sealed with the group's key ([`ToSeal`]), and
    /// labelled as such when opened. Circles before group links were sealed wrote them plain
    /// (tag `g`, what [`ShareLink::for_post`] and [`ShareLink::for_board`] still write for this
    /// audience, for the tests of the decoder); such links still open, and the app makes none.
    Group,
}

impl From<LinkAudience> for Audience {
    fn from(audience: LinkAudience) -> Self {
        match audience {
            LinkAudience::Public => Audience::Public,
            LinkAudience::Group => Audience::Group,
        }
    }
}

/// What a link holds. Boxed: a link is opened once, and they differ greatly in size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SharePayload {
    Post(Box<Post>),
    Board(Box<Board>),
    /// A board holding exactly one shift (and the place it staffs, if any): a coordinator's
    /// call for people, or a neighbour's sign-up on its way back.
    Shift(Box<Board>),
}

/// Which kind of link was opened, for the preview to name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkHolds {
    Post,
    Board,
    Shift,
}

impl SharePayload {
    pub fn holds(&self) -> LinkHolds {
        match self {
            SharePayload::Post(_) => LinkHolds::Post,
            SharePayload::Board(_) => LinkHolds::Board,
            SharePayload::Shift(_) => LinkHolds::Shift,
        }
    }

    /// The payload as a board, ready for the preview and the merge.
    pub fn into_board(self) -> Board {
        match self {
            SharePayload::Post(post) => {
                let mut board = Board::default();
                board.add_post(*post);
                board
            }
            SharePayload::Board(board) | SharePayload::Shift(board) => *board,
        }
    }
}

/// An opened share link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareLink {
    pub audience: LinkAudience,
    pub payload: SharePayload,
}

const POST: u8 = b'p';
const BOARD: u8 = b'b';
const SHIFT: u8 = b's';
const PUBLIC: u8 = b'p';
/// A group link as Circles before sealed links wrote it: plain.
const GROUP: u8 = b'g';

/// What a group members only link will hold, before the reader worker seals it with the
/// group's key: its tag and its JSON, redacted for the group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToSeal {
    pub tag: Tag,
    pub json: Vec<u8>,
}

impl ToSeal {
    /// One post, as the group sees it.
    pub fn post(post: &Post) -> Self {
        Self {
            tag: [POST, SEALED],
            json: post_json(post, Audience::Group),
        }
    }

    /// A whole board, as the group sees it.
    pub fn board(board: &Board) -> Self {
        Self {
            tag: [BOARD, SEALED],
            json: board_json(board, Audience::Group),
        }
    }
}

/// What a link's text turned out to be: a link to open at once, or a group link to open with
/// the group's key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    Open(ShareLink),
    Sealed(SealedLink),
}

/// A group members only link whose checksum matched, not opened yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedLink {
    tag: Tag,
    body: Vec<u8>,
}

impl SealedLink {
    pub fn tag(&self) -> Tag {
        self.tag
    }

    /// The sealed body, for the reader worker to open.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The link, from the JSON the reader worker opened its body to.
    pub fn open(&self, json: &str) -> Result<ShareLink, LinkError> {
        Ok(ShareLink {
            audience: LinkAudience::Group,
            payload: payload(self.tag[0], json)?,
        })
    }
}

impl ShareLink {
    /// The fragment (without `#`) sharing one post, redacted for `audience`. The app shares
    /// with group members through [`ToSeal::post`] instead.
    pub fn for_post(post: &Post, audience: LinkAudience) -> String {
        link_frame::seal(tag(POST, audience), &post_json(post, audience.into()))
    }

    /// The fragment (without `#`) sharing a whole board, redacted for `audience`. The app
    /// shares with group members through [`ToSeal::board`] instead.
    pub fn for_board(board: &Board, audience: LinkAudience) -> String {
        link_frame::seal(tag(BOARD, audience), &board_json(board, audience.into()))
    }

    /// The fragment (without `#`) sharing shift `id` of `board` with anyone: the shift with
    /// every sign-up this board holds, and the place it staffs so the reader sees its name. A
    /// shift holds nothing private, and the place passes the public redaction. `None` when the
    /// board has no live shift `id`.
    pub fn for_shift(board: &Board, id: RecordId) -> Option<String> {
        let shift = board.shifts.get(&id).filter(|shift| !shift.is_removed())?;
        let mut single = Board::default();
        if let Some(place) = shift
            .resource
            .value
            .and_then(|place| board.resources.get(&place))
        {
            single.resources.insert(place.id, place.clone());
        }
        single.shifts.insert(id, shift.clone());
        let snapshot = Snapshot::encode(&single.redacted(Audience::Public));
        Some(link_frame::seal(
            tag(SHIFT, LinkAudience::Public),
            snapshot.as_bytes(),
        ))
    }

    /// Reads a link: a whole URL, a `#fragment`, the bare fragment or a message holding one.
    /// A group members only link comes out still sealed, for the reader worker to open.
    pub fn read(text: &str) -> Result<Opened, LinkError> {
        let (tag, json) = link_frame::open(text)?;
        let audience = match tag[1] {
            PUBLIC => LinkAudience::Public,
            GROUP => LinkAudience::Group,
            SEALED if matches!(tag[0], POST | BOARD | SHIFT) => {
                return Ok(Opened::Sealed(SealedLink { tag, body: json }))
            }
            _ => return Err(LinkError::Damaged),
        };
        // The checksum matched, so text that is not UTF-8 was made so on purpose.
        let json = std::str::from_utf8(&json).map_err(|_| LinkError::Damaged)?;
        Ok(Opened::Open(ShareLink {
            audience,
            payload: payload(tag[0], json)?,
        }))
    }

    /// Opens a link without a group key: a group members only link is [`LinkError::Locked`].
    /// Nothing is merged here; the caller shows `preview::Preview` first.
    pub fn decode(text: &str) -> Result<ShareLink, LinkError> {
        match Self::read(text)? {
            Opened::Open(link) => Ok(link),
            Opened::Sealed(_) => Err(LinkError::Locked),
        }
    }
}

/// What a link of `kind` holds, from its JSON.
fn payload(kind: u8, json: &str) -> Result<SharePayload, LinkError> {
    Ok(match kind {
        POST => SharePayload::Post(Box::new(post_from_json(json)?)),
        BOARD => SharePayload::Board(Box::new(
            Snapshot::import(json).map_err(LinkError::BadContent)?,
        )),
        SHIFT => {
            let board = Snapshot::import(json).map_err(LinkError::BadContent)?;
            // The checksum matched, so a shift link holding anything but one shift and its
            // place was made so on purpose.
            let one = board.shifts.len() == 1
                && board.resources.len() <= 1
                && board.posts.is_empty()
                && board.matches.is_empty()
                && board.rosters.is_empty()
                && board.fund.is_empty()
                && board.skills.is_empty();
            if !one {
                return Err(LinkError::Damaged);
            }
            SharePayload::Shift(Box::new(board))
        }
        _ => return Err(LinkError::Damaged),
    })
}

/// One post's wire form, redacted for `audience`.
fn post_json(post: &Post, audience: Audience) -> Vec<u8> {
    let mut single = Board::default();
    single.add_post(post.clone());
    // Serializing the wire form only fails for an enum variant missing from its wire list (a
    // test guards that); an empty payload then opens as `BadContent`, never as a leak.
    single
        .redacted(audience)
        .posts
        .values()
        .find_map(|redacted| serde_json::to_vec(&WirePost::from(redacted)).ok())
        .unwrap_or_default()
}

/// A board's snapshot, redacted for `audience`.
fn board_json(board: &Board, audience: Audience) -> Vec<u8> {
    Snapshot::encode(&board.redacted(audience)).into_bytes()
}

/// `page` (any URL of the app, with or without a fragment) with `fragment` as its fragment.
pub fn share_url(page: &str, fragment: &str) -> String {
    let base = page.split_once('#').map_or(page, |(base, _)| base);
    format!("{base}#{fragment}")
}

/// Whether a link is long enough that a file is the better way to share.
pub fn prefers_file(url: &str) -> bool {
    url.len() > LONG_LINK_CHARS
}

fn tag(kind: u8, audience: LinkAudience) -> Tag {
    let audience = match audience {
        LinkAudience::Public => PUBLIC,
        LinkAudience::Group => GROUP,
    };
    [kind, audience]
}

/// Reads a post's wire form and holds it to the same limits as a snapshot's records.
fn post_from_json(json: &str) -> Result<Post, LinkError> {
    let wire: WirePost = serde_json::from_str(json).map_err(|error| {
        let (line, column) = (error.line(), error.column());
        LinkError::BadContent(match error.classify() {
            serde_json::error::Category::Data => SnapshotError::Invalid {
                line,
                column,
                record: None,
                detail: error.to_string(),
            },
            _ => SnapshotError::Syntax { line, column },
        })
    })?;
    let post = Post::from(wire);
    let mut single = Board::default();
    single.add_post(post.clone());
    single
        .check_limits()
        .map_err(|error| LinkError::BadContent(SnapshotError::Limits(error)))?;
    Ok(post)
}
