"""The words that say what a derived enforcement ratio rests on (notebook 02)."""

from __future__ import annotations

import pandas as pd

from .notebook import Data


def claimant(row: pd.Series, names: dict[str, str]) -> str:
    """The claimant's name, or the reporting outlet when the figure has none."""
    return names.get(row["claimant_id"], row["claimant_id"]) if pd.notna(row["claimant_id"]) else "the reporting outlet"


def record_sources(data: Data) -> dict[str, set[str]]:
    """figure_id -> the public-record documents its checks rest on."""
    rc = data.record_checks[data.record_checks["checks_table"] == "figures"]
    return rc.groupby("checks_id")["record_source_id"].agg(set).to_dict()


def attributed(n: pd.Series, d: pd.Series, names: dict[str, str], sources: dict[str, set[str]]) -> str:
    """What a computed ratio rests on: the articles' attribution of both figures to one
    claimant and one period; no article links the two counts."""
    words = (
        f"derived: {n['value_text']} / {d['value_text']}; the articles attribute both to {claimant(n, names)} "
        f"for “{n['period_text']}”, but no article links the two counts"
    )
    a, b = sources.get(n["figure_id"], set()), sources.get(d["figure_id"], set())
    if a and b and not a & b:
        words += (
            "; the public record (not from the articles) finds them in different reports, so the ratio rests on "
            "the articles' attribution only"
        )
    return words
