"""The membership crisis as tables: admission, departures, objections, suspension.

Events are picked out by what happens (the controlled `action` vocabulary), never by typed
dates, so a corrected row in data/ flows through every table and chart."""

from __future__ import annotations

import pandas as pd

from .nb import Data, fmt_day, fmt_interval

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
