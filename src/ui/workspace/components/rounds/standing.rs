//! How a person on a round stands, in words: the flag that puts them at the top, or when they
//! are next due.

use crate::i18n::workspace::WorkMsg;
use crate::i18n::{fill, Lang};
use crate::model::roster::{Escalation, Standing};
use crate::ui::format;

/// The flag's text, and whether it calls for attention (drawn as a warning).
pub fn flag(lang: Lang, standing: Standing) -> (String, bool) {
    let at = |msg: WorkMsg, ms: u64| fill(lang.work(msg), &[("when", &format::moment(lang, ms))]);
    match standing {
        Standing::Escalate(Escalation::NoAnswer { times }) => (
            fill(
                lang.work(WorkMsg::FlagNoAnswer),
                &[("times", &format::number(lang, times))],
            ),
            true,
        ),
        Standing::Escalate(Escalation::NeedsSomething { ask: None }) => {
            (lang.work(WorkMsg::FlagNeedsSomething).to_string(), true)
        }
        // Still at the top until someone checks on them again, but nobody is asked to post a
        // second ask: the card lists the one posted, with its status.
        Standing::Escalate(Escalation::NeedsSomething { ask: Some(_) }) => {
            (lang.work(WorkMsg::FlagAskPosted).to_string(), true)
        }
        Standing::Escalate(Escalation::Missed { .. }) => {
            (lang.work(WorkMsg::FlagMissed).to_string(), true)
        }
        Standing::Overdue { due_ms } => (at(WorkMsg::FlagOverdue, due_ms), true),
        Standing::Due { .. } => (lang.work(WorkMsg::FlagDue).to_string(), false),
        Standing::Upcoming { due_ms } => (at(WorkMsg::FlagUpcoming, due_ms), false),
    }
}
