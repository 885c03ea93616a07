#!/bin/sh
# Trunk post-build hook. Writes this build's file list and a build id into the service worker,
# so it precaches exactly the hashed files of this release and a new release is noticed, and
# copies index.html to 404.html so static hosts serve the app on a deep link's reload.
set -eu
cd "$TRUNK_STAGING_DIR"
cp index.html 404.html
files=$(find . -type f ! -name sw.js ! -name 404.html ! -name '*.map' | sed 's|^\./||' | LC_ALL=C sort)
build=$(printf '%s\n' $files | xargs cat | sha256sum | cut -c1-16)
list=$(printf '%s\n' $files | sed 's/.*/"&"/' | paste -sd, -)
sed -e "s|__CIRCLE_BUILD__|$build|" -e "s|\"__CIRCLE_SHELL__\"|[\"./\",$list]|" sw.js > sw.js.tmp
mv sw.js.tmp sw.js
