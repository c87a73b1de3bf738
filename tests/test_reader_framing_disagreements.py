"""What a reader of notebooks 03 and 04 complained of, as tests on the committed notebooks:
counts with nouns in the wrong number, a framing notebook over 1 MB, a disagreement grid
whose cells say nothing but a colour and that mixes substance with spelling."""

from __future__ import annotations

import re

from test_reader import NOTEBOOKS_DIR, PLOTLY, chart_texts, datapackage, outputs, rendered_sentences, tables

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
    assert len(figs) == 1, "notebook 04 draws one chart, the points of substance"
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


def _substance() -> tuple[list[str], set[str]]:
    """By hand from the CSV and the codebook: the topics of the points of substance, and
    the verdicts they carry."""
    verdict = next(
        f
        for r in datapackage()["resources"]
        if r["name"] == "claims"
        for f in r["schema"]["fields"]
        if f["name"] == "verdict"
    )
    substance = {c["value"] for c in verdict["categories"] if c["reading"] == "substance"}
    rows = [r for r in tables()["claims"] if r["verdict"] in substance]
    return list(dict.fromkeys(r["topic"] for r in rows)), {r["verdict"] for r in rows}


def test_the_chart_holds_only_the_points_of_substance():
    # The reader: a 1800 x 4420 px grid of all 30 points is unreadable on GitHub; the
    # minor ones go in the table, the chart carries the finding.
    fig = grid_figure()
    heatmaps = [t for t in fig["data"] if t["type"] == "heatmap"]
    assert len(heatmaps) == 1
    topics, _ = _substance()
    shown = [re.sub(r"\s*<br>\s*", " ", y).strip() for y in heatmaps[0]["y"]]
    assert sorted(shown) == sorted(topics)
    assert not any("<i>" in y for y in heatmaps[0]["y"]), "no verdict line under each row label"


def test_the_chart_names_no_verdict_it_does_not_draw():
    # 0 contradictions: no 'Contradict' key and no title promising contradictions.
    _, drawn = _substance()
    labels = {
        c["value"]: c["shortLabel"]
        for r in datapackage()["resources"] if r["name"] == "claims"
        for f in r["schema"]["fields"] if f["name"] == "verdict"
        for c in f["categories"]
    }  # fmt: skip
    texts = " ".join(t for _, t in chart_texts(DISAGREE))
    for code, label in labels.items():
        if code not in drawn:
            assert f"</span> {label}" not in texts, label
    if "contradict" not in drawn:
        assert "contradictions and" not in texts


def test_each_chart_cell_is_the_data_s_own_words_never_cut():
    # A cell shows the hand-written short form (claims.value_short) or the whole value.
    shown = {(r["topic"], r["source_id"]): r["value_short"] or r["value"] for r in tables()["claims"]}
    outlet = {r["outlet"]: r["source_id"] for r in tables()["sources"]}
    heat = next(t for t in grid_figure()["data"] if t["type"] == "heatmap")
    for y, row in zip(heat["y"], heat["text"], strict=True):
        topic = re.sub(r"\s*<br>\s*", " ", y).strip()
        for x, text in zip(heat["x"], row, strict=True):
            if text:
                assert text.replace("<br>", " ") == shown[(topic, outlet[x])], (topic, x, text)


def test_no_jupyterlab_talk_in_the_reader_s_path():
    found = [w for w, t in list(rendered_sentences(DISAGREE)) + list(chart_texts(DISAGREE)) if "JupyterLab" in t]
    assert not found, found


def test_the_disagreements_notebook_is_under_one_megabyte():
    assert DISAGREE.stat().st_size < 1_000_000, f"{DISAGREE.stat().st_size / 1e6:.2f} MB"
