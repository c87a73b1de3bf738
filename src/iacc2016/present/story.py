"""The membership crisis as tables: admission, departures, objections, suspension.

Events are picked out by what happens (the controlled `action` vocabulary), never by typed
dates, so a corrected row in data/ flows through every table and chart."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .notebook import Data, fmt_day, fmt_interval
from .style import SIDE_COLORS, axis_year_label, date_tickformat, finish, interval_marker, mark_x

DAY = pd.Timedelta(days=1)


def _one(frame: pd.DataFrame, what: str) -> pd.Series:
    if len(frame) != 1:
        raise ValueError(f"expected exactly one {what} event, found {len(frame)}")
    return frame.iloc[0]


def admission(data: Data) -> pd.Series:
    e = data.events
    return _one(e[(e["action"] == "join") & (e["target_id"] == "iacc")], "admission (join the IACC)")


def suspension(data: Data) -> pd.Series:
    e = data.events
    return _one(e[(e["action"] == "suspend") & (e["actor_id"] == "iacc")], "suspension")


def conference(data: Data) -> pd.Series:
    e = data.events
    return _one(e[e["action"] == "hold_conference"], "conference")


def names(data: Data) -> dict[str, str]:
    return dict(zip(data.members["member_id"], data.members["name"], strict=True))


def reported_by(data: Data, table: str, record_ids) -> dict[str, list[str]]:
    """record_id -> outlets (in publication order) with evidence for it."""
    outlet = data.outlet_of()
    order = {o: i for i, o in enumerate(data.outlet_order())}
    ev = data.evidence[(data.evidence["record_table"] == table) & data.evidence["record_id"].isin(list(record_ids))]
    out: dict[str, list[str]] = {}
    for rid, group in ev.groupby("record_id", sort=True):
        outlets = {outlet[s] for s in group["source_id"]}
        out[rid] = sorted(outlets, key=order.get)
    return out


def departures(data: Data) -> pd.DataFrame:
    """Who left the IACC, when (as an interval), how long after the admission, and why."""
    start = admission(data)["date_start"]
    e = data.events[(data.events["action"] == "leave") & (data.events["target_id"] == "iacc")]
    e = e.sort_values(["date_start", "date_end", "event_id"])
    who = names(data)
    by = reported_by(data, "events", e["event_id"])
    return pd.DataFrame(
        {
            "event_id": e["event_id"],
            "member_id": e["actor_id"],
            "who left": e["actor_id"].map(who),
            "date_start": e["date_start"],
            "date_end": e["date_end"],
            "when": [fmt_interval(a, b) for a, b in zip(e["date_start"], e["date_end"], strict=True)],
            "precision": e["date_precision"],
            "article's words": e["date_text"],
            "days after admission (earliest)": (e["date_start"] - start).dt.days,
            "days after admission (latest)": (e["date_end"] - start).dt.days,
            "reason given": e["reason_given"],
            "reported by": [", ".join(by.get(i, [])) for i in e["event_id"]],
            "articles": [len(by.get(i, [])) for i in e["event_id"]],
        }
    ).reset_index(drop=True)


def objections(data: Data) -> pd.DataFrame:
    """Protests short of leaving: objections and letters by members who did not leave."""
    m = data.members.set_index("member_id")
    left = set(m.index[m["iacc_status"] == "left"])
    e = data.events[data.events["action"].isin(["object", "send_letter"])]
    stayed = ~e["actor_id"].isin(left) & ~e["actor_id"].map(m["parent_id"]).isin(left)
    e = e[stayed].sort_values(["date_start", "date_end", "event_id"])
    who = names(data)
    return pd.DataFrame(
        {
            "event_id": e["event_id"],
            "who objected": e["actor_id"].map(who),
            "date_start": e["date_start"],
            "date_end": e["date_end"],
            "when": [fmt_interval(a, b) for a, b in zip(e["date_start"], e["date_end"], strict=True)],
            "what": e["summary"],
            "status at the end": e["actor_id"].map(m["iacc_status"]),
        }
    ).reset_index(drop=True)


def coverage_grid(data: Data, event_ids, label_by: pd.Series) -> pd.DataFrame:
    """Events x outlets: '●' where the outlet reports the event, '' where it does not."""
    by = reported_by(data, "events", event_ids)
    outlets = data.outlet_order()
    rows = {label_by[i]: ["●" if o in by.get(i, []) else "" for o in outlets] for i in event_ids}
    grid = pd.DataFrame.from_dict(rows, orient="index", columns=outlets)
    grid.index.name = "event"
    return grid


def cascade(data: Data) -> pd.DataFrame:
    """Day by day from the admission to the end of the conference: departures and
    objections that had certainly happened (latest possible date passed) and that may have
    happened (earliest possible date passed)."""
    first = admission(data)["date_start"]
    last = conference(data)["date_end"]
    days = pd.date_range(first, last, freq="D")
    dep, obj = departures(data), objections(data)
    rows = []
    for day in days:
        rows.append(
            {
                "day": day,
                "departures, certain": int((dep["date_end"] <= day).sum()),
                "departures, possible": int((dep["date_start"] <= day).sum()),
                "objections, certain": int((obj["date_end"] <= day).sum()),
                "objections, possible": int((obj["date_start"].fillna(first) <= day).sum()),
            }
        )
    return pd.DataFrame(rows)


STATUS_ORDER = ["suspended", "left", "member", "declined_to_join", "never_member", "unknown", "not_applicable"]


def organizations(data: Data) -> pd.DataFrame:
    """Every organization (people excluded) with its status at the end and its stance."""
    m = data.members[data.members["kind"] != "person"].copy()
    m["_order"] = m["iacc_status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    m = m.sort_values(["_order", "kind", "name"])
    who = names(data)
    return pd.DataFrame(
        {
            "organization": m["name"],
            "kind": m["kind"],
            "part of": m["parent_id"].map(who).fillna(""),
            "IACC status at the end": m["iacc_status"],
            "stance on Alibaba's membership": m["stance"],
            "how we know": m["status_note"],
        }
    ).reset_index(drop=True)


def overview_summary(data: Data) -> str:
    """The story in one paragraph, every number computed from the tables."""
    adm, sus, conf = admission(data), suspension(data), conference(data)
    dep = departures(data)
    days = (sus["date_start"] - adm["date_start"]).days
    quitters = _join(list(dep["who left"]))
    s = data.sources
    return (
        f"Alibaba joined the coalition on {fmt_day(adm['date_start'])}, the first member admitted under "
        f"a new category for intermediaries. Within weeks, {len(dep)} brands quit in protest "
        f"({quitters}), others objected, and anonymous brand members threatened an exodus. "
        f"On {fmt_day(sus['date_start'])}, {days} days after the admission, the coalition suspended "
        f"Alibaba's membership; Jack Ma then withdrew from the coalition's spring conference, "
        f"scheduled for {fmt_interval(conf['date_start'], conf['date_end'])}.\n\n"
        f"The tables rest on {len(s)} articles published between {fmt_day(s['published_start'].min())} "
        f"and {fmt_day(s['published_end'].max())}: {len(data.events)} dated events, "
        f"{len(data.members)} organizations and people, {len(data.figures)} figures and "
        f"{len(data.quotes)} quotations, with {len(data.evidence)} verbatim evidence snippets."
    )


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# ------------------------------------------------------------------------------ charts
SIDE_NAMES = {"brands": "Brands", "alibaba": "Alibaba", "iacc": "The coalition", "other": "Others"}
EXACT, SPAN, INTERVAL = "known to the day", "several known days", "possible dates (interval)"


def timeline_frame(data: Data, start=None, end=None) -> pd.DataFrame:
    """Events to draw, with how to draw each: a marker when known to the day, a solid bar
    for a multi-day happening whose days are known, a hatched bar over every possible day
    otherwise. Events known only by an upper bound ('before') are left out (and listed)."""
    e = data.events[data.events["date_precision"] != "before"].copy()
    if start is not None:
        e = e[e["date_end"] >= start]
    if end is not None:
        e = e[e["date_start"] <= end]
    side = dict(zip(data.members["member_id"], data.members["side"], strict=True))
    e["side"] = e["actor_id"].map(side)
    e["drawn as"] = e["date_precision"].map({"day": EXACT, "span": SPAN}).fillna(INTERVAL)
    e["when"] = [fmt_interval(a, b) for a, b in zip(e["date_start"], e["date_end"], strict=True)]
    e = e.sort_values(["date_start", "date_end", "label"])
    return e[
        [
            "event_id",
            "label",
            "date_start",
            "date_end",
            "date_precision",
            "date_text",
            "drawn as",
            "side",
            "event_status",
            "when",
        ]
    ].reset_index(drop=True)


def timeline_chart(data: Data, frame: pd.DataFrame, title: str, source: str, note: str):

    fig = go.Figure()
    order = list(frame["label"])
    for side in ["brands", "alibaba", "iacc", "other"]:
        mine = frame[frame["side"] == side]
        color = SIDE_COLORS[side]
        for drawn, style in ((INTERVAL, interval_marker(color)), (SPAN, {"color": color, "opacity": 0.9})):
            bars = mine[mine["drawn as"] == drawn]
            if len(bars):
                widths = (bars["date_end"] + DAY - bars["date_start"]).dt.total_seconds() * 1000
                fig.add_trace(
                    go.Bar(
                        y=bars["label"],
                        x=widths,
                        base=bars["date_start"].dt.strftime("%Y-%m-%d"),
                        orientation="h",
                        name=f"{SIDE_NAMES[side]}: {drawn}",
                        marker=style,
                        customdata=bars[["when", "date_text"]],
                        hovertemplate="%{y}<br>%{customdata[0]}<br>article: “%{customdata[1]}”<extra></extra>",
                    )
                )
        days = mine[mine["drawn as"] == EXACT]
        if len(days):
            symbols = days["event_status"].map({"cancelled": "x", "scheduled": "diamond-open"}).fillna("diamond")
            fig.add_trace(
                go.Scatter(
                    y=days["label"],
                    x=(days["date_start"] + DAY / 2).dt.strftime("%Y-%m-%d %H:%M"),
                    mode="markers",
                    name=f"{SIDE_NAMES[side]}: {EXACT}",
                    marker={"color": color, "size": 11, "symbol": list(symbols), "line": {"color": "#333", "width": 1}},
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
            marker=interval_marker(SIDE_COLORS["brands"]),
            name="possible days of departure",
            customdata=dep[["when", "article's words"]],
            hovertemplate="%{y}: %{customdata[0]}<br>article: “%{customdata[1]}”<extra></extra>",
        )
    )
    # Day d is drawn as [d, d + 1); the suspension day is shaded whole, since the articles
    # do not say whether a departure on that day came before or after it.
    fig.add_vrect(
        x0=days_to_suspension, x1=days_to_suspension + 1, fillcolor=SIDE_COLORS["iacc"], opacity=0.15, line_width=0
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
        font={"color": SIDE_COLORS["iacc"]},
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


def cascade_chart(data: Data, title: str, source: str):

    c = cascade(data)
    fig = go.Figure()
    styles = {
        "departures, certain": (SIDE_COLORS["brands"], "solid"),
        "departures, possible": (SIDE_COLORS["brands"], "dot"),
        "objections, certain": (SIDE_COLORS["other"], "solid"),
        "objections, possible": (SIDE_COLORS["other"], "dot"),
    }
    for col, (color, dash) in styles.items():
        fig.add_trace(
            go.Scatter(
                x=c["day"].dt.strftime("%Y-%m-%d"),
                y=c[col],
                mode="lines",
                line={"shape": "hv", "color": color, "dash": dash, "width": 2.5},
                name=col,
            )
        )
    sus = suspension(data)["date_start"]
    mark_x(fig, sus.strftime("%Y-%m-%d"), "suspension", SIDE_COLORS["iacc"])
    fig.update_yaxes(rangemode="tozero", dtick=1)
    fig.update_xaxes(type="date", tickformat=date_tickformat(c["day"]))
    fig = finish(
        fig,
        title,
        source,
        x_title=axis_year_label(c["day"]),
        y_title="Cumulative count",
        height=470,
        note="Certain: the latest possible date has passed. Possible: the earliest possible date has passed.",
        legend_rows=2,
    )
    return fig, c
