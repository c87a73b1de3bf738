"""analysis.record's counts and the record's dates beside our intervals, on small
hand-built tables; each expected answer is worked by hand in the comment beside it."""

from __future__ import annotations

import pandas as pd

from iacc2016.analysis import record


def _checks(rows):
    cols = [
        "check_id",
        "checks_table",
        "checks_id",
        "record_source_id",
        "rating",
        "record_date_start",
        "record_date_end",
        "record_date_precision",
    ]
    return pd.DataFrame(rows, columns=cols)


def test_check_counts_by_hand():
    c = _checks(
        [
            ["rc-1", "events", "a", "doc-1", "confirmed", None, None, None],
            ["rc-2", "events", "b", "doc-1", "contradicted", None, None, None],
            ["rc-3", "claims", "c", "doc-2", "confirmed", None, None, None],
            ["rc-4", "claims", "d", None, "not_found", None, None, None],
            ["rc-5", "quotes", "e", "doc-3", "partly_confirmed", None, None, None],
        ]
    )
    # 5 checks; documents doc-1, doc-2, doc-3 (rc-4 cites none): 3; confirmed rc-1 and
    # rc-3: 2; one each of contradicted, not_found and partly_confirmed.
    assert record.check_counts(c) == {
        "checks": 5,
        "documents": 3,
        "held": 2,
        "partly": 1,
        "contradicted": 1,
        "not_found": 1,
    }


def test_record_dates_inside_partly_outside():
    events = pd.DataFrame(
        {
            "event_id": ["kors", "gucci", "letter", "open"],
            "date_start": pd.to_datetime(["2016-04-21", "2016-04-27", "2016-05-01", None]),
            "date_end": pd.to_datetime(["2016-04-30", "2016-05-11", "2016-05-05", "2016-05-10"]),
        }
    )
    c = _checks(
        [
            # The week 18-24 April against 21-30 April: 21-24 overlap, 18-20 do not: partly.
            ["rc-1", "events", "kors", "d1", "confirmed", "2016-04-18", "2016-04-24", "range"],
            # 4 May lies in 27 April - 11 May: inside.
            ["rc-2", "events", "gucci", "d2", "confirmed", "2016-05-04", "2016-05-04", "day"],
            # 7 May is after 5 May: outside.
            ["rc-3", "events", "letter", "d3", "contradicted", "2016-05-07", "2016-05-07", "day"],
            # An interval open at its start ('before' 10 May) holds 2 May: inside.
            ["rc-4", "events", "open", "d4", "confirmed", "2016-05-02", "2016-05-02", "day"],
            # Left out: no record date; an open 'before' record date; a not_found check; a claim.
            ["rc-5", "events", "gucci", "d5", "confirmed", None, None, None],
            ["rc-6", "events", "letter", "d6", "confirmed", None, "2016-05-03", "before"],
            ["rc-7", "events", "kors", None, "not_found", "2016-04-22", "2016-04-22", "day"],
            ["rc-8", "claims", "kors", "d8", "confirmed", "2016-04-22", "2016-04-22", "day"],
        ]
    )
    out = record.record_dates(c, events)
    # Sorted by event id: gucci, kors, letter, open.
    assert list(out["event_id"]) == ["gucci", "kors", "letter", "open"]
    assert list(out["check_id"]) == ["rc-2", "rc-1", "rc-3", "rc-4"]
    assert list(out["fit"]) == ["inside", "partly", "outside", "inside"]
    assert out.loc[1, "record_start"] == pd.Timestamp("2016-04-18")


def test_method_split_keeps_stated_days_apart_from_inferred_intervals():
    test = pd.DataFrame(
        {
            "date_precision": ["day", "day", "range", "month", "before", "range"],
            "contained": [True, True, True, False, True, True],
            "width_days": pd.array([1, 1, 10, 31, None, 4], dtype="Int64"),
        }
    )
    # Stated outright: rows 0-1, both contain. Inferred: rows 2-5, of which 2, 4 and 5
    # contain (3 of 4). Closed inferred widths 10, 31, 4 (row 4 is open): median 10, widest 31.
    assert record.method_split(test) == {
        "stated": 2,
        "stated_contained": 2,
        "inferred": 4,
        "inferred_contained": 3,
        "inferred_median_width": 10.0,
        "inferred_max_width": 31,
    }
