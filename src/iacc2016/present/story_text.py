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
    _when,
    admission,
    conference,
    coverage_grid,
    crisis_frame,
    departures,
    names,
    objections,
    organizations,
    record_fit,
    record_marks,
    suspension,
)


def findings(data: Data) -> str:
    """Notebook 01's findings list, every number computed (analysis.story.crisis_numbers)."""
    adm, sus, conf = admission(data), suspension(data), conference(data)
    n = a.crisis_numbers(data)
    dep, obj = departures(data), objections(data)
    order = "; ".join(
        f"**{r['who left']}**, {r['when']} ({r['days after admission (earliest)']}-"
        f"{r['days after admission (latest)']} days after the admission)"
        for _, r in dep.iterrows()
    )
    last = names(data).get(n["last_to_leave"], "")
    fits = record_fit(data)
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
            f"- Against the public record (not from the articles): of {len(fits)} dates that public documents "
            f"give for happenings drawn below, **{int((fits['fit'] == 'inside').sum())}** lie inside the interval "
            "inferred from the articles. " + record_fit_exceptions(fits),
        ]
    )


def record_fit_exceptions(fits: pd.DataFrame) -> str:
    """A sentence on each record date our interval does not wholly hold (or that none)."""
    off = fits[fits["fit"] != "inside"]
    if not len(off):
        return "Every one lies inside."
    return " ".join(
        f"{r['label']}: the record gives {r['record when']}, according to {r['record document']}, "
        + (
            f"while the articles date it to {r['our interval']}"
            if r["date_start"] == r["date_end"]
            else f"while the articles' interval is {r['our interval']}"
        )
        + f", so the record's date lies {r['fits'].replace('our', 'that')}."
        for _, r in off.iterrows()
    )


def not_drawn(data: Data) -> str:
    """The events a timeline leaves out because the articles give only a latest date."""
    e = data.events[data.events["date_precision"] == "before"]
    return "; ".join(f"{r.label} (before {fmt_day(r.date_end)})" for r in e.itertuples())


READER_DATE_COLUMNS = {
    "label": "happening",
    "when": "when (possible days)",
    "date_precision": "how precise",
    "date_text": "the article's words",
    "sources_disagree": "do the articles disagree?",
    "date_basis": "how the date was found",
    "date_resolution": "our reasoning",
}


def history(data: Data) -> pd.DataFrame:
    """Events ending more than a week before the admission, by date, in reader's columns."""
    adm = admission(data)
    e = data.events[data.events["date_end"] < adm["date_start"] - DAY * 7].sort_values(["date_start", "date_end"])
    e = e.assign(when=_when(e))
    cols = ["label", "when", "date_precision", "date_text", "sources_disagree"]
    return _events_in_words(data, e[cols]).rename(columns=READER_DATE_COLUMNS).reset_index(drop=True)


def _events_in_words(data: Data, e: pd.DataFrame) -> pd.DataFrame:
    """The events' own codes through the events' own labels: 'range' and 'stated' are codes
    of the articles' publication dates too, whose labels would otherwise be shown."""
    out = e.copy()
    if "date_precision" in out:
        words = data.codebook("events", "date_precision")
        words |= data.package.code_property("events", "date_precision", "shortLabel")
        out["date_precision"] = out["date_precision"].map(words)
    if "date_basis" in out:
        out["date_basis"] = out["date_basis"].map(data.codebook("events", "date_basis"))
    return out


def vague_dates(data: Data) -> pd.DataFrame:
    """Every date of the crisis window not known to the day, with the words and reasoning."""
    adm = admission(data)
    e = data.events[(data.events["date_precision"] != "day") & (data.events["date_end"] >= adm["date_start"] - DAY * 7)]
    e = e.sort_values(["date_start", "date_end"])
    e = e.assign(when=_when(e))
    cols = ["label", "when", "date_precision", "date_text", "date_basis", "date_resolution"]
    return _events_in_words(data, e[cols]).rename(columns=READER_DATE_COLUMNS).reset_index(drop=True)


def departures_table(data: Data) -> pd.DataFrame:
    """The departures as a reader reads them, with the public record's date beside ours
    (not from the articles; blank where the record gives none)."""
    dep = departures(data)
    marks = record_marks(data, dep.assign(label=dep["who left"]))
    record = marks.groupby("event_id")["record when"].agg("; ".join)
    fits = marks.groupby("event_id")["fits"].agg("; ".join)
    shown = dep.drop(columns=["event_id", "member_id", "date_start", "date_end", "articles"])
    shown["precision"] = shown["precision"].map(data.package.code_property("events", "date_precision", "shortLabel"))
    shown["the record's date (not from the articles)"] = [
        f"{record[e]} ({fits[e]})" if e in record.index else "" for e in dep["event_id"]
    ]
    return shown


def objections_in_words(data: Data, obj: pd.DataFrame) -> str:
    """Each protest short of leaving, its authors grouped by their standing in the coalition
    at the end, in the codebook's prose words: 'by Longchamp and ... (still in the coalition
    when the articles end) and by Unifab (whose standing at the end the articles do not give)'."""
    label = data.codebook("members", "iacc_status")
    prose = data.package.code_property("members", "iacc_status", "proseLabel")
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
    """How many organizations end in each status, in the codebook's words."""
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
        na = status["not_applicable"]
        out += f" The table leaves out {counts['not_applicable']} more, each {na[0].lower() + na[1:]}."
    return out


def objections_table(data: Data) -> pd.DataFrame:
    """The protests short of leaving as a reader sees them, each status in its own field's words."""
    obj = objections(data).drop(columns=["event_id", "date_start", "date_end"])
    obj["status at the end"] = obj["status at the end"].map(data.codebook("members", "iacc_status"))
    return obj


def organizations_table(data: Data) -> pd.DataFrame:
    """The organizations that could be members, by status at the end (the rest are counted
    in organizations_in_words)."""
    orgs = organizations(data)
    orgs = orgs[orgs["IACC status at the end"] != "not_applicable"].reset_index(drop=True)
    # each code through its own field's label: 'unknown' means different things in different
    # fields, and the table's general labels would give it the first field's ('Not identified')
    for col, field in (("IACC status at the end", "iacc_status"), ("stance on Alibaba's membership", "stance")):
        orgs[col] = orgs[col].map(data.codebook("members", field))
    return orgs


def sanity_checks(data: Data) -> None:
    """The visible checks of notebook 01 (each prints a tick or stops the notebook)."""
    adm, sus, conf = admission(data), suspension(data), conference(data)
    dep = departures(data)
    days = a.crisis_numbers(data)["days_to_suspension"]
    check(
        "every departure is reported by at least one article",
        bool((dep["articles"] >= 1).all()),
        ", ".join(f"{w} by {n}" for w, n in zip(dep["who left"], dep["articles"], strict=True)),
    )
    check(
        "no departure's latest possible day precedes the admission", bool((dep["date_end"] >= adm["date_start"]).all())
    )
    check(
        "no departure's latest possible day falls after the suspension",
        bool((dep["days after admission (latest)"] <= days).all()),
    )
    first = dep[dep["date_start"] == adm["date_start"]]
    check(
        "no departure is dated to the admission day itself; where a departure's possible days begin on it, "
        "that day is only the earliest bound",
        bool((first["precision"] != "day").all()),
        "; ".join(f"{w} ('{t}')" for w, t in zip(first["who left"], first["article's words"], strict=True)),
    )
    check("the suspension comes before the conference opens", bool(sus["date_start"] < conf["date_start"]))
