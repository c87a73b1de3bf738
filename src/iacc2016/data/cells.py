"""Our checks on single cells: what Frictionless cannot express. Corrupt or dangerous text
(bytes that are not UTF-8, control characters, markup, a cell a spreadsheet would run as
a formula, stray whitespace, a paste accident), and numbers and dates written in the one
plain form every reader of a CSV agrees on (Frictionless, reading with Python, also takes
`+5`, `1_000` or `2016-5-3`), within what pandas can hold.

Plain loops: the tables are small, and per-column pandas calls cost more than they save.
"""

from __future__ import annotations

import math
import re
import unicodedata

from .problems import Problem
from .schema import Field, Resource

MAX_CELL_CHARS = 5000  # no cell in this dataset comes near; a longer one is a paste accident
FORMULA_PREFIXES = ("=", "+", "-", "@")
INT64 = (-(2**63), 2**63 - 1)
_UNDECODED = re.compile("[\udc80-\udcff]")  # how surrogateescape marks bytes that are not UTF-8
# Characters no cell may hold: C0/C1 controls (NUL, ESC, BEL, ...) but tab, line feed and
# carriage return, and the bidirectional overrides that make text display unlike its bytes.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Markup that an HTML or Markdown rendering would run: a tag, an event-handler attribute, a
# script address. No text in this dataset needs any of them.
_MARKUP = re.compile(r"<\s*[A-Za-z!/?]|\bon[a-z]+\s*=|javascript\s*:", re.IGNORECASE)
# Per field type: the plain form (what pandas, DuckDB and R read alike), and what a cell
# of that type is when it is not one.
PLAIN_FORMS = {
    "integer": (re.compile(r"-?\d+", re.ASCII), "is not a whole number (digits, and a minus sign if negative)"),
    "number": (
        re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", re.ASCII),
        "is not a number (digits and a decimal point; no thousands separators or units)",
    ),
    "date": (re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII), "is not a date in YYYY-MM-DD form"),
    "boolean": (re.compile("true|false|True|False|TRUE|FALSE|1|0"), "is not true or false"),
}


def undecoded_bytes(text: str) -> bool:
    """Whether a file's text (decoded with surrogateescape) held bytes that are not UTF-8."""
    return _UNDECODED.search(text) is not None


def text_problems(
    file: str, resource: Resource, header: list[str], rows: list[list[str]], undecoded: bool
) -> list[Problem]:
    """Corrupt or dangerous text in any cell."""
    out: list[Problem] = []
    keys = resource.key_fields
    for position, name in enumerate(header):
        field = resource.field(name)
        loose = field.is_free_text and name not in keys
        limited = field.max_length is None or field.max_length > MAX_CELL_CHARS
        for row, record in enumerate(rows, start=2):
            value = record[position]
            if not value:
                continue
            why = _text_problem(field, value, undecoded, loose, limited)
            if why:
                out.append(Problem(file, row, name, why))
    return out


def _text_problem(field: Field, value: str, undecoded: bool, loose: bool, limited: bool) -> str | None:
    if undecoded and _UNDECODED.search(value):
        return "holds bytes that are not UTF-8; save the file as UTF-8"
    if _CONTROL.search(value):
        return f"holds a control character ({_control_name(value)}); remove it"
    if limited and len(value) > MAX_CELL_CHARS:
        return f"cell is {len(value)} characters long; the limit is {MAX_CELL_CHARS}"
    stripped = value.strip()
    if not stripped:
        return "holds only whitespace" + (" (it is required)" if field.required else "; leave it empty or fill it")
    if stripped != value and not loose:
        return f"{value!r} has leading or trailing spaces"
    if field.is_free_text and value.lstrip().startswith(FORMULA_PREFIXES):
        # A spreadsheet skips leading whitespace before it reads "=", so strip before testing.
        return f"starts with {value.lstrip()[0]!r}, which a spreadsheet would run as a formula; reword it"
    if field.type == "string":
        markup = _MARKUP.search(value)
        if markup:
            return f"holds markup ({markup.group(0)!r}...); text cells hold plain text only"
    return None


def form_problems(
    file: str, resource: Resource, header: list[str], rows: list[list[str]], skip: set[tuple[int, str]]
) -> list[Problem]:
    """Numbers and dates (that no other check has faulted) in their plain form and in range."""
    out: list[Problem] = []
    for position, name in enumerate(header):
        kind = resource.field(name).type
        if kind not in PLAIN_FORMS:
            continue
        plain, not_plain = PLAIN_FORMS[kind]
        for row, record in enumerate(rows, start=2):
            value = record[position]
            if not value or (row, name) in skip:
                continue
            if not plain.fullmatch(value):
                out.append(Problem(file, row, name, f"{value!r} {not_plain}"))
            elif kind == "integer" and not INT64[0] <= int(value) <= INT64[1]:
                out.append(
                    Problem(file, row, name, f"{value} is too large for a whole number (the limit is {INT64[1]})")
                )
            elif kind == "number" and not math.isfinite(float(value)):
                out.append(Problem(file, row, name, f"{value} is too large for a number"))
    return out


def _control_name(value: str) -> str:
    ch = _CONTROL.search(value).group(0)
    name = {"\x00": "NUL", "\x07": "BEL (bell)", "\x1b": "ESC (terminal escape)", "\x7f": "DEL"}.get(ch)
    return f"U+{ord(ch):04X} {name or unicodedata.name(ch, 'control')}"
