"""Text rules shared by validation, word counts and term counts, so all agree."""

from __future__ import annotations

import re

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
