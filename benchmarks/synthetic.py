"""A deterministic synthetic corpus for the text-pipeline benchmark: its own word list
(made-up words of two to four syllables) with Zipf-like frequencies, so its vocabulary
behaves like real text; nothing comes from the articles."""

from __future__ import annotations

import random

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ra", "to", "ve", "di", "po", "an", "el", "or", "us", "ti", "be"]


def vocabulary(size: int = 6000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def corpus(
    articles: int, words: int = 600, outlets: int = 20, seed: int = 11
) -> tuple[list[str], list[str], dict[str, str]]:
    """(source ids, texts, source id -> outlet). The same arguments give the same corpus."""
    vocab = vocabulary()
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    rng = random.Random(seed)
    ids, texts = [], []
    for i in range(articles):
        ids.append(f"s{i:06d}")
        sentence = rng.choices(vocab, weights=weights, k=words)
        texts.append(" ".join(sentence) + ".")
    return ids, texts, {s: f"outlet-{int(s[1:]) % outlets:02d}" for s in ids}
