"""Text rules shared by validation, word counts and term counts, so all agree."""

from __future__ import annotations

import re
import sys
from array import array
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

import pandas as pd

_WS = re.compile(r"\s+")
_HAS_WORD_CHAR = re.compile(r"\w")
# A term is a run of letters (with inner apostrophes or hyphens), lower-cased; a trailing
# possessive 's is dropped so "Alibaba's" counts as "alibaba". Numbers are not terms, nor
# are single letters (initials such as the "c" of "D.C.", and "a" and "I").
_TERM = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def collapse_whitespace(text: str) -> str:
    """Runs of whitespace (including no-break spaces and line breaks) become one space."""
    return _WS.sub(" ", text).strip()


def count_words(text: str) -> int:
    """Whitespace-separated tokens that contain at least one letter or digit."""
    return sum(1 for tok in text.split() if _HAS_WORD_CHAR.search(tok))


def terms(text: str) -> list[str]:
    """Lower-case terms of a text, for distinctive-word statistics."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    out = []
    for t in _TERM.findall(text):
        if t.endswith("'s"):
            t = t[:-2]
        if len(t) >= 2:
            out.append(t)
    return out


def body_lines(raw: str, furniture_lines: set[int]) -> str:
    """The article body: every line that page_furniture.csv does not mark as furniture."""
    return "\n".join(line for number, line in enumerate(raw.split("\n"), start=1) if number not in furniture_lines)


def _count_packed(text: str) -> tuple[str, bytes]:
    """Counts of one text, packed as one string of terms and one byte string of counts:
    far cheaper to send back from a worker process than thousands of small strings."""
    counts = Counter(terms(text))
    return "\x1f".join(counts), array("q", counts.values()).tobytes()


def _unpack(packed: tuple[str, bytes]) -> tuple[list[str], list[int]]:
    keys, values = packed
    return (keys.split("\x1f") if keys else []), array("q", values).tolist()


def count_terms(texts: Sequence[str], workers: int = 1) -> list[tuple[list[str], list[int]]]:
    """Term counts of each text, as (terms, counts). With workers > 1 and enough texts to
    be worth starting processes, the counting is spread over them."""
    if workers > 1 and len(texts) >= 200:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            packed = list(pool.map(_count_packed, texts, chunksize=max(1, len(texts) // (workers * 16))))
    else:
        packed = [_count_packed(t) for t in texts]
    return [_unpack(p) for p in packed]


def term_table(source_ids: Sequence[str], counted: Sequence[tuple[list[str], list[int]]]) -> pd.DataFrame:
    """The long table (source_id, term, count), sorted. Terms are interned and the key
    columns categorical, so 10,000 articles fit in a few hundred megabytes."""
    ids, names, values = [], [], []
    for source_id, (keys, counts) in zip(source_ids, counted, strict=True):
        ids.extend([source_id] * len(keys))
        names.extend(sys.intern(k) for k in keys)
        values.extend(counts)
    frame = pd.DataFrame(
        {
            "source_id": pd.Categorical(ids),
            "term": pd.Categorical(names),
            "count": pd.array(values, dtype="int64"),
        }
    )
    return frame.sort_values(["source_id", "term"], kind="stable").reset_index(drop=True)
