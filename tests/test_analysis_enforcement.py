"""iacc2016.analysis.enforcement on hand-built numbers, with answers worked by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from iacc2016.analysis import enforcement as e
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


def test_enforcement_count_one_quantity_printed_twice_and_a_span():
    # Worked by hand: a and c are measures; d is c converted (the same quantity, printed
    # again); e is a span of years. 4 figures = 2 measures + 1 conversion + 1 span.
    figures = pd.DataFrame(
        {
            "figure_id": ["a", "c", "d", "e"],
            "unit": ["count", "CNY", "USD", "year"],
            "converted_from_id": [None, None, "c", None],
        }
    )
    assert e.enforcement_count(figures) == {"figures": 4, "measures": 2, "conversions": 1, "spans": 1}


def test_rates_inside_the_rounding_interval_only():
    # Worked by hand: the interval 6.4954 to 6.5086 holds neither 6.2827 (below it) nor
    # 6.5216 (above it); widened to 6.50 to 6.53 it holds 6.5216 only; the ends count.
    rates = pd.Series([6.2827, 6.5216])
    assert list(e.rates_inside(rates, 6.4954, 6.5086)) == [False, False]
    assert list(e.rates_inside(rates, 6.50, 6.53)) == [False, True]
    assert list(e.rates_inside(rates, 6.2827, 6.2827)) == [True, False]


def test_summary_counts_by_hand():
    figures = pd.DataFrame(
        {
            "value": [5000.0, 180000.0, 3.0e9, 4.6e8, 30.0],
            "unit": ["count", "count", "CNY", "USD", "year"],
            "qualifier": ["more_than", "exact", "nearly", "exact", "exact"],
            "value_text": ["more than 5,000", "180,000", "nearly 3 billion yuan", "$460 million", "30 years"],
            "self_reported": [True, True, True, False, True],
            "period_start": [D("2015-01-01"), D("2015-01-01"), D("2014-01-01"), D("2014-01-01"), pd.NaT],
            "period_end": [D("2015-12-31"), D("2015-12-31"), D("2016-05-01"), D("2016-05-01"), pd.NaT],
            "period_text": ["past year", "past year", "since launch", "since launch", None],
        }
    )
    quantities = pd.DataFrame({"metric": ["a", "b", "c", "d"], "outlets": [1, 2, 1, 1], "claimants": [1, 1, 1, 1]})
    quotes = pd.DataFrame(
        {
            "quote_id": ["q1", "q2", "q3", "q4"],
            "topic": ["enforcement", "enforcement", "enforcement", "other"],
            "side": ["alibaba", "brands", "alibaba", "brands"],
            "word_count": [30, 20, 50, 1000],
        }
    )
    s = e.summary_counts(figures, quantities, quotes)
    # 5 figures, 4 self-reported, 1 conversion; hedged: rows 0 and 2. Counts: 5,000 and
    # 180,000. Periods: (past year, 2015) and (since launch, 2014-2016) once each; the
    # 30 years give none: 2. One quantity of 4 in two outlets. Enforcement words: Alibaba
    # 30 + 50 = 80 of 100 (the 1,000 words on another topic do not count): 0.8.
    assert s == {
        "figures": 5,
        "self_reported": 4,
        "conversions": 1,
        "hedged": ["more than 5,000", "nearly 3 billion yuan"],
        "count_min": 5000.0,
        "count_max": 180000.0,
        "periods": 2,
        "period_words": ["past year", "since launch"],
        "quantities": 4,
        "shared": 1,
        "alibaba_share": 0.8,
    }


def test_brands_figures_about_alibaba():
    figures = pd.DataFrame({"subject_id": ["alibaba", "alibaba", "iacc"], "claimant_id": ["kors", "alibaba", "kors"]})
    # Only row 0 is about Alibaba and claimed by a brand (row 2 is about the IACC).
    assert e.brands_figures_about(figures, {"kors": "brands", "alibaba": "alibaba"}) == 1


def test_voice_by_side_shares_words_on_the_topic_only():
    quotes = pd.DataFrame(
        {
            "quote_id": ["q1", "q2", "q3", "q4"],
            "topic": ["enforcement", "enforcement", "enforcement", "other"],
            "side": ["alibaba", "brands", "alibaba", "brands"],
            "word_count": [30, 20, 50, 1000],
        }
    )
    v = e.voice_by_side(quotes)
    # Alibaba 30 + 50 = 80 words in 2 passages, brands 20 in 1; shares 0.8 and 0.2.
    assert list(v["side"]) == ["alibaba", "brands"]
    assert list(v["passages"]) == [2, 1]
    assert list(v["words"]) == [80, 20]
    assert list(v["share of words"]) == [0.8, 0.2]


def _passages():
    # Sporn's sentence twice (The Fashion Law drops a comma), Alibaba once in each article,
    # and a passage on another topic that repeats Alibaba's words.
    return pd.DataFrame(
        {
            "quote_id": ["q1", "q2", "q3", "q4", "q5"],
            "source_id": ["s0", "s0", "s1", "s1", "s1"],
            "sequence": [1, 2, 1, 2, 3],
            "speaker": ["Sporn", "Alibaba", "Sporn", "Alibaba", "Alibaba"],
            "side": ["brands", "alibaba", "brands", "alibaba", "alibaba"],
            "topic": ["enforcement", "enforcement", "enforcement", "enforcement", "other"],
            "text": [
                "Lip service, while doing little",
                "We fight fakes",
                "lip service while doing little.",
                "We closed stores",
                "We fight fakes",
            ],
            "word_count": [5, 3, 5, 3, 3],
        }
    )


def test_repeated_passages_are_the_same_speakers_same_words_in_several_articles():
    got = e.repeated_passages(_passages())
    # Sporn's two copies differ only in case and punctuation: both rows, 2 copies each.
    # Alibaba's 'We fight fakes' repeats only on another topic, so it is not counted.
    assert list(got["quote_id"]) == ["q1", "q3"]
    assert list(got["copies"]) == [2, 2]


def test_once_each_keeps_the_first_copy_and_the_share_follows():
    q = _passages()
    once = e.once_each(q)
    # q3 repeats q1 (same speaker, same words): dropped. q5 repeats q2's words: also dropped,
    # whatever its topic (the same passage is the same passage).
    assert list(once["quote_id"]) == ["q1", "q2", "q4"]
    # On enforcement, counted per article: Alibaba 3 + 3 = 6 of 16 words; once each: 6 of 11.
    assert math.isclose(e.voice_by_side(q).set_index("side").loc["alibaba", "share of words"], 6 / 16)
    assert math.isclose(e.voice_by_side(once).set_index("side").loc["alibaba", "share of words"], 6 / 11)


def test_voice_by_article_counts_words_and_passages_per_article_and_side():
    got = e.voice_by_article(_passages())
    # s0: Sporn 5 words (brands), Alibaba 3; s1: the same, its other-topic passage left out.
    assert got.to_dict("list") == {
        "source_id": ["s0", "s0", "s1", "s1"],
        "side": ["brands", "alibaba", "brands", "alibaba"],
        "passages": [1, 1, 1, 1],
        "words": [5, 3, 5, 3],
    }
