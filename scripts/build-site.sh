#!/bin/sh
# Builds the whole site for a static host: the board page (index.html) into <dist>, the group's
# workspace (group/index.html) into <dist>/group, then stamps the service worker that serves
# both. Trunk 0.21 builds one page a run, and empties its own dist folder first, so the board
# page goes first.
#   scripts/build-site.sh <public-url> <dist>        e.g. / dist, or /circle/ target/dist-sub
set -eu
url=$1
dist=$2
trunk build --release --offline --locked --public-url "$url" --dist "$dist"
trunk build --release --offline --locked --public-url "${url}group/" --dist "$dist/group" group/index.html
scripts/stamp-worker.sh "$dist"
