//! The board page's reader worker (`ui::reader`): reads published sheets and opens the members'
//! board, in a small wasm of its own that Trunk builds beside the board page, so a neighbour who
//! only reads the board never downloads that code.

#[cfg(target_arch = "wasm32")]
fn main() {
    circle::ui::serve_reader();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The reader is a web worker the board page starts in the browser; `make serve`, then open http://127.0.0.1:8080/");
}
