#!/bin/sh
# Trunk post-build hook, run in the staging folder of every build:
# 0. the page's Content Security Policy, allowing the origins of the group's sources
#    (config.json's "sources") and no others;
# 1. 404.html, a copy of index.html, so static hosts serve the app on a deep link's reload;
# 2. demo-board.json, the demo board a newcomer sees on first run, dated from the build day
#    (written by examples/demo_board; a group turns it off in config.json);
# 3. the service worker, stamped with this build's file list and a build id, so it precaches
#    exactly this release's hashed files (fetched past the HTTP cache) and a new release is
#    noticed. Data files (*.json) are left out: the service worker always asks the network for
#    them first.
set -eu
cd "$TRUNK_STAGING_DIR"
cargo run --quiet --locked --manifest-path "$TRUNK_SOURCE_DIR/Cargo.toml" --example site_policy -- config.json index.html
cp index.html 404.html
cargo run --quiet --locked --manifest-path "$TRUNK_SOURCE_DIR/Cargo.toml" --example demo_board -- demo-board.json
files=$(find . -type f ! -name sw.js ! -name 404.html ! -name '*.json' ! -name '*.map' | sed 's|^\./||' | LC_ALL=C sort)
build=$(printf '%s\n' $files | xargs cat | sha256sum | cut -c1-16)
list=$(printf '%s\n' $files | sed 's/.*/"&"/' | paste -sd, -)
sed -e "s|__CIRCLE_BUILD__|$build|" -e "s|\"__CIRCLE_SHELL__\"|[\"./\",$list]|" sw.js > sw.js.tmp
mv sw.js.tmp sw.js
