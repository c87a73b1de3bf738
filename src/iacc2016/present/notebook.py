"""What every notebook does first, in one call, so no cell is copied between notebooks:
load the validated tables, set display options and the chart renderer."""

from __future__ import annotations

import sys

# plotly imports nbformat, whose jsonschema loads the optional rfc3987-syntax IRI checker;
# that compiles a grammar for about 2.5 s in every kernel. Notebooks never validate IRIs,
# so the checker is kept out (jsonschema treats it as not installed).
sys.modules.setdefault("rfc3987_syntax", None)

import pandas as pd  # noqa: E402
from IPython.display import HTML, Markdown, display  # noqa: E402

from .. import settings  # noqa: E402
from ..data.tables import Tables  # noqa: E402
from . import explore  # noqa: E402
from . import style as charts  # noqa: E402


class Data(Tables):
    """The tables, plus what a notebook writes under a chart."""

    def source_line(self, *tables: str) -> str:
        """Chart source line: the outlets and the tables a chart was drawn from."""
        outlets = ", ".join(self.outlet_order())
        files = ", ".join(f"data/{self.package.resource(t).path}" for t in tables)
        return f"{len(self.sources)} articles ({outlets}); hand-coded in {files}"


def start() -> Data:
    """Load and validate every table, set pandas and plotly up; call once, at the top."""
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.width", 200)
    charts.setup()
    explore.searchable_tables()  # only under `make lab`: committed outputs stay static
    return Data.load(settings.data_dir())


def md(text: str) -> None:
    """Show prose whose numbers were computed in the cell (never typed)."""
    display(Markdown(text))


def table(frame: pd.DataFrame) -> None:
    """Show a table as a reader should meet it: every cell whole (never cut with "..."),
    no row numbers, text escaped, empty cells blank. Columns should already carry the
    reader's names and every code its codebook label."""
    with pd.option_context("display.max_colwidth", None):
        html = frame.to_html(index=False, escape=True, na_rep="", border=0)
    display(HTML(html))


def check(label: str, ok: bool, detail: str = "") -> None:
    """A visible sanity check: prints a tick, or stops the notebook with the reason."""
    if not ok:
        raise AssertionError(f"sanity check failed: {label}" + (f" ({detail})" if detail else ""))
    print(f"✓ {label}" + (f": {detail}" if detail else ""))


def fmt_day(ts) -> str:
    """'13 May 2016' (no leading zero), for prose and tables."""
    return f"{ts.day} {ts:%B %Y}"


def fmt_interval(start, end) -> str:
    """A date interval in words: '13 May 2016', '13-30 April 2016', 'by 13 May 2016'."""
    if pd.isna(start):
        return f"by {fmt_day(end)}"
    if start == end:
        return fmt_day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} - {fmt_day(end)}"
    return f"{fmt_day(start)} - {fmt_day(end)}"
