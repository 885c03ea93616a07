//! Two screens, a link between them, a counter: the least an app on Circle's stack can be.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[component]
fn Home() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <h1>"Board"</h1>
        <button on:click=move |_| count.update(|n| *n += 1)>{move || count.get()}</button>
        <A href="/about">"About"</A>
    }
}

#[component]
fn About() -> impl IntoView {
    view! { <h1>"About"</h1> }
}

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/about") view=About/>
                </Routes>
            </Router>
        }
    });
}
