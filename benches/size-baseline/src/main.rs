//! Two screens, a link between them, a counter: the least an app on Circle's stack can be.
//! Built without the `router` feature, the counter alone.

use leptos::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let count = RwSignal::new(0);
    view! { <button on:click=move |_| count.update(|n| *n += 1)>{move || count.get()}</button> }
}

#[cfg(feature = "router")]
fn main() {
    use leptos_router::components::{Route, Router, Routes, A};
    use leptos_router::path;
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=|| view! { <h1>"Board"</h1> <Counter/> <A href="/about">"About"</A> }/>
                    <Route path=path!("/about") view=|| view! { <h1>"About"</h1> }/>
                </Routes>
            </Router>
        }
    });
}

#[cfg(not(feature = "router"))]
fn main() {
    leptos::mount::mount_to_body(|| view! { <h1>"Board"</h1> <Counter/> });
}
