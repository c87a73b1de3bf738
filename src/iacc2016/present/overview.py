"""The overview notebook: its findings (one per themed notebook), the articles, the lead chart."""

from __future__ import annotations

import pandas as pd

from ..analysis.story import single_source_quantities
from . import disagreements, framing, story
from .codebook import verdict_reading
from .notebook import Data, fmt_day, fmt_interval


def sources_table(data: Data) -> pd.DataFrame:
    """One row per article: outlet, headline, byline, inferred date, body length."""
    s = data.sources.sort_values(["published_start", "published_end", "outlet"])
    return pd.DataFrame(
        {
            "outlet": s["outlet"],
            "outlet type": s["outlet_type"].map(data.codebook("sources", "outlet_type")),
            "headline": [h if isinstance(h, str) and h else "No headline in the archived copy" for h in s["headline"]],
            "published (inferred)": [
                fmt_interval(a, b) for a, b in zip(s["published_start"], s["published_end"], strict=True)
            ],
            "body words": s["source_id"].map(data.sources_text.set_index("source_id")["body_word_count"]),
        }
    ).reset_index(drop=True)


def findings(data: Data) -> str:
    """The answer to the overview's question, one finding per themed notebook (linked),
    each carrying the figure it rests on."""
    adm, sus = story.admission(data), story.suspension(data)
    dep = story.departures(data)
    days = (sus["date_start"] - adm["date_start"]).days
    known_day = int((data.events["date_precision"] == "day").sum())
    q = single_source_quantities(data.figures, data.evidence, data.outlet_of())
    alone = int(((q["outlets"] == 1) & (q["claimants"] == 1)).sum())
    cov = framing.coverage(data)
    n_out = len(data.outlet_order())
    everywhere = int((cov["outlets reporting"] == n_out).sum())
    only_one = int((cov["outlets reporting"] == 1).sum())
    claims = disagreements.claims(data)
    reading = disagreements.by_reading(claims["verdict"], verdict_reading(data))
    return "\n".join(
        [
            f"- **The sequence is clear; most dates are not.** Alibaba was admitted on {fmt_day(adm['date_start'])} "
            f"and suspended on {fmt_day(sus['date_start'])}, {days} days later; {len(dep)} brands left in between. "
            f"Of {len(data.events)} dated events, **{known_day}** are known to the day; the rest only to an "
            "interval. [Who left, and when](01-who-left-and-when.ipynb)",
            f"- **Most numbers rest on one outlet and one claimant.** Of {len(q)} quantities the articles print, "
            f"**{alone}** are printed by one outlet only and claimed by one party. "
            "[Alibaba's enforcement statistics](02-enforcement-statistics.ipynb)"
            if alone * 2 > len(q)
            else f"- **Numbers.** Of {len(q)} quantities the articles print, **{alone}** are printed by one outlet "
            "only and claimed by one party. [Alibaba's enforcement statistics](02-enforcement-statistics.ipynb)",
            f"- **Coverage.** Of {len(cov)} events, {everywhere} appear in all {n_out} "
            f"articles and **{only_one}** in one article only. [How the framing differs by outlet](03-framing-by-outlet.ipynb)",
            f"- **Disagreements.** Of {len(claims)} points the articles share, "
            f"**{reading['substance']}** differ in substance; {reading['wording']} differ only in wording or spelling "
            f"and {reading['precision']} only in precision. [Where the outlets disagree](04-where-outlets-disagree.ipynb)",
            "- **Against the public record.** How the articles' dates and claims compare with releases, wire "
            "reports and filings (not from the articles). [Against the record](05-against-the-record.ipynb)",
        ]
    )
