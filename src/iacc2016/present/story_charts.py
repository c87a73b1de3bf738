"""The charts of notebook 01: the timelines and the departures."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .codebook import side_colors, side_names, side_order
from .notebook import Data, fmt_day
from .story import DAY, EXACT, INTERVAL, SCHEDULED, SPAN, admission, departures, suspension
from .style import axis_year_label, date_tickformat, finish, interval_marker, mark_x


def timeline_chart(data: Data, frame: pd.DataFrame, title: str, source: str, note: str):

    fig = go.Figure()
    order = list(frame["label"])
    for side in side_order(data):
        mine = frame[frame["side"] == side]
        color = side_colors(data)[side]
        held = mine["event_status"] != "scheduled"
        styles = (
            (INTERVAL, held, interval_marker(color), INTERVAL),
            (SPAN, held, {"color": color, "opacity": 0.9}, SPAN),
            # Scheduled, not held when the articles end: an outline only, never a filled bar.
            (SPAN, ~held, {"color": "rgba(255,255,255,0)", "line": {"color": color, "width": 2}}, SCHEDULED),
        )
        for drawn, keep, style, name in styles:
            bars = mine[(mine["drawn as"] == drawn) & keep]
            if len(bars):
                widths = (bars["date_end"] + DAY - bars["date_start"]).dt.total_seconds() * 1000
                fig.add_trace(
                    go.Bar(
                        y=bars["label"],
                        x=widths,
                        base=bars["date_start"].dt.strftime("%Y-%m-%d"),
                        orientation="h",
                        name=f"{side_names(data)[side]}: {name}",
                        marker=style,
                        customdata=bars[["when", "date_text"]],
                        hovertemplate="%{y}<br>%{customdata[0]}<br>article: “%{customdata[1]}”<extra></extra>",
                    )
                )
        days = mine[mine["drawn as"] == EXACT]
        if len(days):
            symbols = days["event_status"].map({"cancelled": "x"}).fillna("diamond")
            fig.add_trace(
                go.Scatter(
                    y=days["label"],
                    x=(days["date_start"] + DAY / 2).dt.strftime("%Y-%m-%d %H:%M"),
                    mode="markers",
                    name=f"{side_names(data)[side]}: {EXACT}",
                    marker={"color": color, "size": 14, "symbol": list(symbols), "line": {"color": "#333", "width": 1}},
                    customdata=days[["when", "date_text"]],
                    hovertemplate="%{y}<br>%{customdata[0]}<br>article: “%{customdata[1]}”<extra></extra>",
                )
            )
    fig.update_yaxes(categoryorder="array", categoryarray=order, autorange="reversed", title_text="")
    fig.update_xaxes(
        type="date",
        tickformat=date_tickformat(list(frame["date_start"]) + list(frame["date_end"])),
        title_text=axis_year_label(list(frame["date_start"]) + list(frame["date_end"])),
    )
    fig.update_layout(barmode="overlay", bargap=0.35)
    lo, hi = frame["date_start"].min(), frame["date_end"].max()
    for event, text in ((admission(data), "admission"), (suspension(data), "suspension")):
        if lo <= event["date_start"] <= hi:
            mark_x(
                fig,
                (event["date_start"] + DAY / 2).strftime("%Y-%m-%d %H:%M"),
                f"{text}, {fmt_day(event['date_start'])}",
                "#333",
            )
    legend_rows = (len(fig.data) + 1) // 2
    return finish(
        fig, title, source, height=200 + 26 * len(frame) + 22 * legend_rows, note=note, legend_rows=legend_rows
    )


def departures_chart(data: Data, title: str, source: str):

    dep = departures(data)
    days_to_suspension = (suspension(data)["date_start"] - admission(data)["date_start"]).days
    fig = go.Figure(
        go.Bar(
            y=dep["who left"],
            base=dep["days after admission (earliest)"],
            x=dep["days after admission (latest)"] - dep["days after admission (earliest)"] + 1,
            orientation="h",
            marker=interval_marker(side_colors(data)["brands"]),
            name="possible days of departure",
            customdata=dep[["when", "article's words"]],
            hovertemplate="%{y}: %{customdata[0]}<br>article: “%{customdata[1]}”<extra></extra>",
        )
    )
    # Day d is drawn as [d, d + 1); the suspension day is shaded whole, since the articles
    # do not say whether a departure on that day came before or after it.
    fig.add_vrect(
        x0=days_to_suspension,
        x1=days_to_suspension + 1,
        fillcolor=side_colors(data)["iacc"],
        opacity=0.15,
        line_width=0,
    )
    fig.add_annotation(
        x=days_to_suspension + 1,
        y=1,
        yref="paper",
        yanchor="top",
        xanchor="left",
        xshift=4,
        text="suspension day",
        showarrow=False,
        font={"color": side_colors(data)["iacc"]},
    )
    fig.update_yaxes(ticksuffix="  ")
    fig.update_yaxes(categoryorder="array", categoryarray=list(dep["who left"]), autorange="reversed")
    fig.update_layout(showlegend=False, bargap=0.45)
    fig = finish(
        fig,
        title,
        source,
        x_title="Days after Alibaba's admission (0 = the day it joined)",
        y_title="",
        height=360,
        note="Each bar spans every day on which the departure may have happened.",
    )
    chart_data = dep[
        ["who left", "date_start", "date_end", "days after admission (earliest)", "days after admission (latest)"]
    ]
    return fig, chart_data
