"""The membership crisis in words: the display tables and the summary of notebooks 00 and
01. The numbers come from iacc2016.analysis.story; codes become names and dates words here."""

from __future__ import annotations

import pandas as pd

from ..analysis import story as a
from ..analysis.record import record_dates
from ..analysis.story import DAY, HISTORY_YEARS, admission, conference, suspension  # noqa: F401  (the notebooks' names)
from .markup import esc
from .notebook import Data, fmt_day, fmt_interval

EXACT, SPAN, INTERVAL = "known to the day", "several known days", "possible dates (interval)"
DAYS = "one of the days marked (a named weekday)"
SCHEDULED = "scheduled, not yet held"
DRAWN_AS = {"day": EXACT, "span": SPAN, "interval": INTERVAL, "days": DAYS}


def names(data: Data) -> dict[str, str]:
    return dict(zip(data.members["member_id"], data.members["name"], strict=True))


def _when(frame: pd.DataFrame) -> list[str]:
    return [fmt_interval(x, y) for x, y in zip(frame["date_start"], frame["date_end"], strict=True)]


def departures(data: Data) -> pd.DataFrame:
    """Who left the IACC, when (as an interval, or one of a few days), how long after the
    admission, and why."""
    d = a.departures(data)
    adm = admission(data)["date_start"]
    return pd.DataFrame(
        {
            "event_id": d["event_id"],
            "member_id": d["member_id"],
            "who left": d["member_id"].map(names(data)),
            "date_start": d["date_start"],
            "date_end": d["date_end"],
            "when": [
                w if not days else _or([fmt_day(adm + DAY * n)[:-5] for n in days]) + f" {end:%Y}"
                for w, days, end in zip(_when(d), d["possible_days"], d["date_end"], strict=True)
            ],
            "precision": d["date_precision"],
            "article's words": d["date_text"],
            "days after admission (earliest)": d["days_earliest"],
            "days after admission (latest)": d["days_latest"],
            "reason given": d["reason_given"],
            "reported by": [", ".join(o) for o in d["outlets"]],
            "articles": [len(o) for o in d["outlets"]],
        }
    )


def departure_days(data: Data) -> dict[str, list[int]]:
    """event_id -> the days after the admission on which a departure dated by a weekday
    may fall ([] for a departure known only to an interval): kept out of `departures`, whose
    cells are all shown as they are."""
    d = a.departures(data)
    return dict(zip(d["event_id"], d["possible_days"], strict=True))


def objections(data: Data) -> pd.DataFrame:
    """Protests short of leaving: objections and letters by members who did not leave."""
    o = a.objections(data)
    return pd.DataFrame(
        {
            "event_id": o["event_id"],
            "who objected": o["member_id"].map(names(data)),
            "date_start": o["date_start"],
            "date_end": o["date_end"],
            "when": _when(o),
            "what": o["summary"],
            "status at the end": o["iacc_status"],
        }
    )


def coverage_grid(data: Data, event_ids, label_by: pd.Series) -> pd.DataFrame:
    """Events x outlets: '●' where the outlet reports the event, '' where it does not."""
    by = a.reported_by(data, "events", event_ids)
    outlets = data.outlet_order()
    rows = {label_by[i]: ["●" if o in by.get(i, []) else "" for o in outlets] for i in event_ids}
    grid = pd.DataFrame.from_dict(rows, orient="index", columns=outlets)
    grid.index.name = "event"
    return grid


def organizations(data: Data) -> pd.DataFrame:
    """Every organization (people excluded) with its status at the end and its stance."""
    m = a.organizations(data)
    return pd.DataFrame(
        {
            "organization": m["name"],
            "kind": m["kind"],
            "part of": m["parent_id"].map(names(data)).fillna(""),
            "IACC status at the end": m["iacc_status"],
            "stance on Alibaba's membership": m["stance"],
            "how we know": m["status_note"],
        }
    )


def timeline_frame(data: Data, start=None, end=None) -> pd.DataFrame:
    """Events to draw, with how to draw each (see analysis.story.timeline), in words."""
    e = a.timeline(data, start, end)
    e["drawn as"] = e.pop("drawn").map(DRAWN_AS)
    e["when"] = _when(e)
    days = e["possible_days"].map(lambda d: _or([f"{x.day} {x:%B}" for x in d]) if d else "")
    e.loc[days != "", "when"] = days[days != ""] + " " + e["date_end"].dt.strftime("%Y")
    # For the hover: the outlet whose words give the date, and every outlet reporting it.
    source = data.events.set_index("event_id")["date_source_id"]
    e["date words from"] = e["event_id"].map(source).map(data.outlet_of()).fillna("")
    by = a.reported_by(data, "events", e["event_id"])
    e["reported by"] = [", ".join(by.get(i, [])) for i in e["event_id"]]
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
            "possible_days",
            "when",
            "date words from",
            "reported by",
        ]
    ]


def overview_summary(data: Data) -> str:
    """The story in one paragraph, every number computed from the tables.

    It says who left, not why: the motive is free text in events.reason_given, where not
    every article gives one, so a motive typed here would claim more than the data holds.
    The reasons, as the articles give them, are in notebook 01's departures table."""
    adm, sus, conf = admission(data), suspension(data), conference(data)
    dep = departures(data)
    days = (sus["date_start"] - adm["date_start"]).days
    quitters = _join([esc(name) for name in dep["who left"]])
    s = data.sources
    return (
        f"Alibaba joined the coalition on {fmt_day(adm['date_start'])}, {first_member_words(data)}. Within weeks, {len(dep)} brands left the coalition "
        f"({quitters}), others objected, and anonymous brand members threatened an exodus. "
        f"On {fmt_day(sus['date_start'])}, {days} days after the admission, the coalition suspended "
        f"Alibaba's membership (the public record adds what none of the articles says about the suspension: "
        "see the findings above); Jack Ma then withdrew from the coalition's spring conference, "
        f"scheduled for {fmt_interval(conf['date_start'], conf['date_end'])}.\n\n"
        f"The articles' facts rest on {len(s)} articles published between {fmt_day(s['published_start'].min())} "
        f"and {fmt_day(s['published_end'].max())}. From them we noted by hand {len(data.events)} dated events, "
        f"{len(data.members)} organizations and people, {len(data.figures)} figures and "
        f"{len(data.quotes)} quotations, backed by {len(data.evidence)} short verbatim extracts from the articles. "
        "The public-record checks ([Against the record](05-against-the-record.ipynb)) are kept apart and "
        "marked “not from the articles”."
    )


def first_member_words(data: Data) -> str:
    """'the first member admitted under a new category for intermediaries (CNBC: “...”)' where an
    article's sentence about the admission says 'first' (quoted from the evidence), else
    'admitted under a new category for intermediaries'."""
    adm = admission(data)
    ev = data.evidence[(data.evidence["record_table"] == "events") & (data.evidence["record_id"] == adm["event_id"])]
    said = [(s, x) for s, x in zip(ev["source_id"], ev["snippet"], strict=True) if "first" in str(x).lower()]
    if not said:
        return "admitted under a new category for intermediaries"
    source, words = max(said, key=lambda p: len(str(p[1])))
    outlet = data.outlet_of().get(source, source)
    return f"the first member admitted under a new category for intermediaries ({esc(outlet)}: “{esc(words)}”)"


def _or(items: list[str]) -> str:
    """'27 April, 4 May or 11 May'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def record_marks(data: Data, frame: pd.DataFrame) -> pd.DataFrame:
    """The public record's dates (not from the articles) for the events of `frame`, with
    the document's publisher and whether our interval holds them (analysis.record)."""
    r = record_dates(data.record_checks, data.events)
    r = r[r["event_id"].isin(frame["event_id"])].copy()
    docs = data.record_sources.set_index("record_source_id")
    r["label"] = r["event_id"].map(dict(zip(frame["event_id"], frame["label"], strict=True)))
    r["record when"] = [fmt_interval(x, y) for x, y in zip(r["record_start"], r["record_end"], strict=True)]
    r["our interval"] = _when(r)
    r["record document"] = r["record_source_id"].map(docs["publisher"])
    r["fits"] = r["fit"].map(FITS)
    return r


FITS = {
    "inside": "inside the articles' interval",
    "partly": "partly outside the articles' interval",
    "outside": "outside the articles' interval",
}


def record_fit(data: Data) -> pd.DataFrame:
    """The record's dates for the happenings of the crisis timeline (see record_marks)."""
    return record_marks(data, crisis_frame(data))


def crisis_frame(data: Data) -> pd.DataFrame:
    """The events of the lead timeline: a week before the admission to the conference's end."""
    adm, conf = admission(data), conference(data)
    return timeline_frame(data, start=adm["date_start"] - DAY * 7, end=conf["date_end"])


def record_spans_partly_outside(data: Data) -> str:
    """The record dates (not from the articles) of the timeline's happenings that our
    interval does not wholly hold, in one clause for 00 and 05: '2 more happenings of the
    timeline, for which the record gives a span partly outside our interval: ...'."""
    fits = record_fit(data)
    off = fits[fits["fit"] != "inside"]
    if not len(off):
        return ""
    items = "; ".join(
        f"{esc(r['label'])} (the record: {r['record when']}; the articles: {r['our interval']})"
        for _, r in off.iterrows()
    )
    noun = "happening" if len(off) == 1 else "happenings"
    return f"For {len(off)} more {noun} of the timeline the record gives a span partly outside our interval: {items}."
