"""Acceptance read B on notebooks 04 and 05: the date test counts every happening pinned to
one day, a quotation's cell keeps the words faulted around it, the selection is said in plain
words, the ratings resting on a third party's copy are counted, and 04 links its counts to 05's."""

from __future__ import annotations

import pytest

import iacc2016
from iacc2016.present import disagreements, record
from iacc2016.present.notebook import Data


@pytest.fixture(scope="module")
def t():
    return iacc2016.load()


def test_the_date_test_counts_the_pinned_day_that_only_partly_overlaps(t):
    # By hand: 4 stated one-day happenings match the record's day (the method test), and
    # Alibaba's MarketSafe expansion, pinned by WWD to 11 May, has a record span of 10-11 May.
    text = record.dates_finding(t)
    assert "Of the 5 happenings the articles pin to one day" in text
    assert "4 match the record's day and 1 only partly overlaps" in text


def test_a_quotation_cell_keeps_the_words_around_it(t):
    words = record.partly_table(t)["What the article says (its words)"]
    assert words.str.contains("one of the fashion industry").any()
    assert not (words.str.strip() == "most dangerous and damaging adversary.").any()


def test_the_selection_is_said_plainly_and_the_copies_are_counted(t):
    text = record.selection(t)
    assert "chosen by hand, with no sampling rule" in text
    assert "changelog" not in text
    # By hand from record_checks.csv: rs-wsj-2016-04-28-blog-copy carries 9 ratings.
    assert "9 on The Wall Street Journal (copy on the ltdmanagement.blogspot.com blog)" in text


def test_04_links_its_checks_to_05s_versions(t):
    sentence = disagreements.record_sentence(Data(t.tables, t.package))
    n = int((t.record_checks["checks_table"] == "claims").sum())
    assert f"{n} test an article's version of a point directly (the {len(t.claims)} versions" in sentence
    assert f"{n} of the {len(t.claims)} articles' versions of the shared points" in record.selection(t)
