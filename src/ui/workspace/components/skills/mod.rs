//! The skills screen's parts: the form that lists a skill, and on a childcare listing its
//! swaps and the form that records one.

pub mod skill_form;
pub mod swap_form;
pub mod swaps;
