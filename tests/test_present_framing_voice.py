"""The voice finding's count of articles a side leads must say when it rests on one
speaker the article ties to two sides (accept-b, 03 item 1: Barbara Kolsun)."""

from __future__ import annotations

from iacc2016 import settings
from iacc2016.present import framing_findings as ff
from iacc2016.present.notebook import Data


def load() -> Data:
    return Data.load(settings.data_dir(), frictionless=False)


def test_the_voice_count_says_it_rests_on_a_two_sided_speaker():
    line = ff.voice_line(load())
    # By hand from quotes.csv: The Fashion Law's brands 143 words to the coalition's 132;
    # Kolsun's 36 words off brands leave 107, so the coalition leads there and brands lead
    # in WWD and Style Incorporated only: 2 articles, not 3.
    assert "So the largest share goes to brands in 3 articles" in line
    assert "That count rests on one coding: Barbara Kolsun" in line
    assert "brands would lead in 2 articles, not 3" in line


def test_no_sensitivity_sentence_when_the_speaker_does_not_decide_the_count():
    data = load()
    q = data.quotes
    # Her passage counted on the coalition's side as coded: she is not on the leading
    # side, so there is nothing to move and no sentence.
    data.quotes = q.assign(side=q["side"].where(q["speaker_member_id"] != "barbara-kolsun", "iacc"))
    assert "rests on one coding" not in ff.voice_line(data)
