//! The domain model of Circle and its rules, in plain Rust with no browser types, so every rule
//! is tested natively. Words follow `shared/DESIGN.md`.

pub mod board;
pub mod clock;
pub mod config;
pub mod contact_value;
pub mod day;
pub mod edit;
pub mod entry;
pub mod filter;
mod first_page;
mod forget;
pub mod fund;
pub mod id;
pub mod kinds;
pub mod matching;
pub mod merge;
pub mod moderation;
pub mod needs_report;
pub mod opening_hours;
pub mod phone;
pub mod post;
mod post_json;
pub mod record;
pub mod records;
pub mod redact;
pub mod resource;
pub mod response;
pub mod retention;
pub mod roster;
pub mod search;
pub mod search_labels;
pub mod shift;
pub mod skill;
pub mod snapshot;
pub mod sorted_map;
pub mod sorted_set;
pub mod status;
pub mod stem;
pub mod suggest;
pub mod swap;
#[cfg(test)]
mod testing;
pub mod trust;
pub mod validate;

pub use board::{Board, Counts, MergeReport, RecordError};
pub use clock::{Clock, DeviceId, Stamp};
pub use config::{
    Choice, ConfigProblem, DataSource, GroupConfig, Holds, Setting, SourceKind, WriteBack,
};
pub use day::Day;
pub use edit::NotFound;
pub use entry::{Entries, Entry, EntryError, LogKey, Maker};
pub use filter::{BoardFilter, StatusFilter, BOARD_PAGE};
pub use fund::{EntryDraft, EntryKind, FundEntry, FundSummary, LedgerLine};
pub use id::RecordId;
pub use matching::{Match, MatchError, Partner};
pub use merge::{Lww, Merge};
pub use moderation::{Action, Moderation};
pub use phone::{PhoneError, PhoneNumber};
pub use post::{
    CloseReason, Contact, ContactMethod, Handle, Post, PostDraft, PostKind, Status, StatusChange,
    Urgency, Visibility,
};
pub use record::{Record, RecordKind, RecordRef};
pub use redact::Audience;
pub use resource::{Condition, Report, ReportDraft, Resource, ResourceDraft, ResourceKind, Stock};
pub use response::Response;
pub use retention::RetentionReport;
pub use roster::{
    CheckIn, CheckInDraft, CheckInSeal, Escalation, Outcome, Person, PersonDraft, Roster, Standing,
};
pub use search_labels::SearchLabels;
pub use shift::{Shift, ShiftDraft, SignUp};
pub use skill::{Skill, SkillDraft};
pub use snapshot::{Snapshot, SnapshotError};
pub use status::StatusError;
pub use swap::{Balance, Swap, SwapDraft};
#[cfg(test)]
pub(crate) use testing::{
    board_with_posts, merged_either_way, refused_fields, sample_draft, sample_place, signer,
};
pub use trust::{Admitted, AuthorKey, Refusal, Refused, Signer};
pub use validate::{Field, Problem, ValidationError};
