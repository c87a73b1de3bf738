"""Notebooks 00 and 01 as an acceptance reader read them: 00's count of enforcement
figures is 02's; the 'first' of the admission is quoted from an article; our words are never
inside quotation marks as the article's; vague dates labelled as the chart gives them."""

from __future__ import annotations

import re

import pytest

from iacc2016 import settings
from iacc2016.present import enforcement, overview, story, story_dates, story_record
from iacc2016.present.notebook import Data


@pytest.fixture(scope="module")
def data():
    return Data.load(settings.data_dir())


def test_overview_counts_the_enforcement_figures_as_02_does(data):
    # 02 counts its measures and, apart, the spans of years beside them
    measures, spans = len(enforcement.measures(data)), len(enforcement.spans(data))
    text = overview.enforcement_in_words(data)
    assert f"{measures + spans} concern Alibaba's enforcement: {measures} enforcement figures" in text


def test_first_member_is_quoted_from_an_article(data):
    words = story.first_member_words(data)
    if "first" in words:
        quoted = re.search(r"“(.+)”", words).group(1)
        assert quoted in set(data.evidence["snippet"])
        assert "first" in quoted


def test_a_statement_in_our_words_is_not_quoted_as_the_articles(data):
    statements = set(data.record_checks["statement"].str.rstrip("."))
    for line in story_record.contradictions_in_words(data):
        for q in re.findall(r"“([^”]+)”", line):
            assert q not in statements, line


def test_gucci_and_the_conference_are_labelled_as_the_chart_draws_them(data):
    v = story_dates.vague_dates(data).set_index("happening")
    # Gucci gave notice 'last Wednesday' (Fashionista, published 1-13 May): 27 April, 4 or 11 May
    assert v.loc["Gucci leaves", "how precise"] == "One of three Wednesdays"
    assert v.loc["Gucci leaves", "when (possible days)"] == "27 April, 4 May or 11 May 2016"
    assert v.loc["Spring conference in Orlando", "how precise"].startswith("Scheduled")


def test_history_note_matches_the_table(data):
    table = story_dates.history(data)
    marked = table["happening"].str.endswith("†").any()
    assert ("†" in story_dates.history_note(data)) == marked
