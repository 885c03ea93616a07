//! The Leptos screens and widgets; compiled for the browser only.
