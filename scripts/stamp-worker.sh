#!/bin/sh
# Stamps the service worker of a built site (both entry pages) with the site's file list and a
# build id, so it precaches exactly this release's files (the workspace's only on a phone that
# opened it; public/sw.js says how each is fetched) and a new release is noticed. Data files
# (*.json) are left out: the service worker always asks the network for them first.
#   scripts/stamp-worker.sh dist
set -eu
cd "$1"
files=$(find . -type f ! -name sw.js ! -name 404.html ! -name '*.json' ! -name '*.map' | sed 's|^\./||' | LC_ALL=C sort)
build=$(printf '%s\n' $files | xargs cat | sha256sum | cut -c1-16)
list=$(printf '%s\n' $files | sed 's/.*/"&"/' | paste -sd, -)
sed -e "s|__CIRCLE_BUILD__|$build|" -e "s|\"__CIRCLE_SHELL__\"|[\"./\",$list]|" sw.js > sw.js.tmp
mv sw.js.tmp sw.js
