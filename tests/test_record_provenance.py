"""The record tables' provenance and passages (eyes-b §05): each rule firing on a broken
copy of the real data, the passage grouping and coverage counted by hand, and notebook
05's tables as a reader meets them (links, never raw addresses; one row per passage;
every document a shown text names in the list of sources)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import iacc2016
from conftest import ROOT, set_cell
from iacc2016.analysis.record_passages import coverage, passage_groups, splice
from iacc2016.data.validate import validate
from iacc2016.present import record, record_tables
from iacc2016.present.markup import Linked


# ------------------------------------------------------------------------- rules on the files
@pytest.mark.parametrize(
    ("file", "key", "column", "value", "expected"),
    [
        (
            "record_sources.csv",
            "rs-techcrunch-2015-12-21-bassiur",
            "provenance",
            "primary",
            "'primary' does not fit kind 'news_report', which is secondary",
        ),
        (
            "record_sources.csv",
            "rs-iacc-2016-04-13-intermediaries",
            "provenance",
            "secondary_third_party_copy",
            "'secondary_third_party_copy' does not fit kind 'press_release', which is primary",
        ),
        (
            "record_checks.csv",
            "rc-046",
            "evidence_id",
            "ev-0003",
            "'ev-0003' is a passage of events row 'alibaba-expands-marketsafe' from article 003_18d540f38e9991fc, "
            "not of the row this check names",
        ),
        ("record_checks.csv", "rc-046", "evidence_id", "ev-9999", "'ev-9999' is not an evidence_id in evidence.csv"),
        (
            "record_checks.csv",
            "rc-014",
            "also_cites",
            "rs-pymnts-2016-05-tiffany|rs-no-such-page",
            "'rs-no-such-page' is neither a record document nor a reference rate",
        ),
    ],
)
def test_each_provenance_rule_fires_on_a_broken_copy(data_copy, file, key, column, value, expected):
    row = set_cell(data_copy / file, key, column, value)
    problems = [str(p) for p in validate(data_copy)]
    assert f"{file}:{row}:{column}: {expected}" in problems, problems


def test_the_provenance_codes_are_documented_with_their_rule():
    d = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    res = next(r for r in d["resources"] if r["name"] == "record_sources")
    field = next(f for f in res["schema"]["fields"] if f["name"] == "provenance")
    assert field["constraints"]["required"] is True
    assert {c["value"] for c in field["categories"]} == set(field["constraints"]["enum"])
    assert "Rule:" in field["description"]
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert "| `provenance` |" in readme and "| `also_cites` |" in readme


# ------------------------------------------------------------------------------- analysis
def test_splice_joins_overlapping_parts_and_drops_contained_ones():
    a = "Zheng told that in past year Alibaba had identified 3,518 groups"
    b = "in past year Alibaba had identified 3,518 groups, helping the police"
    c = "Alibaba had identified"
    # By hand: b begins with a's last 52 characters; c lies inside both.
    assert splice([b, c, a]) == "Zheng told that in past year Alibaba had identified 3,518 groups, helping the police"
    assert splice(["one passage", "another"]) == "one passage … another"


def test_passage_groups_by_hand():
    words = pd.Series(
        {
            10: "the IACC has reportedly lost two major brands",
            11: "the IACC has reportedly lost two major brands",  # same words, same article: grouped
            12: "the IACC has reportedly lost two major brands",  # same words, another article: apart
            13: "a sentence of its own",
            14: None,
        }
    )
    sources = pd.Series({10: "A", 11: "A", 12: "B", 13: "A", 14: "A"})
    g = passage_groups(sources, words)
    assert g["group"].tolist() == [0, 0, 1, 2, 3]
    assert g.loc[11, "passage"] == words[10]
    assert pd.isna(g.loc[14, "passage"])


def test_coverage_by_hand():
    checks = pd.DataFrame(
        {
            "checks_table": ["events", "events", "claims", "claims"],
            "checks_id": ["e1", "e1", "k1", "k1"],
            "source_id": ["A", "A", "A", "B"],
        }
    )
    tables = {
        "events": pd.DataFrame({"event_id": ["e1", "e2", "e3"]}),
        "claims": pd.DataFrame({"claim_id": ["k1", "k1", "k2"], "source_id": ["A", "B", "A"]}),
    }
    got = coverage(checks, tables, {"claims": "claim_id", "events": "event_id"}).set_index("checks_table")
    # Claims: 3 article versions, 2 of them checked (k1 in A and in B); events: 1 of 3, checked twice.
    assert got.loc["claims"].tolist() == [3, 2, 2]
    assert got.loc["events"].tolist() == [3, 1, 2]


# ------------------------------------------------------------------------- reader's tables
@pytest.fixture(scope="module")
def data():
    return iacc2016.load()


def test_linked_cells_link_only_web_addresses_and_escape_every_part():
    cell = Linked("Wire: ", ("<b>Title</b>", 'https://x.example/a?b=1&c="2'), " and ", ("bad", "javascript:alert(1)"))
    assert str(cell) == "Wire: <b>Title</b> and bad"
    html = cell.html()
    assert '<a href="https://x.example/a?b=1&amp;c=&quot;2">&lt;b&gt;Title&lt;/b&gt;</a>' in html
    assert "javascript" not in html and html.count("<a ") == 1


def test_no_record_table_shows_a_raw_address(data):
    frames = [record.contradictions_table(data), record.partly_table(data), record.method_table(data)]
    frames += [t for _, t in record.confirmed_tables(data)]
    for frame in frames:
        for col in frame.columns:
            assert not frame[col].astype(str).str.contains("http").any(), col


def test_the_partly_confirmed_table_shows_each_passage_once(data):
    table = record.partly_table(data)
    key = table[["Outlet", "What the article says (its words)"]]
    assert not key.duplicated().any()
    # By hand: rc-024/rc-025 (WWD), rc-033/rc-034 (The Fashion Law), rc-027/rc-028 (Style
    # Incorporated) and rc-070/rc-071/rc-072 (CNBC) share their passages. rc-069 (Fashionista's
    # $16.1 million, re-rated from contradicted) adds a passage of its own: 17 checks, 12 rows.
    partly = data.record_checks["rating"] == "partly_confirmed"
    assert int(partly.sum()) == 17 and len(table) == 12
    assert not table["What holds and what does not"].str.contains("Rated as").any()


def test_the_confirmed_tables_list_every_confirmed_statement_whole(data):
    shown = [s for _, t in record.confirmed_tables(data) for s in t["Statement confirmed (our words)"]]
    confirmed = data.record_checks.loc[data.record_checks["rating"] == "confirmed", "statement"]
    assert sorted(shown) == sorted(confirmed)


def test_every_document_a_shown_text_names_is_in_the_sources(data):
    md = record.cited_documents_md(data)
    docs = data.record_sources.set_index("record_source_id")
    named = set(data.record_checks["record_source_id"].dropna())
    named |= {n for v in data.record_checks["also_cites"].dropna() for n in v.split("|")}
    rates = data.tables["reference_rates"].set_index("rate_id")
    for n in named:
        url = docs.loc[n, "url"] if n in docs.index else rates.loc[n, "url"]
        assert f"]({url})" in md, n
    # The readers' missing three (eyes-b §05 item 4) are among them.
    assert "Retail Insight Network" in md
    assert "http://www.iacc.org/iacc-marketsafe-expansion" in md


def test_the_dates_finding_names_the_marketsafe_expansion_and_no_overclaim(data):
    text = record.findings(data)
    assert "held up where the record gives a day" not in text
    label = data.events.set_index("event_id").loc["alibaba-expands-marketsafe", "label"]
    assert f"{label} is a date the articles pin to one day" in text
    assert "cancelled: the day it was scheduled" in " ".join(record_tables.method_table(data)["Happening"])
