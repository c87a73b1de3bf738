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
