"""Notebook 05's words, tables and chart: the articles checked against the public record.

Everything here sets the record (record_sources.csv, record_checks.csv: not from the
articles) beside the article tables; the arithmetic is in iacc2016.analysis.record.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go

from ..analysis import record
from ..analysis.story import suspension
from ..data.tables import Tables
from . import style
from .codebook import plain_explanation, rating_colors, rating_names, rating_order
from .markup import esc
from .notebook import fmt_day, fmt_interval
from .story import record_spans_partly_outside

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


def ratings_chart(t: Tables) -> tuple[go.Figure, pd.DataFrame]:
    """Stacked bars: how each outlet's checked statements fared against the record."""
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
            customdata=r["checks"],
            hovertemplate=f"%{{y}}: %{{x}} of %{{customdata}} statements {names[code].lower()}<extra></extra>",
        )
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_yaxes(autorange="reversed")
    summary = summary_numbers(t)
    title = (
        f"{summary['held']} of {summary['checks']} statements held up in full; "
        f"{summary['contradicted']} are contradicted by the record"
    )
    style.finish(
        fig,
        title,
        f"{summary['documents']} public documents, listed at the end ({NOT_FROM_ARTICLES}), on statements of {len(t.sources)} articles",
        x_title="Statements checked against the public record",
        height=400,
        legend_rows=1,
        subtitle="How each outlet's checked statements fared against public documents (not from the articles)",
        note="Each bar counts one outlet's statements that we checked; a statement is rated once. "
        "The counts are not an accuracy rate.",
    )
    data = r[["outlet", *rating_order(t), "checks"]]
    return fig, data


def summary_numbers(t: Tables) -> dict[str, int]:
    """Checks, documents cited and a count per rating (see analysis.record.check_counts)."""
    return record.check_counts(t.record_checks)


def contradictions_table(t: Tables) -> pd.DataFrame:
    """Each contradicted statement: the article's words beside the record's, with its address."""
    c = record.contradictions(t.record_checks, t.record_sources, t.tables)
    return pd.DataFrame(
        {
            "Outlet": c["outlet"],
            "What the article says (its words)": c["article_words"],
            "What the record says (its words; not from the articles)": c["record_snippet"],
            "Record document (not from the articles)": c["record_publisher"] + ": " + c["record_url"],
            "Our reading": c["explanation"].map(lambda x: plain_explanation(x, t.record_checks)),
        }
    )


def method_test(t: Tables) -> pd.DataFrame:
    return record.method_test(t.record_checks, t.events)


def method_table(t: Tables) -> pd.DataFrame:
    """The test of our own dates: the interval inferred from the articles, the record's day."""
    m = method_test(t)
    labels = dict(zip(t.events["event_id"], t.events["label"], strict=True))
    return pd.DataFrame(
        {
            "Happening": m["event_id"].map(labels),
            "Our interval (from the articles)": [
                fmt_interval(a, b) for a, b in zip(m["date_start"], m["date_end"], strict=True)
            ],
            "Days in the interval": m["width_days"].astype("string").fillna("open (only a latest day)"),
            "The record's day (not from the articles)": [fmt_day(d) for d in m["record_day"]],
            "Does our interval hold it?": m["contained"].map({True: "Holds it", False: "Misses it"}),
        }
    ).drop_duplicates()


def not_found_table(t: Tables) -> pd.DataFrame:
    c = t.record_checks[t.record_checks["rating"] == "not_found"].sort_values("check_id")
    outlets = t.outlet_of()
    return pd.DataFrame(
        {
            "Outlet": c["source_id"].map(outlets),
            "Statement": c["statement"],
            "Why": c["explanation"].map(lambda x: plain_explanation(x, t.record_checks)),
        }
    ).reset_index(drop=True)


def cited_documents_md(t: Tables) -> str:
    """A Markdown list of the record documents the checks cite, each linked, with where it was read."""
    used = set(t.record_checks["record_source_id"].dropna())
    docs = t.record_sources[t.record_sources["record_source_id"].isin(used)].sort_values(
        ["published_start", "publisher", "title"]
    )
    lines = []
    for d in docs.itertuples(index=False):
        when = fmt_interval(d.published_start, d.published_end)
        lines.append(
            f"- {esc(d.publisher)}, [{esc(d.title)}]({d.url}), {when}; read from an {esc(d.read_from)} "
            f"on {fmt_day(d.read_on)}."
        )
    return "\n".join(lines)


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


def contradicted_statements(t: Tables, checks_table: str | None = None) -> str:
    """The statements of the articles the record contradicts (only those checking rows of
    `checks_table`, if given), in our words, each with its outlet: 'Tiffany & Co. quit in
    protest ... (CNBC); ...' (for the other notebooks)."""
    c = record.contradictions(t.record_checks, t.record_sources, t.tables)
    if checks_table is not None:
        c = c[c["checks_table"] == checks_table]
    return "; ".join(f"{esc(s.rstrip('.'))} ({esc(o)})" for s, o in zip(c["statement"], c["outlet"], strict=True))


def findings(t: Tables) -> str:
    """Notebook 05's findings list, every number computed (analysis.record)."""
    s = summary_numbers(t)
    m = record.method_split(method_test(t))
    by_outlet = ratings(t)
    contradicting = by_outlet.loc[by_outlet["contradicted"] > 0, "outlet"].tolist()
    context = suspension_context(t)
    lead = [f"- **What the record adds to the suspension** (not from the articles). {context}"] if context else []
    return "\n".join(
        [
            *lead,
            f"- We checked **{s['checks']} statements** of the {len(t.sources)} articles against "
            f"**{s['documents']} public documents**. **{s['held']}** were confirmed in full, "
            f"**{s['partly']}** only in part, **{s['contradicted']}** are contradicted by the record, "
            f"and for **{s['not_found']}** we found nothing either way. The statements were not sampled (nothing "
            "in the data records how they were chosen), and a sentence that makes two points may be checked once "
            "for each, so the counts describe the statements we checked; they are not an accuracy rate for any "
            "outlet.",
            f"- The {s['contradicted']} contradicted statements come from {len(contradicting)} outlets: "
            f"{contradicted_statements(t)}. Each is shown below beside the record's own words; the overview, "
            "[Who left, and when](01-who-left-and-when.ipynb) and "
            "[Alibaba's enforcement statistics](02-enforcement-statistics.ipynb) flag them where they tell the same facts.",
            f"- Our own dates held up where the record gives a day. Of the {m['inferred']} intervals longer than a day that we inferred from vague words, "
            f"**{m['inferred_contained']}** contain the day the record gives (a median of "
            f"{m['inferred_median_width']:.1f} days wide, the widest {m['inferred_max_width']} days); the "
            f"{m['stated']} happenings the articles pin to one day (stated, or worked out from words such as "
            f"'next Thursday') match the record in {m['stated_contained']}. " + record_spans_partly_outside(t),
        ]
    )


def partly_table(t: Tables) -> pd.DataFrame:
    """Each statement confirmed only in part: the article's words, the record's, our reading."""
    c = t.record_checks[t.record_checks["rating"] == "partly_confirmed"].sort_values("check_id")
    words = record.article_words(c, t.tables)
    return pd.DataFrame(
        {
            "Outlet": c["source_id"].map(t.outlet_of()),
            "What the article says (its words)": words.fillna(""),
            "What the record says (its words; not from the articles)": c["record_snippet"].fillna(""),
            "What holds and what does not": c["explanation"].map(lambda x: plain_explanation(x, t.record_checks)),
        }
    ).reset_index(drop=True)


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
    articles): each check of the suspension event confirmed only in part, as our reading
    of it, then the record's own words and their publisher. Empty when there is none."""
    sus = suspension(t)
    c = t.record_checks
    c = c[(c["checks_table"] == "events") & (c["checks_id"] == sus["event_id"]) & (c["rating"] == "partly_confirmed")]
    publisher = dict(zip(t.record_sources["record_source_id"], t.record_sources["publisher"], strict=True))
    return " ".join(
        f"{esc(plain_explanation(x, t.record_checks))} ({esc(publisher[s])}: “{esc(w)}”)"
        for x, s, w in zip(c["explanation"], c["record_source_id"], c["record_snippet"], strict=True)
    )
