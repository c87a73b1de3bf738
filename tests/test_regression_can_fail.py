"""The regression tests can fail: change values a notebook shows, in a copy of the data,
re-execute that notebook under the strict nbval run of `make test`, and nbval must report
each changed cell. One notebook stands for all (they share the nbval command line), so
the suite pays for one extra execution, not one per mutation."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, set_cell
from iacc2016.data.problems import DataValidationError
from iacc2016.present import notebook
from iacc2016.settings import CHART_DATA_ENV, DATA_ENV, INTERACTIVE_RENDERER, RENDERER_ENV

NOTEBOOK = "notebooks/01-who-left-and-when.ipynb"
# (file, row key, column, new value): two departures' dates, each shown in its own cells.
MUTATIONS = [
    ("events.csv", "gucci-leaves-iacc", "date_end", "2016-05-10"),
    ("events.csv", "kors-leaves-iacc", "date_start", "2016-04-14"),
]


def nbval_command(notebooks: list[str]) -> list[str]:
    """The strict nbval line of the Makefile's `nbval` target, for one worker."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    flags = re.search(r"^NBVAL_FLAGS := (.+)$", makefile, re.M).group(1).split()
    return [sys.executable, "-m", "pytest", *flags, "-p", "no:xdist", *notebooks]


def test_changing_shown_values_makes_nbval_fail(data_copy, tmp_path):
    for file, key, column, value in MUTATIONS:
        set_cell(data_copy / file, key, column, value)
    env = {
        **os.environ,
        DATA_ENV: str(data_copy),
        CHART_DATA_ENV: str(tmp_path / "charts"),
        RENDERER_ENV: INTERACTIVE_RENDERER,
    }
    result = subprocess.run(nbval_command([NOTEBOOK]), capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    assert result.returncode != 0, f"nbval passed although {MUTATIONS} changed\n{result.stdout[-2000:]}"
    assert "Cell outputs differ" in result.stdout, result.stdout[-3000:]
    failed = set(re.findall(r"FAILED \S+::Cell (\d+)", result.stdout))
    assert len(failed) >= 2, f"expected a failing cell per changed value, got {failed}\n{result.stdout[-3000:]}"


def test_a_figure_contradicting_its_words_stops_the_notebook_at_its_first_cell(data_copy, monkeypatch):
    """What a notebook's first cell (`nb.start()`) does on such data, in process."""
    set_cell(data_copy / "figures.csv", "marketsafe-listings-removed", "value", "180001")
    monkeypatch.setenv(DATA_ENV, str(data_copy))
    with pytest.raises(DataValidationError, match="figures.csv:.*:value: is 180001 but value_text"):
        notebook.start()
