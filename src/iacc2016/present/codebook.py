"""Labels, order and colours of the codes, read from the codebook in data/datapackage.json
(never declared again in Python: tests/test_codebook.py fails if a list or dict of codes
appears in the package)."""

from __future__ import annotations

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
    """verdict -> 'substance', 'wording', 'precision' or 'same' (the codebook's `reading`)."""
    return t.package.code_property(*VERDICT, "reading")
