"""Adding an article (its file in the article folder and its row in sources.csv) and
running `make features` updates the text measures without a code change; the framing
notebook lists the new article as not yet hand-coded instead of dropping it."""

from __future__ import annotations

import shutil

from conftest import ROOT, add_source_row, run_cli
from iacc2016.execute import run

NEW_TEXT = (
    "Example headline\n\n"
    "The coalition met again. Counterfeit handbags, counterfeit watches and counterfeit shoes were discussed, "
    "and the coalition promised a counterfeit report."
)


def test_a_new_article_flows_into_the_text_measures(data_copy, articles_dir, tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    shutil.copytree(articles_dir, folder)
    (folder / "900_example.txt").write_text(NEW_TEXT, encoding="utf-8")
    add_source_row(data_copy, "900_example")
    result = run_cli("features", "--data", str(data_copy), "--articles", str(folder))
    assert result.returncode == 0, result.stderr
    assert "updated" in result.stdout

    monkeypatch.setenv("IACC_DATA_DIR", str(data_copy))
    monkeypatch.setenv("IACC_ARTICLES_DIR", str(folder))
    nb = run(ROOT / "notebooks" / "03-framing-by-outlet.ipynb")
    outputs = "\n".join(
        str(o.get("data", {}).get("text/markdown", ""))
        + str(o.get("data", {}).get("text/plain", ""))
        + str(o.get("text", ""))
        for cell in nb.cells
        for o in cell.get("outputs", [])
    )
    assert "Articles not yet hand-coded: Example Outlet." in outputs
    assert "counterfeit" in outputs  # the new article's most distinctive term is ranked
    assert "Example Outlet" in outputs
