"""Our rules on the words: evidence for every record, snippets short and on their record,
quotes counted and numbered, frame codes complete, claims consistent. Registered with
`rules.rule`; `rules.check` runs them with the others."""

from __future__ import annotations

import pandas as pd

from .problems import Problem
from .rules import rows_of, rule
from .schema import Package
from .text import count_words

MAX_SNIPPET_WORDS = 40


def long_snippets(file: str, column: str, snippets: pd.Series) -> list[Problem]:
    """Each snippet over MAX_SNIPPET_WORDS words (an empty cell is none)."""
    out = []
    for row, text in rows_of(snippets):
        n = count_words(text)
        if n > MAX_SNIPPET_WORDS:
            out.append(Problem(file, row, column, f"is {n} words long; snippets stay at or under {MAX_SNIPPET_WORDS}"))
    return out


def per_group(file: str, frame: pd.DataFrame, by: str, column: str, broken) -> list[Problem]:
    """A rule on groups of rows (a claim's rows, an article's quotes): `broken(key, group)`
    says what is wrong with a group, or None; the problem stands on the group's first row."""
    out = []
    for key, group in frame.groupby(by, sort=True):
        what = broken(key, group)
        if what:
            out.append(Problem(file, int(group.index[0]) + 2, column, what))
    return out


@rule
def evidence_rules(package: Package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    if "evidence" not in tables:
        return []
    ev = tables["evidence"]
    out = []
    keys = {}
    for name in ("events", "figures", "members"):
        if name in tables:
            pk = package.resource(name).primary_key[0]
            keys[name] = set(tables[name][pk])
    for i, r in enumerate(ev.itertuples(index=False)):
        row = i + 2
        if r.record_table in keys and r.record_id not in keys[r.record_table]:
            out.append(
                Problem("evidence.csv", row, "record_id", f"{r.record_id!r} is not an id in {r.record_table}.csv")
            )
    out += long_snippets("evidence.csv", "snippet", ev["snippet"])
    covered = set(zip(ev["record_table"], ev["record_id"], strict=True))
    for name in keys:
        pk = package.resource(name).primary_key[0]
        for row, value in rows_of(tables[name][pk]):
            if (name, value) not in covered:
                out.append(Problem(f"{name}.csv", row, pk, f"{value!r} has no evidence row in evidence.csv"))
    # an event's date words must appear in a snippet of that event from the dating article
    if "events" in tables:
        snippets = {}
        for r in ev[ev["record_table"] == "events"].itertuples(index=False):
            snippets.setdefault((r.record_id, r.source_id), []).append(r.snippet)
        for i, r in enumerate(tables["events"].itertuples(index=False)):
            texts = snippets.get((r.event_id, r.date_source_id), [])
            if not any(r.date_text in t for t in texts):
                out.append(
                    Problem(
                        "events.csv",
                        i + 2,
                        "date_text",
                        f"{r.date_text!r} is not in any evidence snippet of this event from {r.date_source_id}",
                    )
                )
    if "figures" in tables:
        snippets = {}
        for r in ev[ev["record_table"] == "figures"].itertuples(index=False):
            snippets.setdefault(r.record_id, []).append(r.snippet)
        for i, r in enumerate(tables["figures"].itertuples(index=False)):
            texts = snippets.get(r.figure_id, [])
            for col in ("value_text", "period_text"):
                words = getattr(r, col)
                if pd.notna(words) and not any(words in t for t in texts):
                    out.append(
                        Problem("figures.csv", i + 2, col, f"{words!r} is not in any evidence snippet of this figure")
                    )
    return out


@rule
def quote_rules(package: Package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    if "quotes" not in tables:
        return []
    q = tables["quotes"]
    out = []
    sides = (
        dict(zip(tables["members"]["member_id"], tables["members"]["side"], strict=True)) if "members" in tables else {}
    )
    for i, r in enumerate(q.itertuples(index=False)):
        row = i + 2
        speaker_side = sides.get(r.speaker_member_id) if pd.notna(r.speaker_member_id) else None
        if speaker_side is not None and speaker_side != r.side:
            out.append(
                Problem(
                    "quotes.csv",
                    row,
                    "side",
                    f"is {r.side!r} but the speaker {r.speaker_member_id!r} is on side {speaker_side!r} in members.csv",
                )
            )
        n = count_words(r.text)
        if n != r.word_count:
            out.append(Problem("quotes.csv", row, "word_count", f"is {r.word_count} but text has {n} words"))
        if not r.quote_id.startswith(f"q-{r.source_id[:3]}-"):
            out.append(
                Problem("quotes.csv", row, "quote_id", f"should start with 'q-{r.source_id[:3]}-' (its source_id)")
            )

    def numbered_in_turn(source, group):
        seqs = sorted(int(x) for x in group["sequence"])
        if seqs != list(range(1, len(seqs) + 1)):
            return f"sequences of {source} are {seqs}; expected 1 to {len(seqs)} without gaps or repeats"
        return None

    return out + per_group("quotes.csv", q, "source_id", "sequence", numbered_in_turn)


@rule
def frame_code_rules(package: Package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """A 'yes' needs its snippet (and only a 'yes' has one); a coded article has every item."""
    if "frame_codes" not in tables or "frame_codebook" not in tables:
        return []
    codes, items = tables["frame_codes"], set(tables["frame_codebook"]["item_id"])
    out = []
    for i, r in enumerate(codes.itertuples(index=False)):
        if r.value == "yes" and pd.isna(r.snippet):
            out.append(Problem("frame_codes.csv", i + 2, "snippet", "a 'yes' needs a verbatim snippet as evidence"))
        if r.value != "yes" and pd.notna(r.snippet):
            out.append(
                Problem("frame_codes.csv", i + 2, "snippet", f"only a 'yes' carries a snippet (value is {r.value!r})")
            )

    def every_item(source, group):
        missing = sorted(items - set(group["item_id"]))
        return f"{source} is coded on some items but not on {', '.join(missing)}" if missing else None

    return out + per_group("frame_codes.csv", codes, "source_id", "item_id", every_item)


@rule
def claim_rules(package: Package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """A claim compares at least two articles; its topic, kind, verdict and explanation are
    the same on every row; its snippets stay short."""
    if "claims" not in tables:
        return []
    c = tables["claims"]
    out = long_snippets("claims.csv", "snippet", c["snippet"])
    out += per_group(
        "claims.csv",
        c,
        "claim_id",
        "claim_id",
        lambda claim, g: (
            f"{claim} rests on one article; a claim compares two or more" if g["source_id"].nunique() < 2 else None
        ),
    )
    for claim, group in c.groupby("claim_id", sort=True):
        first = int(group.index[0]) + 2
        for col in ("topic", "kind", "verdict", "explanation"):
            if group[col].nunique() > 1:
                odd = int(group.index[(group[col] != group[col].iloc[0]).to_numpy()][0]) + 2
                out.append(
                    Problem(
                        "claims.csv",
                        odd,
                        col,
                        f"differs from the claim's first row (row {first}); it must be the same on every row of {claim}",
                    )
                )
    return out
