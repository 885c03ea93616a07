//! The group's workspace, the second entry page Trunk builds (group/index.html): check-in
//! rounds, shifts, the fund, matching and the needs report. A binary of its own, so the board
//! page a neighbour opens never carries these screens.

#[cfg(target_arch = "wasm32")]
fn main() {
    circle::ui::mount_workspace();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The group's workspace runs in the browser: `make serve`, then open http://127.0.0.1:8080/group/");
}
