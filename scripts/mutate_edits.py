"""`make mutate`, part 1: one plausible edit per column of every table, chosen with a seed.

An edit is plausible when it would pass a casual look: an id copied from another row, a
reference pointed at another existing row, a code swapped for another allowed code, a
date moved by one day (keeping its interval in order where it can), a number changed by
a tenth, a flag flipped, a word of a text swapped for another word of the same column.
Each column draws from its own generator (seed, table, column), so adding a column or a
table leaves every other column's edits as they were. Each column gets edits on up to
TRIES distinct rows, tried in turn until one is noticed: a column that something shows or
checks on some rows is depended on, and the rows tried before say where it is not. Nothing here reads the articles or
runs anything: it only proposes edits (`plan`) and applies one to a copy (`apply`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
from dataclasses import dataclass
from pathlib import Path

from iacc2016.data.schema import Field, Package, Resource, load_package

WORD = re.compile(r"[A-Za-z]{3,}")
FALLBACK_WORDS = ("report", "said", "brand", "later", "group")
TRIES = 3


@dataclass(frozen=True)
class Edit:
    """One cell of one table, changed from `old` to `new`; `row` counts as a spreadsheet does."""

    table: str
    path: str
    column: str
    row: int
    old: str
    new: str
    how: str

    @property
    def name(self) -> str:
        return f"{self.table}.{self.column}"


def read_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def rows_text(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def apply(data_dir: Path, edit: Edit, pristine: list[list[str]]) -> None:
    """Write `edit`'s table into `data_dir`: the pristine rows with the one cell changed."""
    rows = [list(r) for r in pristine]
    col = rows[0].index(edit.column)
    assert rows[edit.row - 1][col] == edit.old, f"{edit.name} row {edit.row} is not {edit.old!r}"
    rows[edit.row - 1][col] = edit.new
    (Path(data_dir) / edit.path).write_text(rows_text(rows), encoding="utf-8", newline="")


def plan(data_dir: Path, seed: int, tries: int = TRIES) -> list[list[Edit]]:
    """For each column of every table, in the descriptor's order, its edits (one a row)."""
    package = load_package(Path(data_dir))
    raw = {r.name: read_rows(Path(data_dir) / r.path) for r in package.resources}
    edits = []
    for resource in package.resources:
        for field in resource.fields:
            rng = random.Random(f"{seed}:{resource.name}.{field.name}")
            edits.append(edits_for(package, raw, resource, field, rng, tries))
    return edits


def edits_for(package: Package, raw: dict, resource: Resource, field: Field, rng: random.Random, tries: int):
    header, rows = raw[resource.name][0], raw[resource.name][1:]
    col = header.index(field.name)
    filled = [i for i, r in enumerate(rows) if r[col] != ""]
    if not filled:
        raise ValueError(f"{resource.name}.{field.name} is empty in every row; there is nothing to edit")
    column = [r[col] for r in rows if r[col] != ""]
    out = []
    for i in rng.sample(filled, min(tries, len(filled))):
        old = rows[i][col]
        new, how = propose(package, raw, resource, field, rows[i], header, old, column, rng)
        if new == old:
            raise AssertionError(f"{resource.name}.{field.name}: the edit changes nothing")
        out.append(Edit(resource.name, resource.path, field.name, i + 2, old, new, how))
    return out


def propose(package, raw, resource, field, row, header, old, column, rng) -> tuple[str, str]:
    """The new value and what the edit is, in words, for one cell of one column."""
    if resource.primary_key == (field.name,):
        new = rng.choice(sorted(set(column) - {old}))
        return new, "id copied from another row"
    reference = _reference(package, resource, field, row, header)
    if reference is not None:
        target, id_column = reference
        ids = _column_values(raw[target], id_column)
        return rng.choice(sorted(set(ids) - {old})), f"points at another row of {target}"
    if field.enum is not None:
        others = [code for code in field.enum if code != old]
        if others:
            return rng.choice(others), "another allowed code"
        return (old.lower() if old != old.lower() else old.capitalize()), "the only allowed code, recased"
    if field.type == "boolean":
        return ("false" if old.lower() in ("true", "1") else "true"), "flag flipped"
    if field.type == "integer":
        return str(int(old) + 1), "one more"
    if field.type == "number":
        return _number(old), "a tenth more"
    if field.type == "date":
        return _date(field.name, old, row, header), "moved by one day"
    if not field.is_free_text or field.format == "uri":
        others = sorted(set(column) - {old})
        if others:
            return rng.choice(others), "value copied from another row"
    return _words(old, column, field.max_length, rng), "one word swapped for another of the column"


def _reference(package, resource, field, row, header) -> tuple[str, str] | None:
    """(table, id column) this cell points into: a declared foreign key, or an `*_id`
    column beside a code column whose codes are table names (evidence.record_table)."""
    for fk in resource.foreign_keys:
        if fk.fields == (field.name,):
            return fk.resource, fk.reference_fields[0]
    names = {r.name for r in package.resources}
    if field.name.endswith("_id") and field.name not in resource.primary_key:
        for other in resource.fields:
            if other.enum and set(other.enum) <= names:
                target = row[header.index(other.name)]
                return target, package.resource(target).primary_key[0]
    return None


def _column_values(rows: list[list[str]], name: str) -> list[str]:
    col = rows[0].index(name)
    return [r[col] for r in rows[1:] if r[col] != ""]


def _number(old: str) -> str:
    decimals = len(old.split(".")[1]) if "." in old else 0
    value = float(old)
    new = f"{value * 1.1:.{decimals}f}" if value else "1"
    if new == old:  # too small a number for a tenth to show at this precision
        new = f"{value + 10**-decimals:.{decimals}f}"
    return new


def _date(name: str, old: str, row: list[str], header: list[str]) -> str:
    """One day later, or earlier where later would invert the interval it bounds."""
    day = dt.date.fromisoformat(old)
    later, earlier = (day + dt.timedelta(days=1)).isoformat(), (day - dt.timedelta(days=1)).isoformat()
    for mine, theirs, forward in (("_start", "_end", True), ("_end", "_start", False)):
        if name.endswith(mine) and name[: -len(mine)] + theirs in header:
            partner = row[header.index(name[: -len(mine)] + theirs)]
            if not partner:
                break
            if forward:
                return later if later <= partner else earlier
            return earlier if earlier >= partner else later
    return later


def _words(old: str, column: list[str], max_length: int | None, rng: random.Random) -> str:
    """`old` with one of its words replaced by another word used in the same column."""
    spots = list(WORD.finditer(old))
    vocabulary = sorted({w for text in column for w in WORD.findall(text)}) or list(FALLBACK_WORDS)
    if not spots:
        return f"{old} {rng.choice(vocabulary)}"
    spot = rng.choice(spots)
    choices = [w for w in vocabulary if w.lower() != spot.group(0).lower()] or list(FALLBACK_WORDS)
    limit = max_length or 10**6
    fitting = [w for w in choices if len(old) - len(spot.group(0)) + len(w) <= limit] or [""]
    word = rng.choice(fitting)
    return (old[: spot.start()] + word + old[spot.end() :]).replace("  ", " ").strip()
