"""Alibaba's enforcement statistics, claim by claim: which numbers, hedged how, over which
period, claimed by whom, carried by which outlets; what they imply and what they do not."""

from __future__ import annotations

import pandas as pd

from ..analysis.enforcement import enforcement_figures, implied_rate, rates_inside, ratio_qualifier, reference_range
from ..analysis.story import reported_by
from .codebook import qualifier_bounds, qualifier_in_prose
from .notebook import Data, fmt_interval

# Ratios a reader might want; each is computed only when both figures share claimant and period.
CANDIDATE_RATIOS = [
    ("listings_removed", "storefronts_closed", "count", "count", "listings removed per storefront closed"),
    (
        "suspects_apprehended",
        "counterfeiting_groups_identified",
        "count",
        "count",
        "suspects caught per group identified",
    ),
    ("seized_goods_value", "suspects_apprehended", "CNY", "count", "yuan of goods seized per suspect caught"),
    ("listings_removed", "counterfeiting_groups_identified", "count", "count", "listings removed per group identified"),
    ("seized_goods_value", "anticounterfeiting_spending", "USD", "USD", "dollars of goods seized per dollar spent"),
]


def period_words(row) -> str:
    if pd.isna(row["period_start"]):
        return "no period given"
    return f"{row['period_text']} ({fmt_interval(row['period_start'], row['period_end'])})"


def figures_table(data: Data) -> pd.DataFrame:
    f = enforcement_figures(data)
    names = dict(zip(data.members["member_id"], data.members["name"], strict=True))
    metric = data.codebook("figures", "metric")
    by = reported_by(data, "figures", f["figure_id"])
    return pd.DataFrame(
        {
            "figure_id": f["figure_id"],
            "metric": f["metric"].map(metric),
            "as printed": f["value_text"],
            "value": f["value"],
            "unit": f["unit"],
            "qualifier": f["qualifier"],
            "period": [period_words(r) for _, r in f.iterrows()],
            "claimed by": f["claimant_id"].map(names).fillna("the reporting outlet"),
            "self-reported": f["self_reported"],
            "carried by": [", ".join(by.get(i, [])) for i in f["figure_id"]],
            "outlets": [len(by.get(i, [])) for i in f["figure_id"]],
        }
    )


def implied_rates(data: Data) -> pd.DataFrame:
    """For each conversion printed in an article: the rate it implies, the rounding range of
    that rate, and the external reference rates for the figure's period."""
    f = data.figures.set_index("figure_id", drop=False)
    refs = data.reference_rates
    rows = []
    for _, conv in f[f["converted_from_id"].notna()].iterrows():
        orig = f.loc[conv["converted_from_id"]]
        rate, lo, hi = implied_rate(orig["value"], orig["value_text"], conv["value"], conv["value_text"])
        overlap = reference_range(refs, orig["unit"], conv["unit"], conv["period_start"], conv["period_end"])
        inside = rates_inside(refs["rate"], lo, hi)
        printed_by = data.evidence.loc[data.evidence["record_id"] == conv["figure_id"], "source_id"].map(
            data.outlet_of()
        )
        rows.append(
            {
                "conversion": f"{orig['value_text']} = {conv['value_text']}",
                "implied rate": round(rate, 4),
                "implied rate, low": round(lo, 4),
                "implied rate, high": round(hi, 4),
                "unit": f"{orig['unit']} per {conv['unit']}",
                "printed by": ", ".join(sorted(set(printed_by))),
                "reference rates in the figure's period": len(overlap),
                "reference rates inside the rounding interval": int(inside.sum()),
                "reference rates held": len(refs),
            }
        )
    return pd.DataFrame(rows)


def ratios(data: Data) -> pd.DataFrame:
    """Each candidate ratio: computed, labelled as derived, or the reason it is not."""
    f = enforcement_figures(data)
    metric = data.codebook("figures", "metric")
    names = dict(zip(data.members["member_id"], data.members["name"], strict=True))
    rows = []
    for num_m, den_m, num_unit, den_unit, label in CANDIDATE_RATIOS:
        nums = f[(f["metric"] == num_m) & (f["unit"] == num_unit)]
        dens = f[(f["metric"] == den_m) & (f["unit"] == den_unit)]
        if nums.empty or dens.empty:
            rows.append(
                {
                    "ratio": label,
                    "value": None,
                    "qualifier": None,
                    "computed": False,
                    "reason": f"no {metric[num_m] if nums.empty else metric[den_m]} in the data",
                }
            )
            continue
        n, d = nums.iloc[0], dens.iloc[0]
        reason = _not_comparable(n, d, names)
        q = None if reason else ratio_qualifier(n["qualifier"], d["qualifier"], qualifier_bounds(data))
        if not reason and q is None:
            reason = f"the hedges pull opposite ways ({n['value_text']} / {d['value_text']})"
        rows.append(
            {
                "ratio": label,
                "value": None if reason else n["value"] / d["value"],
                "qualifier": q,
                "derived value": "" if reason else derived_words(n["value"] / d["value"], q, qualifier_in_prose(data)),
                "computed": not reason,
                "reason": reason or f"derived: {n['value_text']} / {d['value_text']}, same claimant and period",
            }
        )
    return pd.DataFrame(rows)


def derived_words(value: float, qualifier: str, words: dict[str, str]) -> str:
    """A derived ratio as a reader should see it: three significant figures, its hedge
    (`words`: the codebook's words for each hedge)."""
    shown = f"{value:,.0f}" if value >= 100 else f"{value:.3g}"
    return shown if qualifier == "exact" else f"{words[qualifier]} {shown}"


def _same(a, b) -> bool:
    """Equality where two empty cells count as the same (pandas' NA refuses to compare)."""
    if pd.isna(a) or pd.isna(b):
        return pd.isna(a) and pd.isna(b)
    return bool(a == b)


def _claimant(row: pd.Series, names: dict[str, str]) -> str:
    return names.get(row["claimant_id"], row["claimant_id"]) if pd.notna(row["claimant_id"]) else "the reporting outlet"


def _not_comparable(n: pd.Series, d: pd.Series, names: dict[str, str]) -> str:
    """Why two figures cannot be divided, or '' when they share claimant and period."""
    if not _same(n["claimant_id"], d["claimant_id"]):
        return f"different claimants ({_claimant(n, names)} / {_claimant(d, names)})"
    if pd.isna(n["period_start"]) or pd.isna(d["period_start"]):
        return "no period given for " + (n["value_text"] if pd.isna(n["period_start"]) else d["value_text"])
    if not (_same(n["period_start"], d["period_start"]) and _same(n["period_end"], d["period_end"])):
        return f"different periods ({n['period_text']} / {d['period_text']})"
    return ""


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def short_name(metric: str) -> str:
    """'listings_removed' -> 'listings removed': the code in words, short enough for an axis."""
    return metric.replace("_", " ")


def other_side(data: Data) -> pd.DataFrame:
    """What the others say about Alibaba's enforcement, beside its numbers."""
    q = data.quotes[(data.quotes["topic"] == "enforcement") & (data.quotes["side"] != "alibaba")]
    outlet = data.outlet_of()
    q = q.sort_values(["side", "source_id", "sequence"])
    return pd.DataFrame(
        {
            "side": q["side"],
            "speaker": q["speaker"],
            "outlet": q["source_id"].map(outlet),
            "kind": q["kind"],
            "words": q["word_count"],
            "text": q["text"],
        }
    ).reset_index(drop=True)


def enforcement_voice(data: Data) -> pd.DataFrame:
    """Quoted words on Alibaba's enforcement, by side."""
    q = data.quotes[data.quotes["topic"] == "enforcement"]
    out = q.groupby("side").agg(passages=("quote_id", "size"), words=("word_count", "sum")).reset_index()
    out["share of words"] = out["words"] / out["words"].sum()
    return out.sort_values("words", ascending=False).reset_index(drop=True)


def reference_rates(data: Data, low: float, high: float) -> pd.DataFrame:
    """The reference rates (not from the articles), each with whether it falls inside a
    conversion's rounding interval."""
    r = data.reference_rates.sort_values(["date_start", "rate_id"])
    kinds = data.codebook("reference_rates", "kind")
    return pd.DataFrame(
        {
            "reference rate (not from the articles)": r["kind"].map(kinds),
            "covers": [fmt_interval(x, y) for x, y in zip(r["date_start"], r["date_end"], strict=True)],
            "rate": r["rate"].map(lambda v: f"{v:.4f}"),
            "inside the rounding interval": rates_inside(r["rate"], low, high).map({True: "Yes", False: "No"}),
            "published by": r["publisher"],
        }
    ).reset_index(drop=True)
