"""Every number and every date expression in the articles is either coded (an evidence
snippet of an event or a figure spans it) or listed, with a reason, in
tests/completeness_exclusions.csv; and no exclusion is stale."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from iacc2016.data.completeness import mentions, uncovered
from iacc2016.data.load import load_tables
from iacc2016.data.text import collapse_whitespace

EXCLUSIONS = Path(__file__).with_name("completeness_exclusions.csv")


@pytest.fixture(scope="module")
def articles(articles_dir):
    tables = load_tables()
    return {
        r.source_id: collapse_whitespace((articles_dir / r.seed_file).read_text(encoding="utf-8"))
        for r in tables["sources"].itertuples()
    }, tables


def test_every_number_and_date_expression_is_coded_or_excluded(articles):
    texts, tables = articles
    exclusions = pd.read_csv(EXCLUSIONS, dtype=str, keep_default_na=False)
    assert (exclusions["reason"].str.len() > 10).all(), "every exclusion needs a reason"
    missing, stale = uncovered(texts, tables["evidence"], exclusions)
    assert not missing, "not coded and not excluded:\n" + "\n".join(
        f"  {m.source_id} {m.kind} {m.text!r}: ...{m.context}..." for m in missing
    )
    assert stale.empty, f"exclusions that match nothing:\n{stale.to_string()}"


def test_extraction_finds_the_kinds_of_expression_the_articles_use():
    text = "On April 13, nearly 5,000 stores; last Wednesday; in late 2015; twice; $16.1 million; May 18 to May 20; it may rain"
    found = {(m.kind, m.text) for m in mentions("x", text)}
    assert {
        ("month", "April"),
        ("digits", "13"),
        ("digits", "5,000"),
        ("weekday", "Wednesday"),
        ("digits", "2015"),
        ("number word", "twice"),
        ("digits", "$16.1"),
        ("month", "May"),
        ("digits", "18"),
        ("digits", "20"),
    } <= found
    assert ("month", "may") not in {(k, t.lower()) for k, t in found if t == "may"}


def test_a_dropped_evidence_row_leaves_its_number_uncovered(articles):
    texts, tables = articles
    exclusions = pd.read_csv(EXCLUSIONS, dtype=str, keep_default_na=False)
    ev = tables["evidence"]
    without = ev[~((ev["record_table"] == "figures") & (ev["record_id"] == "counterfeit-groups-identified"))]
    without = without[~without["snippet"].str.contains("3,518", regex=False)]
    missing, _ = uncovered(texts, without, exclusions)
    assert any(m.text == "3,518" for m in missing)
