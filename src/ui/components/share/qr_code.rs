//! A share link as a QR code on screen, sized for print.

use crate::i18n::Msg;
use crate::sources::qr;
use crate::ui::state::t;
use leptos::prelude::*;

/// The most bytes a QR code holds at the error correction `qr::svg` uses (level M). Longer
/// links are refused here without asking the encoder, which takes a while to say no.
const QR_MAX_BYTES: usize = 2_331;

/// The QR code of `url` as an image, or a line saying the link is too long for one. The SVG is
/// our own drawing (`sources::qr`), never text from a person, and goes in as a `data:` image
/// so it cannot run anything even if it did hold markup.
#[component]
pub fn QrCode(
    /// The whole link, `https://…#c1.…`.
    #[prop(into)]
    url: Signal<String>,
) -> impl IntoView {
    let image = Memo::new(move |_| {
        url.with(|url| {
            (url.len() <= QR_MAX_BYTES)
                .then(|| qr::svg(url).ok())
                .flatten()
                .map(|svg| data_url(&svg))
        })
    });
    move || match image.get() {
        Some(src) => view! {
            <figure class="qr">
                <img src=src alt=t(Msg::QrAlt)/>
                <figcaption class="hint">{t(Msg::QrHint)}</figcaption>
            </figure>
        }
        .into_any(),
        None => view! { <p class="hint">{t(Msg::QrTooLong)}</p> }.into_any(),
    }
}

/// `data:image/svg+xml;base64,…`; the SVG is ASCII, which `btoa` takes as is.
/// The SVG as a `data:` image source.
pub fn data_url(svg: &str) -> String {
    let base64 = leptos::prelude::window().btoa(svg).unwrap_or_default();
    format!("data:image/svg+xml;base64,{base64}")
}
