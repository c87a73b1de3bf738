"""The overview's counts (iacc2016.analysis.overview) on small hand-built tables; each
expected answer is worked by hand in the comment beside it."""

from __future__ import annotations

import pandas as pd
import pytest

from iacc2016.analysis import overview


def test_dating_counts_only_day_precision_as_known():
    events = pd.DataFrame({"date_precision": ["day", "range", "day", "month", "before", "span"]})
    # 'day' twice (rows 0 and 2); range, month, before and span are intervals: 6 - 2 = 4.
    assert overview.dating(events) == {"events": 6, "known_to_day": 2, "interval_only": 4}


def test_crisis_days_from_earliest_days():
    adm = pd.Series({"date_start": pd.Timestamp("2016-04-13"), "date_end": pd.Timestamp("2016-04-13")})
    sus = pd.Series({"date_start": pd.Timestamp("2016-05-13"), "date_end": pd.Timestamp("2016-05-20")})
    # 17 days left in April after the 13th (14..30), plus 13 in May: 30. The end dates play no part.
    assert overview.crisis_days(adm, sus) == 30


def test_one_outlet_one_claimant_needs_both():
    q = pd.DataFrame({"outlets": [1, 1, 2, 1, 3], "claimants": [1, 2, 1, 1, 1]})
    # Rows 0 and 3 have one outlet and one claimant; row 1 has two claimants, rows 2 and 4
    # several outlets: 2 of 5, and 2 * 2 = 4 is not more than 5, so no majority.
    assert overview.one_outlet_one_claimant(q) == {"quantities": 5, "alone": 2, "majority": False}
    # With a sixth quantity that stands alone: 3 of 6, still not more than half (3 * 2 = 6).
    q6 = pd.concat([q, pd.DataFrame({"outlets": [1], "claimants": [1]})], ignore_index=True)
    assert overview.one_outlet_one_claimant(q6)["majority"] is False
    # A seventh alone: 4 of 7, and 8 > 7.
    q7 = pd.concat([q6, pd.DataFrame({"outlets": [1], "claimants": [1]})], ignore_index=True)
    assert overview.one_outlet_one_claimant(q7) == {"quantities": 7, "alone": 4, "majority": True}


def test_coverage_spread():
    reporting = pd.Series([5, 1, 3, 5, 1, 1, 2])
    # Two events in all 5 outlets (rows 0, 3); three in one only (rows 1, 4, 5); 7 events.
    assert overview.coverage_spread(reporting, 5) == {"events": 7, "everywhere": 2, "only_one": 3}


def test_reading_counts_every_reading_present():
    reading = {
        "contradicts": "substance", "spelling": "wording", "vaguer": "precision", "later": "timing", "agree": "same",
    }  # fmt: skip
    verdicts = pd.Series(["vaguer", "spelling", "vaguer", "contradicts", "vaguer", "later"])
    # vaguer three times -> precision 3; spelling once -> wording 1; contradicts once ->
    # substance 1; later once -> timing 1; nothing reads 'same' -> 0.
    assert overview.reading_counts(verdicts, reading) == {
        "substance": 1, "wording": 1, "precision": 3, "timing": 1, "same": 0,
    }  # fmt: skip


def test_reading_counts_refuses_a_verdict_without_a_reading():
    with pytest.raises(ValueError, match="new_code"):
        overview.reading_counts(pd.Series(["new_code"]), {"agree": "same"})
