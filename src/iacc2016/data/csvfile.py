"""A CSV file's bytes before its cells: the encoding, binary data, and the CSV structure,
each problem placed at the row where it starts (load.py checks the cells)."""

from __future__ import annotations

import csv
import io

from .problems import Problem

_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}
# Python's own limit on one CSV cell, stated here: importing Frictionless raises the
# process-wide limit, and a cell this long is a paste accident either way.
CSV_FIELD_LIMIT = 131072


def foreign_encoding(raw: bytes) -> str | None:
    """A file saved as UTF-16 or UTF-32 (what some spreadsheets call "Unicode text")."""
    head = raw[:4096]
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "file is UTF-32 encoded"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "file is UTF-16 encoded"
    if len(head) >= 8 and (head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4):
        return "file looks UTF-16 encoded (every other byte is zero)"
    return None


_TEXT_BYTES = frozenset(b"\t\n\r") | frozenset(range(0x20, 0x100))


def binary_line(raw: bytes) -> int | None:
    """The line where binary data starts: a block of control bytes no text file holds
    (a stray NUL inside a cell is left to the cell check, which names its column)."""
    head = raw[:8192]
    control = sum(1 for b in head if b not in _TEXT_BYTES)
    if control <= max(2, len(head) // 100):
        return None
    first = next(i for i, b in enumerate(head) if b not in _TEXT_BYTES)
    return head[:first].count(b"\n") + 1


def parse(file: str, text: str, max_cell_chars: int) -> tuple[list[list[str]], Problem | None]:
    """The CSV records; a structure error names the record (row) where it happened."""
    records: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    previous = csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        row = len(records) + 1
        reason = str(exc)
        if "field larger than field limit" in reason:
            what = (
                f"a cell is over {CSV_FIELD_LIMIT} characters long (the limit is {max_cell_chars}); a paste accident?"
            )
        elif "unexpected end of data" in reason:
            what = f"a quoted cell is never closed (unbalanced quote; it runs from here to the end of the file, line {reader.line_num})"
        elif "expected after" in reason:
            what = 'a quote inside a cell is not doubled (a cell with a quote must be written "like ""this""")'
        else:
            what = f"is not valid CSV ({reason})"
        return records, Problem(file, row, None, what)
    finally:
        csv.field_size_limit(previous)
    return records, None


def header_problems(resource, header: list[str]) -> list[Problem]:
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
