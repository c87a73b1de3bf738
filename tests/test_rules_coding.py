"""The rules added for `make mutate` (data/rules_coding.py, and two checks against the
articles in data/validate.py): each catches a plausible one-cell edit that nothing else
noticed. Each case breaks one cell of a copy of the data and expects the exact
`file:row:column: what is wrong`."""

from __future__ import annotations

import pytest

from conftest import set_cell, validate_fails

CASES = [
    # Kering's suit is dated "in May 2015": a month runs from 1 to 31 May, so 30 May is wrong.
    (
        "events.csv", "kering-files-lawsuit", "date_end", "2015-05-30",
        "date_end: 2015-05-30 (from 2015-05-01) must run from the first to the last day of one month",
    ),
    # Every article's URL was found in an archived copy; 'none' contradicts the URL it has.
    ("sources.csv", "000_f274d7d4a1a46027", "url_basis", "none", "url_basis: is 'none' but a url is given"),
    # Jack Ma's parent is Alibaba, whose side is 'alibaba'.
    ("members.csv", "jack-ma", "side", "other", "side: is 'other' but its parent 'alibaba' is on side 'alibaba'"),
    # WWD's count of departures has no claimant: it cannot be self-reported.
    (
        "figures.csv", "brands-lost-two-weeks", "self_reported", "true",
        "self_reported: is true but the claimant is neither the subject nor part of it",
    ),
    # 'two major brands' is a count, not years.
    (
        "figures.csv", "brands-lost-two-weeks", "unit", "year",
        "unit: is 'year' but value_text 'two major brands' reads as 'count'",
    ),
    # The speaker 'IACC' names neither Alibaba Group nor 'Alibaba'.
    (
        "quotes.csv", "q-000-01", "speaker_member_id", "alibaba",
        "speaker_member_id: is 'alibaba', but the speaker 'IACC' names neither its name nor an alias",
    ),
    # One leaves an association (the IACC), not a person.
    (
        "events.csv", "gucci-leaves-iacc", "target_id", "jack-ma",
        "target_id: 'jack-ma' is a person, but action 'leave' takes a target of kind association",
    ),
    ("events.csv", "gucci-leaves-iacc", "target_id", "gucci", "target_id: is the event's own actor"),
    # Ebay's refusal rests on one article, so the articles cannot disagree about it.
    (
        "events.csv", "ebay-declines-to-join", "sources_disagree", "true",
        "sources_disagree: is true but the event's evidence comes from one article",
    ),
    # The Fashion Law's 'has also expressed doubts' gives no month or year: not 'stated'.
    (
        "events.csv", "unifab-expresses-doubts", "date_basis", "stated",
        "date_basis: is 'stated' but the article's words 'has also expressed doubts' name no month or year",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("file", "key", "column", "value", "expected"), CASES)
def test_each_rule_reports_its_cell(data_copy, file, key, column, value, expected):
    row = set_cell(data_copy / file, key, column, value)
    validate_fails(data_copy, f"{file}:{row}:{expected}")


def test_the_author_must_be_printed_in_the_article(data_copy, articles_dir):
    row = set_cell(data_copy / "sources.csv", "004_2cb0b116d606e9df", "author", "Haze Fang")
    validate_fails(data_copy, f"sources.csv:{row}:author: is not printed in the article file", articles_dir)


def test_a_direct_quotation_opens_with_a_quotation_mark(data_copy, articles_dir):
    # q-000-01 opens with '“' in Style Incorporated's text, so it is not a paraphrase.
    row = set_cell(data_copy / "quotes.csv", "q-000-01", "kind", "paraphrase")
    expected = f"quotes.csv:{row}:kind: is 'paraphrase' but the passage is opened by a quotation mark in the article"
    validate_fails(data_copy, expected, articles_dir)
    # q-001-01 is a paraphrase, not inside quotation marks: 'direct' is wrong.
    set_cell(data_copy / "quotes.csv", "q-000-01", "kind", "direct")
    row = set_cell(data_copy / "quotes.csv", "q-001-01", "kind", "direct")
    expected = f"quotes.csv:{row}:kind: is 'direct' but the passage is not opened by a quotation mark in the article"
    validate_fails(data_copy, expected, articles_dir)
