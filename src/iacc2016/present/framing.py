"""How each outlet framed the story, measured transparently: whose voice it carries, how
it labels the actors, which generic frames it uses, which facts it reports, and which
words set it apart. Every measure is computed from the committed tables, so an article
added to sources.csv and run through `make features` flows into the text measures at once,
and shows as 'not yet coded' in the hand-coded ones until it is coded."""

from __future__ import annotations

import pandas as pd

from ..analysis.logodds import MIN_COUNT, STOPWORDS, distinctive_terms, own_words, surviving
from ..data.text import terms
from .codebook import side_order
from .notebook import Data


def _outlet(data: Data, frame: pd.DataFrame) -> pd.Series:
    return frame["source_id"].map(data.outlet_of())


# ------------------------------------------------------------------------------- voice
def voice(data: Data) -> pd.DataFrame:
    """Per outlet and side: passages, words, and each side's share of the outlet's words."""
    q = data.quotes.assign(outlet=_outlet(data, data.quotes))
    grid = q.groupby(["outlet", "side"]).agg(passages=("quote_id", "size"), words=("word_count", "sum"))
    full = pd.MultiIndex.from_product([data.outlet_order(), side_order(data)], names=["outlet", "side"])
    grid = grid.reindex(full, fill_value=0).reset_index()
    totals = grid.groupby("outlet")["words"].transform("sum")
    grid["share of words"] = (grid["words"] / totals).where(totals > 0, 0.0)
    return grid


def voice_leads(voice_table: pd.DataFrame) -> pd.DataFrame:
    """Per outlet with quoted words: the side with the largest share, that share, the
    runner-up's share and the lead in percentage points (a plurality, not a majority)."""
    rows = []
    for outlet, g in voice_table[voice_table.groupby("outlet")["words"].transform("sum") > 0].groupby(
        "outlet", sort=False
    ):
        g = g.sort_values(["share of words", "side"], ascending=[False, True])
        top, second = g.iloc[0], g.iloc[1]
        rows.append(
            {
                "outlet": outlet,
                "side": top["side"],
                "share": top["share of words"],
                "runner-up share": second["share of words"],
                "lead": top["share of words"] - second["share of words"],
            }
        )
    return pd.DataFrame(rows, columns=["outlet", "side", "share", "runner-up share", "lead"])


def first_voice(data: Data) -> pd.DataFrame:
    """Whose words each article quotes first."""
    q = data.quotes.sort_values(["source_id", "sequence"]).groupby("source_id", sort=True).head(1)
    return (
        pd.DataFrame(
            {
                "outlet": _outlet(data, q).values,
                "first quoted": q["speaker"].values,
                "side": q["side"].values,
                "kind": q["kind"].values,
                "words": q["word_count"].values,
            }
        )
        .set_index("outlet")
        .loc[[o for o in data.outlet_order() if o in set(_outlet(data, q))]]
        .reset_index()
    )


def quote_topics(data: Data) -> pd.DataFrame:
    """Topics x outlets: how many quoted or paraphrased passages each outlet gives to each
    topic (the codebook's order; an outlet without coded quotes shows zeros)."""
    q = data.quotes.assign(outlet=_outlet(data, data.quotes))
    grid = pd.crosstab(q["topic"], q["outlet"])
    grid = grid.reindex(index=data.package.codes("quotes", "topic"), columns=data.outlet_order(), fill_value=0)
    grid.index.name, grid.columns.name = "topic", None
    return grid


# ------------------------------------------------------------------------------ labels
def labels_side_by_side(data: Data, targets: list[str]) -> pd.DataFrame:
    """Actors x outlets: the phrases each outlet attaches to each actor."""
    lab = data.labels
    lab = lab.assign(outlet=_outlet(data, lab))
    names = dict(zip(data.members["member_id"], data.members["name"], strict=True))
    mark = {"negative": " (−)", "positive": " (+)", "neutral": ""}
    cells = lab.assign(shown="“" + lab["phrase"] + "”" + lab["valence"].map(mark))
    grid = cells.groupby(["target_id", "outlet"])["shown"].agg("; ".join).unstack("outlet")
    grid = grid.reindex(index=targets, columns=data.outlet_order()).fillna("")
    grid.index = [names[t] for t in targets]
    grid.index.name = "actor"
    return grid


def label_valence(data: Data, target: str) -> pd.DataFrame:
    lab = data.labels
    lab = lab[lab["target_id"] == target].assign(outlet=_outlet(data, lab[lab["target_id"] == target]))
    out = lab.groupby(["outlet", "valence"]).size().unstack("valence", fill_value=0)
    out = (
        out.reindex(index=data.outlet_order(), columns=["negative", "neutral", "positive"], fill_value=0)
        .fillna(0)
        .astype(int)
    )
    return out


# ------------------------------------------------------------------------------ frames
def frame_profiles(data: Data) -> pd.DataFrame:
    """Per outlet and generic frame: items coded yes over items that could be coded."""
    codes = data.frame_codes.merge(data.frame_codebook, on="item_id")
    sv = codes[codes["framework"] == "semetko_valkenburg_2000"].assign(outlet=lambda f: _outlet(data, f))
    codable = sv[sv["value"] != "not_codable"]
    out = (
        codable.groupby(["outlet", "frame"])
        .agg(yes=("value", lambda s: int((s == "yes").sum())), codable=("value", "size"))
        .reset_index()
    )
    out["share"] = out["yes"] / out["codable"]
    return out


def entman(data: Data) -> pd.DataFrame:
    codes = data.frame_codes.merge(data.frame_codebook, on="item_id")
    e = codes[codes["framework"] == "entman_1993"].assign(outlet=lambda f: _outlet(data, f))
    labels = data.codebook("frame_codebook", "frame")
    grid = e.pivot(index="frame", columns="outlet", values="note")
    order = [f for f in ["problem", "cause", "moral_judgement", "remedy"] if f in grid.index]
    grid = grid.reindex(index=order, columns=[o for o in data.outlet_order() if o in grid.columns])
    grid.index = [labels[f] for f in order]
    return grid


# ---------------------------------------------------------------------------- coverage
def coverage(data: Data) -> pd.DataFrame:
    """Events x outlets: 1 where the outlet's article holds evidence for the event. Rows
    are ordered by how many outlets report the event, then by date.

    Events only: a figure is stored one article per row (each outlet's number is its own
    record), so every figure is single-outlet by construction and would inflate "reported
    by one article only"."""
    ev = data.evidence[data.evidence["record_table"] == "events"]
    ev = ev.assign(outlet=_outlet(data, ev))
    grid = (
        ev.assign(x=1)
        .pivot_table(index="record_id", columns="outlet", values="x", aggfunc="max", fill_value=0)
        .reindex(columns=data.outlet_order(), fill_value=0)
    )
    events = data.events.set_index("event_id")
    out = grid.reset_index()
    out["fact"] = events.loc[out["record_id"], "label"].values
    out["outlets reporting"] = grid.sum(axis=1).values
    out["_when"] = events.loc[out["record_id"], "date_end"].values
    out = out.sort_values(["outlets reporting", "_when", "fact"], ascending=[False, True, True])
    return out.drop(columns=["_when"]).reset_index(drop=True)


# ---------------------------------------------------------------------- distinctive words
def distinctive(data: Data, top: int = 8, prior_scale: float = 1.0) -> pd.DataFrame:
    """Each outlet's most distinctive terms against all other articles, in the outlet's own
    words: recorded quotations taken out, function words left out, and only terms used at
    least MIN_COUNT times ranked (an outlet may have fewer than `top`, or none)."""
    group_of = {s: o for s, o in data.outlet_of().items() if s in set(data.term_counts["source_id"])}
    tc = own_words(data.term_counts, data.quotes, terms)
    tc = tc[~tc["term"].isin(STOPWORDS)]
    d = surviving(distinctive_terms(tc, group_of, prior_scale=prior_scale), MIN_COUNT)
    d = d[d["rank"] <= top].rename(columns={"group": "outlet"})
    order = {o: i for i, o in enumerate(data.outlet_order())}
    return d.sort_values(["outlet", "rank"], key=lambda s: s.map(order) if s.name == "outlet" else s).reset_index(
        drop=True
    )


# ------------------------------------------------------------------------- coding status
def coding_status(data: Data) -> pd.DataFrame:
    """Which measures each article is in: text measures need only `make features`; the
    hand-coded ones need a coder. An article missing from a measure is listed, never dropped."""
    s = data.sources
    have = {
        "term counts": set(data.term_counts["source_id"]),
        "quotes": set(data.quotes["source_id"]),
        "labels": set(data.labels["source_id"]),
        "frame codes": set(data.frame_codes["source_id"]),
        "evidence": set(data.evidence["source_id"]),
    }
    out = pd.DataFrame({"source_id": s["source_id"], "outlet": s["outlet"]})
    for name, ids in have.items():
        out[name] = out["source_id"].isin(list(ids)).map({True: "yes", False: "not yet"})
    return out
