"""What a reader of notebooks 03 and 04 complained of, as tests on the committed notebooks:
counts with nouns in the wrong number, a framing notebook over 1 MB, a disagreement grid
whose cells say nothing but a colour and that mixes substance with spelling."""

from __future__ import annotations

import re

from test_reader import NOTEBOOKS_DIR, PLOTLY, chart_texts, outputs, rendered_sentences

FRAMING = NOTEBOOKS_DIR / "03-framing-by-outlet.ipynb"
DISAGREE = NOTEBOOKS_DIR / "04-where-outlets-disagree.ipynb"
# '1 outlets', '1 articles attach': the number one before a plural noun or verb.
ONE_PLURAL = re.compile(
    r"\b1\*{0,2} (?:outlets|articles|points|events|labels|items|passages|words)\b|\b1\*{0,2} \w+s (?:attach|appear|differ)\b"
)


def test_no_count_of_one_with_a_plural():
    found = [
        f"{path.name} {where}: {m.group(0)!r}"
        for path in (FRAMING, DISAGREE)
        for where, text in list(rendered_sentences(path)) + list(chart_texts(path))
        for m in ONE_PLURAL.finditer(text)
    ]
    assert not found, found


def test_the_framing_notebook_is_under_one_megabyte():
    # About 1.3 MB before the PNGs were shrunk losslessly (present.static_images.smaller_png).
    assert FRAMING.stat().st_size < 1_000_000, f"{FRAMING.stat().st_size / 1e6:.2f} MB"


def grid_figure() -> dict:
    figs = [out["data"][PLOTLY] for _, out in outputs(DISAGREE) if PLOTLY in out.get("data", {})]
    assert len(figs) == 1, "notebook 04 draws one chart, the grid"
    return figs[0]


def test_each_grid_cell_says_what_that_outlet_says():
    # Every reported cell carries text (the outlet's value) and a hover naming the outlet.
    heatmaps = [t for t in grid_figure()["data"] if t["type"] == "heatmap"]
    assert heatmaps
    for t in heatmaps:
        for zrow, trow, hrow in zip(t["z"], t["text"], t["customdata"], strict=True):
            for z, text, hover in zip(zrow, trow, hrow, strict=True):
                assert (z is None) == (text == ""), (z, text)
                assert any(o in hover for o in t["x"]), hover


def test_the_grid_sets_substance_apart_from_wording_and_precision():
    fig = grid_figure()
    heatmaps = [t for t in fig["data"] if t["type"] == "heatmap"]
    assert len(heatmaps) == 2, "one panel of differences of substance, one of the rest"
    titles = [a["text"] for a in fig["layout"]["annotations"]]
    assert any(t.startswith("Differences of substance") for t in titles), titles
    upper = " ".join(heatmaps[0]["y"])
    lower = " ".join(heatmaps[1]["y"])
    # The data may hold no contradiction (c02 is a characterisation since the start-year fix),
    # so the upper panel is tested for holding substance only, not for a contradiction.
    assert "characterisation" in upper and "wording" not in upper and "precision" not in upper
    assert "Contradict" not in lower and "characterisation" not in lower
