"""Notebook 01's words and reader tables: the findings, the record's dates in words, the
departures, dates and organizations as a reader meets them, and the sanity checks. The
numbers come from iacc2016.analysis (story, record); codes become the codebook's words."""

from __future__ import annotations

import pandas as pd

from ..analysis import story as a
from .codebook import status_order
from .notebook import Data, check, fmt_day, fmt_interval
from .story import (
    DAY,
    admission,
    conference,
    coverage_grid,
    crisis_frame,
    departure_days,
    departures,
    names,
    objections,
    organizations,
    record_marks,
    suspension,
)
from .story_dates import dating_words
from .story_record import record_dates_in_words


def findings(data: Data) -> str:
    """Notebook 01's findings list, every number computed (analysis.story.crisis_numbers)."""
    adm, sus, conf = admission(data), suspension(data), conference(data)
    n = a.crisis_numbers(data)
    dep, obj = departures(data), objections(data)
    order = "; ".join(
        f"**{w}**, {when} ({after} days after the admission)"
        for w, when, after in zip(dep["who left"], dep["when"], days_after(data, dep), strict=True)
    )
    last = names(data).get(n["last_to_leave"], "")
    return "\n".join(
        [
            f"- Alibaba joined on **{fmt_day(adm['date_start'])}**. {n['departures']} brands then left the "
            f"coalition: {order}.",
            f"- The order is firmer than the dates: the articles call Gucci the second brand to quit, and the "
            f"latest departure reported is {last}'s. All {n['left_by_suspension']} departures had happened by "
            f"**{fmt_day(sus['date_start'])}**, when the coalition suspended Alibaba, {n['days_to_suspension']} "
            "days after admitting it."
            if n["left_by_suspension"] == n["departures"]
            else f"- {n['left_by_suspension']} of {n['departures']} departures had certainly happened by "
            f"**{fmt_day(sus['date_start'])}**, when the coalition suspended Alibaba.",
            f"- {n['objections']} more protests stopped short of leaving, " + objections_in_words(data, obj) + ".",
            f"- After the suspension Jack Ma withdrew from the coalition's spring conference, scheduled for "
            f"{fmt_interval(conf['date_start'], conf['date_end'])}; the articles end before it opens.",
            f"- Against the public record (not from the articles): {record_dates_in_words(data)} The table under "
            "the chart names the document behind each.",
        ]
    )


def departures_table(data: Data) -> pd.DataFrame:
    """The departures as a reader reads them, with the public record's date beside the
    articles' (not from the articles; blank where the record gives none). Which outlets
    report each is the grid's (departures_grid)."""
    dep = departures(data)
    marks = record_marks(data, dep.assign(label=dep["who left"]))
    record = marks.groupby("event_id")["record when"].agg("; ".join)
    fits = marks.groupby("event_id")["fits"].agg("; ".join)
    events = data.events.set_index("event_id").loc[dep["event_id"]].reset_index()
    after = days_after(data, dep)
    return pd.DataFrame(
        {
            "who left": dep["who left"],
            "when": dep["when"],
            "days after the admission": after,
            "the article's words": dating_words(data, events),
            "reason given": dep["reason given"],
            "the record's date (not from the articles)": [
                f"{record[e]} ({fits[e]})" if e in record.index else "" for e in dep["event_id"]
            ],
        }
    )


def days_after(data: Data, dep: pd.DataFrame) -> list[str]:
    """Days from the admission to each departure: '8-17', or '14, 21 or 28' where the
    departure fell on one of a few days."""
    possible = departure_days(data)
    return [
        ", ".join(map(str, days[:-1])) + f" or {days[-1]}" if (days := possible[e]) else f"{lo}-{hi}"
        for e, lo, hi in zip(
            dep["event_id"],
            dep["days after admission (earliest)"],
            dep["days after admission (latest)"],
            strict=True,
        )
    ]


def objections_in_words(data: Data, obj: pd.DataFrame) -> str:
    """Each protest short of leaving, its authors grouped by their standing in the coalition
    at the end, in the codebook's prose words: 'by Longchamp and ... (not reported to have
    left) and by Unifab (whose standing at the end the articles do not give)'."""
    label = data.codebook("members", "iacc_status")
    prose = data.package.code_property("members", "iacc_status", "proseLabel")
    # An unnamed group's name is a description ('Anonymous brand-owner members'): lower case in a sentence.
    unnamed = set(data.members.loc[data.members["kind"] == "group", "name"])
    obj = obj.assign(**{"who objected": [w[:1].lower() + w[1:] if w in unnamed else w for w in obj["who objected"]]})
    groups = obj.groupby("status at the end", sort=False)["who objected"].agg(list)
    parts = []
    for s, who in groups.items():
        names = who[0] if len(who) == 1 else ", ".join(who[:-1]) + " and " + who[-1]
        parts.append(f"{names} ({prose.get(s) or label[s][0].lower() + label[s][1:]})")
    return "by " + " and by ".join(parts)


# Where a notebook other than 01 sends the reader for the events before the crisis.
HISTORY_ELSEWHERE = "the longer history of [Who left, and when](01-who-left-and-when.ipynb)"


def drawn_in_words(data: Data, history: str = "the longer history below") -> str:
    """What the lead timeline draws and leaves out, every count computed: how many events it
    draws, how many it leaves out because only a latest day is known, how many come earlier."""
    drawn = crisis_frame(data)
    e = data.events
    latest_only = e[e["date_precision"] == "before"]
    earlier = e[(e["date_end"] < admission(data)["date_start"] - DAY * 7) & (e["date_precision"] != "before")]
    later = len(e) - len(drawn) - len(latest_only) - len(earlier)
    return (
        f"Of the {len(e)} dated events, {len(drawn)} are drawn; {len(earlier)} earlier ones are in "
        f"{history}" + (f", {later} fall after the conference" if later else "") + f"; and {len(latest_only)} "
        "are not drawn, because the articles give only a latest date: "
        + "; ".join(f"{r.label} (before {fmt_day(r.date_end)})" for r in latest_only.itertuples())
        + "."
    )


def departures_grid(data: Data) -> pd.DataFrame:
    """Departures x outlets: which outlets report each departure."""
    labels = data.events.set_index("event_id")["label"]
    return coverage_grid(data, list(departures(data)["event_id"]), labels)


def organizations_in_words(data: Data) -> str:
    """How many organizations end in each status, in the codebook's words, and, by name,
    those left out because they are not candidates for membership in this story."""
    orgs = organizations(data)
    status = data.codebook("members", "iacc_status")
    order = {s: i for i, s in enumerate(status_order(data))}
    counts = orgs["IACC status at the end"].value_counts()
    counts = counts.iloc[sorted(range(len(counts)), key=lambda i: order.get(counts.index[i], len(order)))]
    shown = counts.drop("not_applicable", errors="ignore")
    out = (
        "Where each organization stood with the coalition when the articles end: "
        + "; ".join(f"{status[s][0].lower() + status[s][1:]}: {n}" for s, n in shown.items())
        + "."
    )
    if "not_applicable" in counts:
        left_out = orgs[orgs["IACC status at the end"] == "not_applicable"]
        kinds = data.package.code_property("members", "kind", "shortLabel")
        groups = left_out.groupby("kind", sort=False)["organization"].agg(list)
        named = "; ".join(f"{kinds.get(k, k).lower()}: {', '.join(n)}" for k, n in groups.items())
        out += (
            f" The table leaves out {counts['not_applicable']} more, which are not candidates for membership in this "
            f"story ({named})."
        )
    return out


def objections_table(data: Data) -> pd.DataFrame:
    """The protests short of leaving as a reader sees them, each status in its own field's words."""
    obj = objections(data).drop(columns=["event_id", "date_start", "date_end"])
    short = data.package.code_property("members", "iacc_status", "shortLabel")
    obj["status at the end"] = obj["status at the end"].map(
        lambda c: short.get(c) or data.codebook("members", "iacc_status")[c]
    )
    return obj


def organizations_table(data: Data) -> pd.DataFrame:
    """The organizations that could be members, by status at the end (the rest are named
    in organizations_in_words), each code in its field's short name (`shortLabel`), the
    group a brand belongs to beside its name."""
    orgs = organizations(data)
    orgs = orgs[orgs["IACC status at the end"] != "not_applicable"].reset_index(drop=True)
    as_of = member_as_of(data, orgs)
    part = orgs.pop("part of")
    orgs["organization"] = [f"{o} ({p})" if p else o for o, p in zip(orgs["organization"], part, strict=True)]
    # each code through its own field's names: 'unknown' means different things in different fields
    for col, field in (
        ("kind", "kind"),
        ("IACC status at the end", "iacc_status"),
        ("stance on Alibaba's membership", "stance"),
    ):
        short = data.package.code_property("members", field, "shortLabel")
        orgs[col] = orgs[col].map(lambda c, f=field, s=short: s.get(c) or data.codebook("members", f)[c])
    orgs["IACC status at the end"] = [
        f"{st} ({as_of[o]})" if o in as_of else st
        for st, o in zip(orgs["IACC status at the end"], orgs["organization"], strict=True)
    ]
    return orgs.rename(
        columns={"IACC status at the end": "status at the end", "stance on Alibaba's membership": "stance"}
    )


def member_as_of(data: Data, orgs: pd.DataFrame) -> dict[str, str]:
    """For each organization the articles leave as a member (before the table renames it):
    'per WWD, 12-13 May 2016', the latest-published article that names it, so the status is
    read as of that article's days, not as of the story's end."""
    ids = dict(zip(data.members["name"], data.members["member_id"], strict=True))
    src = data.sources.set_index("source_id")
    ev = data.evidence[data.evidence["record_table"] == "members"]
    out = {}
    for name in orgs.loc[orgs["IACC status at the end"] == "member", "organization"]:
        mine = src.loc[sorted(set(ev.loc[ev["record_id"] == ids.get(name), "source_id"]))]
        if mine.empty:
            continue
        last = mine.sort_values(["published_end", "published_start", "outlet"]).iloc[-1]
        out[name] = f"per {last['outlet']}, {fmt_interval(last['published_start'], last['published_end'])}"
    return out


def sanity_checks(data: Data) -> None:
    """The visible checks of notebook 01, in a reader's words (each prints a tick or stops
    the notebook)."""
    adm, sus, conf = admission(data), suspension(data), conference(data)
    dep = departures(data)
    days = a.crisis_numbers(data)["days_to_suspension"]
    check(
        "Every departure is reported by at least one article",
        bool((dep["articles"] >= 1).all()),
        ", ".join(f"{w} by {n}" for w, n in zip(dep["who left"], dep["articles"], strict=True)),
    )
    check(
        "No brand's last possible day of leaving comes before Alibaba joined",
        bool((dep["date_end"] >= adm["date_start"]).all()),
    )
    check(
        "No brand's last possible day of leaving comes after the suspension",
        bool((dep["days after admission (latest)"] <= days).all()),
    )
    first = dep[dep["date_start"] == adm["date_start"]]
    check(
        "No brand is dated as leaving on the very day Alibaba joined",
        bool((first["precision"] != "day").all()),
        "; ".join(f"{w} may have ('{t}')" for w, t in zip(first["who left"], first["article's words"], strict=True)),
    )
    check("The suspension comes before the conference was due to open", bool(sus["date_start"] < conf["date_start"]))
