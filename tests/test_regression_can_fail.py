"""The regression tests can fail: change values a notebook shows, in a copy of the data,
and the strict nbval run of `make test` (the Makefile's own NBVAL_FLAGS) must report each
cell that shows a changed value, and only those.

Issue 16: each real notebook executes once per `make test` (in `make nbval`), so the
notebook run here is a small one written by the test: it reads events through the package,
as the notebooks do, and shows three dates. Its stored outputs are those dates as the
committed CSV holds them (read with the csv module, not through the package), so a cell
passes when the package shows the file's value and fails when the data it shows changed.
`make mutate` shows the same for the real notebooks."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import nbformat
import pytest

from conftest import DATA, ROOT, read_rows, set_cell
from iacc2016.data.problems import DataValidationError
from iacc2016.present import notebook
from iacc2016.settings import CHART_DATA_ENV, DATA_ENV, INTERACTIVE_RENDERER, RENDERER_ENV

# (file, row key, column, new value): two departures' dates, each shown in its own cell.
MUTATIONS = [
    ("events.csv", "gucci-leaves-iacc", "date_end", "2016-05-04"),  # a Wednesday, as its words require
    ("events.csv", "kors-leaves-iacc", "date_start", "2016-04-14"),
]
UNCHANGED = ("events.csv", "iacc-founded", "date_start")  # shown too: its cell must pass


def nbval_command(notebooks: list[str]) -> list[str]:
    """The strict nbval line of the Makefile's `nbval` target, for one worker. The notebook
    sits in a temporary folder outside the repository, so the repository's configuration
    and root conftest.py (what `make nbval` finds by itself) are named explicitly."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    flags = re.search(r"^NBVAL_FLAGS := (.+)$", makefile, re.M).group(1).split()
    where = ["--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml"), "-p", "conftest"]
    return [sys.executable, "-m", "pytest", *flags, *where, "-p", "no:xdist", *notebooks]


def committed_value(file: str, key: str, column: str) -> str:
    rows = read_rows(DATA / file)
    value = next(row for row in rows[1:] if row[0] == key)[rows[0].index(column)]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", value), value
    return value


def showing_notebook(path) -> None:
    """Cell 0 loads the tables; each later cell prints one date (one as an expression's
    value, so both kinds of output nbval compares are covered)."""
    load = nbformat.v4.new_code_cell(
        "from iacc2016.data.load import load_tables\nevents = load_tables()['events'].set_index('event_id')"
    )
    cells = [load]
    for number, (file, key, column, *_) in enumerate([*MUTATIONS, UNCHANGED], start=1):
        value = committed_value(file, key, column)
        if number == 2:
            cell = nbformat.v4.new_code_cell(f"str(events.loc[{key!r}, {column!r}].date())")
            cell.outputs = [
                nbformat.v4.new_output("execute_result", {"text/plain": repr(value)}, execution_count=number + 1)
            ]
        else:
            cell = nbformat.v4.new_code_cell(f"print(events.loc[{key!r}, {column!r}].date())")
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=value + "\n")]
        cells.append(cell)
    for count, cell in enumerate(cells, start=1):
        cell.execution_count = count
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.write(nb, path)


@pytest.mark.robustness
def test_changing_shown_values_makes_nbval_fail(data_copy, tmp_path):
    for file, key, column, value in MUTATIONS:
        assert committed_value(file, key, column) != value
        set_cell(data_copy / file, key, column, value)
    path = tmp_path / "shows-dates.ipynb"
    showing_notebook(path)
    env = {
        **os.environ,
        DATA_ENV: str(data_copy),
        CHART_DATA_ENV: str(tmp_path / "charts"),
        RENDERER_ENV: INTERACTIVE_RENDERER,
    }
    result = subprocess.run(nbval_command([str(path)]), capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    out = result.stdout
    assert result.returncode != 0, f"nbval passed although {MUTATIONS} changed\n{out[-2000:]}"
    assert "Cell outputs differ" in out, out[-3000:]
    failed = set(re.findall(r"FAILED \S*::Cell (\d+)", out))
    # Cells 1 and 2 show the changed dates; cell 3 shows an unchanged one and must pass,
    # and cell 0 (the load) must pass: the data copy is valid.
    assert failed == {"1", "2"}, f"expected cells 1 and 2 to fail, got {failed}\n{out[-3000:]}"
    assert re.search(r"\b2 failed, 2 passed\b", out), out[-3000:]


def test_a_figure_contradicting_its_words_stops_the_notebook_at_its_first_cell(data_copy, monkeypatch):
    """What a notebook's first cell (`nb.start()`) does on such data, in process."""
    set_cell(data_copy / "figures.csv", "marketsafe-listings-removed", "value", "180001")
    monkeypatch.setenv(DATA_ENV, str(data_copy))
    with pytest.raises(DataValidationError, match="figures.csv:.*:value: is 180001 but value_text"):
        notebook.start()
