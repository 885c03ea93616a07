//! Part of a screen drawn one task after the rest, so that starting the app on a slow phone is
//! two shorter tasks rather than one long one in which a tap must wait.

use leptos::prelude::*;
use std::time::Duration;

/// Draws `children` in the task after the one that drew the screen around them.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let drawn = RwSignal::new(false);
    // The screen may be gone by then (a link tapped at once): nothing is left to draw.
    set_timeout(
        move || {
            let _ = drawn.try_set(true);
        },
        Duration::ZERO,
    );
    move || drawn.get().then(|| children())
}
