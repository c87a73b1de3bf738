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
(The record tables' rules live in `iacc2016.data.rules_record`.)
"""

from __future__ import annotations

import pandas as pd

from ..data.rules_record import _dates


# ------------------------------------------------------------------------------- (a) ratings
def ratings_by_outlet(checks: pd.DataFrame, sources: pd.DataFrame, ratings: list[str]) -> pd.DataFrame:
    """One row per article: source_id, outlet, a count per rating (in the order of `ratings`,
    the codebook's codes of record_checks.rating), checks.

    Articles come in sources.csv order of earliest publication, then outlet; an article
    with no check still appears, with zeros."""
    order = sources.sort_values(["published_start", "published_end", "outlet", "source_id"])
    counts = (
        checks.groupby(["source_id", "rating"]).size().unstack("rating").reindex(columns=ratings).fillna(0).astype(int)
    )
    out = order[["source_id", "outlet"]].merge(counts, left_on="source_id", right_index=True, how="left")
    out[ratings] = out[ratings].fillna(0).astype(int)
    out["checks"] = out[ratings].sum(axis=1)
    return out.reset_index(drop=True)


# ------------------------------------------------------------------- (b) article vs record words
def article_words(checks: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.Series:
    """The article's own verbatim words for each check (index as `checks`).

    claims -> the claim's snippet in that article; quotes -> the quotation's text;
    events, figures, members -> the evidence snippet the check names (its evidence_id,
    where given), else the first evidence snippet (by evidence_id) of that row from that
    article. Missing words come back as <NA>, never as a guess."""
    claims = tables["claims"].set_index(["claim_id", "source_id"])["snippet"]
    quotes = tables["quotes"].set_index("quote_id")["text"]
    ev = tables["evidence"].sort_values("evidence_id")
    by_id = ev.set_index("evidence_id")["snippet"]
    first = ev.drop_duplicates(["record_table", "record_id", "source_id"]).set_index(
        ["record_table", "record_id", "source_id"]
    )["snippet"]
    chosen = checks["evidence_id"] if "evidence_id" in checks.columns else pd.Series(pd.NA, index=checks.index)
    words = []
    for r, pick in zip(checks.itertuples(index=False), chosen, strict=True):
        if isinstance(pick, str) and pick and r.checks_table not in ("claims", "quotes"):
            words.append(by_id.get(pick, pd.NA))
            continue
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


# ------------------------------------------------------------------------ (d) counts, dates
def check_counts(checks: pd.DataFrame) -> dict[str, int]:
    """How many checks, how many record documents they cite, and how many of each rating
    (held = confirmed, partly = partly_confirmed, contradicted, not_found)."""
    counts = checks["rating"].value_counts()
    return {
        "checks": len(checks),
        "documents": int(checks["record_source_id"].dropna().nunique()),
        "held": int(counts.get("confirmed", 0)),
        "partly": int(counts.get("partly_confirmed", 0)),
        "contradicted": int(counts.get("contradicted", 0)),
        "not_found": int(counts.get("not_found", 0)),
    }


def record_dates(checks: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The record's date for each event it dates with both ends (a day, a span or a range;
    an open 'before' date, or none, is left out), beside our interval from the articles.

    Columns: event_id, check_id, record_source_id, record_start, record_end,
    record_precision, date_start, date_end, fit ('inside': the record's dates lie within
    our interval; 'partly': they overlap it; 'outside': they miss it). Sorted by event_id,
    check_id; an event checked twice keeps both rows."""
    c = checks[(checks["checks_table"] == "events") & (checks["rating"] != "not_found")].copy()
    c["record_start"], c["record_end"] = _dates(c["record_date_start"]), _dates(c["record_date_end"])
    c = c[c["record_start"].notna() & c["record_end"].notna()]
    e = events[["event_id", "date_start", "date_end"]].assign(
        date_start=lambda f: _dates(f["date_start"]), date_end=lambda f: _dates(f["date_end"])
    )
    m = c.merge(e, left_on="checks_id", right_on="event_id", how="inner")
    inside = (m["date_start"].isna() | (m["record_start"] >= m["date_start"])) & (m["record_end"] <= m["date_end"])
    apart = (m["record_start"] > m["date_end"]) | (m["date_start"].notna() & (m["record_end"] < m["date_start"]))
    fit = pd.Series("partly", index=m.index).mask(inside, "inside").mask(apart, "outside")
    out = pd.DataFrame(
        {
            "event_id": m["event_id"],
            "check_id": m["check_id"],
            "record_source_id": m["record_source_id"],
            "record_start": m["record_start"],
            "record_end": m["record_end"],
            "record_precision": m["record_date_precision"],
            "date_start": m["date_start"],
            "date_end": m["date_end"],
            "fit": fit,
        }
    )
    return out.sort_values(["event_id", "check_id"]).reset_index(drop=True)


def method_split(test: pd.DataFrame) -> dict[str, float | int]:
    """`method_test` split in two: intervals of one day (precision 'day': a day the
    articles state, or one worked out from a relative word) and intervals we inferred (any other precision). For each: checks and
    how many contain the record's day; for the inferred, the median and widest width of the
    closed ones (an open 'before' interval has no width)."""
    stated = test[test["date_precision"] == "day"]
    inferred = test[test["date_precision"] != "day"]
    closed = inferred["width_days"].dropna()
    return {
        "stated": len(stated),
        "stated_contained": int(stated["contained"].sum()),
        "inferred": len(inferred),
        "inferred_contained": int(inferred["contained"].sum()),
        "inferred_median_width": float(closed.median()) if len(closed) else float("nan"),
        "inferred_max_width": int(closed.max()) if len(closed) else 0,
    }
