//! The board page's signature worker (`ui::signatures`): checks a board's signatures as a batch,
//! in a small wasm of its own that Trunk builds beside the board page, so a neighbour who never
//! syncs or imports a board checked post by post never downloads that code.

#[cfg(target_arch = "wasm32")]
fn main() {
    circle::ui::serve_verifier();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The verifier is a web worker the board page starts in the browser; `make serve`, then open http://127.0.0.1:8080/");
}
