//! Trust: who may change what. Every device holds an author key (Ed25519). A post changes only
//! through revisions its author signed; what others do about it (a response, a coordinator's
//! moderation) is their own signed record, as are the entries people add to resources, rosters
//! and shifts (a condition report, a check-in, a sign-up). The records a group keeps together
//! (places, check-in lists, shifts, the fund, skills, matches) change only by fields their
//! author or a coordinator sealed ([`sealed`]). Every board from outside the device
//! passes the gate ([`gate`]) before it is merged: what fails is refused and reported, never
//! merged. A board `publish` signed as a whole ([`vouch`]) has its records' signatures taken as
//! checked, by the key the group names for it.

pub mod authorship;
pub mod batch;
pub mod check;
pub mod entry_gate;
#[cfg(not(target_arch = "wasm32"))]
pub mod fast_check;
pub mod gate;
#[cfg(test)]
mod hostile;
pub mod key;
pub mod seal;
pub mod sealed;
pub mod vouch;

pub use gate::{Admitted, Refusal, Refused};
pub use key::{AuthorKey, Signature, Signer};
pub use seal::{PostSeal, Seal, Secret};
pub use sealed::Sealed;
