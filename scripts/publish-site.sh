#!/bin/sh
# The deploy workflow's publishing step: runs `publish` on the sources the group's config.json
# lists, so the site carries the group's static JSON API (api/v1/…) and plain HTML board
# (board.html) beside the app, and the app's page (index.html) paints the board's open posts
# before the app has downloaded. A source beside the app (`board.json`, `requests.csv`) is read
# from the site folder; one on another site (a published sheet) is downloaded first. A source
# that cannot be had or read stops the deploy, and the host keeps serving the last good site.
#   scripts/publish-site.sh SITE_DIR [SITE_URL]
# SITE_DIR is the built site (dist/), whose config.json is read; SITE_URL the app's public
# address, for links in chat previews. PUBLISH is the command to run (default: the native build
# of `publish`); CIRCLE_PUBLISH_SEED, if set, is the group's sheet key.
set -eu
site=${1:?usage: scripts/publish-site.sh SITE_DIR [SITE_URL]}
site_url=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
publish=${PUBLISH:-cargo run --quiet --locked --profile native --manifest-path $root/Cargo.toml --bin publish --}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One line a source: the publish flag for its kind, then its URL.
node -e '
  const config = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const flags = { asks: "--posts-csv", offers: "--offers-csv", resources: "--resources-csv" };
  for (const source of config.sources ?? []) {
    const flag = source.kind === "json" ? "--snapshot" : flags[source.holds ?? "asks"];
    console.log(`${flag} ${source.url}`);
  }
' "$site/config.json" >"$work/sources"

set --
n=0
while read -r flag url; do
  n=$((n + 1))
  case $url in
  https://*)
    file="$work/source-$n"
    echo "publish-site: downloading $url"
    curl --fail --silent --show-error --location --max-time 60 --output "$file" "$url"
    # A board this group published carries its signature as a whole (board.json.sig): with it,
    # publish need not check the board's posts one by one again. None is no error.
    if [ "$flag" = --snapshot ]; then
      curl --fail --silent --location --max-time 60 --output "$file.sig" "${url%%[?#]*}.sig${url#"${url%%[?#]*}"}" || rm -f "$file.sig"
    fi
    ;;
  *) file="$site/$url" ;;
  esac
  set -- "$@" "$flag" "$file"
done <"$work/sources"

[ -n "$site_url" ] && set -- "$@" --site-url "$site_url"
# shellcheck disable=SC2086 # the command is words
$publish --config "$site/config.json" --out "$site" "$@"
