"""`make features` derives hashes, body word counts and term counts from the article folder
into data/derived/ only, byte for byte as committed, grows with the corpus without a code
change, and never rewrites a hand-coded table."""

from __future__ import annotations

import hashlib
import shutil

from conftest import DATA, add_source_row, read_rows, run_cli, snapshot
from iacc2016.derive import features


def test_features_reproduce_the_committed_tables_byte_for_byte(articles_dir):
    built = features.build(DATA, articles_dir)
    assert sorted(built) == ["derived/sources_text.csv", "derived/term_counts.csv"]  # nothing else
    for name, text in built.items():
        assert text == (DATA / name).read_text(encoding="utf-8"), name


def test_check_says_whether_derived_files_are_stale(data_copy, articles_dir):
    assert run_cli("features", "--check", "--data", str(data_copy), "--articles", str(articles_dir)).returncode == 0
    counts = data_copy / "derived" / "term_counts.csv"
    counts.write_text(counts.read_text(encoding="utf-8").replace(",2\n", ",3\n", 1), encoding="utf-8")
    before = snapshot(data_copy)
    result = run_cli("features", "--check", "--data", str(data_copy), "--articles", str(articles_dir))
    assert result.returncode == 1
    assert "derived/term_counts.csv: differs from what the article folder gives; run make features" in result.stderr
    assert snapshot(data_copy) == before  # --check writes nothing


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
    hand_coded = (data_copy / "sources.csv").read_bytes()
    result = run_cli("features", "--data", str(data_copy), "--articles", str(folder))
    assert result.returncode == 0, result.stderr
    assert (data_copy / "sources.csv").read_bytes() == hand_coded  # never rewritten
    row = {r[0]: r for r in read_rows(data_copy / "derived" / "sources_text.csv")[1:]}["900_new"]
    header = read_rows(data_copy / "derived" / "sources_text.csv")[0]
    assert row[header.index("text_sha256")] == hashlib.sha256(text.encode()).hexdigest()
    assert row[header.index("body_word_count")] == "13"  # counted by hand: 4 + 9 words
    counts = {(r[0], r[1]): int(r[2]) for r in read_rows(data_copy / "derived" / "term_counts.csv")[1:]}
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
    assert "derived/sources_text.csv:3:text_sha256: does not match the article file" in result.stderr
    assert "nothing was written" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(data_copy) == before


def test_without_articles_features_says_so(tmp_path):
    result = run_cli("features", "--articles", str(tmp_path / "none"))
    assert result.returncode == 2 and "no article folder" in result.stderr
    skipped = run_cli("features", "--articles", str(tmp_path / "none"), "--if-available")
    assert skipped.returncode == 0 and "skipped" in skipped.stdout
