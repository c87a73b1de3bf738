"""Notebooks 00 and 01 on the public record (not from the articles): each contradicted
statement carries the record's version and its document; the suspension's letter is named
as a record document, not the article of the same publisher; one wording for a missing
headline; consistency checks after the caveats."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from iacc2016 import settings
from iacc2016.present import overview, story, story_record
from iacc2016.present.notebook import NO_HEADLINE, Data, article_name


@pytest.fixture(scope="module")
def data():
    return Data.load(settings.data_dir())


def test_each_contradiction_gives_the_record_version_and_its_document(data):
    lines = story_record.contradictions_in_words(data)
    contradicted = data.record_checks[data.record_checks["rating"] == "contradicted"]
    assert len(lines) == len(contradicted)
    for line in lines:
        assert re.search(r"The record \(\[[^]]+\]\(https?://", line), line
        assert "(see the check" not in line  # a pointer to a check the reader cannot see


def test_no_contradiction_is_said_plainly_everywhere(data):
    # By hand from record_checks.csv: no check is rated contradicted since rc-069 (Fashionista's
    # $16.1 million) was re-rated partly confirmed (a later, longer-span total cannot refute it).
    assert (data.record_checks["rating"] != "contradicted").all()
    assert story_record.contradictions_in_words(data) == []
    assert "contradicts none of the" in story_record.contradictions_paragraph(data)
    from iacc2016.present import record

    assert "None contradicted outright." in record.findings(data)
    assert "contradicts none of the" in record.contradictions_lead(data)
    assert "**none** contradicted outright" in overview.findings(data)
    assert "statements are contradicted" not in overview.findings(data)
    assert "held Alibaba stock" not in record.findings(data)  # no stored document says so


def test_the_suspension_letter_is_named_as_a_record_document_not_our_article(data):
    text = story_record.suspension_in_words(data)
    assert "a public document, a different report from The Fashion Law's article this collection rests on" in text
    assert "a reason none of the articles gives" not in story.overview_summary(data)
    assert "a reason" not in overview.findings(data)


def test_a_missing_headline_is_worded_the_same_everywhere(data):
    missing = data.sources[data.sources["headline"].isna() | (data.sources["headline"] == "")]
    assert len(missing)
    for row in missing.itertuples():
        assert article_name(row).endswith(f"({NO_HEADLINE})")
    table = overview.sources_table(data)
    assert table["headline"].str.lower().str.startswith(NO_HEADLINE).sum() == len(missing)


def test_the_overview_says_which_web_addresses_carry_a_date(data):
    text = overview.dates_in_words(data)
    dated = [u for u in data.sources["url"] if re.search(r"/20\d\d/\d\d", str(u))]
    assert f"for {len(dated)} of them" in text


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.py")), ids=lambda p: p.name)
def test_consistency_checks_come_after_the_caveats_and_before_the_sources(path):
    text = path.read_text(encoding="utf-8")
    if "nb.checks_heading()" not in text:
        pytest.skip("this notebook does not use the shared consistency-checks heading yet")
    at = text.index("nb.checks_heading()")
    sources = min(text.index(s) for s in ("nb.sources(data)", "# ## Sources") if s in text)
    assert text.index("## Caveats") < at < sources
    assert "Checks the numbers above pass" not in text
