# serialdesk — one Makefile for newcomers, CI and benchmarks.
# `make run` and `make test` are the only two commands a newcomer needs; both bootstrap first.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
DEMO_DB ?= $(CURDIR)/.demo/serialdesk-demo.db
APT_PACKAGES := libzbar0 xvfb xauth xdotool poppler-utils libpulse0 \
	libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-image0 \
	libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xkb1 libegl1 libgl1 \
	libfontconfig1 libdbus-1-3 fonts-dejavu-core

.PHONY: bootstrap apt venv run demo test test-fast bench lint fuzz corpus dist clean

bootstrap: apt venv

# Installs only what is missing; as root directly, otherwise through sudo when it exists.
apt:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; \
		else echo "Please install as root:$$missing" >&2; exit 1; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

run: bootstrap
	@if [ ! -f "$(DEMO_DB)" ]; then \
		mkdir -p $(dir $(DEMO_DB)); \
		$(VENV)/bin/serialdesk --db "sqlite:///$(DEMO_DB)" demo --items 600; \
	fi
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(VENV)/bin/serialdesk --db "sqlite:///$(DEMO_DB)" --user admin gui; \
	else \
		echo "No screen here: starting the app under Xvfb and saving what it shows to .demo/screenshot.png"; \
		SERIALDESK_SCREENSHOT=$(CURDIR)/.demo/screenshot.png xvfb-run -a -s "-screen 0 1366x768x24" \
			$(VENV)/bin/serialdesk --db "sqlite:///$(DEMO_DB)" --user admin gui --pin "$${SERIALDESK_ADMIN_PIN:-1234}"; \
	fi

demo: bootstrap
	rm -f "$(DEMO_DB)"; mkdir -p $(dir $(DEMO_DB))
	$(VENV)/bin/serialdesk --db "sqlite:///$(DEMO_DB)" demo --items 600

# The whole suite: unit, SQLite and PostgreSQL integration, CLI, GUI under Xvfb.
test: bootstrap
	$(PY) -m pytest -q -p no:cacheprovider --ignore=tests/bench $(PYTEST_ARGS)

test-fast: venv
	$(PY) -m pytest -q -x -m "not slow" --ignore=tests/bench $(PYTEST_ARGS)

# DESIGN §6 at shop scale (1M units, SQLite + PostgreSQL, cached build) + tests/bench; see bench/README.md.
bench: bootstrap
	$(PY) -m bench.run $(BENCH_ARGS)

# A folder a shop PC runs without Python (PyInstaller), then a smoke test of it. Not part of make test (~2 min).
dist: bootstrap
	$(PIP) install -q '.[build]'
	$(VENV)/bin/pyinstaller build.spec --noconfirm --distpath dist --workpath build
	packaging/smoke_dist.sh dist/serialdesk/serialdesk

# The decoder on the shared photo corpus (../shared/corpus): images read per engine, false positives.
corpus: venv
	$(PY) scripts/corpus_table.py

# Nightly-style fuzzing: every property with 100k examples (CI runs the same properties shallowly).
fuzz: bootstrap
	HYPOTHESIS_PROFILE=nightly $(PY) -m pytest -q -m fuzz -p no:cacheprovider $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check serialdesk tests
	$(VENV)/bin/mypy serialdesk/domain serialdesk/services serialdesk/workflows
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(VENV) .demo build dist *.egg-info
