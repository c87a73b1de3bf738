"""The one loader for every CSV in data/: explicit dtypes from datapackage.json, and a clear
`file:row:column: what is wrong` for anything a hand edit or a spreadsheet can break.

`read_table` checks one file on its own; `load_tables` reads them all and adds the rules
between tables (keys that must exist, intervals that must not be inverted, evidence for
every record). Nothing here ever writes a file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from pathlib import Path

import pandas as pd

from . import paths
from .errors import DataValidationError, Problem
from .numbers import qualifier_of, value_of
from .schema import PANDAS_DTYPES, Field, Package, Resource, load_package
from .text import count_words

MAX_CELL_CHARS = 5000  # no cell in this dataset comes near; a longer one is a paste accident
FORMULA_PREFIXES = ("=", "+", "-", "@")
TRUE_VALUES = {"true", "True", "TRUE", "1"}
FALSE_VALUES = {"false", "False", "FALSE", "0"}
_INTEGER = re.compile(r"-?\d+")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_UNDECODED = re.compile("[\udc80-\udcff]")  # how surrogateescape marks bytes that are not UTF-8
_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}
MAX_SNIPPET_WORDS = 40


def read_table(name: str, data_dir: Path | None = None, package: Package | None = None) -> pd.DataFrame:
    """Read one table of the data package, checked against its schema and typed."""
    data_dir = Path(data_dir) if data_dir is not None else paths.data_dir()
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

    The rules between tables run only once every table has been read, since a table that
    cannot be typed cannot be cross-checked."""
    data_dir = Path(data_dir) if data_dir is not None else paths.data_dir()
    package = load_package(data_dir)
    tables: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for resource in package.resources:
        frame, found = _read_and_check(resource, data_dir)
        problems += found
        if not found:
            tables[resource.name] = frame
    if not problems:
        problems += cross_table_problems(package, tables)
    return package, tables, problems


# ----------------------------------------------------------------------------- one file
def _read_and_check(resource: Resource, data_dir: Path) -> tuple[pd.DataFrame, list[Problem]]:
    file = resource.path
    path = data_dir / resource.path
    if not path.is_file():
        return pd.DataFrame(), [Problem(file, None, None, "file is missing (datapackage.json lists it)")]
    raw = path.read_bytes()
    if not raw.strip():
        return pd.DataFrame(), [Problem(file, None, None, "file is empty (expected a header row and data)")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return pd.DataFrame(), [
            Problem(file, 1, None, "starts with a byte-order mark (BOM); save as UTF-8 without BOM")
        ]
    text = raw.decode("utf-8", errors="surrogateescape")
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        return pd.DataFrame(), [Problem(file, None, None, f"is not valid CSV ({exc})")]
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


def _header_problems(resource: Resource, header: list[str]) -> list[Problem]:
    file, expected = resource.path, resource.field_names
    if len(header) == 1:
        for delim, label in _DELIMITERS.items():
            if delim in header[0]:
                return [Problem(file, 1, None, f"columns are separated by {label}; expected commas")]
    problems = []
    seen = set()
    for name in header:
        if name in seen:
            problems.append(Problem(file, 1, name, "column appears twice in the header"))
        seen.add(name)
    for name in header:
        if name not in expected:
            hint = " (it has leading or trailing spaces)" if name.strip() in expected else ""
            problems.append(Problem(file, 1, name, f"unexpected column{hint}; expected: {', '.join(expected)}"))
    for name in expected:
        if name not in header:
            problems.append(Problem(file, 1, name, "missing column"))
    if not problems and header != expected:
        problems.append(Problem(file, 1, None, f"columns are out of order; expected: {', '.join(expected)}"))
    return problems


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
    length = s.str.len()
    limit = min(field.max_length or MAX_CELL_CHARS, MAX_CELL_CHARS)
    report(length > limit, lambda v: f"cell is {len(v)} characters long; the limit is {limit}")
    empty = length == 0
    if field.required:
        report(empty, "is required but empty")
    present = ~empty & (length <= limit)
    padded = present & (s.str.strip() != s)
    if not field.is_free_text or col in resource.key_fields:
        report(padded, lambda v: f"{v!r} has leading or trailing spaces")
        present &= ~padded
    if field.is_free_text:
        formula = present & s.str.startswith(FORMULA_PREFIXES)
        report(formula, lambda v: f"starts with {v[0]!r}, which a spreadsheet would run as a formula; reword it")
    checked = s[present]
    if field.type == "integer":
        bad = ~checked.str.fullmatch(_INTEGER.pattern)
        report(_expand(bad, s), lambda v: f"{v!r} is not a whole number")
        checked = checked[~bad]
    elif field.type == "number":
        bad = ~checked.str.fullmatch(_NUMBER.pattern)
        report(
            _expand(bad, s),
            lambda v: f"{v!r} is not a number (digits and a decimal point; no thousands separators or units)",
        )
        checked = checked[~bad]
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


# ------------------------------------------------------------------------- between tables
def cross_table_problems(package: Package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Rules Frictionless cannot express: keys across tables, intervals, evidence, counts."""
    out: list[Problem] = []
    for resource in package.resources:
        if resource.name not in tables:
            continue
        frame = tables[resource.name]
        for fk in resource.foreign_keys:
            target = package.resource(fk.resource)
            if fk.resource not in tables:
                continue
            known = set(tables[fk.resource][fk.reference_fields[0]].dropna())
            col = fk.fields[0]
            for row, value in _rows(frame[col]):
                if value not in known:
                    out.append(
                        Problem(
                            resource.path, row, col, f"{value!r} is not a {fk.reference_fields[0]} in {target.path}"
                        )
                    )
    if "sources" in tables:
        for col in ("text_sha256", "body_word_count"):
            for i, value in enumerate(tables["sources"][col].tolist()):
                if pd.isna(value):
                    out.append(
                        Problem(
                            "sources.csv", i + 2, col, "is empty; run make features with the article folder present"
                        )
                    )
    out += _frame_code_problems(tables)
    out += _claim_problems(tables)
    out += _interval_problems(tables)
    out += _evidence_problems(package, tables)
    out += _quote_problems(tables)
    out += _figure_problems(tables)
    return out


def _rows(series: pd.Series):
    """(spreadsheet row, value) for each non-empty cell."""
    for position, value in enumerate(series.tolist()):
        if value is not None and not pd.isna(value):
            yield position + 2, value


def _interval_problems(tables) -> list[Problem]:
    out = []
    checks = [
        ("events", "events.csv", "date_start", "date_end"),
        ("sources", "sources.csv", "published_start", "published_end"),
        ("figures", "figures.csv", "period_start", "period_end"),
        ("reference_rates", "reference_rates.csv", "date_start", "date_end"),
    ]
    for name, file, start, end in checks:
        if name not in tables:
            continue
        t = tables[name]
        for i, (a, b) in enumerate(zip(t[start], t[end], strict=True)):
            row = i + 2
            if pd.notna(a) and pd.notna(b) and b < a:
                out.append(Problem(file, row, end, f"{b:%Y-%m-%d} is before {start} {a:%Y-%m-%d} (inverted interval)"))
            if name == "figures" and pd.isna(a) != pd.isna(b):
                out.append(
                    Problem(
                        file,
                        row,
                        start if pd.isna(a) else end,
                        "period_start and period_end must both be given or both be empty",
                    )
                )
    if "events" in tables:
        t = tables["events"]
        for i, r in enumerate(t.itertuples(index=False)):
            row = i + 2
            if pd.isna(r.date_start) and r.date_precision != "before":
                out.append(
                    Problem("events.csv", row, "date_start", "is empty, which only date_precision 'before' allows")
                )
            if pd.notna(r.date_start) and r.date_precision == "before":
                out.append(Problem("events.csv", row, "date_start", "must be empty when date_precision is 'before'"))
            if r.date_precision == "day" and pd.notna(r.date_start) and r.date_start != r.date_end:
                out.append(Problem("events.csv", row, "date_end", "must equal date_start when date_precision is 'day'"))
    if "sources" in tables:
        t = tables["sources"]
        for i, r in enumerate(t.itertuples(index=False)):
            if r.published_precision == "day" and r.published_start != r.published_end:
                out.append(
                    Problem(
                        "sources.csv",
                        i + 2,
                        "published_end",
                        "must equal published_start when published_precision is 'day'",
                    )
                )
    return out


def _evidence_problems(package: Package, tables) -> list[Problem]:
    if "evidence" not in tables:
        return []
    ev = tables["evidence"]
    out = []
    keys = {}
    for name in ("events", "figures", "members"):
        if name in tables:
            pk = package.resource(name).primary_key[0]
            keys[name] = set(tables[name][pk])
    for i, r in enumerate(ev.itertuples(index=False)):
        row = i + 2
        if r.record_table in keys and r.record_id not in keys[r.record_table]:
            out.append(
                Problem("evidence.csv", row, "record_id", f"{r.record_id!r} is not an id in {r.record_table}.csv")
            )
        n = count_words(r.snippet)
        if n > MAX_SNIPPET_WORDS:
            out.append(
                Problem(
                    "evidence.csv", row, "snippet", f"is {n} words long; snippets stay at or under {MAX_SNIPPET_WORDS}"
                )
            )
    covered = set(zip(ev["record_table"], ev["record_id"], strict=True))
    for name in keys:
        pk = package.resource(name).primary_key[0]
        for row, value in _rows(tables[name][pk]):
            if (name, value) not in covered:
                out.append(Problem(f"{name}.csv", row, pk, f"{value!r} has no evidence row in evidence.csv"))
    # an event's date words must appear in a snippet of that event from the dating article
    if "events" in tables:
        snippets = {}
        for r in ev[ev["record_table"] == "events"].itertuples(index=False):
            snippets.setdefault((r.record_id, r.source_id), []).append(r.snippet)
        for i, r in enumerate(tables["events"].itertuples(index=False)):
            texts = snippets.get((r.event_id, r.date_source_id), [])
            if not any(r.date_text in t for t in texts):
                out.append(
                    Problem(
                        "events.csv",
                        i + 2,
                        "date_text",
                        f"{r.date_text!r} is not in any evidence snippet of this event from {r.date_source_id}",
                    )
                )
    if "figures" in tables:
        snippets = {}
        for r in ev[ev["record_table"] == "figures"].itertuples(index=False):
            snippets.setdefault(r.record_id, []).append(r.snippet)
        for i, r in enumerate(tables["figures"].itertuples(index=False)):
            texts = snippets.get(r.figure_id, [])
            for col in ("value_text", "period_text"):
                words = getattr(r, col)
                if pd.notna(words) and not any(words in t for t in texts):
                    out.append(
                        Problem("figures.csv", i + 2, col, f"{words!r} is not in any evidence snippet of this figure")
                    )
    return out


def _quote_problems(tables) -> list[Problem]:
    if "quotes" not in tables:
        return []
    q = tables["quotes"]
    out = []
    sides = (
        dict(zip(tables["members"]["member_id"], tables["members"]["side"], strict=True)) if "members" in tables else {}
    )
    for i, r in enumerate(q.itertuples(index=False)):
        row = i + 2
        speaker_side = sides.get(r.speaker_member_id) if pd.notna(r.speaker_member_id) else None
        if speaker_side is not None and speaker_side != r.side:
            out.append(
                Problem(
                    "quotes.csv",
                    row,
                    "side",
                    f"is {r.side!r} but the speaker {r.speaker_member_id!r} is on side {speaker_side!r} in members.csv",
                )
            )
        n = count_words(r.text)
        if n != r.word_count:
            out.append(Problem("quotes.csv", row, "word_count", f"is {r.word_count} but text has {n} words"))
        if not r.quote_id.startswith(f"q-{r.source_id[:3]}-"):
            out.append(
                Problem("quotes.csv", row, "quote_id", f"should start with 'q-{r.source_id[:3]}-' (its source_id)")
            )
    for source, group in q.groupby("source_id", sort=True):
        seqs = sorted(int(x) for x in group["sequence"])
        if seqs != list(range(1, len(seqs) + 1)):
            row = int(group.index[0]) + 2
            out.append(
                Problem(
                    "quotes.csv",
                    row,
                    "sequence",
                    f"sequences of {source} are {seqs}; expected 1 to {len(seqs)} without gaps or repeats",
                )
            )
    return out


def _figure_problems(tables) -> list[Problem]:
    if "figures" not in tables:
        return []
    f = tables["figures"].set_index("figure_id", drop=False)
    out = []
    for i, r in enumerate(tables["figures"].itertuples(index=False)):
        stated = value_of(r.value_text)
        if stated is not None and not math.isclose(stated, r.value, rel_tol=1e-9):
            out.append(
                Problem(
                    "figures.csv", i + 2, "value", f"is {r.value:g} but value_text {r.value_text!r} says {stated:g}"
                )
            )
        hedge = qualifier_of(r.value_text)
        if hedge != r.qualifier:
            out.append(
                Problem(
                    "figures.csv",
                    i + 2,
                    "qualifier",
                    f"is {r.qualifier!r} but value_text {r.value_text!r} reads as {hedge!r}",
                )
            )
        if pd.notna(r.converted_from_id) and r.converted_from_id in f.index:
            original = f.loc[r.converted_from_id]
            if original["metric"] != r.metric or original["unit"] == r.unit:
                out.append(
                    Problem(
                        "figures.csv",
                        i + 2,
                        "converted_from_id",
                        "a conversion must share the original's metric and differ in unit",
                    )
                )
    return out


def _frame_code_problems(tables) -> list[Problem]:
    """A 'yes' needs its snippet (and only a 'yes' has one); a coded article has every item."""
    if "frame_codes" not in tables or "frame_codebook" not in tables:
        return []
    codes, items = tables["frame_codes"], set(tables["frame_codebook"]["item_id"])
    out = []
    for i, r in enumerate(codes.itertuples(index=False)):
        if r.value == "yes" and pd.isna(r.snippet):
            out.append(Problem("frame_codes.csv", i + 2, "snippet", "a 'yes' needs a verbatim snippet as evidence"))
        if r.value != "yes" and pd.notna(r.snippet):
            out.append(
                Problem("frame_codes.csv", i + 2, "snippet", f"only a 'yes' carries a snippet (value is {r.value!r})")
            )
    for source, group in codes.groupby("source_id", sort=True):
        missing = sorted(items - set(group["item_id"]))
        if missing:
            row = int(group.index[0]) + 2
            out.append(
                Problem(
                    "frame_codes.csv",
                    row,
                    "item_id",
                    f"{source} is coded on some items but not on {', '.join(missing)}",
                )
            )
    return out


def _claim_problems(tables) -> list[Problem]:
    """A claim compares at least two articles; its topic, kind, verdict and explanation are
    the same on every row; its snippets stay short."""
    if "claims" not in tables:
        return []
    c = tables["claims"]
    out = []
    for i, r in enumerate(c.itertuples(index=False)):
        n = count_words(r.snippet)
        if n > MAX_SNIPPET_WORDS:
            out.append(
                Problem(
                    "claims.csv", i + 2, "snippet", f"is {n} words long; snippets stay at or under {MAX_SNIPPET_WORDS}"
                )
            )
    for claim, group in c.groupby("claim_id", sort=True):
        first = int(group.index[0]) + 2
        if group["source_id"].nunique() < 2:
            out.append(
                Problem("claims.csv", first, "claim_id", f"{claim} rests on one article; a claim compares two or more")
            )
        for col in ("topic", "kind", "verdict", "explanation"):
            if group[col].nunique() > 1:
                odd = int(group.index[(group[col] != group[col].iloc[0]).to_numpy()][0]) + 2
                out.append(
                    Problem(
                        "claims.csv",
                        odd,
                        col,
                        f"differs from the claim's first row (row {first}); it must be the same on every row of {claim}",
                    )
                )
    return out
