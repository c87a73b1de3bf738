"""`make validate`: the committed package passes; each corruption that needs the article
texts (a snippet not in its article, a wrong hash, a changed quotation) is caught and
placed at its file, row and column."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import DATA, read_rows, row_of, run_cli, set_cell, validate_fails, write_rows


def test_committed_package_is_valid_with_the_articles(articles_dir):
    result = run_cli("validate", "--articles", str(articles_dir))
    assert result.returncode == 0, result.stderr
    assert "data package is valid (with the articles)" in result.stdout


def test_frictionless_reference_validator_accepts_the_package():
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", str(DATA / "datapackage.json")],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 and "No module named frictionless.__main__" in result.stderr:
        from frictionless import validate

        assert validate(str(DATA / "datapackage.json")).valid
    else:
        assert result.returncode == 0, result.stdout[-3000:]


def test_frictionless_errors_read_as_file_row_column_what_is_wrong(data_copy):
    """Frictionless checks the descriptor's constraints; its error report becomes the
    project's message (no Frictionless error code, the allowed codes listed)."""
    row = set_cell(data_copy / "figures.csv", "kering-lawsuits", "qualifier", "about")
    validate_fails(
        data_copy,
        f"figures.csv:{row}:qualifier: 'about' is not one of the allowed values: exact, approximately, nearly, more_than,",
    )


def test_snippet_not_in_its_article(data_copy, articles_dir):
    rows = read_rows(data_copy / "evidence.csv")
    key = rows[5][0]
    row = set_cell(
        data_copy / "evidence.csv",
        key,
        "snippet",
        rows[5][4].replace("the", "teh", 1) if "the" in rows[5][4] else rows[5][4] + " extra",
    )
    validate_fails(data_copy, articles=articles_dir, expected=f"evidence.csv:{row}:snippet: is not verbatim in article")


def test_snippet_attributed_to_the_wrong_article(data_copy, articles_dir):
    rows = read_rows(data_copy / "evidence.csv")
    target = next(r for r in rows[1:] if r[4].startswith("On April 13, Alibaba became"))
    row = set_cell(data_copy / "evidence.csv", target[0], "source_id", "003_18d540f38e9991fc")
    validate_fails(
        data_copy,
        articles=articles_dir,
        expected=f"evidence.csv:{row}:snippet: is not verbatim in article 003_18d540f38e9991fc",
    )


def test_wrong_hash(data_copy, articles_dir):
    row = set_cell(data_copy / "derived" / "sources_text.csv", "002_f37cb6e8455b08bd", "text_sha256", "0" * 64)
    validate_fails(
        data_copy,
        articles=articles_dir,
        expected=f"derived/sources_text.csv:{row}:text_sha256: does not match the article file",
    )


def test_changed_quotation(data_copy, articles_dir):
    rows = read_rows(data_copy / "quotes.csv")
    original = next(r for r in rows if r[0] == "q-004-05")[rows[0].index("text")]
    assert "confrontational" in original
    row = set_cell(data_copy / "quotes.csv", "q-004-05", "text", original.replace("confrontational", "combative"))
    validate_fails(data_copy, articles=articles_dir, expected=f"quotes.csv:{row}:text: is not verbatim in article")


def test_event_date_words_must_be_in_its_evidence(data_copy):
    row = set_cell(data_copy / "events.csv", "gucci-leaves-iacc", "date_text", "early May")
    validate_fails(data_copy, f"events.csv:{row}:date_text: 'early May' is not in any evidence snippet of this event")


def test_figure_value_words_must_be_in_its_evidence(data_copy):
    row = set_cell(data_copy / "figures.csv", "marketsafe-storefronts-closed", "value_text", "nearly 6,000")
    validate_fails(data_copy, f"figures.csv:{row}:value_text: 'nearly 6,000' is not in any evidence snippet")


def test_record_without_evidence(data_copy):
    rows = read_rows(data_copy / "evidence.csv")
    write_rows(data_copy / "evidence.csv", [r for r in rows if r[2] != "ebay"])
    row = row_of(data_copy / "members.csv", "ebay")
    validate_fails(data_copy, f"members.csv:{row}:member_id: 'ebay' has no evidence row in evidence.csv")


def test_missing_article_folder_is_a_clear_error(tmp_path):
    result = run_cli("validate", "--articles", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_an_article_without_its_derived_measures_asks_for_make_features(data_copy):
    path = data_copy / "derived" / "sources_text.csv"
    rows = read_rows(path)
    write_rows(path, [r for r in rows if r[0] != "004_2cb0b116d606e9df"])
    row = row_of(data_copy / "sources.csv", "004_2cb0b116d606e9df")
    validate_fails(
        data_copy,
        f"sources.csv:{row}:source_id: '004_2cb0b116d606e9df' has no row in derived/sources_text.csv; run make features",
    )


@pytest.mark.parametrize("column", ["text_sha256", "body_word_count"])
def test_an_empty_derived_measure_is_reported(data_copy, column):
    row = set_cell(data_copy / "derived" / "sources_text.csv", "004_2cb0b116d606e9df", column, "")
    validate_fails(data_copy, f"derived/sources_text.csv:{row}:{column}: is required but empty")


def test_a_figure_value_that_disagrees_with_its_words(data_copy):
    row = set_cell(data_copy / "figures.csv", "marketsafe-listings-removed", "value", "18000")
    validate_fails(data_copy, f"figures.csv:{row}:value: is 18000 but value_text 'more than 180,000' says 180000")


def test_a_figure_qualifier_that_disagrees_with_its_words(data_copy):
    row = set_cell(data_copy / "figures.csv", "marketsafe-storefronts-closed", "qualifier", "exact")
    validate_fails(
        data_copy, f"figures.csv:{row}:qualifier: is 'exact' but value_text 'nearly 5,000' reads as 'nearly'"
    )
