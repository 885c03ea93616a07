//! What a shift says, in the reader's language: the task, when and for how long, the place and
//! area, the people it still needs (a gap is flagged) and who signed up, by handle.

use crate::i18n::{fill, Lang, Msg};
use crate::model::shift::{Opening, Shift};
use crate::model::Board;
use crate::ui::format;
use crate::ui::state::AppState;

/// A shift as its card, its page and a link's preview show it.
#[derive(Clone, PartialEq)]
pub struct ShiftText {
    pub task: String,
    pub when: String,
    pub place: String,
    /// "Needs 2 more", or "Full".
    pub gap: String,
    /// Whether the shift still needs people: its gap is flagged.
    pub short: bool,
    pub signed_up: String,
    /// Whether this device's person is signed up.
    pub mine: bool,
}

impl ShiftText {
    /// `shift` as read from `board`, which holds the place it staffs (this device's board, or
    /// the board a link brought).
    pub fn of(state: AppState, lang: Lang, board: &Board, shift: &Shift) -> Self {
        let when = fill(
            lang.text(Msg::ShiftWhen),
            &[
                ("when", &format::moment(lang, shift.starts_ms.value)),
                (
                    "minutes",
                    &format::number(lang, shift.minutes.value as usize),
                ),
            ],
        );
        let place = shift
            .resource
            .value
            .and_then(|id| board.resources.get(&id))
            .map(|place| place.name.value.clone())
            .into_iter()
            .chain((!shift.area.value.is_empty()).then(|| shift.area.value.clone()))
            .collect::<Vec<_>>()
            .join(" · ");
        let open = shift.open_spots() as usize;
        let count =
            |msg: Msg, n: usize| fill(lang.text(msg), &[("count", &format::number(lang, n))]);
        let names: Vec<String> = shift
            .signed_up()
            .map(|sign_up| sign_up.by.clone())
            .collect();
        let signed_up = if names.is_empty() {
            lang.text(Msg::NobodyYet).to_string()
        } else {
            fill(lang.text(Msg::SignedUp), &[("names", &names.join(", "))])
        };
        Self {
            task: shift.task.value.clone(),
            when,
            place,
            gap: if open > 0 {
                count(Msg::ShiftGap, open)
            } else {
                count(Msg::ShiftFull, names.len())
            },
            signed_up,
            short: open > 0,
            mine: state.is_signed_up(shift),
        }
    }
}

/// What to tell someone about joining a shift, if anything: that it is over, or (unless they
/// are on it already, and may still back out) that it has the people it needs.
pub fn opening_note(opening: Opening, mine: bool) -> Option<Msg> {
    match opening {
        Opening::Over => Some(Msg::ShiftOver),
        Opening::Full if !mine => Some(Msg::ShiftTakesNoMore),
        Opening::Full | Opening::Open => None,
    }
}
