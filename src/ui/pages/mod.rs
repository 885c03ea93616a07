//! One screen a file, each a route of the app.

pub mod board;
pub mod mine;
pub mod new_post;
pub mod not_found;
pub mod place;
pub mod places;
pub mod post;
pub mod settings;
pub mod share;
pub mod shift;
