"""The timeline drawing of notebooks 00 and 01, and the lead chart: events as days, spans and intervals of possible
days, coloured by whose act it was, with the public record's dates (not from the
articles) beside the intervals they check."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..analysis.overview import crisis_days
from .codebook import side_colors, side_names, side_order
from .notebook import Data, fmt_day
from .story import (
    DAY,
    DAYS,
    EXACT,
    INTERVAL,
    SCHEDULED,
    SPAN,
    admission,
    crisis_frame,
    departures,
    record_fit,
    suspension,
)
from .style import LEGEND_ROW_PX, axis_year_label, date_tickformat, finish, interval_marker, mark_x, show

RECORD_COLOR = "#222"
RECORD_NAME = "the public record's date (not from the articles)"
CRISIS_NOTE = (
    "Hatched: the happening fell on one of the days the bar spans (the wider, the less is known). "
    "Ticks: on one of the days ticked.<br>Cross: scheduled, then cancelled. "
    "Small open circle or thin line just under a row: the day or days a public document gives<br>"
    "for that happening, not from the articles (see Against the record)."
)
NEUTRAL = "#333333"


def _key(fig: go.Figure, name: str, marker: dict, group: str, symbol: str | None = None) -> None:
    """A legend-only key (no points, so no hover) in one of the legend's titled groups; a
    bar's key (the ink of bars) when no marker symbol is given, else a marker's."""
    common = {"x": [None], "y": [None], "name": name, "hoverinfo": "skip"}
    common |= {"legendgroup": group, "legendgrouptitle": {"text": LEGEND_GROUPS[group]}}
    if symbol is None:
        fig.add_trace(go.Bar(marker=marker, orientation="h", **common))
    else:
        fig.add_trace(go.Scatter(mode="markers", marker={"symbol": symbol, "size": 13, **marker}, **common))


LEGEND_GROUPS = {"whose": "Whose act (colour):", "how": "How the date is known (marker):"}


# The public record's marks sit this far below their row's centre (rows are 1 apart), in
# the gap between bars, so no diamond, cross or outline hides them.
RECORD_OFFSET = 0.44


def timeline_chart(
    data: Data,
    frame: pd.DataFrame,
    title: str,
    source: str,
    note: str,
    record: pd.DataFrame | None = None,
    subtitle: str | None = None,
):
    """Events as marks (known days), solid bars (spans of known days), hatched bars
    (every possible day) and rows of ticks (one of a few possible days, a named weekday),
    coloured by whose act it was. The legend comes in two titled groups, whose act
    (colour) and how the date is known (marker), instead of one entry per colour and ink.
    `record` (from record_marks) adds the public record's dates, in thin dark ink that
    never outweighs the articles' own, just below the row they date. Rows sit at 0, 1, 2...
    (labelled by tick text) so that the record's marks can sit between them."""
    fig = go.Figure()
    order = list(frame["label"])
    row = {label: i for i, label in enumerate(order)}
    hover = (
        "%{customdata[4]}<br>from the articles: %{customdata[0]}<br>%{customdata[2]}'s words: “%{customdata[1]}”"
        "<br>reported by %{customdata[3]}<extra></extra>"
    )
    cols = ["when", "date_text", "date words from", "reported by", "label"]
    for side in side_order(data):
        mine = frame[frame["side"] == side]
        color = side_colors(data)[side]
        held = mine["event_status"] != "scheduled"
        styles = (
            (INTERVAL, held, interval_marker(color)),
            (SPAN, held, {"color": color, "opacity": 0.9}),
            # Scheduled, not held when the articles end: an outline only, never a filled bar.
            (SPAN, ~held, {"color": "rgba(255,255,255,0)", "line": {"color": color, "width": 2}}),
        )
        for drawn, keep, style in styles:
            bars = mine[(mine["drawn as"] == drawn) & keep]
            if len(bars):
                widths = (bars["date_end"] + DAY - bars["date_start"]).dt.total_seconds() * 1000
                fig.add_trace(
                    go.Bar(
                        y=bars["label"].map(row),
                        x=widths,
                        base=bars["date_start"].dt.strftime("%Y-%m-%d"),
                        orientation="h",
                        width=0.56,
                        name=side_names(data)[side],
                        showlegend=False,
                        marker=style,
                        customdata=bars[cols],
                        hovertemplate=hover,
                    )
                )
        for _, r in mine[mine["drawn as"] == DAYS].iterrows():  # one of a few days: a tick on each
            fig.add_trace(
                go.Scatter(
                    y=[row[r["label"]]] * len(r["possible_days"]),
                    x=[(d + DAY / 2).strftime("%Y-%m-%d %H:%M") for d in r["possible_days"]],
                    mode="markers",
                    name=side_names(data)[side],
                    showlegend=False,
                    marker={"color": color, "size": 15, "symbol": "line-ns", "line": {"color": color, "width": 4}},
                    customdata=[[r[c] for c in cols]] * len(r["possible_days"]),
                    hovertemplate=hover,
                )
            )
        days = mine[mine["drawn as"] == EXACT]
        if len(days):
            symbols = days["event_status"].map({"cancelled": "x"}).fillna("diamond")
            fig.add_trace(
                go.Scatter(
                    y=days["label"].map(row),
                    x=(days["date_start"] + DAY / 2).dt.strftime("%Y-%m-%d %H:%M"),
                    mode="markers",
                    name=side_names(data)[side],
                    showlegend=False,
                    marker={"color": color, "size": 14, "symbol": list(symbols), "line": {"color": "#333", "width": 1}},
                    customdata=days[cols],
                    hovertemplate=hover,
                )
            )
    if record is not None and len(record):
        _draw_record(fig, record.assign(_y=record["label"].map(row) + RECORD_OFFSET))
    _legend(data, fig, frame, record)
    fig.update_yaxes(
        tickmode="array", tickvals=list(range(len(order))), ticktext=order, autorange="reversed", title_text=""
    )
    fig.update_yaxes(range=[len(order) - 0.4, -0.6], autorange=False, showgrid=False, zeroline=False)
    dates = list(frame["date_start"]) + list(frame["date_end"])
    fig.update_xaxes(type="date", tickformat=date_tickformat(dates), title_text=axis_year_label(dates))
    fig.update_layout(barmode="overlay")
    lo, hi = frame["date_start"].min(), frame["date_end"].max()
    for event, text, side in ((admission(data), "admission", "right"), (suspension(data), "suspension", "left")):
        if lo <= event["date_start"] <= hi:
            day = (event["date_start"] + DAY / 2).strftime("%Y-%m-%d %H:%M")
            mark_x(fig, day, f"{text}, {fmt_day(event['date_start'])}", "#333", label_side=side, label_at="bottom")
    # The legend's two groups stand side by side, each a column: its title, then its entries.
    keys = [t for t in fig.data if t.showlegend is not False]
    legend_rows = max(sum(t.legendgroup == g for t in keys) for g in LEGEND_GROUPS)
    fig.update_layout(legend={"tracegroupgap": 40})
    fig.update_xaxes(range=[(lo - DAY * 2).strftime("%Y-%m-%d"), (hi + DAY * 3).strftime("%Y-%m-%d")])
    height = 200 + 26 * len(frame) + LEGEND_ROW_PX * legend_rows
    return finish(fig, title, source, height=height, note=note, legend_rows=legend_rows, subtitle=subtitle)


def _draw_record(fig: go.Figure, record: pd.DataFrame) -> None:
    hover = (
        "%{customdata[3]}<br>public record (not from the articles): %{customdata[0]}, %{customdata[1]}"
        "<br>%{customdata[2]}<extra></extra>"
    )
    cols = ["record when", "record document", "fits", "label"]
    days = record[record["record_start"] == record["record_end"]]
    if len(days):
        fig.add_trace(
            go.Scatter(
                y=days["_y"],
                x=(days["record_start"] + DAY / 2).dt.strftime("%Y-%m-%d %H:%M"),
                mode="markers",
                name=RECORD_NAME,
                showlegend=False,
                customdata=days[cols],
                hovertemplate=hover,
                marker={"symbol": "circle-open", "size": 7, "color": RECORD_COLOR, "line": {"width": 1.5}},
            )
        )
    spans = record[record["record_start"] < record["record_end"]]
    for _, r in spans.iterrows():  # a span of days: a thin line over them, its ends ticked
        # ends a quarter-day inside the span, so a tick never lines up with a bar's or outline's side
        x = [
            (r["record_start"] + DAY / 4).strftime("%Y-%m-%d %H:%M"),
            (r["record_end"] + DAY * 3 / 4).strftime("%Y-%m-%d %H:%M"),
        ]
        fig.add_trace(
            go.Scatter(
                y=[r["_y"]] * 2,
                x=x,
                mode="lines+markers",
                name=RECORD_NAME,
                showlegend=False,
                line={"color": RECORD_COLOR, "width": 1.5},
                marker={"symbol": "line-ns-open", "size": 9, "color": RECORD_COLOR},
                customdata=[[r[c] for c in cols]] * 2,
                hovertemplate=hover,
            )
        )


def _legend(data: Data, fig: go.Figure, frame: pd.DataFrame, record) -> None:
    colors, names = side_colors(data), side_names(data)
    for side in side_order(data):
        if (frame["side"] == side).any():
            _key(fig, names[side], {"color": colors[side]}, "whose", "square")
    how = "how"
    grey = "#777777"
    drawn = set(frame["drawn as"]) | ({SCHEDULED} if (frame["event_status"] == "scheduled").any() else set())
    if EXACT in drawn:
        _key(fig, EXACT, {"color": grey, "line": {"color": "#333", "width": 1}}, how, "diamond")
    if SPAN in set(frame.loc[frame["event_status"] != "scheduled", "drawn as"]):
        _key(fig, SPAN, {"color": grey}, how)
    if INTERVAL in drawn:  # a neutral swatch, so it is not read as the grey of 'Others'
        _key(fig, INTERVAL, {**interval_marker(NEUTRAL), "color": "white"}, how)
    if DAYS in drawn:
        _key(fig, DAYS, {"color": NEUTRAL, "line": {"color": NEUTRAL, "width": 4}}, how, "line-ns")
    if SCHEDULED in drawn:
        _key(fig, SCHEDULED, {"color": "rgba(255,255,255,0)", "line": {"color": grey, "width": 2}}, how)
    if (frame["event_status"] == "cancelled").any():
        _key(
            fig,
            _lower_first(data.codebook("events", "event_status")["cancelled"]),
            {"color": grey, "line": {"color": "#333", "width": 1}},
            how,
            "x",
        )
    if record is not None and len(record):
        _key(fig, RECORD_NAME, {"color": RECORD_COLOR, "line": {"width": 1.5}}, how, "circle-open")


def crisis_timeline(data: Data) -> tuple[go.Figure, pd.DataFrame]:
    """The lead chart of notebooks 00 and 01 (one call, never a copied cell): the month from
    a week before the admission to the conference, with the public record's dates (not from
    the articles) beside the intervals they check. Returns the figure and its chart data."""
    marks = record_fit(data)
    adm = admission(data)
    crisis = crisis_frame(data)
    days = crisis_days(adm, suspension(data))
    fig = timeline_chart(
        data,
        crisis,
        title=f"{len(departures(data))} brands left, and the coalition suspended Alibaba {days} days after admitting it",
        subtitle="When each happening took place, as the articles date it: a day, or every day it may have fallen on",
        source=data.source_line("events")
        + "<br>Record dates: public documents, not from the articles (see Against the record)",
        note=CRISIS_NOTE,
        record=marks,
    )
    record_cols = {"record_start": "record_date_start", "record_end": "record_date_end", "fit": "record_fit"}
    crisis = crisis.assign(possible_days=crisis["possible_days"].map(_days_text))
    chart_data = crisis.merge(
        marks[["event_id", "record_start", "record_end", "record document", "fit"]].rename(columns=record_cols),
        on="event_id",
        how="left",
    )
    return fig, chart_data


def show_crisis_timeline(data: Data, name: str) -> None:
    """Draw the lead timeline and save its chart data as `name` (notebooks 00 and 01)."""
    fig, chart_data = crisis_timeline(data)
    show(fig, name, chart_data)


def _days_text(days) -> str:
    return "; ".join(f"{d:%Y-%m-%d}" for d in days)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
