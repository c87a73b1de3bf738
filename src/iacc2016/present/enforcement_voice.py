"""Whose words on Alibaba's enforcement the articles quote (notebook 02, "The other side"):
the share by side, per article, every passage, and the passages printed twice."""

from __future__ import annotations

import pandas as pd

from ..analysis.enforcement import once_each, repeated_passages, voice_by_article, voice_by_side
from .codebook import side_names
from .disagreements import with_sic
from .markup import Linked, esc
from .notebook import Data

TOPIC = "enforcement"


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def article_links(data: Data) -> dict[str, tuple[str, str | None]]:
    """outlet -> (outlet, its article's address), a part of a linked cell."""
    s = data.sources
    return {o: (o, u if isinstance(u, str) else None) for o, u in zip(s["outlet"], s["url"], strict=True)}


def kind_names(data: Data) -> dict[str, str]:
    """quotes.kind -> its short name ('quote', 'paraphrase', 'document')."""
    return data.package.code_property("quotes", "kind", "shortLabel")


def voice_findings(data: Data) -> str:
    """The findings line on the words quoted: the share by side, counted per article that
    prints a passage, and again with each repeated passage counted once."""
    v = voice_by_side(data.quotes, TOPIC).set_index("side")
    once = voice_by_side(once_each(data.quotes), TOPIC).set_index("side")
    rep = repeated_passages(data.quotes, TOPIC)
    share = v["share of words"].get("alibaba", 0.0)
    words = int(v["words"].get("alibaba", 0))
    line = (
        f"- On enforcement, Alibaba's side supplies **{share:.0%}** of the words quoted or paraphrased "
        f"({words} of {int(v['words'].sum())}, in {plural(int(v['passages'].get('alibaba', 0)), 'passage')}), "
        "counting each passage in every article that prints it."
    )
    if len(rep):
        outlet = data.outlet_of()
        who = "; ".join(
            f"the words of {esc(sp)}, in {' and '.join(esc(outlet[s]) for s in g['source_id'])}"
            for sp, g in rep.groupby("speaker", sort=True)
        )
        line += (
            f" Printed twice or more: {who}. Counting each such passage once, Alibaba's share is "
            f"{once['share of words'].get('alibaba', 0.0):.0%}."
        )
    return line


def by_article(data: Data) -> pd.DataFrame:
    """Words (and passages) on enforcement, by article and side, articles in publication order."""
    v = voice_by_article(data.quotes, TOPIC)
    names = side_names(data)
    order = list(voice_by_side(data.quotes, TOPIC)["side"])  # most words first, as in the chart
    outlet = data.outlet_of()
    links = article_links(data)
    rows = []
    for o in data.outlet_order():
        sources = [s for s, name in outlet.items() if name == o]
        mine = v[v["source_id"].isin(sources)].set_index("side")
        row: dict[str, object] = {"article": Linked(links[o])}
        for side in order:
            row[names[side]] = (
                f"{plural(int(mine.loc[side, 'words']), 'word')} in {plural(int(mine.loc[side, 'passages']), 'passage')}"
                if side in mine.index
                else ""
            )
        rows.append(row)
    return pd.DataFrame(rows)


def in_sentence(data: Data, q: pd.DataFrame) -> list[str]:
    """Each passage's words, or, for a direct quote that begins mid-sentence (lower case),
    the article's sentence around it where an evidence snippet of the same article holds it
    (snippets are validated verbatim): a fragment read alone can lose its sense."""
    ev = data.evidence
    out = []
    for text, source, kind in zip(q["text"], q["source_id"], q["kind"], strict=True):
        held = ev.loc[(ev["source_id"] == source) & ev["snippet"].str.contains(text, regex=False), "snippet"]
        longer = held[held.str.len() > len(text)]
        fragment = kind == "direct" and text[:1].islower()
        out.append(min(longer, key=len) if fragment and len(longer) else text)
    return out


def passages(data: Data, alibaba: bool) -> pd.DataFrame:
    """Every passage on enforcement from Alibaba's side (alibaba=True) or from outside it,
    by side, article (in publication order) and place in the article."""
    q = data.quotes[(data.quotes["topic"] == TOPIC) & ((data.quotes["side"] == "alibaba") == alibaba)]
    order = {o: i for i, o in enumerate(data.outlet_order())}
    outlet = q["source_id"].map(data.outlet_of())
    q = q.assign(outlet=outlet, rank=outlet.map(order)).sort_values(["side", "rank", "sequence"])
    out = {
        "side": q["side"].map(side_names(data)),
        "speaker": q["speaker"],
        "article": q["outlet"],
        "form": q["kind"].map(kind_names(data)),
        "words": q["word_count"],
        "their words": [with_sic(t) for t in in_sentence(data, q)],
    }
    frame = pd.DataFrame(out)
    return (frame.drop(columns="side") if alibaba else frame).reset_index(drop=True)


def others_words(data: Data) -> str:
    """What the 'Others' of the chart are: each passage on enforcement from outside the
    dispute's sides, with its speaker (or that the article names none)."""
    q = data.quotes[(data.quotes["topic"] == TOPIC) & (data.quotes["side"] == "other")]
    if q.empty:
        return ""
    outlet = data.outlet_of()
    named = data.members.set_index("member_id")["name"]
    kinds = kind_names(data)
    parts = [
        f"“{esc(t)}”, a {kinds[k]} in {esc(outlet[s])} "
        + (f"from {esc(named[m])}" if isinstance(m, str) and m in named.index else "that names no speaker")
        for t, s, m, k in zip(q["text"], q["source_id"], q["speaker_member_id"], q["kind"], strict=True)
    ]
    label = side_names(data)["other"]
    return f"*{label}* in the chart above and the tables below is " + "; ".join(parts) + "."
