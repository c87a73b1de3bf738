"""`make reproduce` is deterministic: executing a committed notebook again reproduces the
file byte for byte, apart from the PNG images (which need a browser and are not compared),
and rewrites each chart's data exactly as committed."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT
from iacc2016.execute import run, serialize

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def without_png(nb):
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            output.get("data", {}).pop("image/png", None)
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_re_execution_reproduces_the_committed_notebook(path, tmp_path, monkeypatch):
    monkeypatch.setenv("IACC_CHART_DATA_DIR", str(tmp_path))
    committed = nbformat.read(path, as_version=4)
    fresh = run(path)
    assert serialize(without_png(fresh)) == serialize(without_png(committed)), (
        f"{path.name} changes when executed again; run make reproduce and commit, or find the non-determinism"
    )
    for written in sorted(tmp_path.glob("*.csv")):
        committed_data = ROOT / "notebooks" / "chart-data" / written.name
        assert committed_data.exists(), f"{written.name} is written by {path.name} but not committed"
        assert written.read_bytes() == committed_data.read_bytes(), (
            f"chart data {written.name} differs from the committed file"
        )


def test_no_committed_chart_data_is_orphaned():
    """Every committed chart-data file is written by some notebook's code."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "notebooks").glob("*.py"))
    for data_file in (ROOT / "notebooks" / "chart-data").glob("*.csv"):
        assert f'"{data_file.stem}"' in sources, f"{data_file.name} is not written by any notebook"


def test_execution_does_not_depend_on_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("IACC_CHART_DATA_DIR", str(tmp_path / "charts"))
    monkeypatch.chdir(tmp_path)
    nb = run(NOTEBOOKS[0])
    assert all(o.get("output_type") != "error" for c in nb.cells for o in c.get("outputs", []))
    assert not os.listdir(tmp_path) or set(os.listdir(tmp_path)) <= {"charts"}
    assert Path(tmp_path).exists()
