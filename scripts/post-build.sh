#!/bin/sh
# Trunk post-build hook, run in the staging folder of each entry page's build (the board page,
# index.html, and the group's workspace, group/index.html; scripts/build-site.sh runs both):
# 0. the page's Content Security Policy, allowing the origins of the group's sources
#    (config.json's "sources") and no others;
# and for the board page only, which is the site the workspace lives in:
# 1. 404.html, a copy of index.html, so static hosts serve the app on a deep link's reload (the
#    board page hands a workspace address over to the workspace: public/boot.js);
# 2. demo-board.json, the demo board a newcomer sees on first run, dated from the build day
#    (written by examples/demo_board; a group turns it off in config.json).
# The service worker is stamped once both pages are built (scripts/stamp-worker.sh).
set -eu
root=$PWD
run() { cargo run --quiet --locked --manifest-path "$root/Cargo.toml" --example "$@"; }
cd "$TRUNK_STAGING_DIR"
case $TRUNK_HTML_FILE in
*group/index.html)
  run site_policy -- "$root/public/config.json" index.html
  ;;
*)
  run site_policy -- config.json index.html
  cp index.html 404.html
  run demo_board -- demo-board.json
  ;;
esac
