# Two commands do everything:
#   make reproduce   validate the data, derive text features, re-execute every notebook
#   make test        validate, lint, unit tests, then strict nbval over every notebook
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

.PHONY: help reproduce test validate features datadict notebooks lint unit nbval lab browser-test bench lock binder-check venv

help:
	@echo "make reproduce   rebuild the whole analysis (validate, features, notebooks with PNGs)"
	@echo "make test        run every test (validate, lint, unit tests, strict nbval)"
	@echo "make validate    check the data package (and snippets, when the articles are present)"
	@echo "make features    derive hashes, word counts and term counts from the article folder"
	@echo "make datadict    regenerate data/README.md from data/datapackage.json"
	@echo "make lab         explore in JupyterLab (repository root, overview first, autosave off)"
	@echo "make browser-test  drive JupyterLab in Chromium over a copy of the repository (about 2 minutes)"
	@echo "make bench       time the test suite and the text pipeline (writes benchmarks/RESULTS.md)"
	@echo "make lock        regenerate requirements.txt from the pins in environment.yml"
	@echo "make binder-check  build the Binder environment's pip step from environment.yml and run every notebook in it"

$(STAMP): requirements.txt pyproject.toml
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
	@echo "==> [reproduce 1/6] validating the data"
	@$(PY) -m iacc2016 validate
	@echo "==> [reproduce 2/6] deriving text features from the article folder"
	@$(PY) -m iacc2016 features --if-available
	@echo "==> [reproduce 3/6] regenerating the data dictionary"
	@$(PY) -m iacc2016 datadict
	@echo "==> [reproduce 4/6] checking for a browser for static chart images"
	@$(PY) -m iacc2016 browser
	@echo "==> [reproduce 5/6] carrying notebook sources (.py) into the notebooks"
	@$(PY) -m iacc2016 sync-notebooks $(NOTEBOOKS)
	@echo "==> [reproduce 6/6] executing $(words $(NOTEBOOKS)) notebooks in place"
	@$(PY) -m iacc2016 execute $(NOTEBOOKS)

# Every step runs even when an earlier one fails (a lint error must not hide a failing
# notebook); the summary names the failed steps and the exit status is non-zero.
test: $(STAMP)
	@failed=""; \
	echo "==> [test 1/5] validating the data"; \
	$(PY) -m iacc2016 validate || failed="$$failed validate"; \
	echo "==> [test 2/5] lint: ruff over src, tests and the notebooks' code; actionlint over .github/workflows"; \
	{ $(VENV)/bin/ruff check --quiet src tests scripts notebooks conftest.py $(wildcard benchmarks) \
	  && $(VENV)/bin/ruff format --quiet --check src tests scripts conftest.py $(wildcard benchmarks) \
	  && $(VENV)/bin/actionlint; } || failed="$$failed lint"; \
	echo "==> [test 3/5] unit, data and repository tests ($(JOBS) workers)"; \
	$(TEST_ENV) $(PY) -m pytest -q -n $(JOBS) tests || failed="$$failed unit"; \
	echo "==> [test 4/5] notebooks: strict nbval over $(words $(NOTEBOOKS)) notebooks ($(JOBS) workers)"; \
	$(TEST_ENV) $(PY) -m iacc2016 nbval --workers $(JOBS) $(NOTEBOOKS) || failed="$$failed nbval"; \
	echo "==> [test 5/5] summary"; \
	if [ -n "$$failed" ]; then echo "make test: FAILED:$$failed"; exit 1; fi; \
	echo "make test: all steps passed"

validate: $(STAMP)
	@echo "==> [validate] checking the data package"
	@$(PY) -m iacc2016 validate

features: $(STAMP)
	@echo "==> [features] deriving text features from the article folder"
	@$(PY) -m iacc2016 features

datadict: $(STAMP)
	@echo "==> [datadict] regenerating data/README.md"
	@$(PY) -m iacc2016 datadict

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
	@echo "==> [bench] running benchmarks/ (about 3 minutes)"
	@$(PY) benchmarks/run.py

# What Binder would build from environment.yml (pip step), checked against the lock, with
# every notebook executed as a Binder visitor runs it: no browser, no article folder.
binder-check: $(STAMP)
	@echo "==> [binder-check] installing environment.yml's pip section in a fresh environment (needs PyPI)"
	@$(PY) scripts/binder_check.py

lock:
	@echo "==> [lock] resolving requirements.txt from the pins in environment.yml in a clean venv"
	@$(PYTHON) scripts/lock.py
