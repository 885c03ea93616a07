//! Share links: one post, one shift or a whole board carried in the fragment of a URL (after
//! `#`), which browsers never send to the host, so a link shares data without any server seeing
//! it. Everything a link holds has passed the redaction step for its audience; a board travels
//! as a snapshot, a post in its compact wire form (`post_wire`), a shift as a snapshot of itself
//! and the place it staffs, all inside `link_frame`.

use super::link_frame::{self, Tag};
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
    /// Members of the group: chosen on purpose, and labelled as such when opened.
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
const GROUP: u8 = b'g';

impl ShareLink {
    /// The fragment (without `#`) sharing one post, redacted for `audience`.
    pub fn for_post(post: &Post, audience: LinkAudience) -> String {
        let mut single = Board::default();
        single.add_post(post.clone());
        // Serializing the wire form only fails for an enum variant missing from its wire list
        // (a test guards that); an empty payload then opens as `BadContent`, never as a leak.
        let json = single
            .redacted(audience.into())
            .posts
            .values()
            .find_map(|redacted| serde_json::to_vec(&WirePost::from(redacted)).ok())
            .unwrap_or_default();
        link_frame::seal(tag(POST, audience), &json)
    }

    /// The fragment (without `#`) sharing a whole board, redacted for `audience`.
    pub fn for_board(board: &Board, audience: LinkAudience) -> String {
        let snapshot = Snapshot::encode(&board.redacted(audience.into()));
        link_frame::seal(tag(BOARD, audience), snapshot.as_bytes())
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

    /// Opens a link: a whole URL, a `#fragment` or the bare fragment. Nothing is merged here;
    /// the caller shows `preview::Preview` first.
    pub fn decode(text: &str) -> Result<ShareLink, LinkError> {
        let ([kind, audience], json) = link_frame::open(text)?;
        let audience = match audience {
            PUBLIC => LinkAudience::Public,
            GROUP => LinkAudience::Group,
            _ => return Err(LinkError::Damaged),
        };
        // The checksum matched, so text that is not UTF-8 was made so on purpose.
        let json = std::str::from_utf8(&json).map_err(|_| LinkError::Damaged)?;
        let payload = match kind {
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
        };
        Ok(ShareLink { audience, payload })
    }
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
