"""Our rules: what Frictionless cannot express (between columns, rows and tables), all
reported in one pass as `file:row:column: what is wrong`. (Keys and foreign keys are the
descriptor's, checked by Frictionless: `schema_checks`.)

Each rule takes the descriptor and the tables that read cleanly and returns problems; a
rule must skip quietly when a table it needs is absent. A new rule (for a new table) is
one function decorated with `@rule` in this module, or registered from its own module
with `register(function)` before the tables are loaded.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from .numbers import qualifier_of, value_of
from .problems import Problem
from .schema import Package

Rule = Callable[[Package, dict[str, pd.DataFrame]], list[Problem]]
RULES: list[Rule] = []


def register(function: Rule) -> Rule:
    """Add a rule to every check of the data package (idempotent)."""
    if function not in RULES:
        RULES.append(function)
    return function


rule = register


def check(package: Package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every registered rule over the tables at hand."""
    from . import rules_coding, rules_record, rules_text, weekdays  # noqa: F401  (register the rules on the record tables, snippets, quotes, codes and weekdays)

    out: list[Problem] = []
    for function in RULES:
        out += function(package, tables)
    return out


@rule
def every_source_is_measured(package: Package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Each article has its row of derived text measures (hash, length)."""
    if "sources" not in tables or "sources_text" not in tables:
        return []
    measured = set(tables["sources_text"]["source_id"])
    return [
        Problem(
            "sources.csv",
            row,
            "source_id",
            f"{value!r} has no row in derived/sources_text.csv; run make features with the article folder present",
        )
        for row, value in rows_of(tables["sources"]["source_id"])
        if value not in measured
    ]


def rows_of(series: pd.Series):
    """(spreadsheet row, value) for each non-empty cell."""
    for position, value in enumerate(series.tolist()):
        if value is not None and not pd.isna(value):
            yield position + 2, value


@rule
def interval_rules(package: Package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
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


@rule
def figure_rules(package: Package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
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
