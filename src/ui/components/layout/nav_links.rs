//! A page's main navigation: a labelled list of links to its screens, the current one marked
//! with `aria-current` (by the router's `A`).

use crate::i18n::Text;
use crate::ui::routes::href;
use crate::ui::state::t;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NavLinks<M: Text>(label: M, links: Vec<(&'static str, M)>) -> impl IntoView {
    view! {
        <nav aria-label=t(label)>
            <ul class="nav-list">
                {links
                    .into_iter()
                    .map(|(path, name)| view! { <li><A href=href(path) exact=true>{t(name)}</A></li> })
                    .collect_view()}
            </ul>
        </nav>
    }
}
