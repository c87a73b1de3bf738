"""Where the articles disagree, computed from claims.csv: one row per shared point, how
many points fall in each reading of their verdict (substance, wording, precision, same),
and the claim x outlet cells with what each outlet says. Pure functions: tables in,
frames of codes and numbers out (words and charts in present.disagreements)."""

from __future__ import annotations

import pandas as pd


def points(claims: pd.DataFrame, kinds: list[str], verdicts: list[str]) -> pd.DataFrame:
    """One row per claim: topic, kind, verdict, explanation and how many articles report
    it; ordered by kind (in `kinds` order), then verdict (in `verdicts` order), then id."""
    one = (
        claims.groupby("claim_id", sort=True)
        .agg(
            topic=("topic", "first"),
            kind=("kind", "first"),
            verdict=("verdict", "first"),
            explanation=("explanation", "first"),
            articles=("source_id", "nunique"),
        )
        .reset_index()
    )
    k = one["kind"].map({c: i for i, c in enumerate(kinds)})
    v = one["verdict"].map({c: i for i, c in enumerate(verdicts)})
    return (
        one.assign(_k=k, _v=v).sort_values(["_k", "_v", "claim_id"]).drop(columns=["_k", "_v"]).reset_index(drop=True)
    )


def by_reading(verdicts: pd.Series, reading: dict[str, str]) -> dict[str, int]:
    """How many claims fall in each reading of their verdict, every reading the codebook
    gives present (zero where none), in the order the readings first appear in `reading`."""
    counts = verdicts.map(reading).value_counts()
    return {r: int(counts.get(r, 0)) for r in dict.fromkeys(reading.values())}


def substantive(reading: dict[str, str]) -> list[str]:
    """The verdicts that mean a difference of substance, in `reading`'s order."""
    return [v for v, r in reading.items() if r == "substance"]


def cells(
    claims: pd.DataFrame, table: pd.DataFrame, outlet_of: dict[str, str], outlets: list[str], reading: dict[str, str]
) -> pd.DataFrame:
    """Claim x outlet, long: one row per claim and outlet that reports it, with the value,
    the snippet, the claim's verdict and its reading (`substance` first, then the rest),
    claims in `table`'s order within each, outlets in `outlets` order. `panel` is 0 for a
    difference of substance, 1 for any other reading."""
    c = claims.assign(outlet=claims["source_id"].map(outlet_of))
    row = {cid: i for i, cid in enumerate(table["claim_id"])}
    col = {o: i for i, o in enumerate(outlets)}
    c = c.assign(
        reading=c["verdict"].map(reading),
        panel=(c["verdict"].map(reading) != "substance").astype(int),
        _row=c["claim_id"].map(row),
        _col=c["outlet"].map(col),
    )
    c = c.sort_values(["panel", "_row", "_col"]).drop(columns=["_row", "_col"])
    return c[["claim_id", "topic", "outlet", "value", "snippet", "verdict", "reading", "panel"]].reset_index(drop=True)


def record_checks_of_points(
    table: pd.DataFrame, record_checks: pd.DataFrame, links: pd.DataFrame, ratings: list[str]
) -> pd.DataFrame:
    """The public record's checks (not from the articles) that bear on the shared points:
    a check of a claims row, and a check of another row (a figure, quotation, event) that
    `links` (record_check_points: check_id, claim_id) ties to a point. One row per check
    and point, with the point's topic and verdict; ordered by rating (in `ratings` order),
    then by the points' order in `table`, then by check id."""
    direct = record_checks.loc[record_checks["checks_table"] == "claims", ["check_id", "checks_id"]]
    pairs = pd.concat(
        [direct.rename(columns={"checks_id": "claim_id"}), links[["check_id", "claim_id"]]], ignore_index=True
    ).drop_duplicates()
    row = {cid: i for i, cid in enumerate(table["claim_id"])}
    rank = {r: i for i, r in enumerate(ratings)}
    out = pairs.merge(record_checks, on="check_id").merge(table[["claim_id", "topic", "verdict"]], on="claim_id")
    out = out.assign(_r=out["rating"].map(rank), _p=out["claim_id"].map(row))
    out = out.sort_values(["_r", "_p", "check_id"]).drop(columns=["_r", "_p"])
    return out[
        ["check_id", "claim_id", "topic", "verdict", "source_id", "statement", "rating", "explanation"]
    ].reset_index(drop=True)
