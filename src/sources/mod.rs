//! Codecs for what comes from or leaves the device: share links, snapshot files, spreadsheets.

pub mod base64url;
pub mod crc32;
pub mod link_frame;
pub mod post_wire;
pub mod qr;
