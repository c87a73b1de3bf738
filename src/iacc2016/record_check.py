"""How the coverage holds up against the public record (record_sources.csv, record_checks.csv).

Pure analysis over DataFrames: tables in, frames, numbers and dates out. Nothing here reads
a file, prints, or draws. The record tables are not from the articles; these functions set
them beside the article tables without changing either.

- `ratings_by_outlet`: how many statements of each article were confirmed, partly
  confirmed, contradicted or not found.
- `contradictions`: each contradicted check with the article's own words beside the
  record's snippet and address.
- `method_test` / `method_summary`: for every event whose day the record gives, whether the
  interval we inferred from the articles (events.date_start..date_end) contains that day,
  and how many days wide it was.
- `record_problems`: the rules Frictionless cannot express, as `file:row:column: problem`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd

from .text import count_words

RATINGS = ["confirmed", "partly_confirmed", "contradicted", "not_found"]
CHECKABLE_TABLES = ("claims", "events", "figures", "quotes", "members")
MAX_SNIPPET_WORDS = 40
CHECKS_FILE = "record_checks.csv"
SOURCES_FILE = "record_sources.csv"
# The id column of each article table a check can point at.
ID_COLUMN = {
    "claims": "claim_id",
    "events": "event_id",
    "figures": "figure_id",
    "quotes": "quote_id",
    "members": "member_id",
}


def _dates(s: pd.Series) -> pd.Series:
    """Dates as Timestamps whether the frame came from the loader or was built by hand."""
    if pd.api.types.is_datetime64_any_dtype(s):
        return s
    return pd.to_datetime(s.astype(object).where(s.notna() & (s.astype(object) != ""), None), format="%Y-%m-%d")


def _blank(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or value == ""


# ------------------------------------------------------------------------------- (a) ratings
def ratings_by_outlet(checks: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per article: source_id, outlet, a count per rating (RATINGS order), checks.

    Articles come in sources.csv order of earliest publication, then outlet; an article
    with no check still appears, with zeros."""
    order = sources.sort_values(["published_start", "published_end", "outlet", "source_id"])
    counts = (
        checks.groupby(["source_id", "rating"]).size().unstack("rating").reindex(columns=RATINGS).fillna(0).astype(int)
    )
    out = order[["source_id", "outlet"]].merge(counts, left_on="source_id", right_index=True, how="left")
    out[RATINGS] = out[RATINGS].fillna(0).astype(int)
    out["checks"] = out[RATINGS].sum(axis=1)
    return out.reset_index(drop=True)


# ------------------------------------------------------------------- (b) article vs record words
def article_words(checks: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.Series:
    """The article's own verbatim words for each check (index as `checks`).

    claims -> the claim's snippet in that article; quotes -> the quotation's text;
    events, figures, members -> the first evidence snippet (by evidence_id) of that row
    from that article. Missing words come back as <NA>, never as a guess."""
    claims = tables["claims"].set_index(["claim_id", "source_id"])["snippet"]
    quotes = tables["quotes"].set_index("quote_id")["text"]
    ev = tables["evidence"].sort_values("evidence_id")
    first = ev.drop_duplicates(["record_table", "record_id", "source_id"]).set_index(
        ["record_table", "record_id", "source_id"]
    )["snippet"]
    words = []
    for r in checks.itertuples(index=False):
        if r.checks_table == "claims":
            key, lookup = (r.checks_id, r.source_id), claims
        elif r.checks_table == "quotes":
            key, lookup = r.checks_id, quotes
        else:
            key, lookup = (r.checks_table, r.checks_id, r.source_id), first
        words.append(lookup.get(key, pd.NA))
    return pd.Series(words, index=checks.index, dtype="string")


def contradictions(checks: pd.DataFrame, record_sources: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every contradicted check: the article's words beside the record's snippet and address.

    Columns: check_id, source_id, outlet, checks_table, checks_id, statement, article_words,
    record_snippet, record_publisher, record_url, explanation. Sorted by outlet order, then
    check_id."""
    c = checks[checks["rating"] == "contradicted"].copy()
    c["article_words"] = article_words(c, tables)
    rs = record_sources.set_index("record_source_id")
    c["record_publisher"] = c["record_source_id"].map(rs["publisher"]).astype("string")
    c["record_url"] = c["record_source_id"].map(rs["url"]).astype("string")
    sources = tables["sources"]
    outlets = dict(zip(sources["source_id"], sources["outlet"], strict=True))
    order = sources.sort_values(["published_start", "published_end", "outlet", "source_id"])["source_id"].tolist()
    c["outlet"] = c["source_id"].map(outlets).astype("string")
    c["_o"] = c["source_id"].map({s: i for i, s in enumerate(order)})
    c = c.sort_values(["_o", "check_id"]).drop(columns="_o")
    cols = [
        "check_id",
        "source_id",
        "outlet",
        "checks_table",
        "checks_id",
        "statement",
        "article_words",
        "record_snippet",
        "record_publisher",
        "record_url",
        "explanation",
    ]
    return c[cols].reset_index(drop=True)


# ---------------------------------------------------------------------------- (c) method test
def method_test(checks: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """For each check that gives the record's day for an event: does our interval contain it?

    Columns: check_id, event_id, record_day, date_start, date_end, date_precision,
    contained (bool), width_days (days in our interval, both ends counted; <NA> when the
    interval is open, precision 'before'), days_off (0 when contained, else the distance in
    days from the nearest end). Sorted by record_day, event_id, check_id. Checks rated
    not_found carry no record date and never appear."""
    c = checks[
        (checks["checks_table"] == "events")
        & (checks["record_date_precision"] == "day")
        & (checks["rating"] != "not_found")
    ]
    e = events[["event_id", "date_start", "date_end", "date_precision"]]
    m = c[["check_id", "checks_id", "record_date_start"]].merge(
        e, left_on="checks_id", right_on="event_id", how="inner"
    )
    day = _dates(m["record_date_start"])
    start, end = _dates(m["date_start"]), _dates(m["date_end"])
    after_start = start.isna() | (day >= start)
    contained = after_start & (day <= end)
    width = (end - start).dt.days + 1
    off = pd.Series(0, index=m.index, dtype="Int64")
    off = off.mask(day > end, (day - end).dt.days).mask(~after_start, (start - day).dt.days)
    out = pd.DataFrame(
        {
            "check_id": m["check_id"],
            "event_id": m["event_id"],
            "record_day": day,
            "date_start": start,
            "date_end": end,
            "date_precision": m["date_precision"],
            "contained": contained.astype(bool),
            "width_days": width.astype("Int64"),
            "days_off": off.astype("Int64"),
        }
    )
    return out.sort_values(["record_day", "event_id", "check_id"]).reset_index(drop=True)


def method_summary(test: pd.DataFrame) -> dict[str, float | int]:
    """Counts from `method_test`: checks, events, contained, missed, share contained, and
    the median and widest width (days) of the closed intervals tested."""
    closed = test["width_days"].dropna()
    n = len(test)
    return {
        "checks": n,
        "events": int(test["event_id"].nunique()),
        "contained": int(test["contained"].sum()),
        "missed": int((~test["contained"]).sum()),
        "share_contained": float(test["contained"].mean()) if n else float("nan"),
        "median_width_days": float(closed.median()) if len(closed) else float("nan"),
        "max_width_days": int(closed.max()) if len(closed) else 0,
    }


# ------------------------------------------------------------------------------- (d) the rules
def problem_tuples(tables: dict[str, pd.DataFrame]) -> list[tuple[str, int | None, str | None, str]]:
    """Every rule broken in the record tables, as (file, row, column, message).

    Rows count as a spreadsheet shows them (header = row 1). The rules: a check points at
    an existing article row (and, for events, figures and members, one that this article
    states: an evidence row of that article), at an existing record source and article;
    a record source and snippet are given unless the rating is not_found, and absent when
    it is; snippets stay within 40 words; addresses are well-formed http(s) URLs; date
    intervals are not inverted and agree with their precision."""
    out: list[tuple[str, int | None, str | None, str]] = []
    checks = tables["record_checks"]
    rsrc = tables["record_sources"]
    known_sources = set(tables["sources"]["source_id"]) if "sources" in tables else set()
    known_record = set(rsrc["record_source_id"])
    ids = {t: set(tables[t][ID_COLUMN[t]]) for t in CHECKABLE_TABLES if t in tables}
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
        if r.source_id not in known_sources:
            out.append((CHECKS_FILE, row, "source_id", f"{r.source_id!r} is not a source_id in sources.csv"))
        table, rid = r.checks_table, r.checks_id
        if table not in ID_COLUMN:
            out.append((CHECKS_FILE, row, "checks_table", f"{table!r} is not one of: {', '.join(CHECKABLE_TABLES)}"))
        elif rid not in ids.get(table, set()):
            out.append((CHECKS_FILE, row, "checks_id", f"{rid!r} is not a {ID_COLUMN[table]} in {table}.csv"))
        elif table == "claims" and (rid, r.source_id) not in claim_keys:
            out.append((CHECKS_FILE, row, "checks_id", f"claim {rid!r} has no row for article {r.source_id}"))
        elif table == "quotes" and quote_source[rid] != r.source_id:
            out.append((CHECKS_FILE, row, "source_id", f"quote {rid!r} is from {quote_source[rid]}, not {r.source_id}"))
        elif table in ("events", "figures", "members") and (table, rid, r.source_id) not in stated:
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
        if not _blank(r.record_source_id) and r.record_source_id not in known_record:
            out.append(
                (
                    CHECKS_FILE,
                    row,
                    "record_source_id",
                    f"{r.record_source_id!r} is not a record_source_id in {SOURCES_FILE}",
                )
            )
        if not _blank(r.record_snippet):
            n = count_words(r.record_snippet)
            if n > MAX_SNIPPET_WORDS:
                out.append(
                    (
                        CHECKS_FILE,
                        row,
                        "record_snippet",
                        f"is {n} words long; snippets stay at or under {MAX_SNIPPET_WORDS}",
                    )
                )
    out += _interval_problems(CHECKS_FILE, checks, "record_date_start", "record_date_end", "record_date_precision")
    out += _interval_problems(SOURCES_FILE, rsrc, "published_start", "published_end", "published_precision")
    for i, url in enumerate(rsrc["url"].tolist()):
        if not _well_formed_url(url):
            out.append((SOURCES_FILE, i + 2, "url", f"{url!r} is not a well-formed http(s) address"))
    return out


def record_problems(tables: dict[str, pd.DataFrame]) -> list[str]:
    """`problem_tuples` as `file:row:column: what is wrong` strings, sorted."""
    return [
        f"{f}:{r}:{c}: {m}" for f, r, c, m in sorted(problem_tuples(tables), key=lambda p: (p[0], p[1], p[2], p[3]))
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
