//! A shift on either page: what it says in the reader's language, signing up for it (or backing
//! out), and sending that answer back to the group in a link.

pub mod send_sign_up;
pub mod shift_body;
pub mod shift_text;
pub mod sign_up;
