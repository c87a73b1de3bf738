"""iacc2016.analysis.story on a small hand-built world, with answers worked by hand.

The world: Alibaba joins the IACC on 13 April; Kors leaves some day from 13 to 30 April,
Gucci from 20 April to 11 May; the IACC suspends Alibaba on 13 May; the conference runs
18-20 May. Longchamp objects (13 April - 13 May), an unnamed group writes a letter known
only to be before 12 May; Kors (which left) and a Kors executive object too."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import ROOT
from iacc2016.analysis import story
from iacc2016.data.schema import load_package
from iacc2016.data.tables import Tables

D = pd.Timestamp


def ev(event_id, start, end, precision, actor, action, target="iacc", label=None, words=None):
    return {
        "event_id": event_id,
        "date_start": D(start) if start else pd.NaT,
        "date_end": D(end),
        "date_precision": precision,
        "date_text": words or f"words of {event_id}",
        "date_basis": "resolved_relative" if words else "inferred",
        "actor_id": actor,
        "action": action,
        "target_id": target,
        "event_status": "occurred",
        "label": label or event_id,
        "summary": f"summary of {event_id}",
        "reason_given": f"reason for {event_id}" if action == "leave" else None,
    }


def member(member_id, name, kind, side, status, parent=None):
    return {
        "member_id": member_id,
        "name": name,
        "kind": kind,
        "parent_id": parent,
        "side": side,
        "iacc_status": status,
        "stance": "unknown",
        "status_note": f"note on {member_id}",
    }


@pytest.fixture
def world() -> Tables:
    events = pd.DataFrame(
        [
            ev("join", "2016-04-13", "2016-04-13", "day", "alibaba", "join"),
            ev("kors-leaves", "2016-04-13", "2016-04-30", "range", "kors", "leave"),
            ev("gucci-leaves", "2016-04-20", "2016-05-11", "range", "gucci", "leave"),
            ev("suspend", "2016-05-13", "2016-05-13", "day", "iacc", "suspend", target="alibaba"),
            ev("conference", "2016-05-18", "2016-05-20", "span", "iacc", "hold_conference", target=None),
            ev("longchamp-objects", "2016-04-13", "2016-05-13", "range", "longchamp", "object"),
            ev("letter", None, "2016-05-12", "before", "group", "send_letter"),
            ev("kors-objects", "2016-04-14", "2016-04-14", "day", "kors", "object"),
            ev("exec-objects", "2016-04-14", "2016-04-14", "day", "kors-exec", "object"),
        ]
    )
    members = pd.DataFrame(
        [
            member("iacc", "IACC", "association", "iacc", "not_applicable"),
            member("alibaba", "Alibaba", "intermediary", "alibaba", "suspended"),
            member("kors", "Michael Kors", "brand", "brands", "left"),
            member("gucci", "Gucci", "brand", "brands", "left", parent="kering"),
            member("kering", "Kering", "luxury_group", "brands", "member"),
            member("longchamp", "Longchamp", "brand", "brands", "member"),
            member("group", "Some brands", "group", "brands", "member"),
            member("kors-exec", "An executive", "person", "brands", "not_applicable", parent="kors"),
        ]
    )
    sources = pd.DataFrame(
        {
            "source_id": ["s2", "s1"],
            "outlet": ["Later Outlet", "Early Outlet"],
            "published_start": [D("2016-05-03"), D("2016-05-01")],
            "published_end": [D("2016-05-04"), D("2016-05-02")],
        }
    )
    evidence = pd.DataFrame(
        {
            "record_table": ["events", "events", "events", "members"],
            "record_id": ["kors-leaves", "kors-leaves", "gucci-leaves", "kors-leaves"],
            "source_id": ["s2", "s1", "s2", "s1"],
        }
    )
    # The codebook is the real one: it orders the statuses (members.iacc_status's sortOrder).
    tables = {"events": events, "members": members, "sources": sources, "evidence": evidence}
    return Tables(tables, package=load_package(ROOT / "data"))


def test_admission_suspension_and_conference_are_found_by_action(world):
    assert story.admission(world)["event_id"] == "join"
    assert story.suspension(world)["event_id"] == "suspend"
    assert story.conference(world)["event_id"] == "conference"
    assert story.days_between(story.admission(world), story.suspension(world)) == 30  # 13 April -> 13 May


def test_a_second_admission_is_an_error_not_a_silent_pick(world):
    world.tables["events"] = pd.concat([world.events, world.events.iloc[[0]].assign(event_id="join-2")])
    with pytest.raises(ValueError, match="expected exactly one admission"):
        story.admission(world)


def test_reported_by_lists_outlets_in_publication_order(world):
    # kors-leaves has evidence from s2 (3 May) and s1 (1 May): Early Outlet first; the
    # members row with the same id does not count for the events table.
    assert story.reported_by(world, "events", ["kors-leaves", "gucci-leaves", "join"]) == {
        "gucci-leaves": ["Later Outlet"],
        "kors-leaves": ["Early Outlet", "Later Outlet"],
    }


def test_departures_by_hand(world):
    d = story.departures(world)
    assert list(d["member_id"]) == ["kors", "gucci"]  # earliest dates 13 and 20 April
    # From 13 April: Kors 0 to 17 days (30 April); Gucci 7 (20 April) to 28 days (17 + 11 May).
    assert list(d["days_earliest"]) == [0, 7]
    assert list(d["days_latest"]) == [17, 28]
    assert list(d["outlets"]) == [["Early Outlet", "Later Outlet"], ["Later Outlet"]]
    assert list(d["reason_given"]) == ["reason for kors-leaves", "reason for gucci-leaves"]


def test_objections_leave_out_members_that_left_and_their_people(world):
    o = story.objections(world)
    # Kors left, and its executive belongs to Kors; the undated letter sorts last.
    assert list(o["member_id"]) == ["longchamp", "group"]
    assert list(o["iacc_status"]) == ["member", "member"]


def test_cascade_by_hand(world):
    c = story.cascade(world).set_index("day")
    assert len(c) == 38  # 13 April to 20 May inclusive: 18 + 20 days
    first = c.loc[D("2016-04-13")]
    # Kors may have left (from 13 April), none certainly; both objections may have
    # happened (the undated letter counts from the admission).
    assert list(first) == [0, 1, 0, 2]
    assert list(c.loc[D("2016-05-11")]) == [2, 2, 0, 2]  # Kors ended 30 April, Gucci 11 May
    assert c.loc[D("2016-05-12"), "objections_certain"] == 1  # the letter, by 12 May
    assert c.loc[D("2016-05-13"), "objections_certain"] == 2  # and Longchamp's, by 13 May


def test_organizations_by_status_then_kind_then_name(world):
    o = story.organizations(world)
    # suspended; left (two brands, by name); member (brand, group, luxury_group); not applicable.
    assert list(o["member_id"]) == ["alibaba", "gucci", "kors", "longchamp", "group", "kering", "iacc"]
    assert "kors-exec" not in set(o["member_id"])  # people are not organizations


def test_timeline_window_and_drawing(world):
    t = story.timeline(world, start=D("2016-04-15"), end=D("2016-05-12"))
    # Ends on or after 15 April and starts by 12 May; the 'before' letter is never drawn.
    # By start, then end: Kors (13 Apr-30 Apr), Longchamp (13 Apr-13 May), Gucci (20 Apr).
    assert list(t["event_id"]) == ["kors-leaves", "longchamp-objects", "gucci-leaves"]
    assert list(t["drawn"]) == ["interval", "interval", "interval"]
    assert list(t["side"]) == ["brands", "brands", "brands"]
    whole = story.timeline(world)
    assert dict(zip(whole["event_id"], whole["drawn"], strict=True))["conference"] == "span"
    assert dict(zip(whole["event_id"], whole["drawn"], strict=True))["join"] == "day"


def test_single_source_quantities_count_outlets_per_metric_not_per_row():
    # Worked by hand: 'backers' is printed by two figure rows from two outlets (A, B) and
    # claimed by two parties: 2 outlets, 2 claimants. 'seized' is one amount in two
    # currencies, both rows from outlet A and one claimant: 1 outlet, 1 claimant.
    figures = pd.DataFrame(
        {
            "figure_id": ["b1", "b2", "s-cny", "s-usd"],
            "metric": ["backers", "backers", "seized", "seized"],
            "claimant_id": ["p", "q", "r", "r"],
        }
    )
    evidence = pd.DataFrame(
        {
            "record_table": ["figures"] * 4 + ["events"],
            "record_id": ["b1", "b2", "s-cny", "s-usd", "b1"],
            "source_id": ["a", "b", "a", "a", "c"],
        }
    )
    got = story.single_source_quantities(figures, evidence, {"a": "A", "b": "B", "c": "C"})
    assert got.to_dict("records") == [
        {"metric": "backers", "outlets": 2, "claimants": 2},
        {"metric": "seized", "outlets": 1, "claimants": 1},
    ]


def test_crisis_numbers_by_hand(world):
    n = story.crisis_numbers(world)
    # 13 April -> 13 May: 30 days. Two departures (Kors, Gucci); both latest days (30 April,
    # 11 May) fall on or before 13 May. Gucci's latest day (11 May) is the later one. The
    # protests short of leaving: Longchamp and the group's letter (Kors and its executive
    # are left out, as in test_objections_...): 2.
    assert n == {
        "days_to_suspension": 30,
        "departures": 2,
        "objections": 2,
        "left_by_suspension": 2,
        "last_to_leave": "gucci",
    }


def test_crisis_numbers_count_a_departure_that_may_follow_the_suspension(world):
    late = world.events["event_id"] == "gucci-leaves"
    world.tables["events"].loc[late, "date_end"] = D("2016-05-14")
    # Gucci's latest day is now 14 May, after the 13 May suspension: only Kors is certain.
    assert story.crisis_numbers(world)["left_by_suspension"] == 1


def test_a_departure_dated_by_a_weekday_falls_on_one_of_that_weekdays_dates(world):
    e = world.events
    e.loc[e["event_id"] == "gucci-leaves", ["date_text", "date_basis"]] = ["last Wednesday", "resolved_relative"]
    d = story.departures(world)
    # 13 April 2016 was a Wednesday; from it, 20 April (7 days), 27 April, 4 May and 11 May (28).
    assert list(d["possible_days"]) == [[], [7, 14, 21, 28]]
    t = story.timeline(world)
    drawn = dict(zip(t["event_id"], t["drawn"], strict=True))
    assert drawn["gucci-leaves"] == "days" and drawn["kors-leaves"] == "interval"
