//! Codecs for what comes from or leaves the device: share links, QR codes, snapshot files,
//! spreadsheets. Plain Rust and tested natively; the share screen calls them.
//!
//! - `share_link`: one post or a board in a URL fragment (`link_frame` is its envelope,
//!   `post_wire` the compact form of a post, `link_text` finds one in a pasted message,
//!   `base64url` and `crc32` its parts);
//! - `qr`: a link as a print-sized QR code;
//! - `snapshot_file`: the board as a JSON file, exported and imported;
//! - `csv_export`: posts as a spreadsheet;
//! - `sheet`: a group's published sheets (CSV) read into posts and resources;
//! - `encrypted_board`: the group's board, readable only with its passphrase;
//! - `sealed_link`: a group members only link, sealed with the same key;
//! - `group_source`: one of a group's sources (a snapshot file or a sheet) read into a board;
//! - `preview`: what a merge would do, shown before it is done;
//! - `reader_job`: the sheet reading, the members' board opening and the group links' sealing
//!   the board page hands to its reader worker;
//! - `write_back`: the posts and status changes this phone made, for the group's spreadsheet.

pub mod base64url;
pub mod crc32;
pub mod csv_export;
pub mod encrypted_board;
pub mod fund_csv;
pub mod group_source;
pub mod link_frame;
pub mod link_text;
pub mod post_wire;
pub mod preview;
pub mod qr;
pub mod reader_job;
pub mod report_csv;
pub mod sealed_link;
pub mod share_link;
pub mod sheet;
pub mod snapshot_file;
pub mod write_back;
