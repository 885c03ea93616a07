//! The skills screen's form.

pub mod skill_form;
