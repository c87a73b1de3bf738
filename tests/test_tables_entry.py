"""The entry point for exploring (issue 18): one call loads the validated tables without a
browser; the object lists its tables on Tab and in a short repr; a wrong name says which
tables there are."""

from __future__ import annotations

import subprocess
import sys

import iacc2016


def test_load_lists_every_table_in_a_short_repr():
    data = iacc2016.load()
    text = repr(data)
    names = sorted(data.tables)
    # one header line and one line a table, each with its row count
    assert len(text.splitlines()) == 1 + len(names)
    for name in names:
        assert f".{name} " in text
    assert f"{len(data.events):>5} rows  Dated happenings" in text
    assert len(text) < 3000  # not the 280,000 characters of a dataclass dump


def test_tab_completion_offers_the_tables():
    data = iacc2016.load()
    offered = dir(data)
    assert set(data.tables) <= set(offered)
    assert "codebook" in offered


def test_a_wrong_name_lists_the_tables():
    data = iacc2016.load()
    try:
        data.event  # noqa: B018
    except AttributeError as exc:
        message = str(exc)
    else:
        raise AssertionError("a wrong table name raised nothing")
    assert "no table named 'event'" in message
    assert "events" in message and "record_checks" in message


def test_loading_starts_no_browser_and_imports_no_charts():
    """In a fresh interpreter: loading the tables imports neither the chart code nor kaleido."""
    code = "import sys, iacc2016; iacc2016.load(); print(sorted(m for m in ('kaleido', 'iacc2016.present.style', 'plotly') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
