"""Alibaba's enforcement statistics, computed: which figures are its own, how exact a
printed number is, the rate a printed conversion implies, and whose words on enforcement
the articles quote.
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


def enforcement_count(figures: pd.DataFrame) -> dict[str, int]:
    """The one count of Alibaba's enforcement figures (enforcement_figures' frame), used by
    the overview and notebook 02 alike: figures (every row), measures (distinct quantities
    of enforcement: neither a conversion of another figure nor a span of years),
    conversions (an outlet's printing of a measure in another currency: the same quantity
    again) and spans (a length of time compared against, not a measure)."""
    span = figures["unit"] == "year"
    converted = figures["converted_from_id"].notna() & ~span
    return {
        "figures": len(figures),
        "measures": int((~span & ~converted).sum()),
        "conversions": int(converted.sum()),
        "spans": int(span.sum()),
    }


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


def rates_inside(rates: pd.Series, low: float, high: float) -> pd.Series:
    """Which reference rates fall inside a conversion's rounding interval [low, high]: the
    only rates the printed amounts are consistent with. Reference rates of different kinds
    (an annual average, one day's fixing) are points, not a range, so nothing is judged
    from lying 'between' them."""
    return (rates >= low) & (rates <= high)


def summary_counts(figures: pd.DataFrame, quantities: pd.DataFrame, quotes: pd.DataFrame) -> dict:
    """The enforcement notebook's findings, counted. `figures` is enforcement_figures'
    frame; `quantities` is analysis.story.single_source_quantities over those figures (one
    row per quantity); `quotes` the quotations.

    figures, self_reported, conversions, hedged (value_text of every figure with a hedge,
    in figures' order), count_min / count_max (over counts), periods (distinct periods
    given: text and both ends), period_words (their distinct texts, sorted), quantities,
    shared (quantities printed by more than one outlet) and alibaba_share (Alibaba's
    side's share of the words quoted on enforcement)."""
    counts = figures[figures["unit"] == "count"]["value"]
    given = figures[figures["period_start"].notna()]
    periods = given[["period_text", "period_start", "period_end"]].drop_duplicates()
    voice = voice_by_side(quotes).set_index("side")
    return {
        "figures": len(figures),
        "self_reported": int(figures["self_reported"].sum()),
        "conversions": int((~figures["self_reported"].astype(bool)).sum()),
        "hedged": list(figures.loc[figures["qualifier"] != "exact", "value_text"]),
        "count_min": float(counts.min()) if len(counts) else float("nan"),
        "count_max": float(counts.max()) if len(counts) else float("nan"),
        "periods": len(periods),
        "period_words": sorted(set(periods["period_text"])),
        "quantities": len(quantities),
        "shared": int((quantities["outlets"] > 1).sum()),
        "alibaba_share": float(voice["share of words"].get("alibaba", 0.0)) if len(voice) else float("nan"),
    }


def brands_figures_about(figures: pd.DataFrame, side_of: dict, subject: str = "alibaba") -> int:
    """How many figures about `subject` the brands' side claims (all figures, not only
    Alibaba's own)."""
    return int(((figures["subject_id"] == subject) & (figures["claimant_id"].map(side_of) == "brands")).sum())


def voice_by_side(quotes: pd.DataFrame, topic: str = "enforcement") -> pd.DataFrame:
    """Quoted words on `topic`, by side: passages, words and share of words, most words first."""
    q = quotes[quotes["topic"] == topic]
    out = q.groupby("side").agg(passages=("quote_id", "size"), words=("word_count", "sum")).reset_index()
    out["share of words"] = out["words"] / out["words"].sum()
    return out.sort_values(["words", "side"], ascending=[False, True]).reset_index(drop=True)


def _words_key(text: str) -> str:
    """A passage's words without case, punctuation or spacing ('Lip service, while' and
    'lip service while' are the same words)."""
    return re.sub(r"[^0-9a-z]+", " ", str(text).lower()).strip()


def repeated_passages(quotes: pd.DataFrame, topic: str = "enforcement") -> pd.DataFrame:
    """Passages on `topic` that more than one article prints: the same speaker's same words
    (case, punctuation and spacing aside). One row per copy, with `copies` (how many
    articles print it), by speaker then source."""
    q = quotes[quotes["topic"] == topic].assign(key=lambda d: d["text"].map(_words_key))
    copies = q.groupby(["speaker", "key"])["source_id"].transform("nunique")
    out = q.assign(copies=copies)[copies > 1]
    return out.drop(columns="key").sort_values(["speaker", "source_id"]).reset_index(drop=True)


def once_each(quotes: pd.DataFrame) -> pd.DataFrame:
    """The passages with each repeated one (repeated_passages) kept once: its first copy
    by source_id."""
    q = quotes.assign(key=quotes["text"].map(_words_key)).sort_values(["source_id", "sequence"])
    return q.drop_duplicates(["speaker", "key"]).drop(columns="key").reset_index(drop=True)


def voice_by_article(quotes: pd.DataFrame, topic: str = "enforcement") -> pd.DataFrame:
    """Quoted words on `topic` by article and side: source_id, side, passages, words (by
    source_id, then most words first)."""
    q = quotes[quotes["topic"] == topic]
    out = q.groupby(["source_id", "side"]).agg(passages=("quote_id", "size"), words=("word_count", "sum"))
    return (
        out.reset_index()
        .sort_values(["source_id", "words", "side"], ascending=[True, False, True])
        .reset_index(drop=True)
    )
