//! The fund's parts: the form that records an entry, and the words of its entry kinds.

pub mod entry_form;

use crate::i18n::workspace::WorkMsg;
use crate::model::EntryKind;

pub const KINDS: [EntryKind; 3] = [EntryKind::Request, EntryKind::Pledge, EntryKind::Payout];

pub fn kind_msg(kind: EntryKind) -> WorkMsg {
    match kind {
        EntryKind::Request => WorkMsg::KindRequest,
        EntryKind::Pledge => WorkMsg::KindPledge,
        EntryKind::Payout => WorkMsg::KindPayout,
    }
}
