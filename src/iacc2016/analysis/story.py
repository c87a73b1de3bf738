"""The membership crisis, computed: admission, departures, objections, suspension, the day
by day cascade, and every organization's status.

Events are picked out by what happens (the controlled `action` vocabulary), never by typed
dates, so a corrected row in data/ flows through. Pure functions: tables in, frames of
codes, numbers and dates out (the words are added in iacc2016.present.story).
"""

from __future__ import annotations

import pandas as pd

from ..data.tables import Tables
from ..data.weekdays import possible_days

DAY = pd.Timedelta(days=1)
# The history chart of notebook 01 shows this many years before the admission: a window
# of presentation, not a fact (the founding, decades earlier, is in its table).
HISTORY_YEARS = 5


def _one(frame: pd.DataFrame, what: str) -> pd.Series:
    if len(frame) != 1:
        raise ValueError(f"expected exactly one {what} event, found {len(frame)}")
    return frame.iloc[0]


def admission(t: Tables) -> pd.Series:
    """The one event in which someone joins the IACC."""
    e = t.events
    return _one(e[(e["action"] == "join") & (e["target_id"] == "iacc")], "admission (join the IACC)")


def suspension(t: Tables) -> pd.Series:
    """The one event in which the IACC suspends a membership."""
    e = t.events
    return _one(e[(e["action"] == "suspend") & (e["actor_id"] == "iacc")], "suspension")


def conference(t: Tables) -> pd.Series:
    e = t.events
    return _one(e[e["action"] == "hold_conference"], "conference")


def reported_by(t: Tables, table: str, record_ids) -> dict[str, list[str]]:
    """record_id -> outlets (in publication order) with evidence for it."""
    outlet = t.outlet_of()
    order = {o: i for i, o in enumerate(t.outlet_order())}
    ev = t.evidence[(t.evidence["record_table"] == table) & t.evidence["record_id"].isin(list(record_ids))]
    out: dict[str, list[str]] = {}
    for rid, group in ev.groupby("record_id", sort=True):
        outlets = {outlet[s] for s in group["source_id"]}
        out[rid] = sorted(outlets, key=order.get)
    return out


def departures(t: Tables) -> pd.DataFrame:
    """Who left the IACC, when (an interval), how many days after the admission (earliest
    and latest, and `possible_days`, the days after it on which a departure dated by a
    weekday may fall; empty for others), the reason given, and which outlets report it;
    by earliest date."""
    start = admission(t)["date_start"]
    e = t.events[(t.events["action"] == "leave") & (t.events["target_id"] == "iacc")]
    e = e.sort_values(["date_start", "date_end", "event_id"])
    by = reported_by(t, "events", e["event_id"])
    return pd.DataFrame(
        {
            "event_id": e["event_id"],
            "member_id": e["actor_id"],
            "date_start": e["date_start"],
            "date_end": e["date_end"],
            "date_precision": e["date_precision"],
            "date_text": e["date_text"],
            "days_earliest": (e["date_start"] - start).dt.days,
            "days_latest": (e["date_end"] - start).dt.days,
            "possible_days": [
                [(d - start).days for d in possible_days(a, b, w, basis)]
                for a, b, w, basis in zip(e["date_start"], e["date_end"], e["date_text"], e["date_basis"], strict=True)
            ],
            "reason_given": e["reason_given"],
            "outlets": [by.get(i, []) for i in e["event_id"]],
        }
    ).reset_index(drop=True)


def objections(t: Tables) -> pd.DataFrame:
    """Protests short of leaving: objections and letters by members that did not leave
    (nor belong to one that left); by earliest date."""
    m = t.members.set_index("member_id")
    left = set(m.index[m["iacc_status"] == "left"])
    e = t.events[t.events["action"].isin(["object", "send_letter"])]
    stayed = ~e["actor_id"].isin(left) & ~e["actor_id"].map(m["parent_id"]).isin(left)
    e = e[stayed].sort_values(["date_start", "date_end", "event_id"])
    return pd.DataFrame(
        {
            "event_id": e["event_id"],
            "member_id": e["actor_id"],
            "date_start": e["date_start"],
            "date_end": e["date_end"],
            "summary": e["summary"],
            "iacc_status": e["actor_id"].map(m["iacc_status"]),
        }
    ).reset_index(drop=True)


def cascade(t: Tables) -> pd.DataFrame:
    """Day by day from the admission to the end of the conference: departures and
    objections that had certainly happened (latest possible date passed) and that may have
    happened (earliest possible date passed; an objection with no earliest date counts
    from the admission)."""
    first = admission(t)["date_start"]
    last = conference(t)["date_end"]
    dep, obj = departures(t), objections(t)
    rows = []
    for day in pd.date_range(first, last, freq="D"):
        rows.append(
            {
                "day": day,
                "departures_certain": int((dep["date_end"] <= day).sum()),
                "departures_possible": int((dep["date_start"] <= day).sum()),
                "objections_certain": int((obj["date_end"] <= day).sum()),
                "objections_possible": int((obj["date_start"].fillna(first) <= day).sum()),
            }
        )
    return pd.DataFrame(rows)


def organizations(t: Tables) -> pd.DataFrame:
    """Every organization (people excluded), by status at the end (most telling first: the
    codebook's `sortOrder` of members.iacc_status), kind, name."""
    m = t.members[t.members["kind"] != "person"].copy()
    m["_order"] = m["iacc_status"].map(t.package.code_property("members", "iacc_status", "sortOrder"))
    m = m.sort_values(["_order", "kind", "name"])
    return m[["member_id", "name", "kind", "parent_id", "iacc_status", "stance", "status_note"]].reset_index(drop=True)


def timeline(t: Tables, start=None, end=None) -> pd.DataFrame:
    """Events to draw overlapping [start, end], with the actor's side and how each is drawn
    (`drawn`, the codebook's property of its date_precision: 'day' for a marker, 'span' for
    a solid bar over known days, 'interval' for a hatched bar over every possible day).
    Events known only by an upper bound ('before', which has no `drawn`) are left out. Sorted by earliest date, latest date, label."""
    e = t.events[t.events["date_precision"] != "before"].copy()
    if start is not None:
        e = e[e["date_end"] >= start]
    if end is not None:
        e = e[e["date_start"] <= end]
    side = dict(zip(t.members["member_id"], t.members["side"], strict=True))
    e["side"] = e["actor_id"].map(side)
    e["drawn"] = e["date_precision"].map(t.package.code_property("events", "date_precision", "drawn"))
    # A weekday known only to an interval ('last Wednesday'): one of a few days, drawn as
    # separate marks ('days'), not as a bar over every day (data.weekdays).
    e["possible_days"] = [
        possible_days(a, b, w, basis)
        for a, b, w, basis in zip(e["date_start"], e["date_end"], e["date_text"], e["date_basis"], strict=True)
    ]
    e.loc[e["possible_days"].map(len) > 0, "drawn"] = "days"
    e = e.sort_values(["date_start", "date_end", "label"])
    columns = ["event_id", "label", "date_start", "date_end", "date_precision", "date_text", "drawn", "side"]
    return e[columns + ["event_status", "possible_days"]].reset_index(drop=True)


def days_between(a: pd.Series, b: pd.Series) -> int:
    """Whole days from event a's earliest date to event b's earliest date."""
    return int((b["date_start"] - a["date_start"]).days)


def single_source_quantities(figures: pd.DataFrame, evidence: pd.DataFrame, outlet_of: dict[str, str]) -> pd.DataFrame:
    """One row per quantity (a figure's metric; a conversion and its original count once):
    how many outlets print it and how many parties claim it. A figure is stored once per
    article, so outlets are counted per quantity, not per figure row."""
    ev = evidence[evidence["record_table"] == "figures"]
    outlets = ev.assign(outlet=ev["source_id"].map(outlet_of)).groupby("record_id")["outlet"].agg(set)
    rows = []
    for metric, group in figures.groupby("metric", sort=True):
        printed = set().union(*(outlets.get(i, set()) for i in group["figure_id"]))
        rows.append({"metric": metric, "outlets": len(printed), "claimants": group["claimant_id"].nunique()})
    return pd.DataFrame(rows, columns=["metric", "outlets", "claimants"])


def crisis_numbers(t: Tables) -> dict[str, object]:
    """The month in numbers: days from admission to suspension (earliest days), how many
    departures and protests short of leaving there were, how many departures had certainly
    happened by the suspension (latest possible day on or before its earliest day), and who
    left last (the departure whose latest possible day is latest; ties by earliest day)."""
    adm, sus = admission(t), suspension(t)
    dep, obj = departures(t), objections(t)
    last = dep.sort_values(["date_end", "date_start", "event_id"]).iloc[-1]["member_id"] if len(dep) else None
    return {
        "days_to_suspension": days_between(adm, sus),
        "departures": len(dep),
        "objections": len(obj),
        "left_by_suspension": int((dep["date_end"] <= sus["date_start"]).sum()),
        "last_to_leave": last,
    }
