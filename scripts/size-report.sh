#!/bin/sh
# What a phone downloads for Circle's first board view, beside the same figure for the smallest
# app on Circle's stack (benches/size-baseline: Leptos and its router, two screens, built the
# same way), both gzip -9 as static hosts serve them. It fails, loudly, when the first board view
# is over its budget: the number of gzip bytes in benches/first-view-budget (issue #13). Part of
# `make bench`, never of `make test`. Needs dist/ (make dist) and the tools `make tools` installs.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/target/size-baseline/out"
gz() { gzip -9c "$1" | wc -c; }
wasm_opt_flags=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' "$root/index.html")

# One build with the router, one without: `cargo build` leaves both at the same path.
baseline() {
  cargo build --quiet --release --locked --target wasm32-unknown-unknown "$@" \
    --manifest-path "$root/benches/size-baseline/Cargo.toml" --target-dir "$root/target/size-baseline"
  wasm-bindgen --target web --no-typescript --out-dir "$out" \
    "$root/target/size-baseline/wasm32-unknown-unknown/release/size-baseline.wasm"
  # shellcheck disable=SC2086 # the flags are words
  wasm-opt -Oz $wasm_opt_flags "$out/size-baseline_bg.wasm" -o "$out/size-baseline_bg.wasm"
  echo $(( $(gz "$out/size-baseline_bg.wasm") + $(gz "$out/size-baseline.js") ))
}

without_router=$(baseline --no-default-features)
with_router=$(baseline)

cd "$root/dist"
wasm=$(gz circle-*_bg.wasm)
glue=$(gz "$(ls circle-*.js)")
rest=0
for file in index.html boot.js main-*.css config.json icons/icon.svg; do
  rest=$(( rest + $(gz "$file") ))
done
first_view=$(( wasm + glue + rest ))

# The second entry page, the group's workspace: its own wasm, glue, page and styles (the
# group's settings and icon are the board page's, already downloaded).
cd "$root/dist/group"
workspace=$(( $(gz workspace-*_bg.wasm) + $(gz "$(ls workspace-*.js)") + $(gz index.html) + $(gz boot.js) ))
for css in *.css; do
  workspace=$(( workspace + $(gz "$css") ))
done

printf '%-58s %9s\n' "gzip bytes" ""
printf '%-58s %9d\n' "Leptos 0.8, one screen and a counter (wasm + glue)" "$without_router"
printf '%-58s %9d\n' "Leptos 0.8 + router, two screens (wasm + glue)" "$with_router"
printf '%-58s %9d\n' "Circle: wasm" "$wasm"
printf '%-58s %9d\n' "Circle: glue" "$glue"
printf '%-58s %9d\n' "Circle: index.html, boot.js, CSS, config.json, icon" "$rest"
printf '%-58s %9d\n' "Circle: the group's workspace (group/), all in" "$workspace"
budget=$(tr -d '[:space:]' <"$root/benches/first-view-budget")
printf '%-58s %9d  %s\n' "Circle: first board view, all in" "$first_view" \
  "($(awk "BEGIN { printf \"%.1f\", $first_view / $with_router }")x the baseline)"
printf '%-58s %9d\n' "Budget for the first board view (benches/first-view-budget)" "$budget"
if [ "$first_view" -gt "$budget" ]; then
  echo "OVER BUDGET: the first board view is $((first_view - budget)) bytes gzip over its budget of $budget" >&2
  exit 1
fi
