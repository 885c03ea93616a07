//! An ask's ranked suggestions, each with the reasons it ranks where it does, and the action
//! that makes the match.

use crate::i18n::workspace::WorkMsg;
use crate::i18n::Msg;
use crate::model::edit::EditError;
use crate::model::suggest::{Candidate, Suggestion};
use crate::model::{Day, MatchError, Partner, RecordId, StatusError};
use crate::ui::state::{t, AppState};
use crate::ui::workspace::routes;
use crate::ui::workspace::text::work_fill;
use crate::ui::{labels, platform};
use leptos::prelude::*;

/// How many suggestions an ask lists.
const SHOWN: usize = 3;

#[component]
pub fn Suggestions(ask: RecordId, title: String, handle: RwSignal<String>) -> impl IntoView {
    let state = AppState::get();
    let label = {
        let title = title.clone();
        move || work_fill(state, WorkMsg::SuggestionsFor, &[("title", &title)])
    };
    let found = move || {
        let today = Day::from_ms(platform::now_ms());
        state.board.with(|board| {
            board
                .suggestions(ask, today, SHOWN)
                .into_iter()
                .filter_map(|suggestion| Named::of(state, board, suggestion))
                .collect::<Vec<_>>()
        })
    };
    view! {
        {move || {
            let found = found();
            if found.is_empty() {
                return view! { <p class="advice">{t(WorkMsg::NoSuggestions)}</p> }.into_any();
            }
            let title = title.clone();
            view! {
                <ul class="suggestions" aria-label=label.clone()>
                    {found
                        .into_iter()
                        .map(|named| view! { <SuggestionItem ask=ask title=title.clone() named=named handle=handle/> })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}

/// A suggestion with the name the screen shows and the partner a match records.
#[derive(Clone)]
struct Named {
    suggestion: Suggestion,
    name: String,
    partner: Partner,
}

impl Named {
    fn of(state: AppState, board: &crate::model::Board, suggestion: Suggestion) -> Option<Self> {
        let (name, partner) = match suggestion.candidate {
            Candidate::Offer(id) => (board.post(id)?.title.value.clone(), Partner::Offer(id)),
            Candidate::Skill(id) => {
                let skill = board.skills.get(&id)?;
                let what = labels::category(state, &skill.skill.value);
                let name = work_fill(
                    state,
                    WorkMsg::SkillOf,
                    &[("handle", &skill.handle), ("skill", &what)],
                );
                (name, Partner::Volunteer(skill.handle.clone()))
            }
        };
        Some(Self {
            suggestion,
            name,
            partner,
        })
    }

    fn reasons(&self) -> Vec<WorkMsg> {
        let s = &self.suggestion;
        [
            (s.same_category, WorkMsg::ReasonCategory),
            (s.same_area, WorkMsg::ReasonArea),
            (s.in_time, WorkMsg::ReasonTime),
            (s.shared_language, WorkMsg::ReasonLanguage),
        ]
        .into_iter()
        .filter_map(|(holds, reason)| holds.then_some(reason))
        .collect()
    }
}

#[component]
fn SuggestionItem(
    ask: RecordId,
    title: String,
    named: Named,
    handle: RwSignal<String>,
) -> impl IntoView {
    let state = AppState::get();
    let reasons_of = named.reasons();
    let reasons = {
        let reasons_of = reasons_of.clone();
        move || {
            let lang = state.lang.get();
            reasons_of
                .iter()
                .map(|reason| lang.work(*reason))
                .collect::<Vec<_>>()
                .join(" · ")
        }
    };
    let button_label = {
        let (title, name) = (title.clone(), named.name.clone());
        move || {
            work_fill(
                state,
                WorkMsg::MatchButtonLabel,
                &[("ask", &title), ("partner", &name)],
            )
        }
    };
    let make = {
        let (title, name, partner) = (title.clone(), named.name.clone(), named.partner.clone());
        move |_| {
            let by = handle.get_untracked();
            let said = if by.trim().is_empty() {
                platform::focus_id("match-handle");
                state.t(Msg::ErrRequired).to_string()
            } else {
                match state.match_ask(ask, partner.clone(), by.trim()) {
                    Ok(()) => work_fill(
                        state,
                        WorkMsg::Matched,
                        &[("ask", &title), ("partner", &name)],
                    ),
                    Err(error) => state.lang.get_untracked().work(refusal(&error)).to_string(),
                }
            };
            state.announce(routes::MATCHING, said);
        }
    };
    view! {
        <li class="suggestion">
            <p>
                <span class="suggestion-name" dir="auto">{named.name.clone()}</span>
                <span class="suggestion-reasons">{reasons}</span>
            </p>
            {move || state.is_coordinator().then(|| view! {
                <button type="button" class="secondary" aria-label=button_label.clone() on:click=make.clone()>
                    {t(WorkMsg::MatchButton)}
                </button>
            })}
        </li>
    }
}

/// Why a match was refused, in words the person can act on.
fn refusal(error: &MatchError) -> WorkMsg {
    match error {
        MatchError::Status(StatusError::Edit(EditError::NotAuthor)) => WorkMsg::ErrMatchNotAllowed,
        MatchError::NotFound(_) | MatchError::Status(StatusError::Edit(EditError::NotFound(_))) => {
            WorkMsg::ErrMatchGone
        }
        _ => WorkMsg::ErrMatchNotOpen,
    }
}
