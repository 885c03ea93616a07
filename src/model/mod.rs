//! The domain model of Circle and its rules, in plain Rust with no browser types, so every rule
//! is tested natively. Words follow `shared/DESIGN.md`.

pub mod board;
pub mod clock;
pub mod day;
pub mod id;
pub mod merge;
pub mod post;

pub use board::{Board, MergeReport};
pub use clock::{Clock, DeviceId, Stamp};
pub use day::Day;
pub use id::RecordId;
pub use merge::{Lww, Merge};
pub use post::{
    CloseReason, Contact, ContactMethod, Handle, Post, PostDraft, PostKind, Status, StatusChange,
    Urgency, Visibility,
};
