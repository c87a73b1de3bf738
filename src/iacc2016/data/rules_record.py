"""Rules of the public-record tables (record_sources.csv, record_checks.csv; not from the
articles) that Frictionless cannot express: every check points at an existing row of the
article table it names, a row that its article states (that a check's article and record
source exist are foreign keys in the descriptor, Frictionless's to check); a record source and snippet are
given unless the rating is not_found; snippets stay within 40 words; addresses are
well-formed http(s) URLs; date intervals are not inverted and agree with their precision;
a document's provenance (primary, secondary) fits its kind; a check's chosen article
passage (evidence_id) is a passage of the row it checks, from the same article; every
document an explanation names (also_cites) exists.

Registered with the package's rules, so `make validate` reports them in the same pass as
every other problem.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd

from .problems import Problem
from .rules import register
from .rules_text import long_snippets
from .schema import Package

CHECKS_FILE = "record_checks.csv"
SOURCES_FILE = "record_sources.csv"


def _dates(s: pd.Series) -> pd.Series:
    """Dates as Timestamps whether the frame came from the loader or was built by hand."""
    if pd.api.types.is_datetime64_any_dtype(s):
        return s
    return pd.to_datetime(s.astype(object).where(s.notna() & (s.astype(object) != ""), None), format="%Y-%m-%d")


def _blank(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or value == ""


# ------------------------------------------------------------------------------- (d) the rules
def checkable_tables(package: Package) -> dict[str, str]:
    """The article tables a check may point at (the codebook's codes of
    record_checks.checks_table), each with its id column (the table's primary key)."""
    codes = package.resource("record_checks").field("checks_table").enum or ()
    return {t: package.resource(t).primary_key[0] for t in codes}


def problem_tuples(tables: dict[str, pd.DataFrame], package: Package) -> list[tuple[str, int | None, str | None, str]]:
    """Every rule broken in the record tables, as (file, row, column, message).

    Rows count as a spreadsheet shows them (header = row 1). The rules: a check points at
    an existing article row (and, for events, figures and members, one that this article
    states: an evidence row of that article); a record source and snippet are given unless the rating is not_found, and absent when
    it is; snippets stay within 40 words; addresses are well-formed http(s) URLs; date
    intervals are not inverted and agree with their precision."""
    out: list[tuple[str, int | None, str | None, str]] = []
    checks = tables["record_checks"]
    rsrc = tables["record_sources"]
    id_column = checkable_tables(package)
    ids = {t: set(tables[t][col]) for t, col in id_column.items() if t in tables}
    claim_keys = (
        set(zip(tables["claims"]["claim_id"], tables["claims"]["source_id"], strict=True))
        if "claims" in tables
        else set()
    )
    quote_source = (
        dict(zip(tables["quotes"]["quote_id"], tables["quotes"]["source_id"], strict=True))
        if "quotes" in tables
        else {}
    )
    stated = (
        set(
            zip(
                tables["evidence"]["record_table"],
                tables["evidence"]["record_id"],
                tables["evidence"]["source_id"],
                strict=True,
            )
        )
        if "evidence" in tables
        else set()
    )
    for i, r in enumerate(checks.itertuples(index=False)):
        row = i + 2
        table, rid = r.checks_table, r.checks_id
        if table not in id_column:
            out.append((CHECKS_FILE, row, "checks_table", f"{table!r} is not one of: {', '.join(id_column)}"))
        elif table not in ids:
            pass  # that table did not read cleanly: its own problems are reported, not every check of it
        elif rid not in ids[table]:
            out.append((CHECKS_FILE, row, "checks_id", f"{rid!r} is not a {id_column[table]} in {table}.csv"))
        elif table == "claims" and (rid, r.source_id) not in claim_keys:
            out.append((CHECKS_FILE, row, "checks_id", f"claim {rid!r} has no row for article {r.source_id}"))
        elif table == "quotes" and quote_source[rid] != r.source_id:
            out.append((CHECKS_FILE, row, "source_id", f"quote {rid!r} is from {quote_source[rid]}, not {r.source_id}"))
        elif (
            table in ("events", "figures", "members")
            and "evidence" in tables
            and (table, rid, r.source_id) not in stated
        ):
            out.append(
                (
                    CHECKS_FILE,
                    row,
                    "checks_id",
                    f"{table} row {rid!r} has no evidence from article {r.source_id}, so that article does not state it",
                )
            )
        not_found = r.rating == "not_found"
        for col in ("record_source_id", "record_snippet"):
            empty = _blank(getattr(r, col))
            if not_found and not empty:
                out.append((CHECKS_FILE, row, col, "must be empty when the rating is not_found"))
            if not not_found and empty:
                out.append(
                    (CHECKS_FILE, row, col, f"is empty; only a not_found rating may lack it (rating {r.rating})")
                )
    out += [
        (p.file, p.row, p.column, p.message)
        for p in long_snippets(CHECKS_FILE, "record_snippet", checks["record_snippet"])
    ]
    out += _interval_problems(CHECKS_FILE, checks, "record_date_start", "record_date_end", "record_date_precision")
    out += _interval_problems(SOURCES_FILE, rsrc, "published_start", "published_end", "published_precision")
    for i, url in enumerate(rsrc["url"].tolist()):
        if not _well_formed_url(url):
            out.append((SOURCES_FILE, i + 2, "url", f"{url!r} is not a well-formed http(s) address"))
    out += _provenance_problems(rsrc, package)
    out += _passage_problems(checks, tables.get("evidence"))
    out += _also_cites_problems(checks, set(rsrc["record_source_id"]), tables.get("reference_rates"))
    return out


def _also_cites_problems(checks: pd.DataFrame, documents: set, rates: pd.DataFrame | None):
    """Each document an explanation names (also_cites) is a record document or a reference rate."""
    out = []
    if "also_cites" not in checks.columns:
        return out
    known = documents | (set(rates["rate_id"]) if rates is not None else set())
    for i, value in enumerate(checks["also_cites"].tolist()):
        if _blank(value):
            continue
        for name in str(value).split("|"):
            if name not in known:
                out.append(
                    (CHECKS_FILE, i + 2, "also_cites", f"{name!r} is neither a record document nor a reference rate")
                )
    return out


def _provenance_problems(rsrc: pd.DataFrame, package: Package):
    """A primary document is the party's own (a release, statement, filing or official
    list), a secondary one a press report (a wire or news report): each kind's side is its
    codebook property `provenance`."""
    out = []
    if "provenance" not in rsrc.columns:
        return out
    side = package.code_property("record_sources", "kind", "provenance")
    for i, (kind, prov) in enumerate(zip(rsrc["kind"].tolist(), rsrc["provenance"].tolist(), strict=True)):
        if _blank(prov) or kind not in side:
            continue
        if not str(prov).startswith(side[kind]):
            out.append(
                (SOURCES_FILE, i + 2, "provenance", f"{prov!r} does not fit kind {kind!r}, which is {side[kind]}")
            )
    return out


def _passage_problems(checks: pd.DataFrame, evidence: pd.DataFrame | None):
    """A check's evidence_id names a passage of the row it checks, from the same article."""
    out = []
    if "evidence_id" not in checks.columns or evidence is None:
        return out
    where = {
        e: (t, r, s)
        for e, t, r, s in zip(
            evidence["evidence_id"], evidence["record_table"], evidence["record_id"], evidence["source_id"], strict=True
        )
    }
    for i, r in enumerate(checks.itertuples(index=False)):
        if _blank(r.evidence_id):
            continue
        if r.evidence_id not in where:
            out.append((CHECKS_FILE, i + 2, "evidence_id", f"{r.evidence_id!r} is not an evidence_id in evidence.csv"))
        elif where[r.evidence_id] != (r.checks_table, r.checks_id, r.source_id):
            out.append(
                (
                    CHECKS_FILE,
                    i + 2,
                    "evidence_id",
                    f"{r.evidence_id!r} is a passage of {where[r.evidence_id][0]} row {where[r.evidence_id][1]!r} "
                    f"from article {where[r.evidence_id][2]}, not of the row this check names",
                )
            )
    return out


def record_problems(tables: dict[str, pd.DataFrame], package: Package) -> list[str]:
    """`problem_tuples` as `file:row:column: what is wrong` strings, sorted."""
    return [
        f"{f}:{r}:{c}: {m}"
        for f, r, c, m in sorted(problem_tuples(tables, package), key=lambda p: (p[0], p[1], p[2], p[3]))
    ]


def _well_formed_url(url) -> bool:
    if not isinstance(url, str) or url != url.strip() or any(ch.isspace() for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and "." in host and not host.startswith(".")


def _interval_problems(file: str, frame: pd.DataFrame, start_col: str, end_col: str, prec_col: str):
    out = []
    starts, ends = _dates(frame[start_col]), _dates(frame[end_col])
    for i, (a, b, p) in enumerate(zip(starts, ends, frame[prec_col].tolist(), strict=True)):
        row = i + 2
        has_a, has_b, has_p = pd.notna(a), pd.notna(b), not _blank(p)
        if has_a and has_b and b < a:
            out.append((file, row, end_col, f"{b:%Y-%m-%d} is before {start_col} {a:%Y-%m-%d} (inverted interval)"))
        if not has_p:
            if has_a or has_b:
                out.append((file, row, prec_col, "is empty but a date is given; give its precision"))
            continue
        if not has_b:
            out.append((file, row, end_col, f"is empty but {prec_col} is {p!r}"))
        if p == "before" and has_a:
            out.append((file, row, start_col, f"must be empty when {prec_col} is 'before'"))
        if p != "before" and not has_a:
            out.append((file, row, start_col, f"is empty, which only {prec_col} 'before' allows"))
        if p == "day" and has_a and has_b and a != b:
            out.append((file, row, end_col, f"must equal {start_col} when {prec_col} is 'day'"))
    return out


@register
def record_rules(package: Package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """The record tables' rules, skipped when either record table is absent."""
    if "record_checks" not in tables or "record_sources" not in tables:
        return []
    return [Problem(*p) for p in problem_tuples(tables, package)]
