"""Adding an article (its file in the article folder and its row in sources.csv) and
running `make features` updates the text measures without a code change; the framing
notebook lists the new article as not yet hand-coded instead of dropping it, and ranks
its distinctive words."""

from __future__ import annotations

import shutil

from conftest import add_source_row, run_cli
from iacc2016.present import framing
from iacc2016.present.notebook import Data

NEW_TEXT = (
    "Example headline\n\n"
    "The coalition met again. Counterfeit handbags, counterfeit watches and counterfeit shoes were discussed, "
    "and the coalition promised a counterfeit report."
)


def test_a_new_article_flows_into_the_text_measures(data_copy, articles_dir, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(articles_dir, folder)
    (folder / "900_example.txt").write_text(NEW_TEXT, encoding="utf-8")
    add_source_row(data_copy, "900_example")
    result = run_cli("features", "--data", str(data_copy), "--articles", str(folder))
    assert result.returncode == 0, result.stderr
    assert "updated" in result.stdout

    # What notebook 03 shows, computed in process from the grown copy (nbval executes the
    # notebook itself once per run, against the committed data).
    data = Data.load(data_copy)
    status = framing.coding_status(data)
    new = status[status["source_id"] == "900_example"].iloc[0]
    assert new["outlet"] == "Example Outlet"
    assert new["term counts"] == "yes"  # the text measure needs only make features
    assert (new[["quotes", "labels", "frame codes"]] == "not yet").all()  # listed, not dropped
    distinct = framing.distinctive(data)
    assert "counterfeit" in set(distinct.loc[distinct["outlet"] == "Example Outlet", "term"])
