"""Fightin' Words log-odds against small examples worked by hand."""

import math

import pandas as pd
import pytest

from iacc2016.analysis.logodds import distinctive_terms, log_odds


def test_two_term_example_worked_by_hand():
    # Group i says "a" three times and "b" once; the rest the reverse; prior one each.
    # n_i = n_j = 4, a0 = 2.
    # delta_a = log((3+1)/(4+2-3-1)) - log((1+1)/(4+2-1-1)) = log(4/2) - log(2/4) = 2 log 2
    # var_a   = 1/(3+1) + 1/(1+1) = 0.75
    i = pd.Series({"a": 3, "b": 1})
    j = pd.Series({"a": 1, "b": 3})
    prior = pd.Series({"a": 1.0, "b": 1.0})
    r = log_odds(i, j, prior)
    assert r.loc["a", "delta"] == pytest.approx(2 * math.log(2))
    assert r.loc["a", "variance"] == pytest.approx(0.75)
    assert r.loc["a", "z"] == pytest.approx(2 * math.log(2) / math.sqrt(0.75))
    assert r.loc["b", "delta"] == pytest.approx(-2 * math.log(2))


def test_unequal_sizes_and_prior_worked_by_hand():
    # i = {x: 2, y: 0}, j = {x: 1, y: 5}, prior = {x: 0.5, y: 1.5}: n_i = 2, n_j = 6, a0 = 2.
    # delta_x = log(2.5 / (2+2-2-0.5)) - log(1.5 / (6+2-1-0.5)) = log(2.5/1.5) - log(1.5/6.5)
    i = pd.Series({"x": 2})
    j = pd.Series({"x": 1, "y": 5})
    prior = pd.Series({"x": 0.5, "y": 1.5})
    r = log_odds(i, j, prior)
    assert r.loc["x", "delta"] == pytest.approx(math.log(2.5 / 1.5) - math.log(1.5 / 6.5))
    assert r.loc["x", "variance"] == pytest.approx(1 / 2.5 + 1 / 1.5)
    assert r.loc["y", "count_in_group"] == 0


def test_identical_groups_have_nothing_distinctive():
    counts = pd.Series({"a": 4, "b": 2, "c": 1})
    r = log_odds(counts, counts, counts.astype(float))
    assert (r["delta"].abs() < 1e-12).all()


def test_a_stronger_prior_shrinks_rare_differences():
    tc = pd.DataFrame({"source_id": ["s1", "s2", "s2"], "term": ["rare", "common", "rare"], "count": [1, 10, 0 + 1]})
    weak = distinctive_terms(tc, {"s1": "A", "s2": "B"}, prior_scale=0.1)
    strong = distinctive_terms(tc, {"s1": "A", "s2": "B"}, prior_scale=10)
    z = lambda frame: frame[(frame["group"] == "A") & (frame["term"] == "rare")]["z"].iloc[0]  # noqa: E731
    assert abs(z(strong)) < abs(z(weak))


def test_every_group_ranks_every_term_once():
    tc = pd.DataFrame({"source_id": ["s1", "s1", "s2", "s3"], "term": ["a", "b", "a", "c"], "count": [2, 1, 3, 4]})
    out = distinctive_terms(tc, {"s1": "A", "s2": "B", "s3": "B"})
    assert sorted(out["group"].unique()) == ["A", "B"]
    for _, g in out.groupby("group"):
        assert sorted(g["term"]) == ["a", "b", "c"]
        assert list(g["rank"]) == [1, 2, 3]
        assert g["z"].is_monotonic_decreasing


def test_a_prior_missing_terms_is_refused():
    with pytest.raises(ValueError, match="prior lacks"):
        log_odds(pd.Series({"a": 1}), pd.Series({"b": 1}), pd.Series({"a": 1.0}))


def test_own_words_take_out_the_quoted_words_and_never_go_below_zero():
    from iacc2016.analysis.logodds import own_words
    from iacc2016.data.text import terms

    tc = pd.DataFrame(
        {"source_id": ["s1", "s1", "s1", "s2"], "term": ["fake", "we", "goods", "we"], "count": [3, 2, 1, 4]}
    )
    quotes = pd.DataFrame({"source_id": ["s1", "s1"], "text": ["We sell fake goods.", "we, we"]})
    got = own_words(tc, quotes, terms)
    # By hand: s1 quotes "we" three times (more than its 2 uses: 0, dropped), "fake" once
    # (3 - 1 = 2), "goods" once (1 - 1 = 0, dropped); s2 quotes nothing (4 stays).
    assert got.to_dict("list") == {"source_id": ["s1", "s2"], "term": ["fake", "we"], "count": [2, 4]}


def test_surviving_terms_need_the_minimum_count_and_are_ranked_again():
    from iacc2016.analysis.logodds import surviving

    ranked = pd.DataFrame(
        {
            "group": ["A", "A", "A", "B"],
            "term": ["x", "y", "z", "w"],
            "count_in_group": [1, 5, 3, 2],
            "rank": [1, 2, 3, 1],
        }
    )
    got = surviving(ranked, min_count=3)
    # By hand: A keeps y (5) and z (3), ranked 1 and 2; x (1) and B's w (2) fall below 3.
    assert got[["group", "term", "rank"]].to_dict("list") == {"group": ["A", "A"], "term": ["y", "z"], "rank": [1, 2]}
