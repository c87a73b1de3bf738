"""Notebook 05's tables and source lists: each check beside the record document it rests on.

Nothing on the record's side (record_sources.csv, record_checks.csv, reference_rates.csv)
comes from the articles. Every record document is shown by its publisher and linked title
(`markup.Linked`: a link only to an http(s) address, every part escaped), never as a raw
address; every document a shown text names (a check's `also_cites`) is in the list of
sources the notebook ends with.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import record
from ..analysis.record_passages import passage_groups
from ..data.tables import Tables
from .codebook import plain_explanation
from .markup import Linked, esc
from .notebook import fmt_day, fmt_interval


def _docs(t: Tables) -> pd.DataFrame:
    return t.record_sources.set_index("record_source_id")


def provenance_names(t: Tables) -> dict[str, str]:
    return t.package.code_property("record_sources", "provenance", "shortLabel")


def doc_link(t: Tables, doc_id: str, *, title: bool = False) -> tuple[str, str]:
    """(text, url) of a record document: its publisher, or its publisher and title."""
    d = _docs(t).loc[doc_id]
    return (f"{d['publisher']}: {d['title']}" if title else str(d["publisher"])), str(d["url"])


def record_words(t: Tables, checks: pd.DataFrame) -> Linked:
    """The record's words of one or more checks: 'Publisher: “snippet”', the publisher
    linked, each distinct document and snippet once."""
    parts: list = []
    pairs = list(dict.fromkeys(zip(checks["record_source_id"], checks["record_snippet"], strict=True)))
    for k, (doc, words) in enumerate(pairs):
        if not isinstance(doc, str):
            continue
        parts += ([" • "] if k else []) + [doc_link(t, doc), f": “{words}”"]
    return Linked(*parts)


def contradictions_table(t: Tables) -> pd.DataFrame:
    """Each contradicted statement: the article's words beside the record's, our reading."""
    c = record.contradictions(t.record_checks, t.record_sources, t.tables)
    checks = t.record_checks.set_index("check_id")
    return pd.DataFrame(
        {
            "Outlet": c["outlet"],
            "What the article says (its words)": c["article_words"],
            "What the record says (its words)": pd.Series(
                [record_words(t, checks.loc[[i]]) for i in c["check_id"]], dtype=object
            ),
            "Our reading": c["explanation"].map(lambda x: plain_explanation(x, t.record_checks)),
        }
    )


def _joined(items: list[str]) -> str:
    items = list(dict.fromkeys(i for i in items if isinstance(i, str) and i))
    return items[0] if len(items) == 1 else " ".join(f"• {i}" for i in items)


def _widened(t: Tables, checks: pd.DataFrame, words: pd.Series) -> pd.Series:
    """A quotation's words widened to the same article's snippet of the shared point the
    check is tied to, where that snippet holds them, so the cell shows the words faulted
    around the quotation ("one of the fashion industry's ...") and not the quotation alone."""
    snippets = t.tables["claims"].set_index(["claim_id", "source_id"])["snippet"]
    links = t.tables["record_check_points"].set_index("check_id")["claim_id"]
    out = words.copy()
    for i, r in zip(checks.index, checks.itertuples(index=False), strict=True):
        wider = snippets.get((links.get(r.check_id), r.source_id)) if r.checks_table == "quotes" else None
        if isinstance(wider, str) and isinstance(words[i], str) and words[i].strip(" .") in wider:
            out[i] = wider
    return out


def partly_table(t: Tables) -> pd.DataFrame:
    """One row per article passage confirmed only in part: the passage (checks of the same
    or overlapping words merged), what we checked in it, the record's words, what holds."""
    c = t.record_checks[t.record_checks["rating"] == "partly_confirmed"].sort_values("check_id")
    words = _widened(t, c, record.article_words(c, t.tables))
    groups = passage_groups(c["source_id"], words)
    order = {
        s: k for k, s in enumerate(t.sources.sort_values(["published_start", "published_end", "outlet"])["source_id"])
    }
    grouped = sorted(
        c.groupby(groups["group"]), key=lambda kg: (order[kg[1]["source_id"].iloc[0]], kg[1]["check_id"].iloc[0])
    )
    rows = []
    for _, g in grouped:
        rows.append(
            {
                "Outlet": t.outlet_of()[g["source_id"].iloc[0]],
                "What the article says (its words)": groups.loc[g.index[0], "passage"],
                "What we checked (our words)": _joined(g["statement"].tolist()),
                "What the record says (its words)": record_words(t, g),
                "What holds and what does not": _joined(
                    [plain_explanation(x, t.record_checks) for x in g["explanation"]]
                ),
            }
        )
    out = pd.DataFrame(rows)
    out["What the record says (its words)"] = out["What the record says (its words)"].astype(object)
    return out


def confirmed_tables(t: Tables) -> list[tuple[str, pd.DataFrame]]:
    """Per article, in publication order: a heading and its confirmed statements, each with
    the document it was confirmed by and whether that document is primary or secondary."""
    c = t.record_checks[t.record_checks["rating"] == "confirmed"].sort_values("check_id")
    docs, prov = _docs(t), provenance_names(t)
    out = []
    for s in t.sources.sort_values(["published_start", "published_end", "outlet"]).itertuples(index=False):
        mine = c[c["source_id"] == s.source_id]
        if mine.empty:
            continue
        table = pd.DataFrame(
            {
                "Statement confirmed (our words)": mine["statement"].tolist(),
                "Confirmed by": pd.Series(
                    [Linked(doc_link(t, d, title=True)) for d in mine["record_source_id"]], dtype=object
                ),
                "Primary or secondary": [prov[docs.loc[d, "provenance"]] for d in mine["record_source_id"]],
            }
        )
        out.append((f"**{esc(s.outlet)}**: {len(mine)} statements confirmed", table))
    return out


def method_table(t: Tables) -> pd.DataFrame:
    """The test of our own dates: the interval inferred from the articles, the record's day
    and the document that gives it. A cancelled happening's day is the day it was set for."""
    m = record.method_test(t.record_checks, t.events)
    ev = t.events.set_index("event_id")
    doc = t.record_checks.set_index("check_id")["record_source_id"]

    def happening(e: str) -> str:
        label = ev.loc[e, "label"]
        if ev.loc[e, "event_status"] == "cancelled":
            return f"{label} (cancelled: the day it was scheduled)"
        return label

    return pd.DataFrame(
        {
            "Happening": m["event_id"].map(happening),
            "Our interval (from the articles)": [
                fmt_interval(a, b) for a, b in zip(m["date_start"], m["date_end"], strict=True)
            ],
            "Days in the interval": m["width_days"].astype("string").fillna("open (only a latest day)"),
            "The record's day": [fmt_day(d) for d in m["record_day"]],
            "Record document": pd.Series([Linked(doc_link(t, doc[c])) for c in m["check_id"]], dtype=object),
            "Does our interval hold it?": m["contained"].map({True: "Holds it", False: "Misses it"}),
        }
    ).drop_duplicates(subset=["Happening", "The record's day"])


def not_found_table(t: Tables) -> pd.DataFrame:
    c = t.record_checks[t.record_checks["rating"] == "not_found"].sort_values("check_id")
    return pd.DataFrame(
        {
            "Outlet": c["source_id"].map(t.outlet_of()),
            "Statement": c["statement"],
            "Why": c["explanation"].map(lambda x: plain_explanation(x, t.record_checks)),
        }
    ).reset_index(drop=True)


def named_documents(t: Tables) -> tuple[list[str], list[str]]:
    """The record documents and reference rates a reader's text names: every document a
    rating rests on and every one an explanation names (also_cites), in that order."""
    c = t.record_checks
    docs = list(dict.fromkeys(c["record_source_id"].dropna()))
    also = [n for v in c["also_cites"].dropna() for n in str(v).split("|") if n]
    known = set(t.record_sources["record_source_id"])
    docs += [n for n in dict.fromkeys(also) if n in known and n not in docs]
    rates = [n for n in dict.fromkeys(also) if n not in known]
    return docs, rates


def cited_documents_md(t: Tables) -> str:
    """The record documents as a Markdown list, primary ones first, each linked, with its
    date and where the date comes from, its provenance and how many ratings rest on it."""
    docs, rates = named_documents(t)
    d = _docs(t).loc[docs].reset_index()
    basis = t.package.code_property("record_sources", "published_basis", "shortLabel")
    prov = provenance_names(t)
    rests = t.record_checks["record_source_id"].value_counts()
    checked_by = dict(zip(t.record_checks["record_source_id"], t.record_checks["source_id"], strict=True))
    read = sorted({fmt_day(x) for x in d["read_on"]})
    lead = [f"Every copy was read on {read[0]}.", ""] if len(read) == 1 else []
    d["_primary"] = ~d["provenance"].str.startswith("primary")
    d = d.sort_values(["_primary", "published_start", "publisher", "title"])
    lines = list(lead)
    for r in d.itertuples(index=False):
        n = int(rests.get(r.record_source_id, 0))
        if n > 1:
            use = f"{n} ratings rest on it"
        elif n == 1:
            only = t.record_checks.loc[t.record_checks["record_source_id"] == r.record_source_id, "statement"].iloc[0]
            use = f"used for one check only: {esc(only.rstrip('.'))} ({esc(t.outlet_of()[checked_by[r.record_source_id]])})"
        else:
            use = "named in our readings; no rating rests on it"
        lines.append(
            f"- {esc(r.publisher)}, [{esc(r.title)}]({r.url}), {fmt_interval(r.published_start, r.published_end)} "
            f"({esc(basis[r.published_basis])}). {esc(prov[r.provenance])}; {use}."
        )
    rate = t.tables["reference_rates"].set_index("rate_id")
    for n in rates:
        x = rate.loc[n]
        lines.append(
            f"- {esc(x['publisher'])}, [the official rate for {fmt_interval(x['date_start'], x['date_end'])}]({x['url']}); "
            "named in our readings; no rating rests on it."
        )
    return "\n".join(lines)


def copies_in_words(t: Tables) -> str:
    """How many ratings rest on a press report read only in a third party's copy."""
    rs = t.record_sources.set_index("record_source_id")
    docs = rs[rs["provenance"] == "secondary_third_party_copy"]
    n = t.record_checks["record_source_id"].value_counts()
    parts = [f"{int(n.get(d, 0))} on {p}" for d, p in zip(docs.index, docs["publisher"], strict=True) if n.get(d, 0)]
    return f" Of the ratings, {' and '.join(parts)}: press reports read only in a third party's copy." if parts else ""
