"""The overview's figures: how much five articles establish, counted.

Pure functions: tables (or columns of them) in, counts out. The words are added in
iacc2016.present.overview; which rows count is decided here, so the unit tests in
tests/test_analysis_overview.py check it on small hand-built tables.
"""

from __future__ import annotations

import pandas as pd

READINGS = ("substance", "wording", "precision", "timing", "same")


def dating(events: pd.DataFrame) -> dict[str, int]:
    """How many events there are, and how many the articles date to the day
    (events.date_precision 'day'); every other event is known only to an interval."""
    known = int((events["date_precision"] == "day").sum())
    return {"events": len(events), "known_to_day": known, "interval_only": len(events) - known}


def crisis_days(admission: pd.Series, suspension: pd.Series) -> int:
    """Whole days from the admission's earliest day to the suspension's earliest day."""
    return int((suspension["date_start"] - admission["date_start"]).days)


def one_outlet_one_claimant(quantities: pd.DataFrame) -> dict[str, int | bool]:
    """From analysis.story.single_source_quantities (one row per quantity, with how many
    outlets print it and how many parties claim it): how many quantities, how many rest on
    one outlet and one claimant, and whether those are a majority (more than half)."""
    alone = int(((quantities["outlets"] == 1) & (quantities["claimants"] == 1)).sum())
    return {"quantities": len(quantities), "alone": alone, "majority": alone * 2 > len(quantities)}


def coverage_spread(outlets_reporting: pd.Series, n_outlets: int) -> dict[str, int]:
    """From the number of outlets reporting each event: how many events, how many every
    outlet reports, and how many one outlet alone reports."""
    return {
        "events": len(outlets_reporting),
        "everywhere": int((outlets_reporting == n_outlets).sum()),
        "only_one": int((outlets_reporting == 1).sum()),
    }


def reading_counts(verdicts: pd.Series, reading: dict[str, str]) -> dict[str, int]:
    """How many shared points (one verdict each) fall in each reading of their verdict
    (the codebook's `reading`: substance, wording, precision, timing, same); every reading is
    present, zero where none. A verdict without a reading raises: it would go uncounted."""
    unread = sorted(set(verdicts) - set(reading))
    if unread:
        raise ValueError(f"verdicts without a reading in the codebook: {', '.join(unread)}")
    counts = verdicts.map(reading).value_counts()
    return {r: int(counts.get(r, 0)) for r in READINGS}
