"""The table schemas, read from data/datapackage.json (the single source of truth)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .problems import DataValidationError, Problem

# pandas dtypes for each Frictionless field type: explicit, so '06001' stays a string and
# an integer column with gaps stays an integer.
PANDAS_DTYPES = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "date": "datetime64[s]",
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    labels: tuple[tuple[str, str], ...] = ()
    pattern: str | None = None
    max_length: int | None = None
    minimum: float | None = None
    format: str | None = None
    # Each code's properties beyond its label (display names, colours), as in the descriptor.
    properties: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = field(default=(), compare=False)

    @property
    def is_free_text(self) -> bool:
        """Prose a person types (not an id, code, date or number)."""
        return self.type == "string" and self.enum is None and self.pattern is None


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class Resource:
    name: str
    path: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.path} has no field {name!r}")

    @property
    def key_fields(self) -> set[str]:
        """Fields that hold identifiers: the primary key and every foreign key."""
        keys = set(self.primary_key)
        for fk in self.foreign_keys:
            keys.update(fk.fields)
        return keys


@dataclass(frozen=True)
class Package:
    descriptor: dict
    resources: tuple[Resource, ...]

    def resource(self, name: str) -> Resource:
        for r in self.resources:
            if r.name == name:
                return r
        raise KeyError(f"datapackage.json has no resource {name!r}")

    def labels(self, resource: str, field: str) -> dict[str, str]:
        """Definitions of a categorical field's codes, for tables and chart legends."""
        return dict(self.resource(resource).field(field).labels)

    def codes(self, resource: str, field: str) -> list[str]:
        """A categorical field's codes, in the codebook's order."""
        return [value for value, _ in self.resource(resource).field(field).labels]

    def code_property(self, resource: str, field: str, key: str) -> dict[str, str]:
        """code -> one property of it (e.g. 'color'), for the codes that carry it."""
        out = {}
        for value, props in self.resource(resource).field(field).properties:
            if key in dict(props):
                out[value] = dict(props)[key]
        return out


def _field(d: dict) -> Field:
    c = d.get("constraints", {})
    enum = c.get("enum")
    return Field(
        name=d["name"],
        type=d.get("type", "string"),
        description=d.get("description", ""),
        required=bool(c.get("required", False)),
        unique=bool(c.get("unique", False)),
        enum=tuple(enum) if enum is not None else None,
        labels=tuple((x["value"], x.get("label", "")) for x in d.get("categories", [])),
        properties=tuple(
            (x["value"], tuple((k, v) for k, v in x.items() if k not in ("value", "label")))
            for x in d.get("categories", [])
        ),
        pattern=c.get("pattern"),
        max_length=c.get("maxLength"),
        minimum=c.get("minimum"),
        format=d.get("format"),
    )


def _resource(d: dict) -> Resource:
    s = d["schema"]
    pk = s.get("primaryKey", [])
    fks = tuple(
        ForeignKey(tuple(fk["fields"]), fk["reference"]["resource"], tuple(fk["reference"]["fields"]))
        for fk in s.get("foreignKeys", [])
    )
    return Resource(
        name=d["name"],
        path=d["path"],
        title=d.get("title", d["name"]),
        description=d.get("description", ""),
        fields=tuple(_field(f) for f in s["fields"]),
        primary_key=tuple([pk] if isinstance(pk, str) else pk),
        foreign_keys=fks,
    )


def load_package(data_dir: Path) -> Package:
    """Read datapackage.json; a missing or broken descriptor is a DataValidationError."""
    path = Path(data_dir) / "datapackage.json"
    return _load_package_cached(str(path), path.stat().st_mtime_ns if path.exists() else 0)


@lru_cache(maxsize=8)
def _load_package_cached(path: str, _mtime: int) -> Package:
    p = Path(path)
    if not p.is_file():
        raise DataValidationError([Problem("datapackage.json", None, None, "missing")])
    try:
        descriptor = json.loads(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise DataValidationError([Problem("datapackage.json", None, None, "is not UTF-8 text (encoding)")]) from None
    except json.JSONDecodeError as exc:
        raise DataValidationError(
            [Problem("datapackage.json", exc.lineno, None, f"is not valid JSON ({exc.msg}, column {exc.colno})")]
        ) from None
    except OSError as exc:
        raise DataValidationError(
            [Problem("datapackage.json", None, None, f"cannot be read ({exc.strerror})")]
        ) from None
    problems = _descriptor_problems(descriptor)
    if problems:
        raise DataValidationError(problems)
    try:
        return Package(descriptor, tuple(_resource(r) for r in descriptor["resources"]))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        what = f"missing property {exc}" if isinstance(exc, KeyError) else str(exc)
        raise DataValidationError(
            [Problem("datapackage.json", None, None, f"not a valid data package descriptor ({what})")]
        ) from None


def _descriptor_problems(descriptor) -> list[Problem]:
    """What Frictionless would refuse, said before anything relies on it: a resource list
    that is missing or empty, a resource without a path or fields, a field type we cannot read."""
    out: list[Problem] = []

    def bad(message: str) -> None:
        out.append(Problem("datapackage.json", None, None, message))

    if not isinstance(descriptor, dict):
        bad("is not a JSON object")
        return out
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        bad('lists no resources ("resources" must be a non-empty list of tables)')
        return out
    for i, r in enumerate(resources):
        where = f"resources[{i}]"
        if not isinstance(r, dict):
            bad(f"{where} is not an object")
            continue
        where = f"resource {r.get('name', i)!r}"
        if not isinstance(r.get("path"), str) or not r.get("path"):
            bad(f"{where} has no path")
        schema = r.get("schema")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        if not isinstance(fields, list) or not fields:
            bad(f"{where} has no schema fields")
            continue
        for f in fields:
            if not isinstance(f, dict) or not isinstance(f.get("name"), str):
                bad(f"{where}: a field has no name")
                continue
            kind = f.get("type", "string")
            if kind not in PANDAS_DTYPES:
                bad(
                    f"{where}, field {f['name']!r}: unknown type {kind!r}; "
                    f"expected one of {', '.join(sorted(PANDAS_DTYPES))}"
                )
    return out
