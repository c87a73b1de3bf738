"""A date that the articles give as a weekday ('last Wednesday', 'on Thursday') and that
is known only to an interval: its possible days are that weekday's dates inside the
interval, not every day of it. Derived from events.date_text (the descriptor says so),
never stored twice; the rule below keeps the interval's ends on that weekday."""

from __future__ import annotations

import re

import pandas as pd

from .problems import Problem
from .rules import rule
from .schema import Package

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NAMED = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def weekday_named(text) -> int | None:
    """The weekday (Monday = 0) the words name, or None; None too when they name two."""
    if not isinstance(text, str):
        return None
    found = {m.group(1).lower() for m in _NAMED.finditer(text)}
    return WEEKDAYS.index(found.pop()) if len(found) == 1 else None


def possible_days(start, end, text, basis) -> list[pd.Timestamp]:
    """The weekday's dates in [start, end] when the date is a relative weekday
    ('resolved_relative') known only to an interval; [] for any other date."""
    day = weekday_named(text)
    if day is None or basis != "resolved_relative" or pd.isna(start) or pd.isna(end) or start >= end:
        return []
    return [d for d in pd.date_range(start, end, freq="D") if d.weekday() == day]


@rule
def weekday_ends(package: Package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """An event dated by a relative weekday starts and ends on that weekday."""
    out = []
    e = tables.get("events")
    if e is None:
        return out
    for i, r in enumerate(e.itertuples(index=False)):
        day = weekday_named(r.date_text)
        if day is None or r.date_basis != "resolved_relative" or pd.isna(r.date_start) or pd.isna(r.date_end):
            continue
        for column, d in (("date_start", r.date_start), ("date_end", r.date_end)):
            if d.weekday() != day:
                out.append(
                    Problem(
                        "events.csv",
                        i + 2,
                        column,
                        f"{d:%Y-%m-%d} is not a {WEEKDAYS[day].title()}, the day date_text names",
                    )
                )
    return out
