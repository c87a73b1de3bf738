"""Distinctive words: log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi
and Quinn 2008, "Fightin' Words", section 3.5).

For a term w, group i and the rest j, with counts y, totals n, prior pseudo-counts a_w and
a0 = sum of a_w:

    delta_w = log((y_wi + a_w) / (n_i + a0 - y_wi - a_w))
            - log((y_wj + a_w) / (n_j + a0 - y_wj - a_w))
    var_w  ~ 1 / (y_wi + a_w) + 1 / (y_wj + a_w)
    z_w    = delta_w / sqrt(var_w)

The prior is the pooled corpus, scaled: on a small corpus it does most of the work,
pulling rare terms toward zero. z ranks terms; it is not a significance test (terms are
not independent draws, and many are compared).
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def log_odds(counts_i: pd.Series, counts_j: pd.Series, prior: pd.Series) -> pd.DataFrame:
    """delta, variance and z for every term of the prior (counts indexed by term)."""
    vocab = prior.index
    if (prior <= 0).any():
        raise ValueError("every prior pseudo-count must be positive")
    missing = (set(counts_i.index) | set(counts_j.index)) - set(vocab)
    if missing:
        raise ValueError(f"the prior lacks {len(missing)} terms that the counts hold, e.g. {sorted(missing)[:3]}")
    y_i = counts_i.reindex(vocab, fill_value=0).to_numpy(dtype=float)
    y_j = counts_j.reindex(vocab, fill_value=0).to_numpy(dtype=float)
    a = prior.to_numpy(dtype=float)
    n_i, n_j, a0 = y_i.sum(), y_j.sum(), a.sum()
    delta = np.log((y_i + a) / (n_i + a0 - y_i - a)) - np.log((y_j + a) / (n_j + a0 - y_j - a))
    var = 1.0 / (y_i + a) + 1.0 / (y_j + a)
    return pd.DataFrame(
        {
            "count_in_group": y_i.astype(int),
            "count_in_rest": y_j.astype(int),
            "delta": delta,
            "variance": var,
            "z": delta / np.sqrt(var),
        },
        index=vocab,
    )


def distinctive_terms(term_counts: pd.DataFrame, group_of: dict[str, str], prior_scale: float = 1.0) -> pd.DataFrame:
    """Each group (e.g. outlet) against the rest of the corpus.

    term_counts: columns source_id, term, count. group_of: source_id -> group; sources not
    in it are left out. prior_scale multiplies the pooled counts to form the prior.
    Returns group, term, count_in_group, count_in_rest, delta, variance, z, rank (1 = most
    distinctive of the group), sorted by group and rank.
    """
    tc = term_counts[term_counts["source_id"].isin(list(group_of))]
    groups = tc["source_id"].astype(str).map(group_of)
    matrix = (
        tc["count"].groupby([tc["term"].astype(str), groups], observed=True).sum().unstack(fill_value=0).sort_index()
    )
    pooled = matrix.sum(axis=1)
    prior = pooled * prior_scale
    frames = []
    for group in sorted(matrix.columns):
        result = log_odds(matrix[group], pooled - matrix[group], prior)
        result = result.rename_axis("term").reset_index().assign(group=group)
        result = result.sort_values(["z", "term"], ascending=[False, True]).reset_index(drop=True)
        result["rank"] = np.arange(1, len(result) + 1)
        frames.append(result)
    out = pd.concat(frames, ignore_index=True)
    return out[["group", "term", "count_in_group", "count_in_rest", "delta", "variance", "z", "rank"]]
