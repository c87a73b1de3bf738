"""The one currency conversion the articles print (notebook 02, "Currency"): the rate it
implies with its rounding range, and the reference rates (not from the articles) beside it."""

from __future__ import annotations

import pandas as pd

from ..analysis.enforcement import implied_rate, rates_inside
from .markup import Linked, esc
from .notebook import Data, fmt_interval


def conversion(data: Data) -> dict | None:
    """The first conversion an article prints: its words, the outlet, the rate it implies
    with its rounding range, and the reference rates (not from the articles) inside that
    range; None when no article prints one."""
    f = data.figures.set_index("figure_id", drop=False)
    conv = f[f["converted_from_id"].notna()]
    if conv.empty:
        return None
    c = conv.iloc[0]
    o = f.loc[c["converted_from_id"]]
    rate, lo, hi = implied_rate(o["value"], o["value_text"], c["value"], c["value_text"])
    outlets = sorted(
        set(data.evidence.loc[data.evidence["record_id"] == c["figure_id"], "source_id"].map(data.outlet_of()))
    )
    refs = data.reference_rates
    return {
        "original": o["value_text"],
        "converted": c["value_text"],
        "outlet": ", ".join(outlets),
        "rate": rate,
        "low": lo,
        "high": hi,
        "held": len(refs),
        "inside": int(rates_inside(refs["rate"], lo, hi).sum()),
    }


def currency_words(data: Data) -> str:
    """The conversion in two sentences: what it implies, and what the reference rates we
    checked (not from the articles) do and do not tell."""
    c = conversion(data)
    if c is None:
        return "No article prints a conversion from one currency to another."
    refs = data.reference_rates.sort_values("date_start")
    kinds = data.codebook("reference_rates", "kind")
    named = [
        f"{kinds[k][:1].lower() + kinds[k][1:]} ({fmt_interval(a, b)}), {r:.4f}"
        for k, a, b, r in zip(refs["kind"], refs["date_start"], refs["date_end"], refs["rate"], strict=True)
    ]
    if c["inside"] == 0:
        verdict = (
            f"{'Neither of the two' if c['held'] == 2 else 'None of the ' + str(c['held'])} reference rates we checked (not from "
            f"the articles) falls in that range: {'; '.join(named)}. So they do not tell which rate was used"
        )
    else:
        verdict = (
            f"{c['inside']} of the {c['held']} reference rates we checked (not from the articles) falls in that "
            f"range ({'; '.join(named)}), so the conversion is consistent with it"
        )
    return (
        f"{esc(c['outlet'])} prints {esc(c['original'])} as {esc(c['converted'])}: "
        f"**{c['rate']:.3f} yuan a dollar**, or anything from {c['low']:.3f} to {c['high']:.3f} allowing for the "
        f"rounding of both amounts. {verdict}; the rates of other days were not checked, and the article does "
        "not say who converted the amount."
    )


def reference_rates(data: Data) -> pd.DataFrame:
    """The reference rates (not from the articles), each with whether it falls inside the
    conversion's rounding range, and its publisher linked."""
    c = conversion(data)
    r = data.reference_rates.sort_values(["date_start", "rate_id"])
    kinds = data.codebook("reference_rates", "kind")
    inside = rates_inside(r["rate"], c["low"], c["high"]) if c else pd.Series(False, index=r.index)
    return pd.DataFrame(
        {
            "reference rate (not from the articles)": r["kind"].map(kinds),
            "covers": [fmt_interval(x, y) for x, y in zip(r["date_start"], r["date_end"], strict=True)],
            "yuan a dollar": r["rate"].map(lambda v: f"{v:.4f}"),
            "in the conversion's range": inside.map({True: "Yes", False: "No"}),
            "published by": [Linked((p, u)) for p, u in zip(r["publisher"], r["url"], strict=True)],
        }
    ).reset_index(drop=True)
