"""`make reproduce` is deterministic. The execution itself is checked once per `make test`:
strict nbval compares every output with the committed one, and the chart data it writes
(to a temporary folder) is compared with notebooks/chart-data byte for byte (`diff -r` in
the Makefile's `nbval` target). What needs no execution is checked here."""

from __future__ import annotations

import nbformat
import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def test_no_committed_chart_data_is_orphaned():
    """Every committed chart-data file is written by some notebook's code."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "notebooks").glob("*.py"))
    for data_file in (ROOT / "notebooks" / "chart-data").glob("*.csv"):
        assert f'"{data_file.stem}"' in sources, f"{data_file.name} is not written by any notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_no_cell_records_its_timing(path):
    """Timing metadata would change every cell on every run (nbclient runs with
    record_timing=False); a notebook saved with it was not made by `make reproduce`."""
    nb = nbformat.read(path, as_version=4)
    timed = [n for n, c in enumerate(nb.cells, start=1) if "execution" in c.get("metadata", {})]
    assert not timed, f"{path.name}: cells {timed} carry timing metadata; regenerate with make reproduce"
