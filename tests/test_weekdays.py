"""A date given as a weekday and known only to an interval: its possible days are that
weekday's dates (iacc2016.data.weekdays), and a rule keeps the interval's ends on it."""

import pandas as pd

from iacc2016.data.weekdays import possible_days, weekday_ends, weekday_named

D = pd.Timestamp


def test_the_possible_days_are_the_named_weekday_inside_the_interval():
    # worked by hand: 13 April 2016 was a Wednesday, so 27 April, 4 May and 11 May are too
    days = possible_days(D("2016-04-27"), D("2016-05-11"), "last Wednesday", "resolved_relative")
    assert days == [D("2016-04-27"), D("2016-05-04"), D("2016-05-11")]


def test_other_dates_have_no_discrete_days():
    assert possible_days(D("2016-04-27"), D("2016-05-11"), "in April", "resolved_relative") == []
    assert possible_days(D("2016-04-27"), D("2016-05-11"), "last Wednesday", "inferred") == []
    assert possible_days(D("2016-05-11"), D("2016-05-11"), "On Wednesday", "resolved_relative") == []
    assert weekday_named("between Monday and Friday") is None


def _events(start, end, text="last Wednesday", basis="resolved_relative"):
    return {
        "events": pd.DataFrame(
            {"date_text": [text], "date_basis": [basis], "date_start": [D(start)], "date_end": [D(end)]}
        )
    }


def test_the_rule_accepts_ends_on_the_weekday_and_refuses_others():
    assert weekday_ends(None, _events("2016-04-27", "2016-05-11")) == []
    problems = weekday_ends(None, _events("2016-04-26", "2016-05-11"))
    assert [(p.column, p.row) for p in problems] == [("date_start", 2)]
    assert weekday_ends(None, _events("2016-04-26", "2016-05-11", basis="inferred")) == []
