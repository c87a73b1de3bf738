"""What every notebook does first, in one call, so no cell is copied between notebooks:
load the checked tables, set display options and the chart renderer."""

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
from . import explore, markup  # noqa: E402
from . import style as charts  # noqa: E402
from .reader import code_labels, reader_html  # noqa: E402


class Data(Tables):
    """The tables, plus what a notebook writes under a chart."""

    def source_line(self, *tables: str) -> str:
        """Chart source line: the outlets, and that the chart's data were noted by hand from
        them. `tables` (the tables a chart is drawn from) are not named: a caption names its
        source, not a file or a table, and the data dictionary maps each table to its file."""
        outlets = ", ".join(self.outlet_order())
        return f"{len(self.sources)} articles ({outlets}), noted by hand from the texts"


def start() -> Data:
    """Load every table, checked by our rules, set pandas and plotly up; call once, at the
    top. The descriptor's own checks (Frictionless) are `make validate`'s, which make test
    and make reproduce run first; they would double the start-up of every notebook."""
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.max_colwidth", None)  # a cut cell cannot be told from a quoted "..."
    pd.set_option("display.width", 200)
    charts.setup()
    data = Data.load(settings.data_dir(), frictionless=False)
    _LABELS.clear()
    _LABELS.update(code_labels(data.package))
    _show_frames_as_tables()
    explore.searchable_tables()  # only under `make lab`: committed outputs stay static
    return data


_LABELS: dict[str, str] = {}


def _show_frames_as_tables() -> None:
    """A bare `frame` at the end of a cell is shown as `table(frame)` shows it."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, lambda f: reader_html(f, _LABELS))


def md(text: str) -> None:
    """Show prose whose numbers were computed in the cell (never typed). Raw HTML and links
    to anything but the web are made inert (`markup.markdown`); a value from the data
    should also go in through `esc`, so it cannot make a link or an entity either."""
    display(Markdown(markup.markdown(text)))


esc = markup.esc


def table(frame: pd.DataFrame) -> None:
    """Show a table as a reader should meet it: every cell whole (never cut with "..."),
    no row numbers, text escaped, empty cells blank. Columns should already carry the
    reader's names and every code its codebook label."""
    display(HTML(reader_html(frame, _LABELS)))


# One wording wherever an article's archived copy shows no headline (the live page may have one).
NO_HEADLINE = "no headline in the archived copy"


def article_name(row) -> str:
    """The article's headline, or, where its copy shows none, a readable name for it."""
    if isinstance(row.headline, str) and row.headline:
        return row.headline
    return f"{row.outlet}'s article of {fmt_interval(row.published_start, row.published_end)} ({NO_HEADLINE})"


def sources(data: Data) -> None:
    """The articles this notebook rests on, each linked (the list every notebook ends with)."""
    s = data.sources.sort_values(["published_start", "published_end", "outlet"])
    inferred = s["published_basis"] == "inferred"
    if inferred.all():
        how = "dates as inferred for each article"
    else:
        how = "dates as printed in each article" + (", or inferred where marked" if inferred.any() else "")
    lines = ["## Sources", "", f"The articles, in order of publication ({how}):", ""]
    for row in s.itertuples():
        name = esc(article_name(row))
        when = fmt_interval(row.published_start, row.published_end)
        if how.endswith("where marked") and row.published_basis == "inferred":
            when += " (inferred)"
        link = f"[{name}]({row.url})" if isinstance(row.url, str) and row.url else name
        lines.append(f"- {esc(row.outlet)}, {when}: {link}")
    md("\n".join(lines))


CHECKS_HEADING = "Consistency checks"


def checks_heading() -> None:
    """The heading and one line of explanation of a notebook's consistency checks (the
    `check` lines), the same in every notebook. It goes after the caveats, before Sources."""
    md(
        f"## {CHECKS_HEADING}\n\n"
        "Before this page shows a number, it checks that the numbers agree with one another. "
        "Each line below is one such check. Each check passed."
    )


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
