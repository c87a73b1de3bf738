"""Reading numbers and hedges out of the articles' own words."""

import pytest

from iacc2016.data.numbers import qualifier_of, value_of


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("nearly 5,000", 5000, "nearly"),
        ("more than 180,000", 180000, "more_than"),
        ("over 250", 250, "more_than"),
        ("250+", 250, "more_than"),
        ("Roughly two dozen", 24, "approximately"),
        ("as many as two dozen", 24, "as_many_as"),
        ("at least 3", 3, "at_least"),
        ("$16.1 million", 16_100_000, "exact"),
        ("816 million yuan", 816_000_000, "exact"),
        ("3,518", 3518, "exact"),
        ("twice", 2, "exact"),
        ("two major brands", 2, "exact"),
        ("30 years", 30, "exact"),
    ],
)
def test_reads_value_and_hedge(text, value, qualifier):
    assert value_of(text) == pytest.approx(value, rel=1e-12)
    assert qualifier_of(text) == qualifier


def test_a_vague_count_has_no_value():
    assert value_of("hundreds of companies") is None
