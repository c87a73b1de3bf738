"""The checks the descriptor states, run by Frictionless: types, `required`, `enum`,
`pattern`, `maxLength`, `minimum`, `format`, `unique`, primary and foreign keys.

Frictionless reads the cells our loader has already parsed (one reading of each file), and
each of its error reports becomes a `file:row:column: what is wrong`. Rows are counted as
everywhere else: the header is row 1.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from .cells import PLAIN_FORMS
from .problems import Problem
from .schema import Package

Rows = tuple[tuple[str, ...], ...]  # the header, then each record, as parsed

# The field properties that change how Frictionless reads or checks a cell.
_READ_BY_FRICTIONLESS = {
    "name",
    "type",
    "format",
    "constraints",
    "trueValues",
    "falseValues",
    "bareNumber",
    "groupChar",
    "decimalChar",
    "missingValues",
}
_CONSTRAINT = re.compile(r'constraint "(\w+)"')
_POSITION = re.compile(r"at position (\d+)")


def schema_problems(package: Package, rows: dict[str, Rows]) -> dict[str, list[Problem]]:
    """Each table's problems: its cells against its schema, its keys, its foreign keys into
    the tables at hand (a reference to a table that did not parse is not followed)."""
    out: dict[str, list[Problem]] = {}
    paths = tuple((r.name, r.path) for r in package.resources)
    for resource in package.resources:
        if resource.name not in rows:
            continue
        wanted: dict[str, set[str]] = {}
        for fk in resource.foreign_keys:
            target = fk.resource or resource.name
            if target != resource.name and target in rows:
                wanted.setdefault(target, set()).update(fk.reference_fields)
        references = tuple(
            (target, _schema_json(package, target, tuple(sorted(keys))), _columns(rows[target], tuple(sorted(keys))))
            for target, keys in sorted(wanted.items())
        )
        schema = _schema_json(package, resource.name)
        found = _errors(resource.name, schema, rows[resource.name], references, paths)
        out[resource.name] = [Problem(resource.path, row, column, message) for row, column, message in found if message]
    return out


def _schema_json(package: Package, name: str, only: tuple[str, ...] | None = None) -> str:
    """The table's schema as the descriptor states it, without what only describes (labels,
    descriptions), or only some fields, for a lookup of keys."""
    schema = next(r for r in package.descriptor["resources"] if r["name"] == name)["schema"]
    fields = [{k: v for k, v in f.items() if k in _READ_BY_FRICTIONLESS} for f in schema["fields"]]
    if only is not None:  # the keys a foreign key looks up, read as they are
        keys = [{k: v for k, v in f.items() if k in ("name", "type", "format")} for f in fields if f["name"] in only]
        return json.dumps({"fields": keys}, sort_keys=True)
    return json.dumps({**schema, "fields": fields}, sort_keys=True)


def _columns(rows: Rows, names: tuple[str, ...]) -> Rows:
    index = [rows[0].index(n) for n in names]
    return tuple(tuple(r[i] for i in index) for r in rows)


@lru_cache(maxsize=64)
def _errors(
    name: str, schema_json: str, rows: Rows, references: tuple, paths: tuple
) -> tuple[tuple[int | None, str | None, str], ...]:
    """(row, column, message) for each Frictionless error in one table. Cached: the same
    table checked again in one process (a test suite checks the same tables many times)
    costs nothing."""
    import frictionless

    schema = json.loads(schema_json)
    known = {name} | {target for target, _, _ in references}
    # A reference to a table that did not parse is left to that table's own problems.
    schema["foreignKeys"] = [
        fk for fk in schema.get("foreignKeys", []) if (fk["reference"]["resource"] or name) in known
    ]
    fields = {f["name"]: f for f in schema["fields"]}
    resource = frictionless.Resource(
        name=name, data=[list(r) for r in rows], schema=frictionless.Schema.from_descriptor(schema)
    )
    lookups = [
        frictionless.Resource(
            name=target,
            data=[list(r) for r in keys],
            schema=frictionless.Schema.from_descriptor(json.loads(key_schema)),
        )
        for target, key_schema, keys in references
    ]
    if lookups:  # a package holding the key columns, where the foreign keys are looked up
        frictionless.Package(resources=[resource, *lookups])
    primary_key = schema.get("primaryKey", [])
    primary_key = (primary_key,) if isinstance(primary_key, str) else tuple(primary_key)
    out = []
    report = resource.validate()
    for error in report.tasks[0].errors if report.tasks else []:
        out.append(_translate(error, name, fields, primary_key, dict(paths)))
    for error in report.errors:
        out.append((None, None, f"{error.note} (Frictionless {error.type})"))
    return tuple(out)


def _translate(
    error, name: str, fields: dict, primary_key: tuple[str, ...], paths: dict
) -> tuple[int | None, str | None, str]:
    row = getattr(error, "row_number", None)
    column = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    if error.type == "type-error":
        field = fields[column]
        kind = field.get("type", "string")
        if field.get("format") == "uri":
            return row, column, f"{cell!r} is not a web address (http:// or https://)"
        return row, column, f"{cell!r} {PLAIN_FORMS[kind][1] if kind in PLAIN_FORMS else f'is not a valid {kind}'}"
    if error.type == "constraint-error":
        return row, column, _constraint_message(fields[column], cell, error.note)
    if error.type == "unique-error":
        if (column,) == primary_key:
            return None, None, ""  # said once, as the primary key's error
        return row, column, _duplicate(cell, error.note)
    if error.type == "primary-key":
        values = [error.cells[i] for i, name in enumerate(fields) if name in primary_key]
        shown = ", ".join(values)
        return row, "+".join(primary_key), _duplicate(shown, error.note)
    if error.type == "foreign-key":
        target = paths.get(error.reference_name or name, error.reference_name)
        value = ", ".join(str(v) for v in error.field_cells)
        where = f"{'+'.join(error.reference_field_names)} in {target}"
        return row, "+".join(error.field_names), f"{value!r} is not a {where}"
    return row, column, f"{error.note} (Frictionless {error.type})"


def _constraint_message(field: dict, cell: str, note: str) -> str:
    match = _CONSTRAINT.search(note)
    constraint = match.group(1) if match else ""
    limits = field.get("constraints", {})
    if constraint == "required":
        return "is required but empty"
    if constraint == "enum":
        return f"{cell!r} is not one of the allowed values: {', '.join(limits['enum'])}"
    if constraint == "pattern" and field.get("format") == "uri":
        return f"{cell!r} is not a web address (http:// or https://)"
    if constraint == "pattern":
        return f"{cell!r} does not match the required pattern {limits['pattern']}"
    if constraint == "maxLength":
        return f"cell is {len(cell)} characters long; the limit is {limits['maxLength']}"
    if constraint == "minimum":
        return f"{cell} is below the minimum {limits['minimum']:g}"
    return f"{cell!r} breaks the constraint {note}"


def _duplicate(value: str, note: str) -> str:
    match = _POSITION.search(note)
    first = f" (first on row {match.group(1)})" if match else ""
    return f"duplicate value {value!r}{first}"
