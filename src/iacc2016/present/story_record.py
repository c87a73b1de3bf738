"""The public record's side of notebooks 00 and 01 (not from the articles): the record's
dates beside the articles' intervals, the statements it contradicts with its version, and
what it adds about the suspension. The arithmetic is in iacc2016.analysis.record."""

from __future__ import annotations

import re

import pandas as pd

from ..analysis.record import contradictions
from .codebook import plain_explanation
from .disagreements import with_sic
from .markup import esc
from .notebook import Data, fmt_interval
from .story import crisis_frame, record_fit, suspension


def record_dates_in_words(data: Data) -> str:
    """The record's dates for the timeline's happenings (not from the articles), in one
    sentence: how many lie inside the articles' interval, and for each that overlaps it
    only in part, both dates and how many days earlier or later the record points."""
    fits = record_fit(data)
    inside = int((fits["fit"] == "inside").sum())
    off = fits[fits["fit"] != "inside"]
    head = (
        f"public documents date {len(fits)} of the happenings in the chart; for **{inside}** the record's date "
        "lies inside the interval inferred from the articles alone"
    )
    if not len(off):
        return head + "."
    items = []
    for _, r in off.iterrows():
        lead = []
        if r["record_start"] < r["date_start"]:
            lead.append(f"up to {(r['date_start'] - r['record_start']).days} days earlier")
        if r["record_end"] > r["date_end"]:
            lead.append(f"up to {(r['record_end'] - r['date_end']).days} days later")
        items.append(
            f"{esc(r['label'])} (the record: {r['record when']}; the articles: {r['our interval']}; "
            f"the record points {' and '.join(lead) or 'elsewhere'})".replace("up to 1 days", "1 day")
        )
    return head + f", and for {len(off)} it overlaps that interval only in part: " + "; ".join(items) + "."


_SEE_ASIDE = re.compile(r"\s*\(see the check[^)]*\)")


def contradictions_in_words(data: Data) -> list[str]:
    """Each statement of the articles the record contradicts (not from the articles), with
    the record's version in our reading and the document, linked: one line per statement."""
    c = contradictions(data.record_checks, data.record_sources, data.tables)
    docs = data.record_sources.set_index("record_source_id")
    source = data.record_checks.set_index("check_id")["record_source_id"]
    out = []
    for r in c.itertuples(index=False):
        doc = docs.loc[source[r.check_id]]
        where = (
            f"[{esc(r.record_publisher)}]({r.record_url}), {fmt_interval(doc['published_start'], doc['published_end'])}"
        )
        reading = _SEE_ASIDE.sub("", plain_explanation(r.explanation, data.record_checks))
        said = (
            f"{esc(r.outlet)} wrote “{esc(with_sic(r.article_words.rstrip('.')))}”"
            if isinstance(r.article_words, str)
            else esc(r.outlet)
        )
        out.append(f"{said}; in our words: {esc(r.statement.rstrip('.'))}. The record ({where}): {esc(reading)}")
    return out


def contradictions_paragraph(data: Data) -> str:
    """The paragraph on contradicted statements: a lead and one bullet each, or, when the
    record contradicts none, one sentence saying so (computed, so it stays true)."""
    lines = contradictions_in_words(data)
    if not lines:
        return (
            f"The public record (not from the articles) contradicts none of the {len(data.record_checks)} statements "
            "of the articles we checked outright (some are confirmed only in part); [Against the record](05-against-the-record.ipynb) gives every rating."
        )
    return (
        "The public record (not from the articles) contradicts these statements of the articles; "
        "[Against the record](05-against-the-record.ipynb) sets each beside the record's words:\n\n"
        + "\n".join(f"- {line}" for line in lines)
    )


def suspension_in_words(data: Data) -> str:
    """What the public record adds about the suspension (not from the articles): the
    board's letter as a record document quotes it, naming that document and, where its
    publisher is also one of our outlets, that it is not the article we hold; then each
    check of the suspension confirmed only in part, in the record's own words."""
    sus = suspension(data)
    checks, docs = data.record_checks, data.record_sources.set_index("record_source_id")
    outlets = dict(zip(data.sources["outlet"], data.sources["published_end"], strict=True))
    cited = checks.assign(publisher=checks["record_source_id"].map(docs["publisher"]))
    cited = cited.assign(published=checks["record_source_id"].map(docs["published_start"]))
    letter = cited[cited["publisher"].isin(list(outlets)) & (cited["published"] >= sus["date_start"])]
    parts = []
    for r in letter.itertuples(index=False):
        d = docs.loc[r.record_source_id]
        title = esc(str(d["title"]).strip("[]"))
        parts.append(
            f"The board's letter, as a later report by {esc(r.publisher)} quotes it ([{title}]({d['url']}), "
            f"{fmt_interval(d['published_start'], d['published_end'])}; a public document, a different report from "
            f"{esc(r.publisher)}'s article this collection rests on), reads: “{esc(r.record_snippet)}”."
        )
    partly = cited[
        (cited["checks_table"] == "events")
        & (cited["checks_id"] == sus["event_id"])
        & (cited["rating"] == "partly_confirmed")
    ]
    for r in partly.itertuples(index=False):
        d = docs.loc[r.record_source_id]
        when = (
            "On the day of the suspension"
            if d["published_start"] == sus["date_start"]
            else fmt_interval(d["published_start"], d["published_end"])
        )
        parts.append(
            f"{when}, [{esc(r.publisher)}]({d['url']}) reported: “{esc(r.record_snippet)}” None of our "
            "articles mentions this, and the passage does not say what the conflicts were or whether they "
            "concerned Alibaba."
        )
    return " ".join(parts)


def record_dates_table(data: Data) -> pd.DataFrame:
    """The public record's dates for the happenings of the lead chart (not from the
    articles): the articles' dates, the record's, the document, and whether they fit."""
    fits = record_fit(data).sort_values(["date_start", "date_end", "label"])
    docs = data.record_sources.set_index("record_source_id")
    when = crisis_frame(data).set_index("event_id")["when"]
    return pd.DataFrame(
        {
            "happening": fits["label"],
            "the articles' dates": fits["event_id"].map(when),
            "the record's date": fits["record when"],
            "public document (not from the articles)": [
                f"{docs.loc[d, 'publisher']}{_copy_words(docs.loc[d, 'provenance'])}, "
                f"{fmt_interval(docs.loc[d, 'published_start'], docs.loc[d, 'published_end'])}"
                for d in fits["record_source_id"]
            ],
            "fits?": fits["fit"].map({"inside": "Inside", "partly": "Partly outside", "outside": "Outside"}),
        }
    ).reset_index(drop=True)


def _copy_words(provenance) -> str:
    """', an unofficial copy' for a document read in a third party's copy (record_sources.provenance)."""
    return ", an unofficial copy" if str(provenance).endswith("_third_party_copy") else ""


def contradicted_versions(data: Data) -> dict[str, str]:
    """event_id -> 'Contradicted: ' and our reading of the record (not from the articles),
    for each event whose statement the public record contradicts."""
    c = data.record_checks
    c = c[(c["checks_table"] == "events") & (c["rating"] == "contradicted")]
    return {
        i: "Contradicted: " + _SEE_ASIDE.sub("", plain_explanation(x, data.record_checks))
        for i, x in zip(c["checks_id"], c["explanation"], strict=True)
    }
