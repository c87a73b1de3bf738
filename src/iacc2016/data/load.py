"""The one loader for every CSV in data/: explicit dtypes from datapackage.json, and a clear
`file:row:column: what is wrong` for anything a hand edit or a spreadsheet can break.

One pass over the package, every problem reported together:
1. each file's bytes and CSV structure (`csvfile`: encoding, binary data, quotes, header);
2. each cell's text (`cells`: what Frictionless cannot express: bytes that are not UTF-8,
   control characters, markup, formulas, stray whitespace);
3. the descriptor's checks, by Frictionless (`schema_checks`: types, required, enum,
   pattern, lengths, minimum, unique, primary and foreign keys), then numbers and dates in
   their plain form and in range (`cells`);
4. the rules between columns, rows and tables (`rules`) on every table that read cleanly.
Nothing here ever writes a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import settings
from . import rules
from .cells import MAX_CELL_CHARS, form_problems, text_problems, undecoded_bytes
from .csvfile import binary_line as _binary_line
from .csvfile import foreign_encoding as _foreign_encoding
from .csvfile import header_problems as _header_problems
from .csvfile import parse
from .paths import OutsideFolder, confined, open_problem
from .problems import DataValidationError, Problem
from .schema import PANDAS_DTYPES, Package, Resource, load_package
from .schema_checks import schema_problems

TRUE_VALUES = {"true", "True", "TRUE", "1"}  # Frictionless's defaults, which the schema keeps
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class _Parsed:
    """One file's records after the file-level checks: the header, then the data rows."""

    header: list[str]
    rows: list[list[str]]
    undecoded: bool  # some bytes were not UTF-8


def read_table(name: str, data_dir: Path | None = None, package: Package | None = None) -> pd.DataFrame:
    """Read one table of the data package, checked on its own against its schema (its
    foreign keys into other tables are `load_tables`'s to check), and typed."""
    data_dir = Path(data_dir) if data_dir is not None else settings.data_dir()
    package = package or load_package(data_dir)
    resource = package.resource(name)
    parsed, problems = _parse(resource, data_dir)
    if parsed is not None:
        problems += _cell_problems(package, {name: parsed})[name]
    if problems:
        raise DataValidationError(problems)
    return _typed(resource, parsed)


def load_tables(data_dir: Path | None = None, frictionless: bool = True) -> dict[str, pd.DataFrame]:
    """Read every table and check the rules between them; raise on any problem.

    `frictionless=False` (the notebooks' start-up) leaves out the descriptor's checks, which
    double the time of a load and which `make validate` runs before any notebook; when
    anything at all is wrong, the whole pass runs and reports it as `make validate` does."""
    if not frictionless:
        try:
            _, tables, problems = read_all(data_dir, frictionless=False)
            if not problems:
                return tables
        except (ValueError, TypeError, KeyError):  # a cell only the descriptor's checks explain
            pass
    _, tables, problems = read_all(data_dir)
    if problems:
        raise DataValidationError(problems)
    return tables


def read_all(
    data_dir: Path | None = None, frictionless: bool = True
) -> tuple[Package, dict[str, pd.DataFrame], list[Problem]]:
    """Every table that reads cleanly, and every problem found (never raises on bad data).

    A table with a problem is left out of the rules between tables; every other table is
    still checked, so one pass reports everything that can be found."""
    data_dir = Path(data_dir) if data_dir is not None else settings.data_dir()
    package = load_package(data_dir)
    parsed: dict[str, _Parsed] = {}
    problems: list[Problem] = []
    for resource in package.resources:
        found, more = _parse(resource, data_dir)
        problems += more
        if found is not None:
            parsed[resource.name] = found
    tables: dict[str, pd.DataFrame] = {}
    for name, found in _cell_problems(package, parsed, frictionless).items():
        problems += found
        if not found:
            tables[name] = _typed(package.resource(name), parsed[name])
    # The rules run on every table that read cleanly, in the same pass, so a broken key
    # is reported together with a broken cell elsewhere.
    problems += rules.check(package, tables)
    return package, tables, problems


def _cell_problems(package: Package, parsed: dict[str, _Parsed], frictionless: bool = True) -> dict[str, list[Problem]]:
    """Each parsed table's cell problems: ours on the text, Frictionless's on the schema
    (one message a cell: where our text check speaks, Frictionless's is left out), then
    the plain form of numbers and dates it accepted."""
    rows = {name: (tuple(p.header), *map(tuple, p.rows)) for name, p in parsed.items()}
    schema = schema_problems(package, rows) if frictionless else {name: [] for name in parsed}
    out = {}
    for name, p in parsed.items():
        resource = package.resource(name)
        found = text_problems(resource.path, resource, p.header, p.rows, p.undecoded)
        faulted = {(x.row, x.column) for x in found}
        found += [x for x in schema[name] if (x.row, x.column) not in faulted]
        faulted |= {(x.row, x.column) for x in found}
        out[name] = found + form_problems(resource.path, resource, p.header, p.rows, faulted)
    return out


# ----------------------------------------------------------------------------- one file
def _parse(resource: Resource, data_dir: Path) -> tuple[_Parsed | None, list[Problem]]:
    """A file's records, or the problem that stops it being read as CSV at all."""
    file = resource.path
    try:
        path = confined(data_dir, resource.path)
    except OutsideFolder as exc:
        return None, [
            Problem("datapackage.json", None, None, f"resource {resource.name!r}: path {exc}; refused, nothing read")
        ]
    why = open_problem(path)
    if why is not None:
        if why == "is missing":
            why = "file is missing (datapackage.json lists it)"
        return None, [Problem(file, None, None, why)]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(file, None, None, f"cannot be read ({exc.strerror})")]
    if not raw.strip():
        return None, [Problem(file, None, None, "file is empty (expected a header row and data)")]
    encoding = _foreign_encoding(raw)
    if encoding:
        return None, [Problem(file, None, None, f"{encoding}; save it as UTF-8 (encoding)")]
    if raw.startswith(BOM):
        raw = raw[len(BOM) :]  # a spreadsheet's "UTF-8 with BOM": read as UTF-8 (writes stay BOM-free)
    binary_line = _binary_line(raw)
    if binary_line is not None:
        return None, [
            Problem(
                file, binary_line, None, "is binary data, not CSV text (from this line on); expected a UTF-8 CSV file"
            )
        ]
    text = raw.decode("utf-8", errors="surrogateescape")
    records, problem = parse(file, text, MAX_CELL_CHARS)
    if problem is not None:
        return None, [problem]
    header = records[0] if records else []
    problems = _header_problems(resource, header)
    if problems:
        return None, problems
    width = len(header)
    rows: list[list[str]] = []
    for index, record in enumerate(records[1:], start=2):
        if len(record) != width:
            what = "is blank" if not record else f"has {len(record)} cells, expected {width}"
            problems.append(Problem(file, index, None, f"{what} (check for a stray comma or quote)"))
            continue
        rows.append(record)
    if problems:
        return None, problems
    if not rows:
        return None, [Problem(file, None, None, "has a header but no data rows")]
    return _Parsed(header, rows, undecoded_bytes(text)), []


def _typed(resource: Resource, parsed: _Parsed) -> pd.DataFrame:
    """The checked cells as pandas columns of the descriptor's types (an empty cell is missing)."""
    frame = pd.DataFrame(parsed.rows, columns=parsed.header, dtype=object)
    out = {}
    for field in resource.fields:
        s = frame[field.name].replace("", None)
        if field.type == "boolean":
            s = s.map(lambda v: None if v is None else v in TRUE_VALUES)
        elif field.type == "date":
            s = pd.to_datetime(s, format="%Y-%m-%d")
        out[field.name] = s.astype(PANDAS_DTYPES[field.type])
    return pd.DataFrame(out)
