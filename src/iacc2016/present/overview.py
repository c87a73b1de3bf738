"""The overview notebook: its findings (one per themed notebook), the articles, the lead chart."""

from __future__ import annotations

import pandas as pd

from ..analysis import overview as numbers
from ..analysis.record import method_summary
from ..analysis.story import single_source_quantities
from . import disagreements, enforcement, framing, record, story
from .codebook import verdict_reading
from .notebook import Data, fmt_day, fmt_interval


def sources_table(data: Data) -> pd.DataFrame:
    """One row per article: outlet, headline, byline, inferred date, body length."""
    s = data.sources.sort_values(["published_start", "published_end", "outlet"])
    return pd.DataFrame(
        {
            "outlet": s["outlet"],
            "outlet type": s["outlet_type"].map(data.codebook("sources", "outlet_type")),
            "headline": [
                h
                if isinstance(h, str) and h
                else f"No headline in the archived copy; its web address reads “{_slug(u)}”"
                for h, u in zip(s["headline"], s["url"], strict=True)
            ],
            "published (inferred)": [
                fmt_interval(a, b) for a, b in zip(s["published_start"], s["published_end"], strict=True)
            ],
            "body words": s["source_id"].map(data.sources_text.set_index("source_id")["body_word_count"]),
        }
    ).reset_index(drop=True)


def _slug(url) -> str:
    """The last part of an article's web address (its words, hyphens and all)."""
    return str(url).rstrip("/").rsplit("/", 1)[-1] if isinstance(url, str) else ""


def findings(data: Data) -> str:
    """The answer to the overview's question, one finding per themed notebook (linked),
    each carrying the figure it rests on (counted in iacc2016.analysis.overview)."""
    adm, sus = story.admission(data), story.suspension(data)
    days = numbers.crisis_days(adm, sus)
    dated = numbers.dating(data.events)
    q = numbers.one_outlet_one_claimant(single_source_quantities(data.figures, data.evidence, data.outlet_of()))
    n_out = len(data.outlet_order())
    cov = numbers.coverage_spread(framing.coverage(data)["outlets reporting"], n_out)
    reading = numbers.reading_counts(disagreements.claims(data)["verdict"], verdict_reading(data))
    n_points = sum(reading.values())
    checked = record.summary_numbers(data)
    dates = method_summary(record.method_test(data))
    numbers_lead = "Most numbers rest on one outlet and one claimant." if q["majority"] else "Numbers."
    return "\n".join(
        [
            f"- **The sequence is clear; most dates are not.** Alibaba was admitted on {fmt_day(adm['date_start'])} "
            f"and suspended on {fmt_day(sus['date_start'])}, {days} days later; {len(story.departures(data))} brands "
            f"left in between. Of {dated['events']} dated events, **{dated['known_to_day']}** are known to the day; "
            "the rest only to an interval. [Who left, and when](01-who-left-and-when.ipynb)",
            f"- **{numbers_lead}** The articles print {len(data.figures)} figures, {q['quantities']} distinct "
            "quantities once a quantity printed in two articles or in two currencies is counted once; "
            f"**{q['alone']}** of the {q['quantities']} are printed by one outlet only and claimed by one party. "
            f"{enforcement_in_words(data)} "
            "[Alibaba's enforcement statistics](02-enforcement-statistics.ipynb)",
            f"- **Coverage.** Of {cov['events']} events, {cov['everywhere']} appear in all {n_out} "
            f"articles and **{cov['only_one']}** in one article only, partly because the later articles report "
            "events that happened after the earlier ones were published. "
            "[How the framing differs by outlet](03-framing-by-outlet.ipynb)",
            f"- **Disagreements.** Of {n_points} points the articles share, "
            f"**{reading['substance']}** differ in substance; {reading['wording']} differ only in wording or spelling, "
            f"{reading['precision']} only in precision, {reading['timing']} only because the articles were written on "
            f"different days, and {reading['same']} {'agrees' if reading['same'] == 1 else 'agree'}. "
            "[Where the outlets disagree](04-where-outlets-disagree.ipynb)",
            f"- **Against the public record** (not from the articles). Of {checked['checks']} statements checked "
            f"against releases, wire reports and other public documents, **{checked['held']}** held up in full, "
            f"{checked['partly']} in part and **{checked['contradicted']}** are contradicted; for {checked['not_found']} "
            f"nothing was found either way. For {dates['contained']} of {dates['checks']} happenings "
            f"whose day the record gives, the interval inferred from the articles alone contains it. "
            f"{story.record_spans_partly_outside(data)} The record "
            f"contradicts these statements: {record.contradicted_statements(data)}. "
            f"It also adds what none of the articles says about the suspension. {record.suspension_context(data)} "
            "[Against the record](05-against-the-record.ipynb)",
        ]
    )


def enforcement_in_words(data: Data) -> str:
    """The counts notebook 02 gives, so the reader finds in 02 the numbers this bullet names."""
    s = enforcement.summary(data)
    shared = "none" if s["shared"] == 0 else str(s["shared"])
    verb = "is" if s["shared"] <= 1 else "are"
    return (
        f"Of the {len(data.figures)} figures, {s['figures']} are about Alibaba's enforcement ({s['quantities']} "
        f"quantities), examined claim by claim in the notebook linked here; {shared} of those {s['quantities']} "
        f"{verb} printed by more than one outlet."
    )


def cast(data: Data) -> pd.DataFrame:
    """Who's who: the people and the associations the notebooks name, as the articles
    describe them (members.role), people first, then by name."""
    m = data.members[data.members["kind"].isin(["person", "association"])]
    m = m.assign(_o=(m["kind"] != "person").astype(int)).sort_values(["_o", "name"])
    return pd.DataFrame({"who": m["name"], "as the articles describe them": m["role"].fillna("")}).reset_index(
        drop=True
    )
