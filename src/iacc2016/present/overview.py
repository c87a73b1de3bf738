"""Tables for the overview notebook: the articles and the data package at a glance."""

from __future__ import annotations

import pandas as pd

from .notebook import Data, fmt_interval


def sources_table(data: Data) -> pd.DataFrame:
    """One row per article: outlet, headline, byline, inferred date, body length."""
    s = data.sources.sort_values(["published_start", "published_end", "outlet"])
    return pd.DataFrame(
        {
            "outlet": s["outlet"],
            "outlet type": s["outlet_type"].map(data.codebook("sources", "outlet_type")),
            "headline": s["headline"].fillna("(no headline in the text)"),
            "byline": s["author"].fillna("(none)"),
            "published (inferred)": [
                fmt_interval(a, b) for a, b in zip(s["published_start"], s["published_end"], strict=True)
            ],
            "body words": s["source_id"].map(data.sources_text.set_index("source_id")["body_word_count"]),
        }
    ).reset_index(drop=True)


def tables_summary(data: Data) -> pd.DataFrame:
    """One row per table: size, key and what it links to."""
    rows = []
    for r in data.package.resources:
        frame = data.tables[r.name]
        links = sorted({fk.resource for fk in r.foreign_keys if fk.resource != r.name})
        rows.append(
            {
                "table": r.path,
                "what a row is": r.title,
                "rows": len(frame),
                "columns": len(frame.columns),
                "primary key": ", ".join(r.primary_key),
                "links to": ", ".join(links) if links else "",
            }
        )
    return pd.DataFrame(rows)


def evidence_coverage(data: Data) -> pd.DataFrame:
    """Per table: records, records with evidence, and evidence rows per record."""
    ev = data.evidence
    rows = []
    for table, key in (("events", "event_id"), ("figures", "figure_id"), ("members", "member_id")):
        ids = set(data.tables[table][key])
        mine = ev[ev["record_table"] == table]
        rows.append(
            {
                "table": table,
                "records": len(ids),
                "records with evidence": len(ids & set(mine["record_id"])),
                "evidence rows": len(mine),
                "articles per record (mean)": round(mine.groupby("record_id")["source_id"].nunique().mean(), 2),
            }
        )
    return pd.DataFrame(rows)
