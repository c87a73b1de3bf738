"""Where the articles disagree: claims.csv laid out claim by claim and outlet by outlet."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .codebook import claim_kinds, verdict_colors, verdict_order, verdict_reading
from .notebook import Data
from .style import finish, wrap


def claims(data: Data) -> pd.DataFrame:
    """One row per claim: topic, kind, verdict, explanation, and how many articles report it."""
    c = data.claims
    one = (
        c.groupby("claim_id", sort=True)
        .agg(
            topic=("topic", "first"),
            kind=("kind", "first"),
            verdict=("verdict", "first"),
            explanation=("explanation", "first"),
            articles=("source_id", "nunique"),
        )
        .reset_index()
    )
    one["_k"] = one["kind"].map({k: i for i, k in enumerate(claim_kinds(data))})
    one["_v"] = one["verdict"].map({v: i for i, v in enumerate(verdict_order(data))})
    return one.sort_values(["_k", "_v", "claim_id"]).drop(columns=["_k", "_v"]).reset_index(drop=True)


def by_reading(verdicts: pd.Series, reading: dict[str, str]) -> dict[str, int]:
    """How many claims fall in each reading of their verdict: substance, wording,
    precision, same (every reading present, zero where none)."""
    counts = verdicts.map(reading).value_counts()
    return {r: int(counts.get(r, 0)) for r in ("substance", "wording", "precision", "same")}


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(data: Data, table: pd.DataFrame) -> str:
    """The findings list: substantive differences first (named), then wording and
    precision, each verdict by its label and with its topics."""
    reading = verdict_reading(data)
    short = data.package.code_property("claims", "verdict", "shortLabel")
    n = by_reading(table["verdict"], reading)
    lines = [
        f"- The articles share **{len(table)}** points that can be set side by side. "
        f"**{n['substance']}** differ in substance; **{n['wording']}** differ only in wording, spelling or "
        f"punctuation; **{n['precision']}** differ only in precision (compatible, some vaguer); "
        f"**{n['same']}** read the same.",
    ]
    for v in verdict_order(data):
        mine = table[table["verdict"] == v]
        if len(mine):
            lines.append(f"- {short[v]} ({plural(len(mine), 'point', 'points')}): {'; '.join(mine['topic'])}.")
    return "\n".join(lines)


def side_by_side(data: Data, kind: str) -> pd.DataFrame:
    """Claims of one kind x outlets: each article's value and its verbatim snippet."""
    c = data.claims[data.claims["kind"] == kind]
    c = c.assign(outlet=c["source_id"].map(data.outlet_of()), cell=c["value"] + " — “" + c["snippet"] + "”")
    grid = c.pivot(index="claim_id", columns="outlet", values="cell")
    grid = grid.reindex(columns=[o for o in data.outlet_order() if o in grid.columns]).fillna("")
    meta = claims(data).set_index("claim_id")
    grid.insert(0, "verdict", meta.loc[grid.index, "verdict"])
    grid.insert(0, "topic", meta.loc[grid.index, "topic"])
    order = [i for i in meta.index if i in grid.index]
    return grid.loc[order].reset_index(drop=True)


def grid(data: Data) -> pd.DataFrame:
    """Claims x outlets: the claim's verdict where the outlet reports it, '' where not."""
    meta = claims(data)
    c = data.claims.assign(outlet=data.claims["source_id"].map(data.outlet_of()))
    g = c.pivot(index="claim_id", columns="outlet", values="verdict").reindex(
        index=meta["claim_id"], columns=data.outlet_order()
    )
    g = g.fillna("")
    g.index = meta["topic"].values
    g.index.name = "claim"
    return g


def grid_chart(data: Data, title: str, source: str):
    g = grid(data)
    labels = data.codebook("claims", "verdict")
    code = {v: i for i, v in enumerate(verdict_order(data))}
    z = g.apply(lambda col: col.map(lambda v: code.get(v))).astype("float")
    n = len(verdict_order(data))
    scale = []
    for i, v in enumerate(verdict_order(data)):
        scale += [[i / n, verdict_colors(data)[v]], [(i + 1) / n, verdict_colors(data)[v]]]
    rows = [wrap(t, 38) for t in g.index]
    heat = go.Heatmap(
        z=z.values,
        x=list(g.columns),
        y=rows,
        zmin=-0.5,
        zmax=n - 0.5,
        colorscale=scale,
        xgap=3,
        ygap=3,
        showscale=False,
        customdata=g.map(lambda v: labels.get(v, "not reported")).values,
        hovertemplate="%{y}<br>%{x}: %{customdata}<extra></extra>",
    )
    fig = go.Figure(heat)
    for v in verdict_order(data):  # one legend entry per verdict (a heatmap only offers a colour bar)
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=data.package.code_property("claims", "verdict", "shortLabel")[v],
                hoverinfo="skip",
                marker={"symbol": "square", "size": 13, "color": verdict_colors(data)[v]},
            )
        )
    fig.update_yaxes(autorange="reversed", ticksuffix="  ", tickfont={"size": 11})
    fig.update_xaxes(side="bottom", tickangle=0)
    note = "Coloured: the outlet reports the claim (colour = the claim's verdict). Blank: it does not."
    fig = finish(fig, title, source, height=200 + 31 * len(g), legend_rows=1, note=note)
    return fig, g.reset_index()
