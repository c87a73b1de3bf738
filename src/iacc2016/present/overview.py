"""The overview notebook: its findings (one per themed notebook), the articles, the lead chart."""

from __future__ import annotations

import re

import pandas as pd

from ..analysis import overview as numbers
from ..analysis.story import single_source_quantities
from . import disagreements, enforcement, framing, record, story, story_record
from .codebook import rating_names, verdict_reading
from .markup import esc
from .notebook import NO_HEADLINE, Data, fmt_day, fmt_interval


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
                else f"{NO_HEADLINE[0].upper()}{NO_HEADLINE[1:]}; its web address reads “{_slug(u)}”"
                for h, u in zip(s["headline"], s["url"], strict=True)
            ],
            "published (inferred)": [
                fmt_interval(a, b) for a, b in zip(s["published_start"], s["published_end"], strict=True)
            ],
            "body words": s["source_id"].map(data.sources_text.set_index("source_id")["body_word_count"]),
        }
    ).reset_index(drop=True)


_URL_DATE = re.compile(r"/(20\d\d/\d\d(?:/\d\d)?)/")


def dates_in_words(data: Data) -> str:
    """Where the articles' publication dates come from, in words: printed in the text, or
    reasoned, and which web addresses (found afterwards, from archived copies) carry a date."""
    s = data.sources.sort_values(["published_start", "published_end", "outlet"])
    stated = s["published_basis"] == "stated"
    in_url = {o: m.group(1) for o, u in zip(s["outlet"], s["url"], strict=True) if (m := _URL_DATE.search(str(u)))}
    printed = (
        "None of the archived texts prints its publication date"
        if not stated.any()
        else f"{int(stated.sum())} of the {len(s)} archived texts print a publication date"
    )
    urls = ""
    if in_url:
        by_date: dict[str, list[str]] = {}
        for outlet, d in in_url.items():
            by_date.setdefault(d, []).append(esc(outlet))
        which = "; ".join(f"{' and '.join(o)}: {d}" for d, o in by_date.items())
        urls = (
            f". The web addresses, found afterwards by matching each text against archived copies of web pages, "
            f"carry part of a date for {len(in_url)} of them ({which})"
        )
    return (
        f"{printed}{urls}. Each publication date is therefore an interval reasoned from what the article says and "
        "does not yet know" + (", and from the date in its address where there is one." if in_url else ".")
    )


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
    names = {code: name.lower() for code, name in rating_names(data).items()}
    meaning = _definition(data.codebook("record_checks", "rating")["confirmed"])
    numbers_lead = "Most numbers rest on one outlet and one claimant." if q["majority"] else "Numbers."
    rest = [
        (reading["wording"], "in wording or spelling"),
        (reading["precision"], "in precision"),
        (reading["timing"], "because the articles were written on different days"),
    ]
    rest_words = ", ".join(f"{n} {why}" for n, why in rest if n)
    same = f"; {reading['same']} {'agrees' if reading['same'] == 1 else 'agree'} outright" if reading["same"] else ""
    contradicted = story_record.contradictions_in_words(data)
    lines = [
        f"- **The sequence is clear; most dates are not.** Alibaba was admitted on {fmt_day(adm['date_start'])} "
        f"and suspended on {fmt_day(sus['date_start'])}, {days} days later; {len(story.departures(data))} brands "
        f"had left by the suspension. Of {dated['events']} dated events, **{dated['known_to_day']}** are known to "
        "the day; the rest only to an interval. [Who left, and when](01-who-left-and-when.ipynb)",
        f"- **{numbers_lead}** The articles print {len(data.figures)} figures, {q['quantities']} distinct "
        "quantities once a quantity printed in two articles or in two currencies is counted once; "
        f"**{q['alone']}** of the {q['quantities']} are printed by one outlet only and claimed by one party. "
        f"{enforcement_in_words(data)} "
        "[Alibaba's enforcement statistics](02-enforcement-statistics.ipynb)",
        f"- **Coverage.** Of {cov['events']} events, {cov['everywhere']} appear in all {n_out} "
        f"articles and **{cov['only_one']}** in one article only, partly because the later articles report "
        "events that happened after the earlier ones were published. "
        "[How the framing differs by outlet](03-framing-by-outlet.ipynb)",
        f"- **Disagreements.** **{reading['substance']}** of the {n_points} points the articles share differ in "
        f"substance. The rest differ only in detail ({rest_words}){same}. "
        "[Where the outlets disagree](04-where-outlets-disagree.ipynb)",
        f"- **Against the public record** (not from the articles; [Against the record](05-against-the-record.ipynb)). "
        f"Of {checked['checks']} statements checked against releases, wire reports and other public documents, "
        f"**{checked['held']}** are rated {names['confirmed']} ({meaning}; for a claim by a party, such as a company's "
        "own figure, that shows the claim was made, not that it is true), "
        f"{checked['partly']} {names['partly_confirmed']} and "
        f"**{checked['contradicted'] or 'none'}** {names['contradicted']} outright; for {checked['not_found']} nothing was found either way.",
        f"- **The dates inferred from the articles hold up** (the record is not from the articles). "
        f"{_upper_first(story_record.record_dates_in_words(data))}",
    ]
    if contradicted:
        lines.append(
            f"- **{len(contradicted)} {'statement is' if len(contradicted) == 1 else 'statements are'} contradicted "
            "by the record** (not from the articles):\n" + "\n".join(f"  - {c}" for c in contradicted)
        )
    context = story_record.suspension_in_words(data)
    if context:
        lines.append(f"- **What the public record adds about the suspension** (not from the articles). {context}")
    return "\n".join(lines)


def _definition(label: str) -> str:
    """'Confirmed: the record says the same' -> 'the record says the same' (the codebook's
    definition after its name)."""
    return label.split(": ", 1)[-1]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def enforcement_in_words(data: Data) -> str:
    """The counts notebook 02 gives (present.enforcement.summary: its measures, and the spans
    of years such as '30 years' beside them, which are not measures of enforcement), so the
    two notebooks cannot differ."""
    s = enforcement.summary(data)
    span = s["spans"]
    kinds = f"{s['figures']} enforcement figures" + (
        f" and {'one period' if len(span) == 1 else f'{len(span)} periods'} they are compared against "
        f"({', '.join(f'“{esc(w)}”' for w in span)})"
        if span
        else ""
    )
    shared = "none" if s["shared"] == 0 else str(s["shared"])
    verb = "is" if s["shared"] <= 1 else "are"
    return (
        f"Of the {len(data.figures)} figures, {s['figures'] + len(span)} concern Alibaba's enforcement: {kinds}, examined "
        f"claim by claim in the notebook linked here; {shared} of them {verb} printed by more than one outlet."
    )


def cast(data: Data) -> pd.DataFrame:
    """Who's who: the people and the associations the notebooks name, as the articles
    describe them (members.role), people first, then by name."""
    m = data.members[data.members["kind"].isin(["person", "association"])]
    m = m.assign(_o=(m["kind"] != "person").astype(int)).sort_values(["_o", "name"])
    return pd.DataFrame({"who": m["name"], "as the articles describe them": m["role"].fillna("")}).reset_index(
        drop=True
    )
