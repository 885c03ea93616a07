//! Saving a board in browser storage without ever losing the last good copy.
//!
//! - [`KeyValue`]: the small storage interface; [`MemoryStore`] for native tests (with a quota
//!   to test a full disk), `LocalStorage` (`local.rs`) for the browser;
//! - [`frame`]: how a board is written as one compact, checksummed string;
//! - [`BoardStore`]: save with verification and a backup of the previous good copy, and load
//!   that falls back to that copy and says so;
//! - [`Scope`]: which keys belong to the Circle published under this page's path.

pub mod board_store;
pub mod frame;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod memory;
pub mod scope;

pub use board_store::{BoardStore, Loaded, Notice, SaveInfo};
pub use frame::Damage;
#[cfg(target_arch = "wasm32")]
pub use local::LocalStorage;
pub use memory::MemoryStore;
pub use scope::Scope;

use std::fmt;

/// Why storage failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage quota is full; the previous save is intact.
    QuotaExceeded,
    /// There is no storage (a private window, storage disabled by the browser or a policy).
    Unavailable,
    /// The save was written but did not read back the same; the previous copy is kept as the
    /// backup and will be loaded.
    NotKept,
    /// Both the save and its backup are unreadable. Neither has been touched.
    Corrupt {
        primary: Damage,
        backup: Option<Damage>,
    },
    /// Saving is held back because the last load found both copies unreadable and they have
    /// not been released with [`BoardStore::release_damaged`].
    HeldForRecovery,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::QuotaExceeded => f.write_str("browser storage is full"),
            Self::Unavailable => f.write_str("browser storage is not available"),
            Self::NotKept => f.write_str("the save did not read back intact"),
            Self::Corrupt { primary, backup } => {
                write!(f, "the save is damaged ({primary})")?;
                match backup {
                    Some(backup) => write!(f, " and so is its backup ({backup})"),
                    None => f.write_str(" and there is no backup"),
                }
            }
            Self::HeldForRecovery => {
                f.write_str("saving is held until the damaged copies are dealt with")
            }
        }
    }
}

impl std::error::Error for StoreError {}

/// A string store such as the browser's local storage.
///
/// A failed `set` must leave the key's previous value in place (browsers do: `setItem` either
/// stores the whole value or throws).
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// One storage seen through several stores, as two tabs see the browser's.
impl<S: KeyValue + ?Sized> KeyValue for &S {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        (**self).keys()
    }
}
