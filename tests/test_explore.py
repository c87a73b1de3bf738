"""Exploring in JupyterLab: text-heavy tables become searchable (itables) only in a `make lab`
session; everywhere else (make reproduce, make test, Binder) DataFrames keep pandas' static
HTML, so committed outputs do not change."""

from __future__ import annotations

import pandas as pd
from IPython.core.interactiveshell import InteractiveShell

from iacc2016.present import explore


def test_long_text_makes_a_table_text_heavy_and_codes_do_not():
    quote = "a verbatim snippet long enough to need searching rather than scrolling past it"
    assert explore.is_text_heavy(pd.DataFrame({"id": [1, 2], "snippet": [quote, "short"]}))
    assert not explore.is_text_heavy(pd.DataFrame({"outlet": ["Reuters", "WWD"], "n": [3, 4]}))
    assert not explore.is_text_heavy(pd.DataFrame({"n": [1]}))


def html_of(frame: pd.DataFrame) -> str:
    shell = InteractiveShell.instance()
    data, _ = shell.display_formatter.format(frame)
    return data["text/html"]


def test_outside_make_lab_tables_stay_static(monkeypatch):
    monkeypatch.delenv(explore.EXPLORE_ENV, raising=False)
    frame = pd.DataFrame({"snippet": ["x" * 80]})
    assert explore.searchable_tables() is False
    assert html_of(frame) == frame._repr_html_()


def test_under_make_lab_text_heavy_tables_are_itables_and_others_static(monkeypatch):
    monkeypatch.setenv(explore.EXPLORE_ENV, "1")
    shell = InteractiveShell.instance()
    try:
        assert explore.searchable_tables() is True
        heavy = pd.DataFrame({"snippet": ["x" * 80]})
        light = pd.DataFrame({"n": [1, 2]})
        assert "itables" in html_of(heavy) and "cdn" not in html_of(heavy).lower()
        assert html_of(light) == light._repr_html_()
    finally:
        shell.display_formatter.formatters["text/html"].pop(pd.DataFrame, None)
