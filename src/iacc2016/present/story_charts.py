"""The charts of notebook 01: the departures (the timelines are in story_timeline)."""

from __future__ import annotations

import plotly.graph_objects as go

from ..analysis.story import crisis_numbers
from .codebook import side_colors
from .notebook import Data
from .story import admission, departures, record_marks, suspension
from .story_timeline import (  # noqa: F401  (the notebooks' names)
    RECORD_COLOR,
    RECORD_NAME,
    crisis_timeline,
    show_crisis_timeline,
    show_history_timeline,
    timeline_chart,
)
from .style import finish, interval_marker, show


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
            customdata=dep[["when", "article's words", "reported by"]],
            hovertemplate="%{y} left: %{customdata[0]} (from the articles)<br>the dating words: “%{customdata[1]}”"
            "<br>reported by %{customdata[2]}<extra></extra>",
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
        x=days_to_suspension,
        y=1,
        yref="paper",
        yanchor="top",
        xanchor="right",
        xshift=-4,
        text="suspension day",
        showarrow=False,
        font={"color": side_colors(data)["iacc"]},
    )
    start = admission(data)["date_start"]
    marks = record_marks(data, dep.assign(label=dep["who left"]))
    hover = "%{y}<br>public record (not from the articles): %{customdata[0]}, %{customdata[1]}<br>%{customdata[2]}<extra></extra>"
    for _, r in marks.iterrows():  # the record's days (not from the articles): a thin dark line, ticked ends
        lo, hi = (r["record_start"] - start).days, (r["record_end"] - start).days + 1
        one_day = hi - lo == 1
        fig.add_trace(
            go.Scatter(
                y=[r["label"]] if one_day else [r["label"]] * 2,
                x=[lo + 0.5] if one_day else [lo, hi],
                mode="markers" if one_day else "lines+markers",
                name=RECORD_NAME,
                line={"color": RECORD_COLOR, "width": 1.5},
                marker={
                    "symbol": "circle-open" if one_day else "line-ns-open",
                    "size": 9,
                    "color": RECORD_COLOR,
                    "line": {"width": 1.5},
                },
                customdata=[[r["record when"], r["record document"], r["fits"]]] * (1 if one_day else 2),
                hovertemplate=hover,
            )
        )
    fig.update_yaxes(ticksuffix="  ")
    fig.update_yaxes(categoryorder="array", categoryarray=list(dep["who left"]), autorange="reversed")
    fig.update_xaxes(range=[-0.5, days_to_suspension + 4], dtick=5)
    fig.update_layout(showlegend=False, bargap=0.45)
    maybe = dep.loc[dep["days after admission (latest)"] >= days_to_suspension, "who left"].tolist()
    on_the_day = f" ({' and '.join(maybe)} possibly on the suspension day itself)" if maybe else ""
    fig = finish(
        fig,
        title,
        source,
        x_title="Days after Alibaba's admission (0 = the day it joined)",
        y_title="",
        height=380,
        subtitle="The days on which each brand may have left, counted from the admission" + on_the_day,
        note="Each hatched bar spans every day on which the departure may have happened (from the articles).<br>"
        "Open circle or thin line: the date a public document gives (not from the articles); a circle sits at the middle of its day.",
    )
    chart_data = dep[
        ["who left", "date_start", "date_end", "days after admission (earliest)", "days after admission (latest)"]
    ].merge(
        marks[["label", "record_start", "record_end", "fit"]].rename(
            columns={
                "label": "who left",
                "record_start": "record_date_start",
                "record_end": "record_date_end",
                "fit": "record_fit",
            }
        ),
        on="who left",
        how="left",
    )
    return fig, chart_data


def show_departures(data: Data, name: str) -> None:
    """The departures chart of notebook 01, titled by what the intervals show."""
    n = crisis_numbers(data)
    if n["left_by_suspension"] == n["departures"]:
        title = f"All {n['departures']} departures came within {n['days_to_suspension']} days of the admission, none after the suspension"
    else:
        title = f"{n['left_by_suspension']} of {n['departures']} departures had certainly happened by the suspension"
    fig, chart_data = departures_chart(
        data,
        title=title,
        source=data.source_line("events")
        + "<br>Record dates: public documents, not from the articles (see Against the record)",
    )
    show(fig, name, chart_data)
