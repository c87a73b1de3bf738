"""The charts of the enforcement notebook; the tables they draw come from present.enforcement."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from ..analysis.enforcement import enforcement_count
from ..analysis.story import reported_by
from ..data.numbers import qualifier_of, value_of
from .codebook import qualifier_legend, qualifier_markers, side_colors, side_names
from .enforcement import enforcement_figures, enforcement_voice, metric_names, summary
from .enforcement_voice import plural
from .notebook import Data, check, fmt_interval
from .style import axis_year_label, date_tickformat, finish, show, wrap


def _who(data: Data, f) -> dict:
    """Hover columns for figures: the quantity's name, the claimant, the
    outlets that print it, the period's interval in words."""
    names = dict(zip(data.members["member_id"], data.members["name"], strict=True))
    by = reported_by(data, "figures", f["figure_id"])
    return {
        "metric_words": f["metric"].map(metric_names(data)),
        "claimed by": f["claimant_id"].map(names).fillna("the reporting outlet"),
        "carried by": [", ".join(by.get(i, [])) for i in f["figure_id"]],
        "when": [
            fmt_interval(a, b) if pd.notna(a) else "no period"
            for a, b in zip(f["period_start"], f["period_end"], strict=True)
        ],
    }


def counts_chart(data: Data, title: str, source: str):
    """Counts only (one unit on one axis), as dots on a log scale (a bar's length means
    nothing there); the marker's shape shows the article's hedge and points to the side of
    the printed number the claim lies on; the period, in the article's words, is under each
    label."""
    f = enforcement_figures(data)
    c = f[f["unit"] == "count"].sort_values("value")
    c = c.assign(
        label=c["metric"].map(metric_names(data)).map(wrap)
        + "<br><span style='font-size:12px;color:#666'>“"
        + c["period_text"]
        + "”</span>"
    )
    c = c.assign(**_who(data, c))
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
                customdata=group[["metric_words", "period_text", "claimed by", "carried by"]],
                hovertemplate="%{customdata[0]}<br>printed: “%{text}” (" + name + ")<br>period: %{customdata[1]}"
                "<br>claimed by %{customdata[2]}, in %{customdata[3]}<extra></extra>",
            )
        )
    fig.update_xaxes(
        type="log",
        dtick=1,
        tickformat=",.0f",
        range=[math.log10(c["value"].min()) - 0.6, math.log10(c["value"].max()) + 0.6],
    )
    # Room above the top row for its value label, clear of the legend.
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=list(c["label"]),
        ticksuffix="  ",
        showgrid=True,
        range=[-0.5, len(c) - 0.2],
    )
    fig = finish(
        fig,
        title,
        source,
        x_title="Count (log scale: each labelled gridline is ten times the last)",
        y_title="",
        height=470,
        note="Marker shape shows the article's hedge; a triangle points to the side of the printed number the claim lies on.",
        legend_rows=2,
        subtitle="Each count as the article prints it, with the period it covers under its name",
    )
    data_out = c[
        ["figure_id", "metric", "value", "qualifier", "value_text", "period_text", "period_start", "period_end"]
    ]
    return fig, data_out


def periods_chart(data: Data, title: str, source: str):
    """Each figure's period as an interval: the two sets of numbers cover different spans."""
    f = enforcement_figures(data)
    f = f[f["period_start"].notna() & f["converted_from_id"].isna()].sort_values(["period_start", "metric"])
    labels = f["metric"].map(metric_names(data)).map(wrap) + ": " + f["value_text"]
    widths = (f["period_end"] + pd.Timedelta(days=1) - f["period_start"]).dt.total_seconds() * 1000
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=widths,
            base=f["period_start"].dt.strftime("%Y-%m-%d"),
            orientation="h",
            # Solid: the span a figure covers, not (as the hatched bars of notebooks 00 and 01)
            # the days on one of which something happened.
            marker={"color": side_colors(data)["alibaba"], "line": {"color": "#333", "width": 0.5}},
            text="“" + f["period_text"] + "”",
            textposition="inside",
            insidetextanchor="start",
            showlegend=False,
            customdata=f.assign(**_who(data, f))[["when", "claimed by", "carried by"]],
            hovertemplate="%{y}<br>period: %{text}, read as %{customdata[0]}"
            "<br>claimed by %{customdata[1]}, in %{customdata[2]}<extra></extra>",
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
        height=400,
        note="A solid bar spans every day a figure could cover; where the article's words allow two readings, it spans both.",
        subtitle="Every day each figure could cover, as we read the article's words for its period",
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
            customdata=[[f"{x:.0%}"] for x in v["share of words"]],
            hovertemplate="%{y}: %{text}, %{customdata[0]} of the words quoted or paraphrased on enforcement"
            "<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", ticksuffix="  ")
    fig.update_xaxes(range=[0, v["words"].max() * 1.35])
    fig = finish(
        fig,
        title,
        source,
        x_title="Words quoted or paraphrased about Alibaba's enforcement",
        y_title="",
        height=360,
        subtitle="Words quoted or paraphrased on Alibaba's enforcement, by side; a passage several articles print counts in each",
    )
    return fig, v


def footer(data: Data, what: str) -> str:
    """A chart's source line: the articles, and what was coded by hand from them."""
    return f"{len(data.sources)} articles ({', '.join(data.outlet_order())}); {what} coded by hand from the articles"


def show_counts(data: Data, name: str) -> None:
    s = summary(data)
    counts = enforcement_figures(data).query("unit == 'count'")
    n, kinds = len(counts), counts["metric"].nunique()
    things = "different things" if kinds == n else f"{kinds} different things"
    fig, chart_data = counts_chart(
        data,
        title=f"Alibaba's {n} counts are of {things}, over {s['periods']} different periods",
        source=footer(data, "figures"),
    )
    show(fig, name, chart_data)


def show_periods(data: Data, name: str) -> None:
    s = summary(data)
    fig, chart_data = periods_chart(
        data,
        title=f"The {s['periods']} sets of figures cover different, partly overlapping spans",
        source=footer(data, "figures and their periods"),
    )
    show(fig, name, chart_data)


def show_voice(data: Data, name: str) -> None:
    s = summary(data)
    fig, chart_data = voice_chart(
        data,
        title=f"On enforcement, {s['alibaba_share']:.0%} of the words quoted or paraphrased come from Alibaba's side",
        source=footer(data, "quotations and paraphrases"),
    )
    show(fig, name, chart_data)


def sanity_checks(data: Data) -> None:
    """Notebook 02's visible checks (each prints a tick or stops the notebook)."""
    figs = enforcement_figures(data)
    by = reported_by(data, "figures", figs["figure_id"])
    check(
        "every enforcement figure rests on evidence from at least one article",
        all(len(by.get(i, [])) >= 1 for i in figs["figure_id"]),
    )
    check(
        "each value is the number in the article's words",
        all(
            value_of(t) is not None and abs(value_of(t) - v) < 1e-6 * v
            for t, v in zip(figs["value_text"], figs["value"], strict=True)
        ),
    )
    check(
        "each hedge (such as “more than”) is the one in the article's words",
        all(qualifier_of(t) == q for t, q in zip(figs["value_text"], figs["qualifier"], strict=True)),
    )
    check(
        "no chart axis mixes units",
        set(counts_chart(data, "", "")[1]["figure_id"]) <= set(figs.loc[figs["unit"] == "count", "figure_id"]),
    )
    n = enforcement_count(figs)
    check(
        "the enforcement figures are the measures, their conversions and the spans of years, each once",
        n["measures"] + n["conversions"] + n["spans"] == n["figures"] == len(figs),
    )
    voice = enforcement_voice(data)
    check(
        "the sides' shares of the words on enforcement add up to the whole",
        abs(voice["share of words"].sum() - 1) < 1e-9,
    )
