//! One field of a form's state, as a value to show and a way to change it.

use leptos::prelude::*;

/// A read and a write of one text field inside a larger signal, so controls bind to one field
/// of a draft without a signal per field.
#[derive(Clone, Copy)]
pub struct Lens {
    pub get: Signal<String>,
    pub set: Callback<String>,
}

/// A form whose fields are signals of their own binds each directly.
impl From<RwSignal<String>> for Lens {
    fn from(signal: RwSignal<String>) -> Self {
        Self {
            get: signal.into(),
            set: Callback::new(move |value| signal.set(value)),
        }
    }
}

/// `lens!(fields, title)`: the [`Lens`] of `fields.title` in an `RwSignal` of a struct.
macro_rules! lens {
    ($signal:expr, $field:ident) => {{
        let signal = $signal;
        $crate::ui::components::form::lens::Lens {
            get: Signal::derive(move || signal.with(|fields| fields.$field.clone())),
            set: Callback::new(move |value: String| signal.update(|fields| fields.$field = value)),
        }
    }};
}
pub(crate) use lens;
