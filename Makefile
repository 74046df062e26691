# IK Desk's one task runner. `make demo` and `make test` are the two commands a newcomer needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help
CARGO ?= cargo
APP := target/debug/ik-desk
XVFB := xvfb-run -a -s "-screen 0 1280x800x24"
# Tests use a private D-Bus session with a real, unlocked Secret Service keyring.
KEYRING_SESSION := dbus-run-session -- bash scripts/with-keyring.sh

.PHONY: help setup ui app demo test test-ui test-rust test-e2e test-package test-fresh-install package lint fmt check bindings bench clean-test

help:
	@echo "make demo    install what is missing, build, and open the app in demo mode"
	@echo "make test    run every test (unit, integration, UI, end-to-end)"
	@echo "make check   formatting, clippy and the UI's checks only"
	@echo "make package build the release .deb and .rpm (in target/release/bundle/)"
	@echo "make bench   measure start-up time, memory and API budget use (writes docs/benchmarks.md)"
	@echo "make bindings  regenerate ui/src/lib/bindings.ts from the Rust commands"

setup:
	@bash scripts/setup.sh

ui: setup
	@echo "==> building the UI"
	@npm --prefix ui run --silent build

app: ui
	@echo "==> building the app"
	@$(CARGO) build -p ik-desk

demo: app
	@echo "==> opening IK Desk in demo mode"
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  echo "make demo: no graphical session here (DISPLAY is not set); run it on a desktop, or: xvfb-run -a $(APP) --demo"; exit 2; fi
	@$(APP) --demo

fmt:
	@$(CARGO) fmt --all

check: ui
	@echo "==> cargo fmt --check"
	@$(CARGO) fmt --all -- --check
	@echo "==> clippy (warnings are errors)"
	@$(CARGO) clippy --workspace --all-targets --locked -- -D warnings
	@echo "==> svelte-check and eslint"
	@npm --prefix ui run --silent check
	@npm --prefix ui run --silent lint

test-ui: setup
	@echo "==> UI unit tests"
	@npm --prefix ui run --silent test

test-rust: ui
	@echo "==> Rust unit and integration tests (private D-Bus session, real keyring)"
	@$(KEYRING_SESSION) $(CARGO) test --workspace --exclude e2e --locked

test-e2e: app
	@echo "==> end-to-end tests: the built app under Xvfb, driven through WebDriver"
	@command -v WebKitWebDriver >/dev/null || { echo "test-e2e: WebKitWebDriver is missing: run make setup (package webkit2gtk-driver)"; exit 2; }
	@IK_DESK_APP=$(abspath $(APP)) timeout 900 $(XVFB) $(KEYRING_SESSION) $(CARGO) test -p e2e --locked -- --test-threads=1

test-package: ui
	@echo "==> packages: build, validate, install the .deb, start the installed app, purge"
	@bash scripts/test-package.sh

# Not in `make test`: builds a fresh Debian 12, Ubuntu 24.04 and Ubuntu 22.04 root (a few hundred
# megabytes each from their mirrors), installs the .deb in each with apt and starts it.
test-fresh-install: ui
	@echo "==> the .deb on a fresh Debian 12, Ubuntu 24.04 and Ubuntu 22.04: apt pulls what it needs, it paints"
	@bash scripts/test-fresh-install.sh debian12
	@bash scripts/test-fresh-install.sh ubuntu24.04
	@bash scripts/test-fresh-install.sh ubuntu22.04

test: check test-ui test-rust test-e2e test-package
	@echo "==> all tests passed"

package: ui
	@bash scripts/package.sh

bindings: ui
	@UPDATE_BINDINGS=1 $(CARGO) test -p ik-desk --test shell --quiet bindings::
	@echo "==> ui/src/lib/bindings.ts regenerated"

bench: setup
	@bash scripts/bench.sh
