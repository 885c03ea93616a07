# Circle's entry points. `make serve` and `make test` are the README's two commands; both install
# whatever is missing first (.ci/install-tools).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export CHROMEDRIVER := /usr/bin/chromedriver

PORT ?= 8080
# Where the app lives on its host: / here, /<repository>/ on a project's static pages.
PUBLIC_URL ?= /
# Property-test cases per law, and generated inputs per decoder fuzz test: the full counts here,
# quick defaults for a plain `cargo test`.
PROPTEST_CASES ?= 10000
CIRCLE_FUZZ_CASES ?= 100000
# One release build at a time on a 2-core machine, however many terminals ask for one.
LOCK := flock $(CURDIR)/target/.dist.lock

.PHONY: serve test tools tools-build lint unit dist dist-sub publish browser bench mutants clean

## Build the release app and serve it with the demo board at http://127.0.0.1:$(PORT)/
serve: tools-build dist
	node tests/browser/support/static-server.js dist $(PORT)

## Every check CI runs: format, lints, native tests, release build, browser tests.
test: tools lint unit dist dist-sub browser
	@echo "make test: all checks passed"

tools:
	@.ci/install-tools

tools-build:
	@.ci/install-tools build

lint:
	cargo fmt --check
	cargo fmt --check --manifest-path benches/size-baseline/Cargo.toml
	cargo clippy --all-targets --locked -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --locked -- -D warnings

unit:
	PROPTEST_CASES=$(PROPTEST_CASES) CIRCLE_FUZZ_CASES=$(CIRCLE_FUZZ_CASES) cargo test --locked

## The release build (the board page and the group's workspace) served at the site root, and the
## same build for a subpath (/circle/).
dist:
	@mkdir -p target
	$(LOCK) scripts/build-site.sh $(PUBLIC_URL) dist

dist-sub:
	@mkdir -p target
	$(LOCK) scripts/build-site.sh /circle/ target/dist-sub

## The group's static JSON API and plain HTML board, from the sources config.json lists,
## written into dist/ (the deploy workflow runs this after `make dist`).
publish:
	scripts/publish-site.sh dist $(SITE_URL)

browser:
	npx playwright test --config tests/browser/playwright.config.js

## Benchmarks: criterion for the model, a scripted Chromium run and Lighthouse for the page,
## then the download beside the stack's own size. That last step fails `make bench` when the
## first board view is over the budget in benches/first-view-budget.
bench: tools dist
	cargo bench --locked --bench board
	cargo run --locked --release --example bench_boards -- target/bench 100 10000
	node tests/browser/bench/page-bench.js
	node tests/browser/bench/first-visit.js
	node tests/browser/bench/lighthouse.js --runs 5
	scripts/size-report.sh

## Mutation testing of the model, the store and the codecs (docs/testing.md). Not part of
## `make test`: hours on 2 cores. `make mutants ONLY="store sources"` runs some groups only;
## `make mutants ONLY=model SHARD=3/8` the fourth eighth of a group (shards count from 0);
## `make mutants ONLY=model FILES="src/model/post.rs"` some files of a group only.
mutants:
	MUTANTS_SHARD=$(SHARD) MUTANTS_FILES="$(FILES)" nice -n 10 scripts/mutants.sh $(ONLY)

clean:
	rm -rf dist target/dist-sub tests/output
