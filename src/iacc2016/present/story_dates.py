"""Notebook 01's dates in words: the article's sentence behind each date, the longer history
and every date of the month not known to the day, with the reasoning. Split from story_text."""

from __future__ import annotations

import pandas as pd

from ..analysis import story as a
from .disagreements import with_sic
from .notebook import Data
from .story import DAY, _when, admission, crisis_frame
from .story_record import contradicted_versions


def dating_words(data: Data, events: pd.DataFrame) -> list[str]:
    """For each event, the article's sentence (its evidence snippet, verbatim) that holds
    the dating words, so that 'now' or 'At the time' reads in context; the bare words where
    no snippet of the dating article holds them."""
    ev = data.evidence[data.evidence["record_table"] == "events"]
    out = []
    for r in events.itertuples(index=False):
        mine = ev[(ev["record_id"] == r.event_id) & (ev["source_id"] == r.date_source_id)]
        hit = [x for x in mine["snippet"] if str(r.date_text).lower() in str(x).lower()]
        out.append(f"“{with_sic(hit[0])}”" if hit else f"“{with_sic(r.date_text)}”")
    return out


READER_DATE_COLUMNS = {
    "label": "happening",
    "when": "when (possible days)",
    "date_precision": "how precise",
    "words": "the article's words",
    "date_resolution": "our reasoning",
    "record": "the public record (not from the articles)",
}


def history(data: Data) -> pd.DataFrame:
    """Events ending more than a week before the admission, by date, in reader's columns;
    a row whose statement the public record contradicts is marked † and given the
    record's version (not from the articles)."""
    adm = admission(data)
    e = data.events[data.events["date_end"] < adm["date_start"] - DAY * 7].sort_values(["date_start", "date_end"])
    e = e.assign(when=_when(e), words=dating_words(data, e))
    versions = contradicted_versions(data)
    e = e.assign(
        label=[f"{lab} †" if i in versions else lab for lab, i in zip(e["label"], e["event_id"], strict=True)],
        record=[versions.get(i, "") for i in e["event_id"]],
    )
    cols = ["label", "when", "words", "date_resolution"] + (["record"] if e["record"].ne("").any() else [])
    return e[cols].rename(columns=READER_DATE_COLUMNS).reset_index(drop=True)


def history_note(data: Data) -> str:
    """What the history table marks, as the table has it: † and a last column for the record's
    version where a row's statement is contradicted by the public record, else that none is."""
    adm = admission(data)
    e = data.events[data.events["date_end"] < adm["date_start"] - DAY * 7]
    if e["event_id"].isin(list(contradicted_versions(data))).any():
        return (
            "A row marked † rests on a statement of the articles that the public record contradicts; the last "
            "column gives the record's version (not from the articles)."
        )
    return (
        "The last column is our reasoning for each date. No row rests on a statement of the articles that the "
        "public record (not from the articles) is found to contradict."
    )


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
    e = e.assign(when=_when(e), words=dating_words(data, e))
    cols = ["label", "when", "date_precision", "words", "date_resolution"]
    out = _events_in_words(data, e[cols])
    # as the chart and the departures table give them: a few possible days, or a scheduled span
    drawn = crisis_frame(data).set_index("event_id")
    few = {i: d for i, d in a.timeline(data)[["event_id", "possible_days"]].itertuples(index=False) if d}
    out["when"] = [drawn["when"].get(i, w) if i in few else w for i, w in zip(e["event_id"], out["when"], strict=True)]
    out["date_precision"] = [
        _few_days(few[i]) if i in few else p for i, p in zip(e["event_id"], out["date_precision"], strict=True)
    ]
    scheduled = data.codebook("events", "event_status")["scheduled"]
    out.loc[(e["event_status"] == "scheduled").to_numpy(), "date_precision"] = scheduled
    return out.rename(columns=READER_DATE_COLUMNS).reset_index(drop=True)


_COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}


def _few_days(days) -> str:
    """'One of three Wednesdays' (the days all fall on one weekday), else 'One of 3 days'."""
    n = _COUNT_WORDS.get(len(days), str(len(days)))
    weekdays = {f"{d:%A}" for d in days}
    return f"One of {n} {weekdays.pop()}s" if len(weekdays) == 1 else f"One of {n} days"
