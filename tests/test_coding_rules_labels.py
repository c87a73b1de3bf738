"""Coding rules for event labels and intervals that follow from other rows of the article
tables (data/events.csv, data/evidence.csv, data/sources.csv). Reads the CSVs directly."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

DATA = Path(__file__).parents[1] / "data"


def table(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


def test_a_cancelled_happenings_label_says_cancelled_only_if_every_article_credited_could_know():
    """events.label reports what each article with evidence for the row says. An article
    published no later than the first day its actor may have withdrawn (the row of action 'withdraw' by the same actor)
    reports only the plan, so the label must not call the happening cancelled."""
    events = table("events")
    sources = table("sources").set_index("source_id")
    ev = table("evidence")
    bad = []
    for e in events[events["event_status"] == "cancelled"].itertuples():
        withdrawals = events[(events["actor_id"] == e.actor_id) & (events["action"] == "withdraw")]
        if not len(withdrawals) or "cancel" not in e.label.lower():
            continue
        earliest = min(pd.Timestamp(d) for d in withdrawals["date_start"])
        credited = ev.loc[(ev["record_table"] == "events") & (ev["record_id"] == e.event_id), "source_id"]
        before = [s for s in credited if pd.Timestamp(sources.loc[s, "published_end"]) <= earliest]
        if before:
            bad.append((e.event_id, e.label, sorted(set(before))))
    assert not bad, (
        f"label calls the happening cancelled, but articles published before the withdrawal are credited: {bad}"
    )


def test_the_intermediaries_category_opens_no_later_than_alibaba_joins_it():
    """CNBC: Alibaba joined 'under a new membership category designed for intermediaries' on
    13 April; the category's opening (Fashionista's 'announced mid-April that it would be
    opening') cannot end after that day."""
    events = table("events").set_index("event_id")
    opens = events.loc["iacc-opens-membership-to-intermediaries"]
    joins = events.loc["alibaba-joins-iacc"]
    assert pd.Timestamp(opens["date_end"]) <= pd.Timestamp(joins["date_start"]), (
        opens["date_end"],
        joins["date_start"],
    )


def test_a_label_the_record_contradicts_names_only_the_actor_and_target():
    """events.label is in our words and states no more than the happening. Where the public
    record contradicts the article's statement about a row, in whole or in part (rating
    'contradicted' or 'partly_confirmed'), the label must not repeat the contradicted detail: every capitalised
    word of the statement that the label uses is a name of the row's actor or target
    (Bassiur joined Alibaba 'from Apple', The Fashion Law says; the record says Pfizer)."""
    events = table("events").set_index("event_id")
    members = table("members").set_index("member_id")
    checks = table("record_checks")
    checks = checks[(checks["checks_table"] == "events") & checks["rating"].isin(["contradicted", "partly_confirmed"])]
    bad = []
    for c in checks.itertuples():
        e = events.loc[c.checks_id]
        names = set()
        for m in (e["actor_id"], e["target_id"]):
            if m:
                names |= set(members.loc[m, "name"].split()) | {
                    w for a in members.loc[m, "aliases"].split("|") for w in a.split()
                }
        label = set(re.findall(r"[A-Za-z&']+", e["label"]))
        extra = {w for w in re.findall(r"\b[A-Z][A-Za-z&']*", c.statement) if w in label and w not in names}
        if extra:
            bad.append((c.checks_id, e["label"], sorted(extra)))
    assert not bad, f"label repeats what the record contradicts: {bad}"
