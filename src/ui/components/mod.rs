//! Small components, grouped by the screen area they serve.

pub mod board;
pub mod demo;
pub mod form;
pub mod layout;
pub mod places;
pub mod post;
pub mod share;
pub mod shift;
