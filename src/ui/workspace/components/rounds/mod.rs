//! The check-in rounds' parts: a person on today's round, and the forms that start a list, add
//! a person, record a check-in and post an ask for someone who needs something.

pub mod ask_for;
pub mod check_in_form;
pub mod person_card;
pub mod person_form;
pub mod roster_form;
pub mod standing;
