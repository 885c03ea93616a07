//! What every form shares: its answers as typed, the problems found in them, the draft kept on
//! the device, and "Start over" with its undo. A form brings only its own check (typed answers
//! in, the model's value or the problems per control out) and the order of its controls.
//!
//! Problems show only after the first submit, then update as the person types; a refused
//! submit moves focus to the first control with a problem.

use crate::i18n::{fill, problems::problem_text, Counted, Lang};
use crate::model::sorted_map::SortedMap;
use crate::model::{Field, ValidationError};
use crate::ui::state::AppState;
use crate::ui::{format, platform};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Problems per control id, as sentences in the person's language.
pub type Problems = SortedMap<&'static str, String>;

/// Typed answers a form can keep as a draft: plain text and flags, so a half-written draft is
/// restored exactly as the person left it, even where it does not parse yet.
pub trait Answers:
    Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static
{
}
impl<F> Answers for F where
    F: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static
{
}

type Check<F, T> = Box<dyn Fn(&F, Lang) -> Result<T, Problems> + Send + Sync>;
type Blank<F> = Box<dyn Fn() -> F + Send + Sync>;

struct Rules<F, T> {
    /// Control ids in the order they appear, so the first problem gets focus.
    order: &'static [&'static str],
    blank: Blank<F>,
    check: Check<F, T>,
}

/// A form's state; `T` is what a valid form gives (a post draft, a check-in).
pub struct FormState<F: 'static, T: 'static> {
    pub fields: RwSignal<F>,
    attempted: RwSignal<bool>,
    /// The answers "Start over" removed, and the blank form it left, while undo is offered.
    cleared: RwSignal<Option<(F, F)>>,
    problems: Memo<Problems>,
    rules: StoredValue<Rules<F, T>>,
}

impl<F, T> Clone for FormState<F, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F, T> Copy for FormState<F, T> {}

impl<F: Answers, T: Send + Sync + 'static> FormState<F, T> {
    /// A form that starts from the draft kept under `draft_key`, or from `blank()`. The draft
    /// is kept while the person's settings allow it, and forgotten once the form is blank.
    pub fn new(
        draft_key: String,
        order: &'static [&'static str],
        blank: impl Fn() -> F + Send + Sync + 'static,
        check: impl Fn(&F, Lang) -> Result<T, Problems> + Send + Sync + 'static,
    ) -> Self {
        Self::build(Some(draft_key), order, blank, check)
    }

    /// A form whose answers are never kept, not even as a draft: a passphrase.
    pub fn unsaved(
        order: &'static [&'static str],
        blank: impl Fn() -> F + Send + Sync + 'static,
        check: impl Fn(&F, Lang) -> Result<T, Problems> + Send + Sync + 'static,
    ) -> Self {
        Self::build(None, order, blank, check)
    }

    fn build(
        draft_key: Option<String>,
        order: &'static [&'static str],
        blank: impl Fn() -> F + Send + Sync + 'static,
        check: impl Fn(&F, Lang) -> Result<T, Problems> + Send + Sync + 'static,
    ) -> Self {
        let state = AppState::get();
        let kept = draft_key.as_deref().and_then(platform::load::<F>);
        let fields = RwSignal::new(kept.unwrap_or_else(&blank));
        let rules = StoredValue::new(Rules {
            order,
            blank: Box::new(blank),
            check: Box::new(check),
        });
        if let Some(draft_key) = draft_key {
            Effect::new(move |_| {
                let keep = state.prefs.with(|prefs| prefs.keep_drafts);
                let blank = rules.with_value(|rules| (rules.blank)());
                fields.with(|fields| {
                    if keep && *fields != blank {
                        platform::save(&draft_key, fields);
                    } else {
                        platform::forget(&draft_key);
                    }
                });
            });
        }
        let attempted = RwSignal::new(false);
        let problems = Memo::new(move |_| {
            if !attempted.get() {
                return Problems::new();
            }
            let lang = state.lang.get();
            rules
                .with_value(|rules| fields.with(|fields| (rules.check)(fields, lang).err()))
                .unwrap_or_default()
        });
        Self {
            fields,
            attempted,
            cleared: RwSignal::new(None),
            problems,
            rules,
        }
    }

    /// The problem shown under the control `id`, if any.
    pub fn error(self, id: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || self.problems.with(|problems| problems.get(id).cloned()))
    }

    /// "Fix 2 problems", once a submit was refused.
    pub fn summary(self) -> Option<String> {
        let count = self.problems.with(SortedMap::len);
        (count > 0).then(|| {
            let lang = AppState::get().lang.get();
            fill(
                lang.counted(Counted::FixProblems, count as u64),
                &[("count", &format::number(lang, count))],
            )
        })
    }

    /// Checks the answers. A valid form gives its value and starts blank again; otherwise its
    /// problems show and the first of them gets focus.
    pub fn submit(self) -> Option<T> {
        self.attempted.set(true);
        let lang = AppState::get().lang.get_untracked();
        let checked = self.rules.with_value(|rules| {
            self.fields
                .with_untracked(|fields| (rules.check)(fields, lang))
        });
        match checked {
            Ok(value) => {
                self.fields.set(self.blank());
                self.attempted.set(false);
                Some(value)
            }
            Err(problems) => {
                let order = self.rules.with_value(|rules| rules.order);
                if let Some(first) = order.iter().find(|id| problems.contains_key(*id)) {
                    platform::focus_id(first);
                }
                None
            }
        }
    }

    /// The form's `on:submit`: checks the answers, and hands a valid form's value to `done`.
    pub fn on_submit(
        self,
        done: impl Fn(T) + 'static,
    ) -> impl Fn(leptos::ev::SubmitEvent) + 'static {
        move |ev| {
            ev.prevent_default();
            if let Some(value) = self.submit() {
                done(value);
            }
        }
    }

    /// Empties the form at once, and offers the answers back for as long as it stays empty:
    /// one tap must not lose a half-written form for good.
    pub fn start_over(self) {
        let empty = self.blank();
        let before = self.fields.get_untracked();
        self.fields.set(empty.clone());
        self.attempted.set(false);
        self.cleared.set(Some((before, empty)));
    }

    /// Whether "Undo" can give the cleared answers back.
    pub fn can_undo(self) -> bool {
        self.cleared.with(|cleared| {
            cleared
                .as_ref()
                .is_some_and(|(_, empty)| self.fields.with(|now| now == empty))
        })
    }

    pub fn undo(self) {
        if let Some((before, _)) = self.cleared.get_untracked() {
            self.fields.set(before);
            self.cleared.set(None);
        }
    }

    fn blank(self) -> F {
        self.rules.with_value(|rules| (rules.blank)())
    }
}

/// An answer typed as a comma-separated list ("es, en"), as its items.
pub fn comma_list(typed: &str) -> Vec<String> {
    typed
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(String::from)
        .collect()
}

/// A form's check result: the value when no problem was found on the way to it.
pub fn verdict<T>(problems: Problems, value: T) -> Result<T, Problems> {
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(problems)
    }
}

/// Files the model's problems under the controls that edit their fields, keeping a problem the
/// form already found for a control (a choice not made says more than what follows from it).
pub fn add_model_problems(
    problems: &mut Problems,
    errors: Vec<ValidationError>,
    control_of: impl Fn(Field) -> &'static str,
    lang: Lang,
) {
    for error in errors {
        problems.get_or_insert_with(control_of(error.field), || {
            problem_text(lang, error.problem)
        });
    }
}
