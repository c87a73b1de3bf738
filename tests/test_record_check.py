"""record_check: hand-built tables with hand-worked answers, the real tables, and each rule
firing on a broken copy."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

from conftest import ROOT, set_cell
from iacc2016.analysis import record as rc
from iacc2016.data import rules_record
from iacc2016.data.load import load_tables
from iacc2016.data.schema import load_package
from iacc2016.data.validate import validate

A, B = "a_article", "b_article"
# The rating codes in the codebook's order, typed here so that the test states its answer.
RATINGS = ["confirmed", "partly_confirmed", "contradicted", "not_found"]
PACKAGE = load_package(ROOT / "data")
COLUMNS = [
    "check_id",
    "source_id",
    "checks_table",
    "checks_id",
    "statement",
    "record_source_id",
    "record_snippet",
    "rating",
    "record_date_start",
    "record_date_end",
    "record_date_precision",
    "explanation",
]


def _checks(rows) -> pd.DataFrame:
    return pd.DataFrame([dict(zip(COLUMNS, r, strict=True)) for r in rows], columns=COLUMNS)


def small_tables() -> dict[str, pd.DataFrame]:
    """Two articles: B appeared first (28 April), A later (1-2 May)."""
    d = pd.to_datetime
    sources = pd.DataFrame(
        {
            "source_id": [A, B],
            "outlet": ["Alpha", "Beta"],
            "published_start": d(["2016-05-01", "2016-04-28"]),
            "published_end": d(["2016-05-02", "2016-04-28"]),
        }
    )
    events = pd.DataFrame(
        {
            "event_id": ["e1", "e2", "e3"],
            "date_start": d(["2016-04-20", "2016-05-11", None]),
            "date_end": d(["2016-05-11", "2016-05-11", "2016-05-13"]),
            "date_precision": ["range", "day", "before"],
        }
    )
    claims = pd.DataFrame({"claim_id": ["k1"], "source_id": [A], "snippet": ["the article says yes"]})
    quotes = pd.DataFrame({"quote_id": ["q1"], "source_id": [B], "text": ["a quoted line"]})
    figures = pd.DataFrame({"figure_id": ["f1"]})
    members = pd.DataFrame({"member_id": ["m1"]})
    evidence = pd.DataFrame(
        {
            "evidence_id": ["ev-2", "ev-1", "ev-3", "ev-4", "ev-5"],
            "record_table": ["events", "events", "events", "events", "figures"],
            "record_id": ["e1", "e1", "e2", "e3", "f1"],
            "source_id": [A, A, B, A, B],
            "snippet": ["second words", "first words", "e2 words", "e3 words", "f1 words"],
        }
    )
    record_sources = pd.DataFrame(
        {
            "record_source_id": ["rs-1", "rs-2"],
            "publisher": ["Wire", "Coalition"],
            "url": ["https://wire.example.org/story", "http://coalition.example.org/page"],
            "published_start": d(["2016-05-05", None]),
            "published_end": d(["2016-05-05", "2016-05-20"]),
            "published_precision": ["day", "before"],
        }
    )
    checks = _checks(
        [
            (
                "rc-001",
                A,
                "events",
                "e1",
                "s",
                "rs-1",
                "record day one",
                "confirmed",
                "2016-05-04",
                "2016-05-04",
                "day",
                "x",
            ),
            ("rc-002", A, "claims", "k1", "s", "rs-1", "the record says no", "contradicted", "", "", "", "x"),
            (
                "rc-003",
                B,
                "events",
                "e2",
                "s",
                "rs-2",
                "later day",
                "partly_confirmed",
                "2016-05-19",
                "2016-05-19",
                "day",
                "x",
            ),
            ("rc-004", B, "figures", "f1", "s", "", "", "not_found", "", "", "", "x"),
            ("rc-005", B, "quotes", "q1", "s", "rs-2", "other words", "contradicted", "", "", "", "x"),
            (
                "rc-006",
                A,
                "events",
                "e3",
                "s",
                "rs-1",
                "an early day",
                "confirmed",
                "2016-05-10",
                "2016-05-10",
                "day",
                "x",
            ),
            (
                "rc-007",
                A,
                "events",
                "e1",
                "s",
                "rs-1",
                "a range only",
                "confirmed",
                "2016-04-18",
                "2016-04-24",
                "range",
                "x",
            ),
        ]
    )
    return {
        "sources": sources,
        "events": events,
        "claims": claims,
        "quotes": quotes,
        "figures": figures,
        "members": members,
        "evidence": evidence,
        "record_sources": record_sources,
        "record_checks": checks,
    }


def test_ratings_by_outlet_counts_by_hand():
    # By hand: A has rc-001, rc-006, rc-007 confirmed and rc-002 contradicted (4 checks);
    # B has rc-003 partly confirmed, rc-005 contradicted, rc-004 not found (3). B was
    # published first, so it comes first.
    t = small_tables()
    got = rc.ratings_by_outlet(t["record_checks"], t["sources"], RATINGS)
    assert got["outlet"].tolist() == ["Beta", "Alpha"]
    assert got[RATINGS + ["checks"]].values.tolist() == [[0, 1, 1, 1, 3], [3, 0, 1, 0, 4]]


def test_an_article_without_checks_shows_zeros():
    t = small_tables()
    only_a = t["record_checks"][t["record_checks"]["source_id"] == A]
    got = rc.ratings_by_outlet(only_a, t["sources"], RATINGS)
    assert got.loc[got["outlet"] == "Beta", "checks"].item() == 0


def test_contradictions_put_the_articles_words_beside_the_records():
    # By hand: the contradicted checks are rc-002 (A, claim k1 -> the claim's snippet in A)
    # and rc-005 (B, quote q1 -> the quote's text); B comes first by publication.
    t = small_tables()
    got = rc.contradictions(t["record_checks"], t["record_sources"], t)
    assert got["check_id"].tolist() == ["rc-005", "rc-002"]
    assert got["article_words"].tolist() == ["a quoted line", "the article says yes"]
    assert got["record_snippet"].tolist() == ["other words", "the record says no"]
    assert got["record_url"].tolist() == ["http://coalition.example.org/page", "https://wire.example.org/story"]


def test_article_words_for_an_event_is_its_first_evidence_snippet():
    # e1 has two evidence rows from A: ev-1 ('first words') sorts before ev-2.
    t = small_tables()
    words = rc.article_words(t["record_checks"], t)
    assert words.iloc[0] == "first words"
    assert words.iloc[3] == "f1 words"  # rc-004: figure f1, evidence from B


def test_method_test_by_hand():
    # By hand, the day-dated event checks: rc-001 (4 May in 20 April-11 May: inside, 22
    # days wide), rc-006 (10 May, open interval ending 13 May: inside, width unknown),
    # rc-003 (19 May against the single day 11 May: 8 days late, 1 day wide). rc-007 gives
    # a range, not a day, so it is not tested; rc-004 is not an event.
    t = small_tables()
    got = rc.method_test(t["record_checks"], t["events"])
    assert got["check_id"].tolist() == ["rc-001", "rc-006", "rc-003"]
    assert got["contained"].tolist() == [True, True, False]
    assert got["width_days"].tolist()[0] == 22 and pd.isna(got["width_days"].iloc[1]) and got["width_days"].iloc[2] == 1
    assert got["days_off"].tolist() == [0, 0, 8]
    summary = rc.method_summary(got)
    assert summary == {
        "checks": 3,
        "events": 3,
        "contained": 2,
        "missed": 1,
        "share_contained": pytest.approx(2 / 3),
        "median_width_days": 11.5,  # median of the closed widths 22 and 1
        "max_width_days": 22,
    }


def test_a_day_before_the_interval_counts_days_off_from_its_start():
    t = small_tables()
    t["record_checks"].loc[0, ["record_date_start", "record_date_end"]] = ["2016-04-15", "2016-04-15"]
    got = rc.method_test(t["record_checks"], t["events"]).set_index("check_id")
    assert not got.loc["rc-001", "contained"] and got.loc["rc-001", "days_off"] == 5


def test_the_small_tables_break_no_rule():
    assert rules_record.record_problems(small_tables(), PACKAGE) == []


def test_the_real_tables_break_no_rule():
    assert rules_record.record_problems(load_tables(), PACKAGE) == []


def test_every_contradiction_in_the_real_tables_can_be_found_by_a_reader():
    t = load_tables()
    got = rc.contradictions(t["record_checks"], t["record_sources"], t)
    # None since rc-069 was re-rated partly confirmed; the small tables above test the join.
    assert len(got) == int((t["record_checks"]["rating"] == "contradicted").sum())
    assert got["article_words"].notna().all() and got["record_snippet"].notna().all()
    assert got["record_url"].str.match(r"https?://").all()


def _broken(mutate) -> list[str]:
    t = small_tables()
    mutate(t)
    return rules_record.record_problems(t, PACKAGE)


def _set(table, row, col, value):
    def mutate(t):
        t[table].loc[row, col] = value

    return mutate


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (_set("record_checks", 0, "checks_id", "nope"), "record_checks.csv:2:checks_id: 'nope' is not a event_id"),
        (_set("record_checks", 1, "source_id", B), "record_checks.csv:3:checks_id: claim 'k1' has no row for article"),
        (_set("record_checks", 4, "source_id", A), "record_checks.csv:6:source_id: quote 'q1' is from b_article"),
        (_set("record_checks", 2, "source_id", A), "record_checks.csv:4:checks_id: events row 'e2' has no evidence"),
        (_set("record_checks", 0, "checks_table", "labels"), "record_checks.csv:2:checks_table: 'labels' is not one"),
        (_set("record_checks", 0, "record_source_id", ""), "record_checks.csv:2:record_source_id: is empty"),
        (_set("record_checks", 0, "record_snippet", ""), "record_checks.csv:2:record_snippet: is empty"),
        (_set("record_checks", 3, "record_snippet", "words"), "record_checks.csv:5:record_snippet: must be empty"),
        (_set("record_checks", 0, "record_snippet", "w " * 41), "record_checks.csv:2:record_snippet: is 41 words long"),
        (
            _set("record_checks", 6, "record_date_end", "2016-04-01"),
            "record_checks.csv:8:record_date_end: 2016-04-01 is before record_date_start 2016-04-18",
        ),
        (
            _set("record_checks", 0, "record_date_end", "2016-05-05"),
            "record_checks.csv:2:record_date_end: must equal record_date_start",
        ),
        (
            _set("record_checks", 1, "record_date_end", "2016-05-05"),
            "record_checks.csv:3:record_date_precision: is empty",
        ),
        (
            _set("record_sources", 0, "published_end", pd.Timestamp("2016-05-01")),
            "record_sources.csv:2:published_end: 2016-05-01 is before published_start 2016-05-05",
        ),
        (_set("record_sources", 1, "url", "htp://coalition.example.org"), "record_sources.csv:3:url: 'htp://"),
        (_set("record_sources", 1, "url", "https://exa mple.org/a"), "record_sources.csv:3:url: 'https://exa mple"),
        (_set("record_sources", 1, "url", "https:///no-host"), "record_sources.csv:3:url:"),
    ],
)
def test_each_rule_fires_on_a_broken_copy(mutate, expected):
    problems = _broken(mutate)
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("source_id", "zzz", "'zzz' is not a source_id in sources.csv"),
        ("record_source_id", "rs-9", "'rs-9' is not a record_source_id in record_sources.csv"),
    ],
)
def test_a_check_of_a_missing_article_or_record_source_is_a_foreign_key_error(data_copy, column, value, expected):
    """The descriptor's foreign keys, checked by Frictionless in the same pass as the rules."""
    row = set_cell(data_copy / "record_checks.csv", "rc-042", column, value)
    problems = [str(p) for p in validate(data_copy)]
    assert f"record_checks.csv:{row}:{column}: {expected}" in problems, problems


def test_make_validate_reports_a_broken_record_check(data_copy):
    """The rules run in `make validate`, on the files themselves, with file:row:column."""
    path = data_copy / "record_checks.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    col = rows[0].index("record_snippet")
    first = next(i for i, r in enumerate(rows[1:], start=1) if r[col])
    rows[first][col] = " ".join(["word"] * 41)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    problems = [str(p) for p in validate(data_copy)]
    assert f"record_checks.csv:{first + 1}:record_snippet: is 41 words long; snippets stay at or under 40" in problems


def test_the_contributing_example_is_a_real_row_that_breaks_no_rule():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    examples = re.findall(r"```text\n(rc-\d{3},.*?)\n```", text, flags=re.S)
    assert len(examples) == 1, "CONTRIBUTING.md should show one record check"
    rows = (ROOT / "data" / "record_checks.csv").read_text(encoding="utf-8").splitlines()
    assert examples[0] in rows
