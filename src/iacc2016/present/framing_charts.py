"""The charts of the framing notebook; the tables they draw come from present.framing."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .codebook import generic_frames, side_colors, side_names, side_order
from .framing import coverage, frame_profiles, voice
from .notebook import Data
from .style import finish


def voice_chart(data: Data, title: str, source: str):
    v = voice(data)
    coded = v.groupby("outlet")["words"].sum()
    order = [o for o in data.outlet_order() if coded.get(o, 0) > 0]  # uncoded articles are listed in the notebook
    v = v[v["outlet"].isin(order)]
    fig = go.Figure()
    for side in side_order(data):
        part = v[v["side"] == side].set_index("outlet").loc[order]
        fig.add_trace(
            go.Bar(
                y=order,
                x=part["share of words"],
                orientation="h",
                name=side_names(data)[side],
                marker={"color": side_colors(data)[side]},
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


def frame_chart(data: Data, title: str, source: str):
    p = frame_profiles(data)
    outlets = [o for o in data.outlet_order() if o in set(p["outlet"])]
    labels = data.codebook("frame_codebook", "frame")
    z = p.pivot(index="frame", columns="outlet", values="share").reindex(index=generic_frames(data), columns=outlets)
    text = (
        p.assign(t=p["yes"].astype(str) + " of " + p["codable"].astype(str))
        .pivot(index="frame", columns="outlet", values="t")
        .reindex(index=generic_frames(data), columns=outlets)
    )
    fig = go.Figure(
        go.Heatmap(
            z=z.values,
            x=outlets,
            y=[labels[f] for f in generic_frames(data)],
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


def coverage_chart(data: Data, title: str, source: str):
    c = coverage(data)
    outlets = data.outlet_order()
    ylab = list(c["fact"])
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
            customdata=[["reports it" if v else "does not report it" for v in row] for row in c[outlets].values],
            hovertemplate="%{y}<br>%{x} %{customdata}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", ticksuffix="  ", tickfont={"size": 11})
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
