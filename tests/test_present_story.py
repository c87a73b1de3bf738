"""The overview's summary says only what the tables hold (issue 19)."""

from __future__ import annotations

from iacc2016.present import story
from iacc2016.present.notebook import Data


def test_the_summary_names_who_left_without_typing_a_motive():
    data = Data.load(story_data_dir())
    text = story.overview_summary(data)
    departures = story.departures(data)
    for name in departures["who left"]:
        assert name in text
    # events.reason_given is free text and one article gives no reason for one departure:
    # a motive ("in protest") typed into the summary claimed more than the data holds.
    assert "in protest" not in text
    assert f"{len(departures)} brands left the coalition" in text


def story_data_dir():
    from iacc2016 import settings

    return settings.data_dir()


def test_table_shows_every_cell_whole_without_row_numbers(monkeypatch):
    """nb.table: a 300-character cell is shown whole (pandas would cut it at
    display.max_colwidth with '...'), no 0..n index, markup escaped."""
    import pandas as pd

    from iacc2016.present import notebook as nb

    shown = []
    monkeypatch.setattr(nb, "display", lambda obj: shown.append(obj.data))
    long = " ".join(["word"] * 60)
    with pd.option_context("display.max_colwidth", 20):
        nb.table(pd.DataFrame({"Quotation": [long, "<b>bold</b>"]}))
    html = shown[0]
    assert long in html and "..." not in html
    assert "<th>0</th>" not in html and "<th></th>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
