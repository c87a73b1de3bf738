"""The one test that starts the real command line (`python -m iacc2016`) in a fresh
process: every other error-message test calls the same `main()` in process."""

from __future__ import annotations

from conftest import set_cell, snapshot, subprocess_cli


def test_a_broken_cell_through_the_real_command_line(data_copy):
    row = set_cell(data_copy / "events.csv", "gucci-leaves-iacc", "date_end", "2016-13-01")
    before = snapshot(data_copy)
    result = subprocess_cli("validate", "--data", str(data_copy))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"events.csv:{row}:date_end: '2016-13-01' is not a date in YYYY-MM-DD form" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(data_copy) == before
