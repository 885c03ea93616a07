//! The frame around every screen.

pub mod damaged_save;
pub mod later;
pub mod nav_links;
pub mod notice;
pub mod site_header;
pub mod update_banner;
