"""Labels, order and colours of the codes, read from the codebook in data/datapackage.json
(never declared again in Python: tests/test_codebook.py fails if a list or dict of codes
appears in the package)."""

from __future__ import annotations

import re

import pandas as pd

from ..data.tables import Tables

SIDE = ("members", "side")  # quotes.side uses the same codes (a rule checks it)
FRAME = ("frame_codebook", "frame")
GENERIC_FRAMEWORK = "semetko_valkenburg_2000"


def side_order(t: Tables) -> list[str]:
    """The sides in the codebook's order (the order of every legend and table)."""
    return t.package.codes(*SIDE)


def side_names(t: Tables) -> dict[str, str]:
    """side -> its short name for charts and tables ('The coalition')."""
    return t.package.code_property(*SIDE, "shortLabel")


def side_in_prose(t: Tables) -> dict[str, str]:
    """side -> its name inside a sentence ('the coalition')."""
    return t.package.code_property(*SIDE, "proseLabel")


def side_colors(t: Tables) -> dict[str, str]:
    """side -> its chart colour."""
    return t.package.code_property(*SIDE, "color")


def generic_frames(t: Tables) -> list[str]:
    """The generic news frames of the framing codebook, in the codebook's order."""
    used = set(t.frame_codebook.loc[t.frame_codebook["framework"] == GENERIC_FRAMEWORK, "frame"])
    return [f for f in t.package.codes(*FRAME) if f in used]


CLAIM_KIND = ("claims", "kind")
VERDICT = ("claims", "verdict")


def claim_kinds(t: Tables) -> list[str]:
    """The kinds of claim, in the codebook's order."""
    return t.package.codes(*CLAIM_KIND)


def verdict_order(t: Tables) -> list[str]:
    """Verdicts, most serious first: the codebook lists them from agreement to contradiction."""
    return t.package.codes(*VERDICT)[::-1]


def verdict_colors(t: Tables) -> dict[str, str]:
    return t.package.code_property(*VERDICT, "color")


def verdict_reading(t: Tables) -> dict[str, str]:
    """verdict -> 'substance', 'wording', 'precision', 'timing' or 'same' (the codebook's `reading`)."""
    return t.package.code_property(*VERDICT, "reading")


QUALIFIER = ("figures", "qualifier")


def qualifier_markers(t: Tables) -> dict[str, str]:
    """qualifier -> the chart marker that shows it (a triangle points to the side of the printed
    number the claim lies on)."""
    return t.package.code_property(*QUALIFIER, "marker")


def qualifier_legend(t: Tables) -> dict[str, str]:
    """qualifier -> its name in a chart legend."""
    return t.package.code_property(*QUALIFIER, "legendLabel")


def valence_signs(t: Tables) -> dict[str, str]:
    """labels.valence -> the sign shown after a phrase ('−', '+'; a neutral label has none)."""
    return t.package.code_property("labels", "valence", "sign")


def status_order(t: Tables) -> list[str]:
    """members.iacc_status codes in the codebook's `sortOrder` (the story's order: suspended
    first)."""
    order = t.package.code_property("members", "iacc_status", "sortOrder")
    return sorted(order, key=order.get)


RATING = ("record_checks", "rating")


def rating_order(t: Tables) -> list[str]:
    """The record checks' ratings, in the codebook's order."""
    return t.package.codes(*RATING)


def rating_names(t: Tables) -> dict[str, str]:
    return t.package.code_property(*RATING, "shortLabel")


def rating_colors(t: Tables) -> dict[str, str]:
    return t.package.code_property(*RATING, "color")


_SAME_WORDS = re.compile(r"Rated as (rc-\d+), which checks the same words\.")
_ID_ASIDE = re.compile(r"\s*\((?:(?:rc|rs)-[\w-]+(?:,\s*)?)+\)")
_FILE_NAMES = {"reference_rates.csv": "the official reference rate, not from the articles"}


def plain_explanation(text: str, checks: pd.DataFrame) -> str:
    """A record check's explanation without the ids and file names it uses for its checkers.

    'Rated as rc-025, which checks the same words.' names the other check by its
    statement; an aside made only of ids ('(rc-040)') is dropped; a data file is named in
    words ('reference_rates.csv' is the official reference rate, not from the articles).
    """
    if not isinstance(text, str):
        return text
    statement = dict(zip(checks["check_id"], checks["statement"], strict=True))
    text = _SAME_WORDS.sub(lambda m: f"The same words are checked again as “{statement[m.group(1)]}”", text)
    text = _ID_ASIDE.sub("", text)
    for name, words in _FILE_NAMES.items():
        text = text.replace(name, words)
    return text
