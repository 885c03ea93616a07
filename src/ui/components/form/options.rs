//! The options of a drop-down, with the chosen one marked.

use leptos::prelude::*;

/// Renders `(value, label)` pairs as `<option>`s and marks the one equal to `current` as
/// selected. Marking it on the option, not only on the `<select>`, keeps the choice visible when
/// the options arrive after the value (the group's settings load after the page).
#[component]
pub fn Options(
    /// `(value, label)` pairs in display order.
    options: Signal<Vec<(String, String)>>,
    /// The value chosen now; empty when none is.
    current: Signal<String>,
) -> impl IntoView {
    move || {
        let current = current.get();
        options
            .get()
            .into_iter()
            .map(|(key, text)| {
                let selected = key == current;
                view! { <option value=key selected=selected>{text}</option> }
            })
            .collect_view()
    }
}
