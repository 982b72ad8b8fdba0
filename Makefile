# kview developer tasks.  `make run` and `make test` install whatever is
# missing first; everything below is idempotent and cheap when already done.

PYTHON   ?= python3
VENV     ?= .venv
NPM      ?= npm
NPM_DIR  ?= .cache/npm
HOST     ?= 127.0.0.1
PORT     ?= 5000
VIEWS    ?= sample_views
# Chromium used by the browser tests (exported as KVIEW_CHROMIUM).
CHROMIUM ?= $(or $(KVIEW_CHROMIUM),$(shell command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null || { test -x /usr/bin/chromium && echo /usr/bin/chromium; }))
# Parallelism for `make test` (pytest-xdist); `make test XDIST=` runs serially.
XDIST    ?= -n 2
PYTEST_ARGS ?=

VPY        := $(VENV)/bin/python
RUN_STAMP  := $(VENV)/.kview-run.stamp
PIP_STAMP  := $(VENV)/.kview-pip.stamp
NPM_STAMP  := $(NPM_DIR)/.kview-npm.stamp
NODE_SPEC  := tests/support/node/package.json tests/support/node/package-lock.json tests/support/node/.npmrc

export KVIEW_CHROMIUM := $(CHROMIUM)

.PHONY: install bytecode chromium run test test-quick lint bench bench-hmr docs clean distclean

install: $(PIP_STAMP) $(NPM_STAMP) chromium

$(VPY):
	$(PYTHON) -m venv $(VENV)

# Serving needs kview and its runtime dependencies only: no test tools, no Node, no browser.
$(RUN_STAMP): pyproject.toml | $(VPY)
	$(VPY) -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

# The tests also need the snapshot extra (kview snapshot: pixelmatch, numpy, Pillow, pyspng, zlib-ng).
$(PIP_STAMP): pyproject.toml | $(VPY)
	$(VPY) -m pip install --quiet --disable-pip-version-check -e '.[test,snapshot]'
	@touch $@

$(NPM_STAMP): $(NODE_SPEC)
	@command -v node >/dev/null 2>&1 || { echo "make install: node (Node 20) is needed for the test oracle: apt-get install nodejs npm" >&2; exit 1; }
	mkdir -p $(NPM_DIR)
	cp $(NODE_SPEC) $(NPM_DIR)/
	cd $(NPM_DIR) && $(NPM) install --no-audit --no-fund --loglevel=error
	@touch $@

# Checked on every run (a `command -v`, so it is fast).
chromium:
	@if [ -n "$(CHROMIUM)" ] && [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Chromium not found: installing it with apt-get"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-liberation fonts-dejavu-core; \
	else \
		echo "NOTE: Chromium not found. Browser tests need it:" >&2; \
		echo "  sudo apt-get install chromium fonts-liberation fonts-dejavu-core" >&2; \
		echo "  (or point CHROMIUM=/path/to/chromium / KVIEW_CHROMIUM at one)" >&2; \
	fi

# kview's own bytecode, written ahead (pip does so for an installed wheel, not for an editable
# install): a start without it compiles every module, ~0.4 s of `kview serve`'s cold start, and
# where PYTHONDONTWRITEBYTECODE is set that is every start. Cheap when up to date (a stat per file).
bytecode: | $(VPY)
	@$(VPY) -m compileall -q -j 0 renderer devserver >/dev/null

run: $(RUN_STAMP) bytecode
	$(VENV)/bin/kview serve $(VIEWS) --host $(HOST) --port $(PORT)

# The whole suite, browser tests included, and the sample app's snapshot items (--kview-app:
# each view × scenario × theme against sample_views/__snapshots__/). The Chromium path is
# re-evaluated here because `install` may just have installed it.
test: install bytecode
	KVIEW_CHROMIUM="$${KVIEW_CHROMIUM:-$$(command -v chromium || echo /usr/bin/chromium)}" \
		$(VENV)/bin/pytest $(XDIST) --kview-app $(VIEWS) $(PYTEST_ARGS)

test-quick: install
	$(VENV)/bin/pytest $(XDIST) -m "not browser and not slow" $(PYTEST_ARGS)

# ruff, mypy, and the layer contracts in pyproject.toml (import-linter): renderer/ never
# imports devserver/, its layers import downwards only, and no package has an import cycle.
lint: $(PIP_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

# docs/components.md is generated from the components' prop specs (a test keeps it current).
docs: $(PIP_STAMP)
	$(VPY) -c "from renderer.kustomer.components import prop_table_markdown as t; print(t(), end='')" > docs/components.md

bench: install
	@set -e; found=; for f in bench/*.py; do \
		[ -e "$$f" ] || continue; found=1; \
		echo "== $$f"; $(VPY) "$$f"; \
	done; [ -n "$$found" ] || echo "no benchmarks in bench/"

# Hot reload, edit → pixels, against Vite + React Fast Refresh (installs bench/vite/node_modules
# with npm on first use; without npm it prints kview's figures alone). Also part of `make bench`.
bench-hmr: install
	$(VPY) bench/hmr_bench.py

clean:
	rm -rf .pytest_cache .ruff_cache .hypothesis build dist *.egg-info \
		tests/__snapshots_failures__ tests/__snapshot_failures__ test-results
	find . -path ./$(VENV) -prune -o -path ./.cache -prune -o -name __pycache__ -type d -print0 \
		| xargs -0 rm -rf

# Also drops the venv and the npm cache (next `make install` starts over).
distclean: clean
	rm -rf $(VENV) .cache
