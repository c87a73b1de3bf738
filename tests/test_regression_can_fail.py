"""The regression tests can fail: change one value a notebook shows, in a copy of the data,
re-execute that notebook under strict nbval against the copy, and nbval must report it."""

from __future__ import annotations

import os
import subprocess

import pytest

from conftest import ROOT, set_cell
from iacc2016.execute import nbval_command

MUTATIONS = [
    # (file, row key, column, new value, notebook that shows it, what nbval must report)
    ("events.csv", "gucci-leaves-iacc", "date_end", "2016-05-10", "01-who-left-and-when.ipynb", "Cell outputs differ"),
    ("events.csv", "kors-leaves-iacc", "date_start", "2016-04-14", "01-who-left-and-when.ipynb", "Cell outputs differ"),
    (
        "figures.csv",
        "marketsafe-storefronts-closed",
        "period_end",
        "2016-05-12",
        "02-enforcement-statistics.ipynb",
        "Cell outputs differ",
    ),
    ("claims.csv", "c02", "verdict", "differ_in_precision", "04-where-outlets-disagree.ipynb", "Cell outputs differ"),
    # A figure whose number no longer matches the article's words stops the notebook at once.
    (
        "figures.csv",
        "marketsafe-listings-removed",
        "value",
        "180001",
        "02-enforcement-statistics.ipynb",
        "DataValidationError",
    ),
]


def run_nbval(notebook: str, data_dir, chart_dir) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "IACC_DATA_DIR": str(data_dir),
        "IACC_CHART_DATA_DIR": str(chart_dir),
        "IACC_PLOTLY_RENDERER": "plotly_mimetype",
    }
    return subprocess.run(
        nbval_command([ROOT / "notebooks" / notebook]),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )


@pytest.mark.parametrize(
    ("file", "key", "column", "value", "notebook", "reported"),
    MUTATIONS,
    ids=[f"{m[0]}:{m[1]}:{m[2]}" for m in MUTATIONS],
)
def test_changing_one_shown_value_makes_nbval_fail(data_copy, tmp_path, file, key, column, value, notebook, reported):
    if file == "claims.csv":
        # claims are keyed by (claim_id, source_id): change every row of the claim
        from conftest import read_rows, write_rows

        rows = read_rows(data_copy / file)
        col = rows[0].index(column)
        for r in rows[1:]:
            if r[0] == key:
                r[col] = value
        write_rows(data_copy / file, rows)
    else:
        set_cell(data_copy / file, key, column, value)
    result = run_nbval(notebook, data_copy, tmp_path / "charts")
    assert result.returncode != 0, f"nbval passed although {file}:{key}:{column} changed\n{result.stdout[-2000:]}"
    assert reported in result.stdout, result.stdout[-3000:]
