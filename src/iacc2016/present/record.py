"""Notebook 05's words and chart: the articles checked against the public record.

Everything here sets the record (record_sources.csv, record_checks.csv: not from the
articles) beside the article tables; the arithmetic is in iacc2016.analysis.record, the
tables and source lists in present.record_tables.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go

from ..analysis import record
from ..analysis.record_passages import coverage
from ..analysis.story import suspension
from ..data.rules_record import checkable_tables
from ..data.tables import Tables
from . import style
from .codebook import plain_explanation, rating_colors, rating_names, rating_order
from .markup import esc
from .notebook import fmt_interval
from .record_tables import (  # noqa: F401  (the notebook's tables, reached through this module)
    cited_documents_md,
    confirmed_tables,
    contradictions_table,
    copies_in_words,
    method_table,
    not_found_table,
    partly_table,
)

NOT_FROM_ARTICLES = "public record, not from the articles"


def ratings(t: Tables) -> pd.DataFrame:
    """Per outlet: a count per rating (codes as columns) and the checks, in publication order."""
    return record.ratings_by_outlet(t.record_checks, t.sources, rating_order(t))


def ratings_table(t: Tables) -> pd.DataFrame:
    """The ratings per outlet as a reader reads them (named columns, a total row)."""
    r = ratings(t)
    names = rating_names(t)
    out = r[["outlet", *rating_order(t), "checks"]].rename(columns={"outlet": "Outlet", "checks": "Statements checked"})
    total = out.sum(numeric_only=True)
    out = pd.concat(
        [out, pd.DataFrame([{"Outlet": f"All {len(t.sources)} articles", **total.to_dict()}])], ignore_index=True
    )
    return out.rename(columns=names)


def _named_counts(t: Tables) -> str:
    """'confirmed **58**, partly confirmed **16**, ...' in the codebook's names and order."""
    counts = t.record_checks["rating"].value_counts()
    names = rating_names(t)
    return ", ".join(f"{names[c].lower()} **{int(counts.get(c, 0))}**" for c in rating_order(t))


def _text_colour(hex_colour: str) -> str:
    """White on a dark segment, black on a light one (by the colour's luminance)."""
    r, g, b = (int(hex_colour.lstrip("#")[k : k + 2], 16) for k in (0, 2, 4))
    return "white" if 0.299 * r + 0.587 * g + 0.114 * b < 140 else "black"


def ratings_chart(t: Tables) -> tuple[go.Figure, pd.DataFrame]:
    """Stacked bars: how each outlet's checked statements fared, each segment with its count."""
    r = ratings(t)
    names, colors = rating_names(t), rating_colors(t)
    fig = go.Figure()
    for code in rating_order(t):
        fig.add_bar(
            y=r["outlet"],
            x=r[code],
            name=names[code],
            orientation="h",
            marker_color=colors[code],
            text=[str(n) if n else "" for n in r[code]],
            textposition="inside",
            insidetextanchor="middle",
            textfont={"size": 13, "color": _text_colour(colors[code])},
            customdata=r["checks"],
            hovertemplate=f"%{{y}}: %{{x}} of %{{customdata}} statements {names[code].lower()}<extra></extra>",
        )
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_yaxes(autorange="reversed")
    s = summary_numbers(t)
    title = (
        f"{s['held']} of {s['checks']} statements {names['confirmed'].lower()}; "
        f"{s['contradicted'] or 'none'} {names['contradicted'].lower()} outright by the record"
    )
    style.finish(
        fig,
        title,
        f"{s['documents']} public documents beyond the articles, listed at the end, on statements of {len(t.sources)} articles",
        x_title="Statements checked against the public record",
        height=400,
        legend_rows=1,
        subtitle="How each outlet's checked statements fared against public documents (not from the articles)",
        note="Each bar counts one outlet's checked statements; some sentences are checked more than once, once for "
        "each point they make.<br>The counts are not an accuracy rate.",
    )
    data = r[["outlet", *rating_order(t), "checks"]]
    return fig, data


def summary_numbers(t: Tables) -> dict[str, int]:
    """Checks, documents cited and a count per rating (see analysis.record.check_counts)."""
    return record.check_counts(t.record_checks)


def method_test(t: Tables) -> pd.DataFrame:
    return record.method_test(t.record_checks, t.events)


def provenance_counts(t: Tables) -> dict[str, int]:
    """Of the documents the ratings rest on: how many are primary, secondary, and (of
    either) read in a third party's copy."""
    used = set(t.record_checks["record_source_id"].dropna())
    p = t.record_sources.loc[t.record_sources["record_source_id"].isin(used), "provenance"]
    return {
        "primary": int(p.str.startswith("primary").sum()),
        "secondary": int(p.str.startswith("secondary").sum()),
        "third_party": int(p.str.endswith("third_party_copy").sum()),
    }


def intro(t: Tables) -> str:
    """What 'the public record' is here: documents beyond the five articles, how many are
    the parties' own and how many press reports, and which publisher of ours is among them."""
    p = provenance_counts(t)
    used = t.record_sources[
        t.record_sources["record_source_id"].isin(set(t.record_checks["record_source_id"].dropna()))
    ]
    ours = used[used["publisher"].isin(set(t.sources["outlet"]))]
    same = ""
    if len(ours):
        pub = esc(ours["publisher"].iloc[0])
        quoted = t.record_checks[t.record_checks["record_source_id"].isin(ours["record_source_id"])]
        outlets = ", ".join(sorted({esc(t.outlet_of()[x]) for x in quoted["source_id"]}))
        same = (
            f" One publisher is also one of our {len(t.sources)} outlets: {pub}. Its later report of the suspension, which prints "
            f"the coalition board's letter, is used only to check {outlets}'s quotation of that letter; it is not the "
            f"article by {pub} that we study."
        )
    return (
        f"By the public record we mean documents beyond the {len(t.sources)} articles. "
        f"Of the {p['primary'] + p['secondary']} that the ratings rest on, **{p['primary']}** are primary, the parties' "
        f"own releases, statements and web pages, and **{p['secondary']}** are secondary, press reports by news agencies "
        "and other outlets. Checking one news report against another outlet's report is corroboration, not proof. "
        f"The list of sources at the end marks each document primary or secondary, and flags the {p['third_party']} "
        f"read in a third party's copy whose fidelity to the original we cannot check.{same}"
    )


def selection(t: Tables) -> str:
    """How the statements were chosen and what the checks cover, counted."""
    cov = coverage(t.record_checks, t.tables, checkable_tables(t.package))
    cov = cov[cov["checks"] > 0]
    names = t.package.code_property("record_checks", "checks_table", "proseLabel")
    parts = [f"{r.checked} of the {r.rows} {names[r.checks_table]}" for r in cov.itertuples()]
    return (
        "The statements to check were chosen by hand, with no sampling rule, so the counts are not an accuracy "
        "rate. What the checks cover: "
        + ", ".join(parts[:-1])
        + " and "
        + parts[-1]
        + f" that our tables draw from the articles.{copies_in_words(t)}"
    )


def contradicted_statements(t: Tables, checks_table: str | None = None) -> str:
    """The statements of the articles the record contradicts (only those checking rows of
    `checks_table`, if given), in our words, each with its outlet: 'Tiffany & Co. quit in
    protest ... (CNBC); ...' (for the other notebooks)."""
    c = record.contradictions(t.record_checks, t.record_sources, t.tables)
    if checks_table is not None:
        c = c[c["checks_table"] == checks_table]
    return "; ".join(f"{esc(s.rstrip('.'))} ({esc(o)})" for s, o in zip(c["statement"], c["outlet"], strict=True))


def dates_finding(t: Tables) -> str:
    """The test of our dates in one bullet: the one-day record dates our intervals hold,
    then the record spans only partly inside them, with the reading of any that concerns a
    date the articles pin to one day."""
    m = record.method_split(method_test(t))
    test = method_test(t)
    d = record.record_dates(t.record_checks, t.events)
    partly = d[(d["fit"] == "partly") & (d["record_precision"] != "day")]
    labels = dict(zip(t.events["event_id"], t.events["label"], strict=True))
    checks = t.record_checks.set_index("check_id")
    spans = [
        f"{esc(labels[r.event_id])} (the record: {fmt_interval(r.record_start, r.record_end)}; the articles: "
        f"{fmt_interval(r.date_start, r.date_end)})"
        for r in partly.itertuples()
    ]
    one_day = [
        f"{esc(labels[r.event_id])} is a date the articles pin to one day. "
        f"{esc(plain_explanation(checks.loc[r.check_id, 'explanation'], t.record_checks))}"
        for r in partly.itertuples()
        if r.date_start == r.date_end
    ]
    head = (
        f"- **Our own dates: {int(test['contained'].sum())} of {len(test)} hold the record's day where it gives one; "
        f"{len(partly)} more only partly overlap the record's span.** Of the {m['inferred']} intervals longer than a "
        f"day that we inferred from vague words, **{m['inferred_contained']}** contain the record's day (a median of "
        f"{m['inferred_median_width']:.1f} days wide, the widest {m['inferred_max_width']} days). Of the "
        f"{m['stated'] + len(one_day)} happenings the articles pin to one day (stated, or worked out from words such "
        f"as 'next Thursday'), {m['stated_contained']} match the record's day"
        + (f" and {len(one_day)} only partly overlap{'s' * (len(one_day) == 1)} the record's span." if one_day else ".")
    )
    tail = f" The record gives a span partly outside our interval for {'; '.join(spans)}." if spans else ""
    return head + tail + (" " + " ".join(one_day) if one_day else "")


def findings(t: Tables) -> str:
    """Notebook 05's findings list, every number computed (analysis.record)."""
    s = summary_numbers(t)
    context = suspension_context(t)
    lead = [f"- **What the record adds to the suspension.** {context}"] if context else []
    return "\n".join(
        [
            *lead,
            f"- We checked **{s['checks']} statements** of the {len(t.sources)} articles against "
            f"**{s['documents']} public documents**. Ratings: {_named_counts(t)}. {selection(t)} A sentence may be "
            "checked more than once (once for each point it makes, or as both a figure and a quotation), so the "
            "counts are of checks, not of sentences.",
            contradicted_finding(t),
            dates_finding(t),
        ]
    )


def contradicted_finding(t: Tables) -> str:
    """The findings' bullet on contradicted statements; says plainly when there is none."""
    s = summary_numbers(t)
    name = rating_names(t)["contradicted"].lower()
    if not s["contradicted"]:
        lead = f"- **None {name} outright.** The record refutes none of the {s['checks']} statements we checked as"
        return lead + f" a whole; each of the {s['partly']} it confirms only in part has a detail it does not bear out."
    by_outlet = ratings(t)
    n = int((by_outlet["contradicted"] > 0).sum())
    one = s["contradicted"] == 1
    return (
        f"- **{s['contradicted']} {name}**, from {n} outlet{'s' if n != 1 else ''}: {contradicted_statements(t)}. "
        + ("It is" if one else "Each is")
        + " shown below beside the record's own words; the overview, "
        "[Who left, and when](01-who-left-and-when.ipynb) and "
        "[Alibaba's enforcement statistics](02-enforcement-statistics.ipynb) flag "
        + ("it" if one else "them")
        + " where they tell the same facts."
    )


def contradictions_lead(t: Tables) -> str:
    """The words over the side-by-side table, or the sentence that says none is contradicted."""
    s = summary_numbers(t)
    if not s["contradicted"]:
        return (
            f"The record (not from the articles) contradicts none of the {s['checks']} statements we checked outright, so "
            "there is nothing to set side by side. The statements it confirms only in part follow."
        )
    return (
        "The article's own words on the left, the record's on the right (both verbatim; the record's side not "
        "from the articles), with the record document's publisher linked so that a reader can find the passage."
    )


def method_in_words(t: Tables) -> str:
    """The method test's result under its table."""
    test = method_test(t)
    m = record.method_summary(test)
    return (
        f"The interval contains the record's day for **{m['contained']} of {m['checks']}** happenings. "
        f"The narrower an interval, the more it says; the widest here spans {m['max_width_days']} days."
    )


def suspension_context(t: Tables) -> str:
    """What the record adds to the suspension that the articles do not (not from the
    articles): our reading of each check of the suspension event confirmed only in part
    (the record's own words are in the table of partly confirmed statements). Empty when
    there is none."""
    sus = suspension(t)
    c = t.record_checks
    c = c[(c["checks_table"] == "events") & (c["checks_id"] == sus["event_id"]) & (c["rating"] == "partly_confirmed")]
    return " ".join(esc(plain_explanation(x, t.record_checks)) for x in c["explanation"])


def articles_md(t: Tables) -> str:
    """A Markdown list of the five articles, each linked."""
    lines = []
    for s in t.sources.sort_values(["published_start", "published_end", "outlet"]).itertuples(index=False):
        name = esc(s.headline) if isinstance(s.headline, str) else f"the article at {urlsplit(s.url).hostname}"
        lines.append(
            f"- {esc(s.outlet)}, [{name}]({s.url}), published "
            f"{fmt_interval(s.published_start, s.published_end)} (inferred from the text)."
        )
    return "\n".join(lines)
