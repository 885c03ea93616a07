//! Sharing without a server: links and QR codes, files out and in, and the preview that comes
//! before anything from outside is merged into the board; and the passphrase that opens the
//! group's members' board.

pub mod audience_link;
pub mod export;
pub mod file_import;
pub mod import_preview;
pub mod incoming_link;
pub mod link_panel;
pub mod members_board;
pub mod paste_link;
pub mod post_share;
pub mod problem;
pub mod qr_code;
pub mod send;
pub mod web;
