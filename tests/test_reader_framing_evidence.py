"""What a reader of notebook 03 could not check (eyes-b, 03): the words behind every
'yes' to a frame question and behind every cell of the coverage grid, who is counted on
each side of the voice chart, white grid cells that looked like gaps, a lead of a few
points called a lead like any other, and a chart of 'most distinctive' words whose bars
were close to zero. Tests on the committed notebook and on the data it is made from."""

from __future__ import annotations

import base64
import html
import re

import numpy as np
from test_reader import NOTEBOOKS_DIR, charts, norm, outputs, tables, text_of

FRAMING = NOTEBOOKS_DIR / "03-framing-by-outlet.ipynb"


def shown_cells() -> set[str]:
    """Every table cell of the notebook's outputs, whole, as a reader reads it."""
    cells = set()
    for _, out in outputs(FRAMING):
        for cell in re.findall(r"<td>(.*?)</td>", text_of(out.get("data", {}).get("text/html")), flags=re.S):
            cells.add(norm(html.unescape(cell)))
    return cells


def test_every_yes_to_a_frame_question_shows_its_words_whole():
    book = {r["item_id"]: r["framework"] for r in tables()["frame_codebook"]}
    cells = shown_cells()
    missing = [
        (r["source_id"], r["item_id"])
        for r in tables()["frame_codes"]
        if r["value"] == "yes" and book[r["item_id"]] == "semetko_valkenburg_2000"
        and f"“{norm(r['snippet'])}”" not in cells
    ]  # fmt: skip
    assert not missing, f"'yes' answers whose snippet is not shown whole: {missing}"


def test_every_cell_of_the_coverage_grid_shows_its_words_whole():
    cells = shown_cells()
    missing = [
        r["evidence_id"]
        for r in tables()["evidence"]
        if r["record_table"] == "events" and f"“{norm(r['snippet'])}”" not in cells
    ]
    assert not missing, f"coverage snippets not shown whole: {missing}"


def test_every_speaker_is_listed_under_a_side():
    names = {r["member_id"]: r["name"] for r in tables()["members"]}
    cells = shown_cells()
    missing = sorted(
        {
            names[q["speaker_member_id"]] if q["speaker_member_id"] else q["speaker"]
            for q in tables()["quotes"]
            if (names[q["speaker_member_id"]] if q["speaker_member_id"] else q["speaker"]) not in cells
        }
    )
    assert not missing, f"speakers the voice chart counts but no table lists: {missing}"


def coverage_figure() -> dict:
    figs = [fig for _, fig, _ in charts(FRAMING) if "in every article" in str(fig["layout"]["title"])]
    assert len(figs) == 1, "one coverage grid"
    return figs[0]


def test_every_white_cell_of_the_coverage_grid_is_outlined():
    fig = coverage_figure()
    (grid,) = [t for t in fig["data"] if t["type"] == "heatmap"]
    z = grid["z"]
    if isinstance(z, dict):  # plotly's typed array: base64 of the raw values
        z = np.frombuffer(base64.b64decode(z["bdata"]), dtype=z["dtype"])
    white = int((np.asarray(z, dtype=float) == -1).sum())
    cells = [s for s in fig["layout"].get("shapes", []) if s.get("xref", "x") != "paper"]  # the key is in paper space
    outlines = [s for s in cells if s["type"] == "rect" and s["line"]["width"] > 0]
    hatches = [s for s in cells if s["type"] == "path"]
    assert white and len(outlines) == white and len(hatches) == white, (white, len(outlines), len(hatches))


def test_the_coverage_grid_carries_its_key_and_legible_row_labels():
    # accept-b 03 item 2: a key on the chart (not only in the footnote), one swatch per kind
    # of cell, the after-publication one hatched; row labels of at least 15 px, which is
    # about 12 px where GitHub shows the 900 px chart at some 750 px.
    fig = coverage_figure()
    key = [s for s in fig["layout"].get("shapes", []) if s.get("xref") == "paper"]
    assert sum(s["type"] == "rect" for s in key) == 3 and sum(s["type"] == "path" for s in key) == 1, key
    words = " ".join(a["text"] for a in fig["layout"]["annotations"])
    assert "reports the event" in words and "does not report it" in words and "had not happened" in words
    assert fig["layout"]["yaxis"]["tickfont"]["size"] >= 15


def test_a_narrow_lead_in_the_voice_summary_is_called_narrow():
    # The Fashion Law: 143 brand words to 132 of the coalition's, of 343 (voice table) = a
    # lead of 11 / 343, about 3 points: under the 10-point line, so it must be called narrow.
    summary = next(
        text_of(out["data"]["text/markdown"])
        for _, out in outputs(FRAMING)
        if "**Voice.**" in text_of(out.get("data", {}).get("text/markdown"))
    )
    voice = summary.split("**Voice.**")[1].split("\n")[0]
    assert "narrow" in voice and voice.index("narrow") < voice.index("The Fashion Law"), voice


def test_no_chart_claims_most_distinctive_words():
    titles = [str(fig["layout"].get("title")) for _, fig, _ in charts(FRAMING)]
    assert not any("distinctive" in t.lower() for t in titles), titles
