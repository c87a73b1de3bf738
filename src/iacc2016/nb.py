"""What every notebook does first, in one call, so no cell is copied between notebooks:
load the validated tables, set display options and the chart renderer."""

from __future__ import annotations

import sys

# plotly imports nbformat, whose jsonschema loads the optional rfc3987-syntax IRI checker;
# that compiles a grammar for about 2.5 s in every kernel. Notebooks never validate IRIs,
# so the checker is kept out (jsonschema treats it as not installed).
sys.modules.setdefault("rfc3987_syntax", None)

from dataclasses import dataclass  # noqa: E402

import pandas as pd  # noqa: E402
from IPython.display import Markdown, display  # noqa: E402

from . import charts, explore, paths  # noqa: E402
from .loader import load_tables  # noqa: E402
from .schema import Package, load_package  # noqa: E402


@dataclass
class Data:
    """The tables, by name, plus the codebook (labels of every categorical code)."""

    tables: dict[str, pd.DataFrame]
    package: Package

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.__dict__["tables"][name]
        except KeyError:
            raise AttributeError(name) from None

    def codebook(self, table: str, field: str) -> dict[str, str]:
        """Definitions of a categorical field's codes, from datapackage.json. (Named apart
        from the tables, so `data.labels` is the labels table.)"""
        return self.package.labels(table, field)

    def outlet_of(self) -> dict[str, str]:
        """source_id -> outlet name, for labelling rows and charts."""
        return dict(zip(self.sources["source_id"], self.sources["outlet"], strict=True))

    def outlet_order(self) -> list[str]:
        """Outlets in order of (earliest possible) publication, then name."""
        s = self.sources.sort_values(["published_start", "published_end", "outlet"])
        return list(dict.fromkeys(s["outlet"]))

    def source_line(self, *tables: str) -> str:
        """Chart source line: the outlets and the tables a chart was drawn from."""
        outlets = ", ".join(self.outlet_order())
        files = ", ".join(f"data/{t}.csv" for t in tables)
        return f"{len(self.sources)} articles ({outlets}); hand-coded in {files}"


def start() -> Data:
    """Load and validate every table, set pandas and plotly up; call once, at the top."""
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.width", 200)
    charts.setup()
    explore.searchable_tables()  # only under `make lab`: committed outputs stay static
    data_dir = paths.data_dir()
    return Data(load_tables(data_dir), load_package(data_dir))


def md(text: str) -> None:
    """Show prose whose numbers were computed in the cell (never typed)."""
    display(Markdown(text))


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
