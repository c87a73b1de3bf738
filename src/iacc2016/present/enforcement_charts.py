"""The charts of the enforcement notebook; the tables they draw come from present.enforcement."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from .codebook import qualifier_legend, qualifier_markers, side_colors, side_names
from .enforcement import enforcement_figures, enforcement_voice, plural, short_name
from .notebook import Data
from .style import axis_year_label, date_tickformat, finish, interval_marker


def counts_chart(data: Data, title: str, source: str):
    """Counts only (one unit on one axis), as dots on a log scale (a bar's length means
    nothing there); the marker's shape shows the article's hedge and points the way the
    true value lies; the period is under each label."""
    f = enforcement_figures(data)
    c = f[f["unit"] == "count"].sort_values("value")
    c = c.assign(
        label=c["metric"].map(short_name)
        + "<br><span style='font-size:11px;color:#666'>"
        + c["period_text"]
        + "</span>"
    )
    fig = go.Figure()
    for qualifier, group in c.groupby("qualifier", sort=True):
        symbol, name = qualifier_markers(data)[qualifier], qualifier_legend(data)[qualifier]
        fig.add_trace(
            go.Scatter(
                y=group["label"],
                x=group["value"],
                mode="markers+text",
                name=name,
                marker={
                    "symbol": symbol,
                    "size": 18,
                    "color": side_colors(data)["alibaba"],
                    "line": {"color": "#333", "width": 1},
                },
                text=group["value_text"],
                textposition="top center",
                cliponaxis=False,
            )
        )
    fig.update_xaxes(
        type="log", dtick=1, range=[math.log10(c["value"].min()) - 0.6, math.log10(c["value"].max()) + 0.6]
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(c["label"]), ticksuffix="  ", showgrid=True)
    fig = finish(
        fig,
        title,
        source,
        x_title="Count (log scale: each labelled gridline is ten times the last)",
        y_title="",
        height=450,
        note="Marker shape shows the article's hedge; a triangle points to where the true value lies.",
        legend_rows=2,
    )
    data_out = c[
        ["figure_id", "metric", "value", "qualifier", "value_text", "period_text", "period_start", "period_end"]
    ]
    return fig, data_out


def periods_chart(data: Data, title: str, source: str):
    """Each figure's period as an interval: the two sets of numbers cover different spans."""
    f = enforcement_figures(data)
    f = f[f["period_start"].notna() & f["converted_from_id"].isna()].sort_values(["period_start", "metric"])
    labels = f["metric"].map(short_name) + ", " + f["value_text"]
    widths = (f["period_end"] + pd.Timedelta(days=1) - f["period_start"]).dt.total_seconds() * 1000
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=widths,
            base=f["period_start"].dt.strftime("%Y-%m-%d"),
            orientation="h",
            marker=interval_marker(side_colors(data)["alibaba"]),
            text=f["period_text"],
            textposition="inside",
            insidetextanchor="start",
            showlegend=False,
        )
    )
    dates = list(f["period_start"]) + list(f["period_end"])
    fig.update_xaxes(type="date", tickformat=date_tickformat(dates))
    fig.update_yaxes(categoryorder="array", categoryarray=list(labels), autorange="reversed", ticksuffix="  ")
    fig = finish(
        fig,
        title,
        source,
        x_title=axis_year_label(dates),
        y_title="",
        height=380,
        note="Each bar spans every day the period may cover: 'past year' may mean calendar 2015 or the twelve months to the interview.",
    )
    return fig, f[["figure_id", "metric", "value_text", "period_text", "period_start", "period_end"]]


def voice_chart(data: Data, title: str, source: str):
    v = enforcement_voice(data)
    names = side_names(data)
    fig = go.Figure(
        go.Bar(
            y=v["side"].map(names),
            x=v["words"],
            orientation="h",
            marker={"color": [side_colors(data)[s] for s in v["side"]]},
            text=[
                plural(w, "word") + " in " + plural(p, "passage")
                for w, p in zip(v["words"], v["passages"], strict=True)
            ],
            textposition="outside",
            cliponaxis=False,
        )
    )
    fig.update_yaxes(autorange="reversed", ticksuffix="  ")
    fig.update_xaxes(range=[0, v["words"].max() * 1.35])
    fig = finish(
        fig, title, source, x_title="Words quoted or paraphrased about Alibaba's enforcement", y_title="", height=340
    )
    return fig, v
