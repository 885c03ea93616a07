//! The browser entry point that Trunk builds.

#[cfg(target_arch = "wasm32")]
fn main() {
    circle::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Circle runs in the browser: `make serve` builds it and serves it at http://127.0.0.1:8080/");
}
