"""What a reader meets in a table: every code through the codebook's label, no pandas row
numbers, no record id column ('*_id': it joins tables, it tells a reader nothing), no
column name with an underscore, no float or boolean artefact, every cell whole.

`reader_frame` is pure (a DataFrame in, a DataFrame of strings out); `reader_html` renders
it; the notebook start-up registers `reader_html` as the HTML display of every DataFrame,
so a bare `frame` at the end of a cell is shown the same way as `nb.table(frame)`.
"""

from __future__ import annotations

import html as _html

import numpy as np
import pandas as pd

from ..data.schema import Package
from .markup import Linked

# Page furniture's roles ('headline', 'byline') are ordinary words, never shown as codes.
NEVER_SHOWN = {"page_furniture"}


def code_labels(package: Package) -> dict[str, str]:
    """code -> the name a reader sees: the codebook's shortLabel where it has one, else its
    label. A code defined in two fields keeps the first definition (the datapackage order)."""
    out: dict[str, str] = {}
    for res in package.resources:
        if res.name in NEVER_SHOWN:
            continue
        for f in res.fields:
            props = {value: dict(p) for value, p in f.properties}
            for value, label in f.labels:
                short = props.get(value, {}).get("shortLabel")
                name = short or label
                # A short name that is the code itself ('paraphrase') is kept, so a column
                # of such codes is still known as a column of codes.
                if name and (value != name or short):
                    out.setdefault(value, name)
    return out


def reader_header(name, labels: dict[str, str]) -> str:
    """A column or index name as a header: a code's label, else '_' read as a space."""
    text = str(name)
    if text in labels:
        return labels[text]
    return text.replace("_", " ")


def reader_value(value, labels: dict[str, str], *, as_code: bool) -> str:
    """One cell as text: '' for a gap, 'yes'/'no' for a boolean, a whole float without
    '.0' (with thousands separators from 10,000), other floats to at most four decimals,
    a code (when the column holds codes) as its label."""
    if isinstance(value, Linked):
        return value
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "Yes" if value else "No"
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        x = float(value)
        if x.is_integer():
            return f"{int(x):,}" if abs(x) >= 10_000 else str(int(x))
        return f"{x:.4f}".rstrip("0").rstrip(".")
    if isinstance(value, pd.Timestamp):
        return f"{value.day} {value:%B %Y}"
    text = str(value)
    if as_code or "_" in text:
        return labels.get(text, text)
    return text


def is_id_column(name) -> bool:
    """A record id ('claim_id', 'source_id'): plumbing that joins tables, never shown."""
    return isinstance(name, str) and (name == "id" or name.endswith("_id"))


def _holds_codes(values: pd.Series, labels: dict[str, str]) -> bool:
    """A column of codes: every non-empty value is a code of the codebook."""
    vals = [v for v in values if isinstance(v, str) and v]
    return bool(vals) and all(v in labels for v in vals)


def reader_frame(frame: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The frame as a reader should meet it (see the module docstring). A meaningful index
    (named, or not 0..n-1) becomes leading columns; pandas' default index is dropped."""
    out = frame.drop(columns=[c for c in frame.columns if is_id_column(c)])
    default = isinstance(out.index, pd.RangeIndex) and out.index.name is None
    if not default:
        out = out.reset_index()
    if isinstance(out.columns, pd.MultiIndex):
        out.columns = [" ".join(str(p) for p in parts if str(p)) for parts in out.columns]
    out.columns = [reader_header(c, labels) for c in out.columns]
    cells = {}
    for k in range(out.shape[1]):
        col = out.iloc[:, k]
        as_code = _holds_codes(col, labels)
        cells[k] = [reader_value(v, labels, as_code=as_code) for v in col]
    shown = pd.DataFrame(cells)
    shown.columns = list(out.columns)
    return shown


def reader_html(frame: pd.DataFrame, labels: dict[str, str]) -> str:
    """The table as HTML: escaped, every cell whole, no row numbers, text left-aligned."""
    shown = reader_frame(frame, labels)
    head = "".join(f"<th>{_html.escape(c)}</th>" for c in shown.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{v.html() if isinstance(v, Linked) else _html.escape(v)}</td>" for v in row) + "</tr>\n"
        for row in shown.itertuples(index=False)
    )
    return (
        '<table class="dataframe" style="text-align: left">\n'
        f'<thead><tr style="text-align: left">{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>'
    )
