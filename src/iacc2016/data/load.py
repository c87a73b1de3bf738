"""The one loader for every CSV in data/: explicit dtypes from datapackage.json, and a clear
`file:row:column: what is wrong` for anything a hand edit or a spreadsheet can break.

`read_table` checks one file on its own; `load_tables` reads them all and adds the rules
of `rules` (keys that must exist, intervals that must not be inverted, evidence for every
record), all in one pass. Nothing here ever writes a file.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from pathlib import Path

import pandas as pd

from .. import settings
from . import rules
from .csvfile import binary_line as _binary_line
from .csvfile import foreign_encoding as _foreign_encoding
from .csvfile import header_problems as _header_problems
from .csvfile import parse
from .paths import OutsideFolder, confined, open_problem
from .problems import DataValidationError, Problem
from .schema import PANDAS_DTYPES, Field, Package, Resource, load_package

MAX_CELL_CHARS = 5000  # no cell in this dataset comes near; a longer one is a paste accident
FORMULA_PREFIXES = ("=", "+", "-", "@")
TRUE_VALUES = {"true", "True", "TRUE", "1"}
FALSE_VALUES = {"false", "False", "FALSE", "0"}
_INTEGER = re.compile(r"-?\d+")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_UNDECODED = re.compile("[\udc80-\udcff]")  # how surrogateescape marks bytes that are not UTF-8
# Characters no cell may hold: C0/C1 controls (NUL, ESC, BEL, ...) but tab, line feed and
# carriage return, and the bidirectional overrides that make text display unlike its bytes.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Markup that an HTML or Markdown rendering would run: a tag, an event-handler attribute, a
# script address. No text in this dataset needs any of them.
_MARKUP = re.compile(r"<\s*[A-Za-z!/?]|\bon[a-z]+\s*=|javascript\s*:", re.IGNORECASE)
INT64 = (-(2**63), 2**63 - 1)
BOM = b"\xef\xbb\xbf"


def read_table(name: str, data_dir: Path | None = None, package: Package | None = None) -> pd.DataFrame:
    """Read one table of the data package, checked against its schema and typed."""
    data_dir = Path(data_dir) if data_dir is not None else settings.data_dir()
    package = package or load_package(data_dir)
    resource = package.resource(name)
    frame, problems = _read_and_check(resource, data_dir)
    if problems:
        raise DataValidationError(problems)
    return frame


def load_tables(data_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """Read every table and check the rules between them; raise on any problem."""
    _, tables, problems = read_all(data_dir)
    if problems:
        raise DataValidationError(problems)
    return tables


def read_all(data_dir: Path | None = None) -> tuple[Package, dict[str, pd.DataFrame], list[Problem]]:
    """Every table that reads cleanly, and every problem found (never raises on bad data).

    A table that cannot be typed is left out of the rules between tables; every other
    table is still checked, so one pass reports everything that can be found."""
    data_dir = Path(data_dir) if data_dir is not None else settings.data_dir()
    package = load_package(data_dir)
    tables: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for resource in package.resources:
        frame, found = _read_and_check(resource, data_dir)
        problems += found
        if not found:
            tables[resource.name] = frame
    # The rules run on every table that read cleanly, in the same pass, so a broken key
    # is reported together with a broken cell elsewhere.
    problems += rules.check(package, tables)
    return package, tables, problems


# ----------------------------------------------------------------------------- one file
def _read_and_check(resource: Resource, data_dir: Path) -> tuple[pd.DataFrame, list[Problem]]:
    file = resource.path
    try:
        path = confined(data_dir, resource.path)
    except OutsideFolder as exc:
        return pd.DataFrame(), [
            Problem("datapackage.json", None, None, f"resource {resource.name!r}: path {exc}; refused, nothing read")
        ]
    why = open_problem(path)
    if why is not None:
        if why == "is missing":
            why = "file is missing (datapackage.json lists it)"
        return pd.DataFrame(), [Problem(file, None, None, why)]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return pd.DataFrame(), [Problem(file, None, None, f"cannot be read ({exc.strerror})")]
    if not raw.strip():
        return pd.DataFrame(), [Problem(file, None, None, "file is empty (expected a header row and data)")]
    encoding = _foreign_encoding(raw)
    if encoding:
        return pd.DataFrame(), [Problem(file, None, None, f"{encoding}; save it as UTF-8 (encoding)")]
    if raw.startswith(BOM):
        raw = raw[len(BOM) :]  # a spreadsheet's "UTF-8 with BOM": read as UTF-8 (writes stay BOM-free)
    binary_line = _binary_line(raw)
    if binary_line is not None:
        return pd.DataFrame(), [
            Problem(
                file, binary_line, None, "is binary data, not CSV text (from this line on); expected a UTF-8 CSV file"
            )
        ]
    text = raw.decode("utf-8", errors="surrogateescape")
    records, problem = parse(file, text, MAX_CELL_CHARS)
    if problem is not None:
        return pd.DataFrame(), [problem]
    header = records[0] if records else []
    problems = _header_problems(resource, header)
    if problems:
        return pd.DataFrame(), problems
    width = len(header)
    rows: list[list[str]] = []
    for index, record in enumerate(records[1:], start=2):
        if len(record) != width:
            what = "is blank" if not record else f"has {len(record)} cells, expected {width}"
            problems.append(Problem(file, index, None, f"{what} (check for a stray comma or quote)"))
            continue
        rows.append(record)
    if problems:
        return pd.DataFrame(), problems
    if not rows:
        return pd.DataFrame(), [Problem(file, None, None, "has a header but no data rows")]
    columns = {name: [r[i] for r in rows] for i, name in enumerate(header)}
    frame = pd.DataFrame(columns, dtype=object)
    undecoded = _UNDECODED.search(text) is not None  # bytes that were not UTF-8, anywhere in the file
    for name in resource.field_names:
        problems += _column_problems(file, resource, resource.field(name), frame[name], undecoded)
    problems += _key_problems(file, resource, frame)
    if problems:
        return pd.DataFrame(), problems
    return _typed(resource, frame), []


def _column_problems(
    file: str, resource: Resource, field: Field, values: pd.Series, undecoded: bool = True
) -> list[Problem]:
    """Every check on one column, vectorised so 100,000 rows take a moment, not minutes."""
    out: list[Problem] = []
    col = field.name
    s = values.astype(object)
    rows = pd.Series(range(2, len(s) + 2), index=s.index)

    def report(mask: pd.Series, message) -> None:
        if not mask.any():  # the common case; indexing with an all-False mask is not free
            return
        for row, value in zip(rows[mask], s[mask], strict=True):
            out.append(Problem(file, int(row), col, message(value) if callable(message) else message))

    bad_bytes = s.map(lambda v: _UNDECODED.search(v) is not None) if undecoded else None
    if bad_bytes is not None and bad_bytes.any():
        report(bad_bytes, "holds bytes that are not UTF-8; save the file as UTF-8")
        s = s.where(~bad_bytes, "")
    control = s.str.contains(_CONTROL.pattern, regex=True)
    report(control, lambda v: f"holds a control character ({_control_name(v)}); remove it")
    length = s.str.len()
    limit = min(field.max_length or MAX_CELL_CHARS, MAX_CELL_CHARS)
    report(length > limit, lambda v: f"cell is {len(v)} characters long; the limit is {limit}")
    empty = (length == 0) & ~control
    if field.required:
        report(empty, "is required but empty")
    blank = ~empty & (s.str.strip() == "")
    report(blank, "holds only whitespace" + (" (it is required)" if field.required else "; leave it empty or fill it"))
    empty |= blank
    present = ~empty & ~control & (length <= limit)
    padded = present & (s.str.strip() != s)
    if not field.is_free_text or col in resource.key_fields:
        report(padded, lambda v: f"{v!r} has leading or trailing spaces")
        present &= ~padded
    if field.is_free_text:
        # A spreadsheet skips leading whitespace before it reads "=", so strip before testing.
        formula = present & s.str.lstrip().str.startswith(FORMULA_PREFIXES)
        report(
            formula,
            lambda v: f"starts with {v.lstrip()[0]!r}, which a spreadsheet would run as a formula; reword it",
        )
    if field.type == "string":
        markup = present & s.str.contains(_MARKUP.pattern, regex=True, flags=re.IGNORECASE)
        report(markup, lambda v: f"holds markup ({_MARKUP.search(v).group(0)!r}...); text cells hold plain text only")
    checked = s[present]
    if field.type == "integer":
        bad = ~checked.str.fullmatch(_INTEGER.pattern)
        report(_expand(bad, s), lambda v: f"{v!r} is not a whole number")
        checked = checked[~bad]
        huge = ~checked.map(lambda v: INT64[0] <= int(v) <= INT64[1]).astype(bool)
        report(_expand(huge, s), lambda v: f"{v} is too large for a whole number (the limit is {INT64[1]})")
        checked = checked[~huge]
    elif field.type == "number":
        bad = ~checked.str.fullmatch(_NUMBER.pattern)
        report(
            _expand(bad, s),
            lambda v: f"{v!r} is not a number (digits and a decimal point; no thousands separators or units)",
        )
        checked = checked[~bad]
        huge = ~checked.map(lambda v: math.isfinite(float(v))).astype(bool)
        report(_expand(huge, s), lambda v: f"{v} is too large for a number")
        checked = checked[~huge]
    elif field.type == "boolean":
        bad = ~checked.isin(TRUE_VALUES | FALSE_VALUES)
        report(_expand(bad, s), lambda v: f"{v!r} is not true or false")
    elif field.type == "date":
        bad = ~checked.map(_is_iso_date).astype(bool)
        report(_expand(bad, s), lambda v: f"{v!r} is not a date in YYYY-MM-DD form")
    if field.minimum is not None and field.type in ("integer", "number") and len(checked):
        low = checked.astype(float) < field.minimum
        report(_expand(low, s), lambda v: f"{v} is below the minimum {field.minimum:g}")
    if field.enum is not None:
        bad = ~checked.isin(field.enum)
        allowed = ", ".join(field.enum)
        report(_expand(bad, s), lambda v: f"{v!r} is not one of the allowed values: {allowed}")
    if field.pattern is not None and field.enum is None:
        bad = ~checked.str.fullmatch(field.pattern)
        report(_expand(bad, s), lambda v: f"{v!r} does not match the required pattern {field.pattern}")
    if field.format == "uri":
        bad = ~checked.str.match(r"https?://\S+$")
        report(_expand(bad, s), lambda v: f"{v!r} is not a web address (http:// or https://)")
    if field.unique and resource.primary_key != (col,):
        out += _duplicates(file, col, s[present], rows[present])
    return out


def _control_name(value: str) -> str:
    ch = _CONTROL.search(value).group(0)
    name = {"\x00": "NUL", "\x07": "BEL (bell)", "\x1b": "ESC (terminal escape)", "\x7f": "DEL"}.get(ch)
    return f"U+{ord(ch):04X} {name or unicodedata.name(ch, 'control')}"


def _expand(mask: pd.Series, like: pd.Series) -> pd.Series:
    """A mask over a subset of rows, widened to every row (False elsewhere)."""
    return mask.reindex(like.index, fill_value=False).astype(bool)


def _is_iso_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _duplicates(file: str, col: str, values: pd.Series, rows: pd.Series) -> list[Problem]:
    dup = values.duplicated(keep="first")
    if not dup.any():
        return []
    first_row = {}
    for v, r in zip(values, rows, strict=True):
        first_row.setdefault(v, int(r))
    return [
        Problem(file, int(r), col, f"duplicate value {v!r} (first on row {first_row[v]})")
        for v, r in zip(values[dup], rows[dup], strict=True)
    ]


def _key_problems(file: str, resource: Resource, frame: pd.DataFrame) -> list[Problem]:
    pk = list(resource.primary_key)
    if not pk:
        return []
    rows = pd.Series(range(2, len(frame) + 2), index=frame.index)
    keys = frame[pk].astype(str).agg("\x1f".join, axis=1) if len(pk) > 1 else frame[pk[0]]
    present = (frame[pk] != "").all(axis=1)
    out = _duplicates(file, "+".join(pk) if len(pk) > 1 else pk[0], keys[present], rows[present])
    if len(pk) > 1:
        out = [Problem(p.file, p.row, p.column, p.message.replace("\x1f", ", ")) for p in out]
    return out


def _typed(resource: Resource, frame: pd.DataFrame) -> pd.DataFrame:
    out = {}
    for field in resource.fields:
        s = frame[field.name].replace("", None)
        if field.type == "boolean":
            s = s.map(lambda v: None if v is None else v in TRUE_VALUES)
        elif field.type == "date":
            s = pd.to_datetime(s, format="%Y-%m-%d")
        out[field.name] = s.astype(PANDAS_DTYPES[field.type])
    return pd.DataFrame(out)
