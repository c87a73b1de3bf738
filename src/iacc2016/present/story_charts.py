"""The charts of notebook 01: the departures and the longer history (the timeline drawing
is in story_timeline)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..analysis.story import DAY, HISTORY_YEARS, crisis_numbers
from .codebook import side_colors
from .notebook import Data
from .story import admission, departure_days, departures, record_marks, suspension, timeline_frame
from .story_timeline import (  # noqa: F401  (the notebooks' names)
    RECORD_COLOR,
    RECORD_NAME,
    RECORD_OFFSET,
    _days_text,
    crisis_timeline,
    show_crisis_timeline,
    timeline_chart,
)
from .style import finish, interval_marker, show


def departures_chart(data: Data, title: str, source: str):

    dep = departures(data)
    dep = dep.assign(**{"possible days": dep["event_id"].map(departure_days(data))})
    days_to_suspension = (suspension(data)["date_start"] - admission(data)["date_start"]).days
    row = {w: i for i, w in enumerate(dep["who left"])}
    color = side_colors(data)["brands"]
    hover = (
        "%{customdata[3]} left: %{customdata[0]} (from the articles)<br>the dating words: “%{customdata[1]}”"
        "<br>reported by %{customdata[2]}<extra></extra>"
    )
    cols = ["when", "article's words", "reported by", "who left"]
    bars = dep[dep["possible days"].map(len) == 0]
    fig = go.Figure(
        go.Bar(
            y=bars["who left"].map(row),
            base=bars["days after admission (earliest)"],
            x=bars["days after admission (latest)"] - bars["days after admission (earliest)"] + 1,
            orientation="h",
            width=0.55,
            marker=interval_marker(color),
            name="possible days of departure",
            customdata=bars[cols],
            hovertemplate=hover,
        )
    )
    for _, r in dep[dep["possible days"].map(len) > 0].iterrows():  # one of a few days: a tick on each
        fig.add_trace(
            go.Scatter(
                y=[row[r["who left"]]] * len(r["possible days"]),
                x=[n + 0.5 for n in r["possible days"]],
                mode="markers",
                name="possible days of departure",
                marker={"color": color, "size": 22, "symbol": "line-ns", "line": {"color": color, "width": 4}},
                customdata=[[r[c] for c in cols]] * len(r["possible days"]),
                hovertemplate=hover,
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
    hover = (
        "%{customdata[3]}<br>public record (not from the articles): %{customdata[0]}, %{customdata[1]}"
        "<br>%{customdata[2]}<extra></extra>"
    )
    for _, r in marks.iterrows():  # the record's days (not from the articles): a thin dark line, ticked ends
        lo, hi = (r["record_start"] - start).days, (r["record_end"] - start).days + 1
        one_day = hi - lo == 1
        fig.add_trace(
            go.Scatter(
                y=[row[r["label"]] + RECORD_OFFSET] * (1 if one_day else 2),
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
                customdata=[[r["record when"], r["record document"], r["fits"], r["label"]]] * (1 if one_day else 2),
                hovertemplate=hover,
            )
        )
    fig.update_yaxes(ticksuffix="  ")
    fig.update_yaxes(tickmode="array", tickvals=list(row.values()), ticktext=list(row), showgrid=False, zeroline=False)
    fig.update_yaxes(range=[len(row) - 0.45, -0.6], autorange=False)
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
        note="Hatched bar: the departure fell on one of the days it spans; ticks: on one of the days ticked (from the articles).<br>"
        "Open circle or thin line just under a row: the date a public document gives (not from the articles).",
    )
    chart_data = dep.assign(
        **{"possible days after admission": dep["possible days"].map(lambda d: "; ".join(map(str, d)))}
    )[
        [
            "who left",
            "date_start",
            "date_end",
            "days after admission (earliest)",
            "days after admission (latest)",
            "possible days after admission",
        ]
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


def show_history_timeline(data: Data, name: str) -> None:
    """Notebook 01's longer history: the years before the admission (HISTORY_YEARS)."""
    adm = admission(data)
    recent = timeline_frame(
        data, start=adm["date_start"] - pd.DateOffset(years=HISTORY_YEARS), end=adm["date_start"] - DAY * 8
    )
    flagged = recent["event_id"].isin(contradicted_events(data, recent["event_id"]))
    recent.loc[flagged, "label"] = recent.loc[flagged, "label"] + MARK
    fig = timeline_chart(
        data,
        recent,
        title="Before the admission: a joint program, lawsuits by Kering's brands, a new enforcement chief",
        subtitle=(
            f"Happenings the articles date within the {HISTORY_YEARS} years before the admission "
            f"(the earliest in {recent['date_start'].min().year}){_table_only(data, recent)}"
        ),
        source=data.source_line("events"),
        note=history_note(data, recent),
    )
    show(fig, name, recent.assign(possible_days=recent["possible_days"].map(_days_text)))


def _table_only(data: Data, recent: pd.DataFrame) -> str:
    """'; IACC founded (1979) is in the table only': the longer history's events the chart
    does not draw, because they fall before its years."""
    adm = admission(data)
    e = data.events[
        (data.events["date_end"] < adm["date_start"] - DAY * 7) & ~data.events["event_id"].isin(recent["event_id"])
    ]
    if e.empty:
        return ""
    e = e.sort_values(["date_start", "date_end"])
    items = [f"{r.label} ({r.date_start.year})" for r in e.itertuples()]
    return f"; {', '.join(items)} {'is' if len(items) == 1 else 'are'} in the table only"


def contradicted_events(data: Data, event_ids) -> list[str]:
    """The events among `event_ids` whose statement the public record contradicts."""
    c = data.record_checks
    hit = c[(c["checks_table"] == "events") & (c["rating"] == "contradicted") & c["checks_id"].isin(list(event_ids))]
    return list(dict.fromkeys(hit["checks_id"]))


MARK = " †"


def history_note(data: Data, recent: pd.DataFrame) -> str:
    """The history chart's footer: what a hatched bar means, what a bar over whole years
    covers, and which rows rest on a statement the public record contradicts (marked †)."""
    whole_years = recent[
        (recent["date_start"].dt.strftime("%m-%d") == "01-01")
        & (recent["date_end"].dt.strftime("%m-%d") == "12-31")
        & (recent["date_start"].dt.year < recent["date_end"].dt.year)
    ]
    note = "Hatched bars span every possible day"
    for _, r in whole_years.iterrows():
        years = range(r["date_start"].year, r["date_end"].year + 1)
        note += f"; the “{r['label']}” bar covers {' and '.join(map(str, years))}, the years the articles give for it"
    note += "."
    hit = contradicted_events(data, recent["event_id"])
    if hit:
        note += (
            f"<br>{MARK.strip()} The public record (not from the articles) contradicts part of the articles' "
            "statement behind this row; see the table above."
        )
    return note
