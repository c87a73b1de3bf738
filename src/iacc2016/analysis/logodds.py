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


# English function words: they say how a sentence is built, not what an outlet chose to
# say (after the Snowball English stop-word list, abridged). Left out before ranking.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "also",
    ]
)
# A term must occur at least this often in the outlet's own words to be ranked: a count of
# one or two is an accident of wording, not a pattern.
MIN_COUNT = 3


def own_words(term_counts: pd.DataFrame, quotes: pd.DataFrame, terms) -> pd.DataFrame:
    """Term counts with the words of each article's recorded quotations taken out (what the
    outlet wrote, not what it quoted). quotes: columns source_id, text; terms: the tokenizer
    the term counts were made with. Counts never fall below zero; zero rows are dropped."""
    quoted: dict[tuple[str, str], int] = {}
    for source, text in zip(quotes["source_id"].astype(str), quotes["text"].astype(str), strict=True):
        for term in terms(text):
            quoted[(source, term)] = quoted.get((source, term), 0) + 1
    keys = list(zip(term_counts["source_id"].astype(str), term_counts["term"].astype(str), strict=True))
    less = np.array([quoted.get(k, 0) for k in keys])
    out = term_counts.assign(count=np.maximum(term_counts["count"].to_numpy(dtype=int) - less, 0))
    return out[out["count"] > 0].reset_index(drop=True)


def surviving(ranked: pd.DataFrame, min_count: int = MIN_COUNT) -> pd.DataFrame:
    """The ranked terms with at least min_count uses in the group, re-ranked 1.. per group."""
    out = ranked[ranked["count_in_group"] >= min_count].copy()
    out["rank"] = out.groupby("group").cumcount() + 1
    return out.reset_index(drop=True)
