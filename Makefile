# OrgKey: `make run` starts the app, `make test` runs everything CI runs.
# Every target installs what it needs first and is safe to run again.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
UI := ui
APP := target/debug/orgkey-app


.PHONY: help setup ui run test lint unit e2e layering bindings package bench clean

help:
	@echo "make run      build the UI and start the OrgKey desktop app"
	@echo "make test     install what is missing, then run every check CI runs"
	@echo "make e2e      only the end-to-end tests of the real app (Xvfb, keyring, WebDriver)"
	@echo "make package  build a .deb of the app"
	@echo "make bench    time orgkey token (cached, JWT login) and the app (start-up, memory)"
	@echo "make bindings regenerate the TypeScript types shared with Rust"

setup:
	@scripts/setup

ui: setup
	npm --prefix $(UI) run build --silent

run: ui
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "No display here (DISPLAY and WAYLAND_DISPLAY are unset), so the OrgKey window cannot open."; \
	  echo "  - From a desktop session, or over 'ssh -X', run 'make run' again."; \
	  echo "  - To see it start headless: 'xvfb-run -a make run' (nothing will be visible)."; \
	  echo "  - To see it tested: 'make e2e' drives the real app under Xvfb and saves screenshots in target/e2e-shots/."; \
	  echo "  - The same core from a terminal: 'cargo run -p orgkey-cli -- --help'; the README's two-minute tour runs it against the local demo Salesforce (sfsim)."; \
	else \
	  $(CARGO) run -p orgkey-app; \
	fi

test: setup ui lint unit layering e2e
	@echo "make test: all checks passed"

lint: ui
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	npm --prefix $(UI) run check --silent

unit: ui
	scripts/with-keyring $(CARGO) test --workspace --exclude e2e
	npm --prefix $(UI) test --silent

layering:
	@scripts/check-layering

# The app binary is built the way `make unit` builds it (as a test dependency), so that
# `make test` compiles the dependency tree once rather than twice.
e2e: ui
	$(CARGO) test --workspace --exclude e2e --no-run --quiet
	scripts/e2e

bench: setup
	scripts/bench
	scripts/bench-app

bindings:
	UPDATE_BINDINGS=1 $(CARGO) test -p orgkey-app --lib bindings

package: ui
	cd $(CURDIR) && $(UI)/node_modules/.bin/tauri build --bundles deb
	@ls -1 target/release/bundle/deb/*.deb

clean:
	$(CARGO) clean
	rm -rf $(UI)/dist $(UI)/node_modules
