"""iacc2016.analysis.enforcement on hand-built numbers, with answers worked by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from conftest import ROOT
from iacc2016.analysis import enforcement as e
from iacc2016.data.schema import load_package
from iacc2016.data.tables import Tables

D = pd.Timestamp


@pytest.mark.parametrize(
    ("text", "half"),
    [
        ("5,000", 0.5),  # last digit is a unit
        ("$125.5 million", 50_000),  # last digit is 0.1 million = 100,000
        ("3 billion yuan", 5e8),  # last digit is a billion
        ("1.28 thousand", 5.0),  # last digit is 0.01 thousand = 10
    ],
)
def test_half_step_is_half_the_last_printed_digit(text, half):
    assert math.isclose(e.half_step(text), half)


def test_implied_rate_and_its_rounding_range():
    # 1 billion yuan printed as $150 million: 1e9 / 1.5e8 = 6.6667 yuan per dollar. Each is
    # exact to half its last digit (0.5 billion; 0.5 million), so the rate lies between
    # 0.5e9 / 150.5e6 = 3.3223 and 1.5e9 / 149.5e6 = 10.0334.
    rate, low, high = e.implied_rate(1e9, "1 billion yuan", 1.5e8, "$150 million")
    assert math.isclose(rate, 6.666666, rel_tol=1e-6)
    assert math.isclose(low, 0.5e9 / 150.5e6)
    assert math.isclose(high, 1.5e9 / 149.5e6)


def test_reference_range_keeps_rates_overlapping_the_period():
    refs = pd.DataFrame(
        {
            "currency": ["CNY", "CNY", "CNY", "EUR"],
            "per_currency": ["USD", "USD", "USD", "USD"],
            "date_start": [D("2015-01-01"), D("2016-01-01"), D("2014-01-01"), D("2015-01-01")],
            "date_end": [D("2015-12-31"), D("2016-12-31"), D("2014-12-31"), D("2015-12-31")],
            "rate": [6.23, 6.64, 6.16, 0.9],
        }
    )
    # A period of March 2015 to February 2016 overlaps the 2015 and 2016 rates, not 2014's
    # nor the euro's.
    got = e.reference_range(refs, "CNY", "USD", D("2015-03-01"), D("2016-02-29"))
    assert list(got["rate"]) == [6.23, 6.64]


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        ("exact", "exact", "exact"),
        ("more_than", "exact", "more_than"),  # a bigger numerator: the ratio is bigger
        ("exact", "nearly", "more_than"),  # a denominator at most this: the ratio at least this
        ("nearly", "exact", "nearly"),
        ("exact", "at_least", "nearly"),  # a bigger denominator: the ratio is smaller
        ("more_than", "more_than", None),  # both bigger: the ratio could go either way
        ("approximately", "more_than", "approximately"),
    ],
)
def test_ratio_qualifier(numerator, denominator, expected):
    # What each hedge says of the true value, as the codebook's `bound` states it (the
    # numbers of 'more than' and 'at least' are lower bounds, of 'nearly' and 'as many as'
    # upper bounds).
    bounds = {"more_than": "lower", "at_least": "lower", "nearly": "upper", "as_many_as": "upper"}
    assert e.ratio_qualifier(numerator, denominator, bounds) == expected


def test_the_codebook_states_a_bound_for_every_hedge_that_has_one():
    bounds = load_package(ROOT / "data").code_property("figures", "qualifier", "bound")
    assert bounds == {"more_than": "lower", "at_least": "lower", "nearly": "upper", "as_many_as": "upper"}


def test_enforcement_figures_are_alibabas_own_plus_their_conversions():
    figures = pd.DataFrame(
        {
            "figure_id": ["a", "b", "c", "d"],
            "metric": ["listings_removed", "iacc_member_count", "spending", "spending"],
            "unit": ["count", "count", "CNY", "USD"],
            "self_reported": [True, False, True, False],
            "subject_id": ["alibaba", "iacc", "alibaba", "alibaba"],
            "converted_from_id": [None, None, None, "c"],
        }
    )
    got = e.enforcement_figures(Tables({"figures": figures}, package=None))
    # b is the IACC's, not Alibaba's; d is an outlet's conversion of c. By metric, then unit.
    assert list(got["figure_id"]) == ["a", "c", "d"]


def test_rates_inside_the_rounding_interval_only():
    # Worked by hand: the interval 6.4954 to 6.5086 holds neither 6.2827 (below it) nor
    # 6.5216 (above it); widened to 6.50 to 6.53 it holds 6.5216 only; the ends count.
    rates = pd.Series([6.2827, 6.5216])
    assert list(e.rates_inside(rates, 6.4954, 6.5086)) == [False, False]
    assert list(e.rates_inside(rates, 6.50, 6.53)) == [False, True]
    assert list(e.rates_inside(rates, 6.2827, 6.2827)) == [True, False]
