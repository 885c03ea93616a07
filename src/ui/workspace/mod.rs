//! The group's workspace: the second entry page (group/index.html), for the group's volunteers
//! and coordinators. It shares the board page's state, storage and frame (notices, the update
//! banner), and adds its own screens, routes and messages, none of which the board page's wasm
//! carries.

pub mod app;
mod components;
mod pages;
mod routes;
mod text;
