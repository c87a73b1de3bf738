"""Exploring in JupyterLab (`make lab`): text-heavy tables become searchable, sortable,
paged tables (itables, offline: its JavaScript is served from the package, not a CDN).

Only in kernels of a JupyterLab started by `make lab` (it sets IACC_EXPLORE=1). `make
reproduce`, `make test` and Binder never set it, so every committed output stays pandas'
static, deterministic HTML table.
"""

from __future__ import annotations

import os

import pandas as pd

EXPLORE_ENV = "IACC_EXPLORE"  # set by scripts/lab.py
# A table is text-heavy when a text column holds a value at least this long: quotations,
# snippets, notes. Short-coded tables (counts, dates, labels) keep pandas' plain table.
TEXT_HEAVY_CHARS = 60


def enabled() -> bool:
    return os.environ.get(EXPLORE_ENV) == "1"


def is_text_heavy(frame: pd.DataFrame) -> bool:
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_string_dtype(values) or values.dtype == object:
            lengths = values.dropna().map(lambda v: len(v) if isinstance(v, str) else 0)
            if len(lengths) and lengths.max() >= TEXT_HEAVY_CHARS:
                return True
    return False


def searchable_tables() -> bool:
    """In an explore session, show text-heavy DataFrames with itables; return whether on."""
    if not enabled():
        return False
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return False
    from itables import init_notebook_mode, to_html_datatable

    # Offline: the DataTables bundle is displayed once, in this cell, from the package.
    init_notebook_mode(all_interactive=False, connected=False)

    def html(frame: pd.DataFrame) -> str:
        if is_text_heavy(frame):
            return to_html_datatable(frame, connected=False, maxBytes=0, lengthMenu=[10, 25, 100, -1])
        return frame._repr_html_()

    shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, html)
    return True
