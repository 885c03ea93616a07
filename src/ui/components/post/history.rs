//! A post's status history.

use crate::i18n::{fill, Msg};
use crate::model::StatusChange;
use crate::ui::format;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// Every status change of a post, oldest first: what it became, who did it and when.
#[component]
pub fn History(
    /// The post's history, as the model keeps it (ordered by stamp).
    changes: Vec<StatusChange>,
) -> impl IntoView {
    let state = AppState::get();
    view! {
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">{t(Msg::History)}</h2>
            <ol class="history">
                {changes
                    .into_iter()
                    .map(|change| {
                        let entry = move || {
                            let lang = state.lang.get();
                            fill(
                                lang.text(Msg::HistoryEntry),
                                &[
                                    ("status", lang.text(change.to.into())),
                                    ("handle", &change.by),
                                    ("date", &format::moment(lang, change.at.ms)),
                                ],
                            )
                        };
                        view! { <li>{entry}</li> }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
