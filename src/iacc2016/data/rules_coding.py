"""Our rules on codes that must agree with other columns: each one catches a plausible
one-cell edit that nothing else noticed (`make mutate`). Registered with `rules.rule`;
`rules.check` runs them with the others.

- an interval's shape agrees with its precision (a month runs from its first day to its
  last, a year from 1 January to 31 December, a part of a month or year stays inside it,
  a span or range is longer than a day);
- an article's `url_basis` is `none` exactly when it has no URL;
- a member is on its parent's side;
- a figure is self-reported exactly when its claimant is its subject or part of it, and
  its unit is the one its words give ('$' for US dollars, 'yuan', 'years');
- a quotation's `speaker` names the member in `speaker_member_id` (its name or an alias);
- an event's target is not its actor, and is of a kind its action can take (the
  descriptor's `targetKinds` on events.target_id: one joins, leaves or objects to an
  association; one appoints or announces a person);
- an event on which the sources disagree has evidence from two articles at least;
- a date coded as stated names a month or a year in the article's words.
"""

from __future__ import annotations

import re

import pandas as pd

from .problems import Problem
from .rules import rule
from .schema import Package

INTERVALS = (
    ("events", "events.csv", "date_start", "date_end", "date_precision"),
    ("sources", "sources.csv", "published_start", "published_end", "published_precision"),
    ("record_sources", "record_sources.csv", "published_start", "published_end", "published_precision"),
    ("record_checks", "record_checks.csv", "record_date_start", "record_date_end", "record_date_precision"),
)


def _shape_problem(a: pd.Timestamp, b: pd.Timestamp, precision: str) -> str | None:
    """What is wrong with the interval [a, b] for its precision code, or None."""
    if precision == "month" and not (a.day == 1 and (a.year, a.month) == (b.year, b.month) and b.is_month_end):
        return "must run from the first to the last day of one month when the precision is 'month'"
    if precision == "year" and not (a.year == b.year and (a.month, a.day, b.month, b.day) == (1, 1, 12, 31)):
        return "must run from 1 January to 31 December of one year when the precision is 'year'"
    if precision == "part_of_month" and not ((a.year, a.month) == (b.year, b.month) and a < b):
        return "must stay within one month, over more than a day, when the precision is 'part_of_month'"
    if precision == "part_of_year" and not (a.year == b.year and a < b):
        return "must stay within one year, over more than a day, when the precision is 'part_of_year'"
    if precision in ("span", "range") and not a < b:
        return f"must be later than the start when the precision is {precision!r} (one day is 'day')"
    return None


@rule
def precision_shapes(package: Package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    out = []
    for name, file, start, end, precision in INTERVALS:
        if name not in tables:
            continue
        t = tables[name]
        for i, (a, b, p) in enumerate(zip(t[start], t[end], t[precision], strict=True)):
            if pd.isna(a) or pd.isna(b) or pd.isna(p) or b < a:
                continue  # empty or inverted: the interval rules report those
            why = _shape_problem(a, b, p)
            if why:
                out.append(Problem(file, i + 2, end, f"{b:%Y-%m-%d} (from {a:%Y-%m-%d}) {why}"))
    return out


@rule
def coding_agreement(package: Package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    out: list[Problem] = []
    if "sources" in tables:
        for i, r in enumerate(tables["sources"].itertuples(index=False)):
            if (r.url_basis == "none") != pd.isna(r.url):
                why = (
                    "is 'none' but a url is given"
                    if r.url_basis == "none"
                    else "says how a url was found, but none is given"
                )
                out.append(Problem("sources.csv", i + 2, "url_basis", why))
    if "members" not in tables:
        return out
    m = tables["members"].set_index("member_id", drop=False)
    side = m["side"].to_dict()
    parent = {k: (None if pd.isna(v) else v) for k, v in m["parent_id"].to_dict().items()}
    for i, r in enumerate(m.itertuples(index=False)):
        if pd.notna(r.parent_id) and r.parent_id in side and side[r.parent_id] != r.side:
            out.append(
                Problem(
                    "members.csv",
                    i + 2,
                    "side",
                    f"is {r.side!r} but its parent {r.parent_id!r} is on side {side[r.parent_id]!r}",
                )
            )
    if "figures" in tables:
        out += _figure_problems(tables["figures"], parent)
    if "events" in tables:
        kinds = target_kinds(package)
        out += _event_problems(tables["events"], m["kind"].to_dict(), kinds, tables.get("evidence"))
    if "quotes" in tables:
        names = {
            mid: [n.lower() for n in [name, *(aliases.split("|") if pd.notna(aliases) else [])] if n.strip()]
            for mid, name, aliases in zip(m["member_id"], m["name"], m["aliases"], strict=True)
        }
        for i, r in enumerate(tables["quotes"].itertuples(index=False)):
            who = names.get(r.speaker_member_id) if pd.notna(r.speaker_member_id) else None
            if who is not None and not any(n in r.speaker.lower() for n in who):
                out.append(
                    Problem(
                        "quotes.csv",
                        i + 2,
                        "speaker_member_id",
                        f"is {r.speaker_member_id!r}, but the speaker {r.speaker!r} names neither its name nor an alias",
                    )
                )
    return out


def _unit_of(words: str) -> str:
    w = words.lower()
    if "$" in w or "dollar" in w:
        return "USD"
    if "yuan" in w or "rmb" in w:
        return "CNY"
    if "year" in w:
        return "year"
    return "count"


def _figure_problems(figures: pd.DataFrame, parent: dict) -> list[Problem]:
    out = []
    for i, r in enumerate(figures.itertuples(index=False)):
        own = pd.notna(r.claimant_id) and (r.claimant_id == r.subject_id or parent.get(r.claimant_id) == r.subject_id)
        if bool(r.self_reported) != own:
            why = (
                "is true but the claimant is neither the subject nor part of it"
                if r.self_reported
                else "is false but the claimant is the subject (or part of it)"
            )
            out.append(Problem("figures.csv", i + 2, "self_reported", f"{why} ({r.claimant_id} on {r.subject_id})"))
        unit = _unit_of(r.value_text)
        if unit != r.unit:
            out.append(
                Problem(
                    "figures.csv", i + 2, "unit", f"is {r.unit!r} but value_text {r.value_text!r} reads as {unit!r}"
                )
            )
    return out


def target_kinds(package: Package) -> dict[str, tuple[str, ...]]:
    """action -> the member kinds its target may have (events.target_id's `targetKinds`)."""
    for r in package.descriptor.get("resources", []):
        if r.get("name") == "events":
            for f in r.get("schema", {}).get("fields", []):
                if f.get("name") == "target_id":
                    return {action: tuple(kinds) for action, kinds in f.get("targetKinds", {}).items()}
    return {}


def _event_problems(
    events: pd.DataFrame, kind: dict, target_kinds: dict, evidence: pd.DataFrame | None
) -> list[Problem]:
    out = []
    if evidence is not None:
        ev = evidence[evidence["record_table"] == "events"]
        articles = ev.groupby("record_id")["source_id"].nunique().to_dict()
    for i, r in enumerate(events.itertuples(index=False)):
        if pd.notna(r.target_id) and r.target_id == r.actor_id:
            out.append(Problem("events.csv", i + 2, "target_id", "is the event's own actor"))
        allowed = target_kinds.get(r.action)
        if allowed and pd.notna(r.target_id) and r.target_id in kind and kind[r.target_id] not in allowed:
            out.append(
                Problem(
                    "events.csv",
                    i + 2,
                    "target_id",
                    f"{r.target_id!r} is a {kind[r.target_id]}, but action {r.action!r} takes a target of kind {' or '.join(allowed)}",
                )
            )
        if evidence is not None and r.sources_disagree and articles.get(r.event_id, 0) < 2:
            out.append(
                Problem(
                    "events.csv",
                    i + 2,
                    "sources_disagree",
                    "is true but the event's evidence comes from one article; disagreement needs two",
                )
            )
    return out


_MONTH_OR_YEAR = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|\b(?:1[89]|20)\d\d\b"
)


@rule
def stated_dates_name_a_month_or_year(package: Package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """A date the article gives ('stated') is in its words as a month or a year at least
    ('on May 13', 'in 2013'); words that only place it ('now', 'last Wednesday') were
    resolved or inferred, and say so."""
    if "events" not in tables:
        return []
    t = tables["events"]
    out = []
    for i, (basis, words) in enumerate(zip(t["date_basis"], t["date_text"], strict=True)):
        if basis == "stated" and isinstance(words, str) and not _MONTH_OR_YEAR.search(words):
            out.append(
                Problem(
                    "events.csv",
                    i + 2,
                    "date_basis",
                    f"is 'stated' but the article's words {words!r} name no month or year; "
                    "use 'resolved_relative' or 'inferred'",
                )
            )
    return out
