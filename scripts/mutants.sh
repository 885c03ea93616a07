#!/usr/bin/env bash
# Mutation testing: cargo-mutants changes the model, the store and the codecs one small way at a
# time (a `<` becomes `<=`, a function returns a default) and runs the tests that cover that
# file; a change no test notices is a "missed" mutant, a gap in the tests. docs/testing.md says
# how to read the results. Not part of `make test`: a full run takes hours on 2 cores.
#   scripts/mutants.sh                  every group below
#   scripts/mutants.sh store sources    only the groups whose name starts with these words
#   MUTANTS_SHARD=2/8 scripts/mutants.sh model
#                                       the third eighth of a group's mutants (shards count
#                                       from 0): a long group run a sitting at a time (the
#                                       summary adds the shards up)
#   MUTANTS_FILES="src/model/post.rs src/model/roster.rs" scripts/mutants.sh model
#                                       only these files of a group, on the tree as it is now:
#                                       the part of a group a sitting did not reach
# Results: target/mutants/<group>/mutants.out/ (caught.txt, missed.txt, unviable.txt,
# timeout.txt, outcomes.json) and a summary table in target/mutants/summary.md.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=27.1.0
if [ "$(cargo mutants --version 2>/dev/null)" != "cargo-mutants $VERSION" ]; then
  echo "==> building cargo-mutants $VERSION from crates.io (about 10 minutes on 2 cores)"
  cargo install --locked "cargo-mutants@$VERSION"
fi

# Each group runs in its own scratch copy of the tree; one target directory for all of them
# means the dependencies are built once, not once a group.
out=target/mutants
export CARGO_TARGET_DIR="$PWD/$out/build"

# Group | files it mutates | the tests that run for each of its mutants (cargo test arguments).
# The `data-` groups are the files where a missed mutant means lost or leaked data (issue #15
# asks for none there): the merge rules, the clock, the board's merge, redaction, retention,
# the save frame, the board store, and link framing and decoding. The other groups cover the
# rest of the model, the store and the codecs. Each runs the fastest tests that cover its files:
# their own unit tests (`--lib`) and the integration tests written for them, with fewer
# property cases than `make test` (MUTANTS_CASES) so that a run fits on 2 cores. The model's
# records walk their signed fields for the trust gate, so the model group runs `trust` too.
DATA_MODEL="src/model/merge.rs src/model/clock.rs src/model/board.rs src/model/redact.rs src/model/retention.rs"
DATA_STORE="src/store/frame.rs src/store/board_store.rs"
DATA_LINKS="src/sources/link_frame.rs src/sources/share_link.rs src/sources/post_wire.rs src/sources/link_text.rs src/sources/sealed_link.rs"
RUNS=(
  "data-model|$DATA_MODEL|--lib --test merge_laws --test snapshots"
  "data-store|$DATA_STORE|--lib --test storage"
  "data-links|$DATA_LINKS|--lib --test sources_links --test sources_fuzz"
  "model|src/model/*.rs|--lib --test merge_laws --test snapshots --test search_relevance --test trust"
  "trust|src/model/trust/*.rs|--lib --test trust"
  "store|src/store/*.rs|--lib --test storage"
  "sources|src/sources/*.rs|--lib --test sources_links"
  "sheet|src/sources/sheet/*.rs|--lib --test sheets"
)
# Never mutated: the browser-only store (no native test can see its mutants; storage.spec.js
# covers it) and the tests' own generators. Files of a `data-` group are left out of the wider
# group of their folder, so that no mutant runs twice.
EXCLUDE=(src/store/local.rs src/model/testing.rs)
exclusions_for() {
  case $1 in
  model) echo "$DATA_MODEL" ;;
  store) echo "$DATA_STORE" ;;
  sources) echo "$DATA_LINKS" ;;
  esac
}
# Most of a mutant's build is linking its test binaries: Rust's own lld (shipped with rustup)
# links them in about half the time of the system linker.
gcc_ld="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/gcc-ld"
if [ -x "$gcc_ld/ld.lld" ]; then
  export RUSTFLAGS="-C link-arg=-fuse-ld=lld -C link-arg=-B$gcc_ld"
fi
export PROPTEST_CASES=${MUTANTS_CASES:-64}
export CIRCLE_FUZZ_CASES=${MUTANTS_FUZZ_CASES:-500}

wanted() {
  [ $# -eq 0 ] && return 0
  local name=$1
  shift
  for word in "$@"; do [[ $name == "$word"* ]] && return 0; done
  return 1
}

# A shard's results sit beside the whole group's: model.shard-2-of-8 for MUTANTS_SHARD=2/8; a
# part's are named by its first and last file: model.part-post-snapshot.
output_of() {
  if [ -n "${MUTANTS_FILES:-}" ]; then
    local files
    read -r -a files <<<"$MUTANTS_FILES"
    echo "$out/$1.part-$(basename "${files[0]}" .rs)-$(basename "${files[-1]}" .rs)"
  elif [ -n "${MUTANTS_SHARD:-}" ]; then
    echo "$out/$1.shard-${MUTANTS_SHARD%/*}-of-${MUTANTS_SHARD#*/}"
  else
    echo "$out/$1"
  fi
}

mkdir -p "$out"
status=0
for group in "${RUNS[@]}"; do
  IFS='|' read -r name files tests <<<"$group"
  wanted "$name" "$@" || continue
  dir=$(output_of "$name")
  args=(--jobs 1 --profile mutants --gitignore true --output "$dir")
  # The test targets go to every cargo command (--cargo-arg), not only to `cargo test`
  # (`-- $tests`): then each mutant's build makes just those targets, not every test, binary
  # and example of the crate.
  for word in $tests; do args+=("--cargo-arg=$word"); done
  [ -n "${MUTANTS_SHARD:-}" ] && args+=(--shard "$MUTANTS_SHARD")
  for file in ${MUTANTS_FILES:-$files}; do args+=(--file "$file"); done
  for file in "${EXCLUDE[@]}" $(exclusions_for "$name"); do args+=(--exclude "$file"); done
  echo "==> $name: ${MUTANTS_FILES:-$files}"
  started=$(date +%s)
  cargo mutants "${args[@]}" || status=$?
  echo "$(($(date +%s) - started))" >"$dir/seconds"
done

# One line a group: how many mutants each outcome had, and how long the group took, over the
# whole group's run or the sum of its shards.
count() { cat "$@" 2>/dev/null | grep -c . || true; }
{
  echo "| group | caught | missed | unviable | timeout | minutes | runs |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for group in "${RUNS[@]}"; do
    name=${group%%|*}
    runs=()
    for dir in "$out/$name" "$out/$name".shard-* "$out/$name".part-*; do
      [ -d "$dir/mutants.out" ] && runs+=("$dir")
    done
    [ ${#runs[@]} -gt 0 ] || continue
    seconds=0
    for dir in "${runs[@]}"; do seconds=$((seconds + $(cat "$dir/seconds" 2>/dev/null || echo 0))); done
    outcome() { count "${runs[@]/%//mutants.out/$1.txt}"; }
    echo "| $name | $(outcome caught) | $(outcome missed) | $(outcome unviable) | $(outcome timeout) | $((seconds / 60)) | ${runs[*]##*/} |"
  done
} >"$out/summary.md"
cat "$out/summary.md"
for group in "${RUNS[@]}"; do
  for missed in "$out/${group%%|*}"{,.shard-*,.part-*}/mutants.out/missed.txt; do
    if [ -s "$missed" ]; then
      echo "missed in ${missed#"$out/"}:"
      cat "$missed"
    fi
  done
done
# cargo-mutants exits 2 when a mutant was missed, 3 when one timed out (counted as caught).
exit "$status"
