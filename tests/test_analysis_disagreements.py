"""iacc2016.analysis.disagreements on a small hand-built claims table, answers by hand."""

from __future__ import annotations

import pandas as pd

from iacc2016.analysis import disagreements as d

READING = {
    "agree": "same",
    "differ_in_precision": "precision",
    "wording_differs": "wording",
    "characterization_differs": "substance",
    "contradict": "substance",
}
KINDS = ["date", "number", "naming"]
MOST_SERIOUS_FIRST = ["contradict", "characterization_differs", "wording_differs", "differ_in_precision", "agree"]
OUTLET_OF = {"s1": "A", "s2": "B", "s3": "C"}


def claims() -> pd.DataFrame:
    rows = [
        # claim, topic, kind, source, value, verdict
        ("k1", "a name", "naming", "s1", "TaoBao", "wording_differs"),
        ("k1", "a name", "naming", "s3", "Taobao", "wording_differs"),
        ("k2", "a year", "date", "s1", "2013", "contradict"),
        ("k2", "a year", "date", "s2", "2014", "contradict"),
        ("k3", "a day", "date", "s2", "April", "differ_in_precision"),
        ("k3", "a day", "date", "s3", "13 April", "differ_in_precision"),
        ("k3", "a day", "date", "s1", "mid-April", "differ_in_precision"),
        ("k4", "a count", "number", "s3", "2", "characterization_differs"),
        ("k4", "a count", "number", "s2", "3", "characterization_differs"),
    ]
    frame = pd.DataFrame(rows, columns=["claim_id", "topic", "kind", "source_id", "value", "verdict"])
    return frame.assign(snippet="words", explanation="why")


def test_points_one_row_per_claim_by_kind_then_verdict():
    p = d.points(claims(), KINDS, MOST_SERIOUS_FIRST)
    # Kinds in order date, number, naming; within date, the contradiction (k2) before the
    # difference of precision (k3). k3 is reported by 3 articles, the others by 2.
    assert list(p["claim_id"]) == ["k2", "k3", "k4", "k1"]
    assert list(p["articles"]) == [2, 3, 2, 2]


def test_by_reading_counts_every_reading_zero_included():
    p = d.points(claims(), KINDS, MOST_SERIOUS_FIRST)
    # k2 contradict + k4 characterisation = 2 of substance; k1 wording; k3 precision; none the same.
    assert d.by_reading(p["verdict"], READING) == {"same": 0, "precision": 1, "wording": 1, "substance": 2}


def test_substantive_verdicts_are_those_read_as_substance():
    assert d.substantive(READING) == ["characterization_differs", "contradict"]


def test_cells_put_substance_first_and_keep_each_outlets_value():
    p = d.points(claims(), KINDS, MOST_SERIOUS_FIRST)
    c = d.cells(claims(), p, OUTLET_OF, ["A", "B", "C"], READING)
    # Substance (panel 0): k2 then k4 (the points' order), outlets A, B, C within a claim;
    # then the rest (panel 1): k3 (A, B, C) then k1 (A, C).
    assert list(zip(c["claim_id"], c["outlet"], strict=True)) == [
        ("k2", "A"), ("k2", "B"), ("k4", "B"), ("k4", "C"),
        ("k3", "A"), ("k3", "B"), ("k3", "C"), ("k1", "A"), ("k1", "C"),
    ]  # fmt: skip
    assert list(c["panel"]) == [0, 0, 0, 0, 1, 1, 1, 1, 1]
    assert c.loc[(c["claim_id"] == "k1") & (c["outlet"] == "A"), "value"].item() == "TaoBao"
    assert set(c.loc[c["panel"] == 1, "reading"]) == {"precision", "wording"}


def test_record_checks_of_points_joins_each_check_to_its_point():
    p = d.points(claims(), KINDS, MOST_SERIOUS_FIRST)  # order k2, k3, k4, k1
    checks = pd.DataFrame(
        {
            "check_id": ["r1", "r2", "r3", "r4"],
            "source_id": ["s1", "s2", "s3", "s1"],
            "checks_table": ["claims", "claims", "events", "claims"],
            "checks_id": ["k1", "k2", "k2", "k3"],
            "statement": ["a", "b", "c", "d"],
            "rating": ["contradicted", "confirmed", "contradicted", "contradicted"],
            "explanation": ["x", "y", "z", "w"],
        }
    )
    got = d.record_checks_of_points(p, checks, NO_LINKS, ["contradicted", "partly_confirmed", "confirmed"])
    # r3 checks an event, not a claim, and no link ties it to a point: out. Contradicted
    # first: r4 (k3) before r1 (k1), k3 coming before k1 among the points; then confirmed r2 (k2).
    assert list(got["check_id"]) == ["r4", "r1", "r2"]
    assert list(got["topic"]) == ["a day", "a name", "a year"]
    assert got.loc[0, "verdict"] == "differ_in_precision"


NO_LINKS = pd.DataFrame({"check_id": [], "claim_id": [], "source_id": []}, dtype=str)


def test_a_linked_check_of_another_table_bears_on_its_point():
    # The $16.1m case: a figure's check that is also one article's version of a point.
    p = d.points(claims(), KINDS, MOST_SERIOUS_FIRST)  # order k2, k3, k4, k1
    checks = pd.DataFrame(
        {
            "check_id": ["r1", "r3", "r5"],
            "source_id": ["s1", "s3", "s3"],
            "checks_table": ["claims", "figures", "quotes"],
            "checks_id": ["k1", "f1", "q1"],
            "statement": ["a", "c", "e"],
            "rating": ["confirmed", "contradicted", "confirmed"],
            "explanation": ["x", "z", "v"],
        }
    )
    links = pd.DataFrame({"check_id": ["r3", "r3"], "claim_id": ["k2", "k4"], "source_id": ["s3", "s3"]})
    got = d.record_checks_of_points(p, checks, links, ["contradicted", "partly_confirmed", "confirmed"])
    # r3 bears on two points (k2 before k4 among the points); r5 has no link: out.
    assert list(zip(got["check_id"], got["claim_id"], strict=True)) == [("r3", "k2"), ("r3", "k4"), ("r1", "k1")]
    assert list(got["rating"]) == ["contradicted", "contradicted", "confirmed"]
