"""Completeness of the hand coding: find every number and every date expression in the
articles and say whether a row of events.csv or figures.csv covers it (an evidence snippet
of that row spans it) or an exclusion, with a reason, explains why not."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    "hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|twice|half|"
    "first|second|third|decade|decades"
)
MONTHS = "January|February|March|April|June|July|August|September|October|November|December"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
PATTERNS = {
    "digits": re.compile(r"\$?\d+(?:,\d{3})*(?:\.\d+)?\+?"),
    "number word": re.compile(rf"\b(?:{NUMBER_WORDS})\b", re.IGNORECASE),
    "month": re.compile(rf"\b(?:{MONTHS}|May(?=\s+\d))\b"),
    "weekday": re.compile(rf"\b(?:{WEEKDAYS})\b"),
    "relative date": re.compile(
        r"\b(?:today|yesterday|tomorrow|now|currently|recently|recent|at the time|"
        r"(?:this|last|next|past)\s+(?:week|weeks|month|months|year|years))\b",
        re.IGNORECASE,
    ),
    "season": re.compile(r"\b(?:spring|summer|autumn|fall|winter)\b", re.IGNORECASE),
}


@dataclass(frozen=True)
class Mention:
    source_id: str
    kind: str
    text: str
    start: int
    end: int
    context: str


def mentions(source_id: str, normalized: str) -> list[Mention]:
    """Every number and date expression in an article (whitespace already collapsed)."""
    out = []
    for kind, pattern in PATTERNS.items():
        for m in pattern.finditer(normalized):
            a, b = m.span()
            context = normalized[max(0, a - 40) : b + 40]
            out.append(Mention(source_id, kind, m.group(0), a, b, context))
    return sorted(out, key=lambda x: (x.start, x.end, x.kind))


def covered_spans(normalized: str, snippets: list[str]) -> list[tuple[int, int]]:
    spans = []
    for s in snippets:
        for m in re.finditer(re.escape(s), normalized):
            spans.append(m.span())
    return spans


def uncovered(articles: dict[str, str], evidence: pd.DataFrame, exclusions: pd.DataFrame):
    """(mentions neither covered nor excluded, exclusions that match nothing)."""
    coded = evidence[evidence["record_table"].isin(["events", "figures"])]
    missing, used = [], set()
    for source_id, text in sorted(articles.items()):
        spans = covered_spans(text, list(coded.loc[coded["source_id"] == source_id, "snippet"]))
        mine = exclusions[exclusions["source_id"] == source_id]
        for mention in mentions(source_id, text):
            if any(a <= mention.start and mention.end <= b for a, b in spans):
                continue
            hit = None
            for idx, ex in mine.iterrows():
                if ex["expression"] != mention.text:
                    continue
                for m in re.finditer(re.escape(ex["context"]), text):
                    if m.start() <= mention.start and mention.end <= m.end():
                        hit = idx
                        break
                if hit is not None:
                    break
            if hit is None:
                missing.append(mention)
            else:
                used.add(hit)
    stale = exclusions[~exclusions.index.isin(used)]
    return missing, stale
