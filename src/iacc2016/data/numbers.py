"""Read the number and the hedge out of the words an article used ("nearly 5,000",
"Roughly two dozen", "$125.5 million"), so figures.csv can be checked against itself."""

from __future__ import annotations

import re

WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "twice": 2,
    "once": 1,
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "dozen": 12}
QUALIFIER_WORDS = [
    ("as_many_as", r"\bas many as\b"),
    ("at_least", r"\bat least\b"),
    ("more_than", r"\bmore than\b|\bover\b|\d\+"),
    ("nearly", r"\bnearly\b|\balmost\b"),
    ("approximately", r"\broughly\b|\babout\b|\baround\b|\bsome\b|\bapproximately\b"),
]
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)")


def value_of(text: str) -> float | None:
    """The number stated in `text`, or None when there is none to read ("hundreds")."""
    lower = text.lower()
    match = _NUMBER.search(lower)
    if match:
        value = float(match.group(1).replace(",", ""))
        rest = lower[match.end() :]
    else:
        word = next((w for w in re.findall(r"[a-z]+", lower) if w in WORDS), None)
        if word is None:
            return None
        value = float(WORDS[word])
        rest = lower[lower.index(word) + len(word) :]
    scale = re.match(r"\s*([a-z]+)", rest)
    if scale and scale.group(1) in SCALES:
        value *= SCALES[scale.group(1)]
    return value


def qualifier_of(text: str) -> str:
    """The hedge the words carry, in figures.csv's codes ('exact' when there is none)."""
    lower = text.lower()
    for code, pattern in QUALIFIER_WORDS:
        if re.search(pattern, lower):
            return code
    return "exact"
