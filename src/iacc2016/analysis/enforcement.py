"""Alibaba's enforcement statistics, computed: which figures are its own, how exact a
printed number is, the rate a printed conversion implies, and the hedge of a ratio.
Pure functions: tables and numbers in, codes and numbers out (words in present.enforcement)."""

from __future__ import annotations

import re

import pandas as pd

from ..data.tables import Tables


def enforcement_figures(t: Tables) -> pd.DataFrame:
    """Alibaba's own numbers about itself, plus any conversion an outlet printed beside
    them; by metric, unit, figure_id."""
    f = t.figures
    own = f[f["self_reported"] & (f["subject_id"] == "alibaba")]
    conversions = f[f["converted_from_id"].isin(list(own["figure_id"]))]
    return pd.concat([own, conversions]).sort_values(["metric", "unit", "figure_id"]).reset_index(drop=True)


def half_step(text: str) -> float:
    """Half the unit of the last digit printed in `text`, in the number's own units
    ('$125.5 million' -> 0.05 million = 50,000; '5,000' -> 0.5)."""
    digits = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    decimals = len(digits.group(1)) if digits and digits.group(1) else 0
    scale = 1e9 if "billion" in text else 1e6 if "million" in text else 1e3 if "thousand" in text else 1
    return 0.5 * scale * 10 ** (-decimals)


def implied_rate(
    original: float, original_text: str, converted: float, converted_text: str
) -> tuple[float, float, float]:
    """(rate, lowest, highest) that a printed conversion implies: original / converted, and
    the range left by rounding, each printed figure being exact to half its last digit."""
    a, da = original, half_step(original_text)
    b, db = converted, half_step(converted_text)
    return a / b, (a - da) / (b + db), (a + da) / (b - db)


def reference_range(refs: pd.DataFrame, currency: str, per_currency: str, start, end) -> pd.DataFrame:
    """Reference rates of the currency pair whose interval overlaps [start, end]."""
    return refs[
        (refs["currency"] == currency)
        & (refs["per_currency"] == per_currency)
        & (refs["date_end"] >= start)
        & (refs["date_start"] <= end)
    ]


def ratio_qualifier(numerator: str, denominator: str, bounds: dict[str, str]) -> str | None:
    """Hedge of a ratio from the hedges of its parts; None when they pull opposite ways.
    `bounds`: what each hedge says of the true value, 'lower' (the number is a lower bound:
    the true value is at least it) or 'upper' (the codebook's `bound` of figures.qualifier)."""
    if "approximately" in (numerator, denominator):
        return "approximately"
    top, bottom = bounds.get(numerator), bounds.get(denominator)
    up = top == "lower" or bottom == "upper"  # the ratio can only be larger than computed
    down = top == "upper" or bottom == "lower"  # the ratio can only be smaller
    if up and down:
        return None
    return "more_than" if up else "nearly" if down else "exact"


def rates_inside(rates: pd.Series, low: float, high: float) -> pd.Series:
    """Which reference rates fall inside a conversion's rounding interval [low, high]: the
    only rates the printed amounts are consistent with. Reference rates of different kinds
    (an annual average, one day's fixing) are points, not a range, so nothing is judged
    from lying 'between' them."""
    return (rates >= low) & (rates <= high)
