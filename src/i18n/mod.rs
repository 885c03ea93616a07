//! The message catalogue: every text a person reads, in every language Circle ships.
