"""How each outlet framed the story, measured transparently: whose voice it carries, how
it labels the actors, which generic frames it uses, which facts it reports, and which
words set it apart. Every measure is computed from the committed tables, so an article
added to sources.csv and run through `make features` flows into the text measures at once,
and shows as 'not yet coded' in the hand-coded ones until it is coded."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..analysis.logodds import distinctive_terms
from .notebook import Data
from .style import SIDE_COLORS, finish

SIDES = ["brands", "alibaba", "iacc", "other"]
SIDE_NAMES = {"brands": "Brands", "alibaba": "Alibaba", "iacc": "The coalition", "other": "Others"}
SIDE_IN_PROSE = {"brands": "brands", "alibaba": "Alibaba", "iacc": "the coalition", "other": "others"}
GENERIC_FRAMES = ["responsibility", "human_interest", "conflict", "morality", "economic"]


def _outlet(data: Data, frame: pd.DataFrame) -> pd.Series:
    return frame["source_id"].map(data.outlet_of())


# ------------------------------------------------------------------------------- voice
def voice(data: Data) -> pd.DataFrame:
    """Per outlet and side: passages, words, and each side's share of the outlet's words."""
    q = data.quotes.assign(outlet=_outlet(data, data.quotes))
    grid = q.groupby(["outlet", "side"]).agg(passages=("quote_id", "size"), words=("word_count", "sum"))
    full = pd.MultiIndex.from_product([data.outlet_order(), SIDES], names=["outlet", "side"])
    grid = grid.reindex(full, fill_value=0).reset_index()
    totals = grid.groupby("outlet")["words"].transform("sum")
    grid["share of words"] = (grid["words"] / totals).where(totals > 0, 0.0)
    return grid


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


def voice_chart(data: Data, title: str, source: str):
    v = voice(data)
    coded = v.groupby("outlet")["words"].sum()
    order = [o for o in data.outlet_order() if coded.get(o, 0) > 0]  # uncoded articles are listed in the notebook
    v = v[v["outlet"].isin(order)]
    fig = go.Figure()
    for side in SIDES:
        part = v[v["side"] == side].set_index("outlet").loc[order]
        fig.add_trace(
            go.Bar(
                y=order,
                x=part["share of words"],
                orientation="h",
                name=SIDE_NAMES[side],
                marker={"color": SIDE_COLORS[side]},
                text=[f"{w}" if w else "" for w in part["words"]],
                textposition="inside",
                insidetextanchor="middle",
                customdata=part[["words", "passages"]],
                hovertemplate="%{y}: %{customdata[0]} words in %{customdata[1]} passages<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})
    fig.update_xaxes(tickformat=".0%", range=[0, 1])
    fig.update_yaxes(autorange="reversed", ticksuffix="  ")
    fig = finish(
        fig,
        title,
        source,
        x_title="Share of the article's quoted and paraphrased words",
        y_title="",
        height=380,
        note="Numbers in the bars are words.",
        legend_rows=1,
    )
    return fig, v


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


def frame_chart(data: Data, title: str, source: str):
    p = frame_profiles(data)
    outlets = [o for o in data.outlet_order() if o in set(p["outlet"])]
    labels = data.codebook("frame_codebook", "frame")
    z = p.pivot(index="frame", columns="outlet", values="share").reindex(index=GENERIC_FRAMES, columns=outlets)
    text = (
        p.assign(t=p["yes"].astype(str) + " of " + p["codable"].astype(str))
        .pivot(index="frame", columns="outlet", values="t")
        .reindex(index=GENERIC_FRAMES, columns=outlets)
    )
    fig = go.Figure(
        go.Heatmap(
            z=z.values,
            x=outlets,
            y=[labels[f] for f in GENERIC_FRAMES],
            text=text.values,
            texttemplate="%{text}",
            colorscale=[[0, "#f7f7f7"], [1, "#4d4d4d"]],
            zmin=0,
            zmax=1,
            colorbar={"title": "share of items", "tickformat": ".0%"},
            hovertemplate="%{x} · %{y}: %{text} items<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", ticksuffix="  ")
    fig = finish(
        fig,
        title,
        source,
        x_title="",
        y_title="",
        height=400,
        note="Cell: items of the frame coded present, out of those codable from the text (one coder).",
    )
    return fig, p


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
    """Facts (events and figures) x outlets: 1 where the outlet reports the fact.
    Rows are ordered by how many outlets report the fact, then by date."""
    ev = data.evidence[data.evidence["record_table"].isin(["events", "figures"])]
    ev = ev.assign(outlet=_outlet(data, ev))
    grid = (
        ev.assign(x=1)
        .pivot_table(index=["record_table", "record_id"], columns="outlet", values="x", aggfunc="max", fill_value=0)
        .reindex(columns=data.outlet_order(), fill_value=0)
    )
    labels = {("events", r.event_id): r.label for r in data.events.itertuples()}
    labels |= {
        ("figures", r.figure_id): f"{r.value_text} ({r.metric.replace('_', ' ')})" for r in data.figures.itertuples()
    }
    when = {("events", r.event_id): r.date_end for r in data.events.itertuples()}
    when |= {("figures", r.figure_id): pd.Timestamp.max.floor("D") for r in data.figures.itertuples()}
    out = grid.reset_index()
    out["fact"] = [labels[(t, i)] for t, i in zip(out["record_table"], out["record_id"], strict=True)]
    out["outlets reporting"] = grid.sum(axis=1).values
    out["_when"] = [when[(t, i)] for t, i in zip(out["record_table"], out["record_id"], strict=True)]
    out = out.sort_values(["outlets reporting", "record_table", "_when", "fact"], ascending=[False, True, True, True])
    return out.drop(columns=["_when"]).reset_index(drop=True)


def coverage_chart(data: Data, title: str, source: str):
    c = coverage(data)
    outlets = data.outlet_order()
    kind = {"events": "event", "figures": "figure"}
    ylab = [f"{fact} [{kind[t]}]" for fact, t in zip(c["fact"], c["record_table"], strict=True)]
    fig = go.Figure(
        go.Heatmap(
            z=c[outlets].values,
            x=outlets,
            y=ylab,
            colorscale=[[0, "#f4f4f4"], [1, "#2166ac"]],
            zmin=0,
            zmax=1,
            showscale=False,
            xgap=2,
            ygap=2,
            hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", ticksuffix="  ", tickfont={"size": 10})
    fig.update_xaxes(side="top")
    fig = finish(
        fig,
        title,
        source,
        x_title="",
        y_title="",
        height=140 + 17 * len(c),
        note="Blue: the outlet reports the fact (it holds an evidence snippet for it). Rows: most widely reported first.",
    )
    return fig, c


# ---------------------------------------------------------------------- distinctive words
def distinctive(data: Data, top: int = 8, prior_scale: float = 1.0) -> pd.DataFrame:
    """Each outlet's most distinctive terms against all other articles."""
    group_of = {s: o for s, o in data.outlet_of().items() if s in set(data.term_counts["source_id"])}
    d = distinctive_terms(data.term_counts, group_of, prior_scale=prior_scale)
    d = d[d["rank"] <= top].rename(columns={"group": "outlet"})
    order = {o: i for i, o in enumerate(data.outlet_order())}
    return d.sort_values(["outlet", "rank"], key=lambda s: s.map(order) if s.name == "outlet" else s).reset_index(
        drop=True
    )


def distinctive_chart(data: Data, d: pd.DataFrame, title: str, source: str):
    outlets = list(dict.fromkeys(d["outlet"]))
    cols = 3
    rows = -(-len(outlets) // cols)
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=outlets, horizontal_spacing=0.16, vertical_spacing=0.2)
    for k, outlet in enumerate(outlets):
        part = d[d["outlet"] == outlet].sort_values("rank")
        fig.add_trace(
            go.Bar(
                y=part["term"],
                x=part["z"],
                orientation="h",
                marker={"color": "#4d4d4d"},
                showlegend=False,
                text=[f"{a}/{b}" for a, b in zip(part["count_in_group"], part["count_in_rest"], strict=True)],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}: z = %{x:.2f}<extra></extra>",
            ),
            row=k // cols + 1,
            col=k % cols + 1,
        )
        fig.update_yaxes(autorange="reversed", row=k // cols + 1, col=k % cols + 1, tickfont={"size": 11})
        fig.update_xaxes(range=[0, d["z"].max() * 1.35], row=k // cols + 1, col=k % cols + 1)
    fig = finish(
        fig,
        title,
        source,
        x_title="z",
        y_title=None,
        height=170 + 250 * rows,
        note="Bar: z-score of the log-odds ratio (informative Dirichlet prior), a ranking, not a test. Label: count in this outlet / in the others.",
    )
    for ann in fig.layout.annotations[:-1]:
        ann.font = {"size": 13}
    return fig, d


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
