"""The rules on the words (data/rules_text.py), each broken once in a copy of the data and
reported at its file, row and column."""

from __future__ import annotations

from conftest import read_rows, set_cell, validate_fails, write_rows

LONG = " ".join(["word"] * 41)  # 41 words: one over the limit of 40


def test_an_evidence_snippet_over_forty_words(data_copy):
    row = set_cell(data_copy / "evidence.csv", "ev-0001", "snippet", LONG)
    validate_fails(data_copy, f"evidence.csv:{row}:snippet: is 41 words long; snippets stay at or under 40")


def test_a_claim_snippet_over_forty_words(data_copy):
    row = set_cell(data_copy / "claims.csv", "c01", "snippet", LONG)
    validate_fails(data_copy, f"claims.csv:{row}:snippet: is 41 words long; snippets stay at or under 40")


def test_a_claim_resting_on_one_article(data_copy):
    # c01's first row becomes a claim of its own (c99): one article only.
    row = set_cell(data_copy / "claims.csv", "c01", "claim_id", "c99")
    validate_fails(data_copy, f"claims.csv:{row}:claim_id: c99 rests on one article; a claim compares two or more")


def test_quotes_numbered_with_a_gap(data_copy):
    # The article's quotes are 1, 2, 3, ...; its first quote (on the group's first row,
    # where the problem stands) is renumbered 99.
    rows = read_rows(data_copy / "quotes.csv")
    source = rows[1][1]
    count = sum(1 for r in rows[1:] if r[1] == source)
    row = set_cell(data_copy / "quotes.csv", rows[1][0], "sequence", "99")
    assert row == 2
    expected = [*range(2, count + 1), 99]
    validate_fails(
        data_copy,
        f"quotes.csv:2:sequence: sequences of {source} are {expected}; expected 1 to {count} without gaps or repeats",
    )


def test_an_article_not_coded_on_every_frame_item(data_copy):
    # Row 2 (the first article's code for sv01) removed: the article's first row is then
    # its code for sv02, still row 2.
    path = data_copy / "frame_codes.csv"
    rows = read_rows(path)
    source, item = rows[1][0], rows[1][1]
    write_rows(path, [rows[0], *rows[2:]])
    validate_fails(data_copy, f"frame_codes.csv:2:item_id: {source} is coded on some items but not on {item}")
