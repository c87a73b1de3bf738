"""`make features` derives hashes, body word counts and term counts from the article folder,
byte for byte as committed, and grows with the corpus without a code change."""

from __future__ import annotations

import hashlib
import shutil

from conftest import DATA, add_source_row, read_rows, run_cli, snapshot
from iacc2016.derive import features


def test_features_reproduce_the_committed_tables_byte_for_byte(articles_dir):
    built = features.build(DATA, articles_dir)
    assert built["term_counts.csv"] == (DATA / "term_counts.csv").read_text(encoding="utf-8")
    assert built["sources.csv"] == (DATA / "sources.csv").read_text(encoding="utf-8")


def test_make_features_writes_nothing_when_up_to_date(data_copy, articles_dir):
    before = snapshot(data_copy)
    result = run_cli("features", "--data", str(data_copy), "--articles", str(articles_dir))
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout
    assert snapshot(data_copy) == before


def test_adding_an_article_updates_every_text_measure(data_copy, articles_dir, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(articles_dir, folder)
    text = "Alibaba and the coalition.\n\nA new article about counterfeit handbags and the coalition."
    (folder / "900_new.txt").write_text(text, encoding="utf-8")
    add_source_row(
        data_copy, "900_new", published_start="2016-05-20", published_end="2016-05-20", published_precision="day"
    )
    result = run_cli("features", "--data", str(data_copy), "--articles", str(folder))
    assert result.returncode == 0, result.stderr
    row = {r[0]: r for r in read_rows(data_copy / "sources.csv")[1:]}["900_new"]
    header = read_rows(data_copy / "sources.csv")[0]
    assert row[header.index("text_sha256")] == hashlib.sha256(text.encode()).hexdigest()
    assert row[header.index("body_word_count")] == "13"  # counted by hand: 4 + 9 words
    counts = {(r[0], r[1]): int(r[2]) for r in read_rows(data_copy / "term_counts.csv")[1:]}
    assert counts[("900_new", "coalition")] == 2
    assert counts[("900_new", "handbags")] == 1


def test_a_changed_article_is_refused_not_recoded(data_copy, articles_dir, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(articles_dir, folder)
    target = folder / "001_a6078441eae04fd6.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nAn added line.", encoding="utf-8")
    before = snapshot(data_copy)
    result = run_cli("features", "--data", str(data_copy), "--articles", str(folder))
    assert result.returncode == 1
    assert "sources.csv:3:text_sha256: does not match the article file" in result.stderr
    assert "nothing was written" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(data_copy) == before


def test_without_articles_features_says_so(tmp_path):
    result = run_cli("features", "--articles", str(tmp_path / "none"))
    assert result.returncode == 2 and "no article folder" in result.stderr
    skipped = run_cli("features", "--articles", str(tmp_path / "none"), "--if-available")
    assert skipped.returncode == 0 and "skipped" in skipped.stdout
