"""Alibaba's enforcement statistics, claim by claim: which numbers, hedged how, over which
period, claimed by whom, carried by which outlets; what they imply and what they do not."""

from __future__ import annotations

import pandas as pd

from ..analysis.enforcement import (
    brands_figures_about,
    derived_ratio,
    enforcement_figures,
    implied_rate,
    rates_inside,
    reference_range,
    summary_counts,
    voice_by_side,
    why_not_comparable,
)
from ..analysis.story import reported_by, single_source_quantities
from .codebook import plain_explanation, qualifier_bounds, qualifier_in_prose
from .notebook import Data, fmt_interval
from .ratio_words import attributed, record_sources
from .record import contradicted_statements

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
    """One row per enforcement figure as a reader reads it: the words printed, the value,
    its unit and hedge in words, the period, the claimant, the outlets that carry it, and
    what the public record says of it (not from the articles; blank where unchecked)."""
    f = enforcement_figures(data)
    metric = data.codebook("figures", "metric")
    by = reported_by(data, "figures", f["figure_id"])
    checks = data.record_checks[data.record_checks["checks_table"] == "figures"]
    rating = data.package.code_property("record_checks", "rating", "shortLabel")
    said = checks.groupby("checks_id").apply(
        lambda g: "; ".join(
            f"{rating[r]}: {x}"
            for r, x in zip(
                g["rating"], g["explanation"].map(lambda x: plain_explanation(x, data.record_checks)), strict=True
            )
        ),
        include_groups=False,
    )
    return pd.DataFrame(
        {
            "figure_id": f["figure_id"],
            "metric": f["metric"].map(metric),
            "as printed": f["value_text"],
            "value": f["value"].map(lambda v: f"{v:,.0f}"),
            "unit": f["unit"].map(data.codebook("figures", "unit")),
            "period": [period_words(r) for _, r in f.iterrows()],
            "claimed by": f["claimant_id"].map(claimant_words(data)).fillna("the reporting outlet"),
            "self-reported": f["self_reported"],
            "carried by": [", ".join(by.get(i, [])) for i in f["figure_id"]],
            "the public record (not from the articles)": f["figure_id"].map(said).fillna(""),
        }
    )


def claimant_words(data: Data) -> dict[str, str]:
    """member_id -> its name, a person's with the role the articles give ('Zheng Junfang,
    Alibaba's deputy chief financial officer ...')."""
    m = data.members
    role = m["role"].where(m["kind"] == "person")
    return {
        i: f"{n}, {r}" if isinstance(r, str) and r else n
        for i, n, r in zip(m["member_id"], m["name"], role, strict=True)
    }


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
        derived = derived_ratio(n, d, qualifier_bounds(data))
        if not reason and derived is None:
            reason = f"the hedges pull opposite ways ({n['value_text']} / {d['value_text']})"
        value, q = derived if derived else (None, None)
        rows.append(
            {
                "ratio": label,
                "value": value,
                "qualifier": q,
                "derived value": "" if reason else derived_words(value, q, qualifier_in_prose(data)),
                "computed": not reason,
                "reason": reason or attributed(n, d, names, record_sources(data)),
            }
        )
    return pd.DataFrame(rows)


def derived_words(value: float, qualifier: str, words: dict[str, str]) -> str:
    """A derived ratio as a reader should see it: three significant figures, its hedge
    (`words`: the codebook's words for each hedge)."""
    shown = f"{value:,.0f}" if value >= 100 else f"{value:.3g}"
    return shown if qualifier == "exact" else f"{words[qualifier]} {shown}"


def _claimant(row: pd.Series, names: dict[str, str]) -> str:
    return names.get(row["claimant_id"], row["claimant_id"]) if pd.notna(row["claimant_id"]) else "the reporting outlet"


def _not_comparable(n: pd.Series, d: pd.Series, names: dict[str, str]) -> str:
    """Why two figures cannot be divided (analysis.enforcement.why_not_comparable), in words,
    or '' when they share claimant and period."""
    why = why_not_comparable(n, d)
    if why == "claimant":
        return f"different claimants ({_claimant(n, names)} / {_claimant(d, names)})"
    if why == "no_period":
        return "no period given for " + (n["value_text"] if pd.isna(n["period_start"]) else d["value_text"])
    if why == "period":
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
    """Quoted words on Alibaba's enforcement, by side (analysis.enforcement.voice_by_side)."""
    return voice_by_side(data.quotes)


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


def summary(data: Data) -> dict:
    """The counts behind notebook 02's findings (analysis.enforcement.summary_counts)."""
    figs = enforcement_figures(data)
    ev = data.evidence[data.evidence["record_id"].isin(list(figs["figure_id"]))]
    quantities = single_source_quantities(figs, ev, data.outlet_of())
    return summary_counts(figs, quantities, data.quotes)


def findings(data: Data) -> str:
    """Notebook 02's findings list, every number computed."""
    s = summary(data)
    rate = implied_rates(data).iloc[0]
    r = ratios(data)
    side_of = dict(zip(data.members["member_id"], data.members["side"], strict=True))
    critics = brands_figures_about(data.figures, side_of)
    shared = (
        f"None of the {s['quantities']} quantities they give (a conversion and its original counted once) is "
        "printed by more than one outlet, so none can be set against another outlet's version."
        if s["shared"] == 0
        else f"{s['shared']} of the {s['quantities']} quantities they give (a conversion and its original counted "
        "once) are printed by more than one outlet."
    )
    contradicted = contradicted_statements(data, "figures")
    span = enforcement_figures(data).query("metric == 'comparison_period'")["value_text"]
    framing = (
        f"Of these, {len(span)} ({', '.join(span)}) {'is' if len(span) == 1 else 'are'} not a measure of "
        "enforcement but the span of past years Alibaba compares its record against. "
        if len(span)
        else ""
    )
    lines = [
        f"- The articles carry **{s['figures']} figures about Alibaba's enforcement**: {s['self_reported']} "
        f"self-reported by Alibaba or its staff, {s['conversions']} an outlet's currency conversion of one of them. "
        f"{framing}{len(s['hedged'])} are hedged ({', '.join(s['hedged'])}); the hedges stay visible below. {shared}",
        f"- The counts run from {s['count_min']:,.0f} to {s['count_max']:,.0f} and cover **{s['periods']} different "
        f"periods** ({'; '.join(f'“{w}”' for w in s['period_words'])}), so they cannot be added up or set against "
        "each other freely.",
        f"- The conversion printed in {rate['printed by']}'s article ({rate['conversion']}) implies "
        f"**{rate['implied rate']:.3f} {rate['unit']}** ({rate['implied rate, low']:.4f} to "
        f"{rate['implied rate, high']:.4f} allowing for rounding). {rate['reference rates inside the rounding interval'] or 'None'} "
        f"of the {rate['reference rates held']} official reference rates we hold (not from the articles) falls inside "
        "that interval, so which rate was used is not known; the article does not say who converted the amount.",
        f"- {int(r['computed'].sum())} derived ratios are computed where the articles attribute both figures to one "
        f"claimant and one period; no article links the counts themselves, so each ratio is our arithmetic on that "
        f"attribution. {int((~r['computed']).sum())} cannot be computed.",
        f"- On enforcement, Alibaba's side supplies **{s['alibaba_share']:.0%}** of the words quoted or paraphrased. "
        f"The brands' side states {critics or 'no'} figure{'' if critics == 1 else 's'} about Alibaba and answers "
        "with judgements.",
    ]
    if contradicted:
        lines.append(
            "- The public record (not from the articles) contradicts: " + contradicted + "; see "
            "[Against the record](05-against-the-record.ipynb)."
        )
    return "\n".join(lines)


def reference_rates_beside_conversion(data: Data) -> pd.DataFrame:
    """The reference rates beside the first printed conversion's rounding interval."""
    rate = implied_rates(data).iloc[0]
    return reference_rates(data, rate["implied rate, low"], rate["implied rate, high"])
