"""The words behind the framing notebook's codes, as tables a reader can check: the
snippet behind every 'yes' to a frame question, the snippet behind every cell of the
coverage grid, and who is counted on each side of the voice chart. Every cell whole."""

from __future__ import annotations

import pandas as pd

from ..analysis.logodds import MIN_COUNT
from .codebook import GENERIC_FRAMEWORK, side_names, side_order
from .framing import coverage, distinctive
from .notebook import Data


def frame_evidence(data: Data) -> pd.DataFrame:
    """One row per 'yes' to a generic frame's question: the frame, the question, the
    outlet and the article's words behind the answer, in codebook and outlet order."""
    book = data.frame_codebook[data.frame_codebook["framework"] == GENERIC_FRAMEWORK]
    frames = [f for f in data.package.codes("frame_codebook", "frame") if f in set(book["frame"])]
    item_rank = {i: k for k, i in enumerate(book["item_id"])}
    outlet_rank = {o: k for k, o in enumerate(data.outlet_order())}
    yes = data.frame_codes[data.frame_codes["value"] == "yes"].merge(book, on="item_id")
    yes = yes.assign(outlet=yes["source_id"].map(data.outlet_of()))
    yes = yes.assign(
        _f=yes["frame"].map({f: k for k, f in enumerate(frames)}),
        _i=yes["item_id"].map(item_rank),
        _o=yes["outlet"].map(outlet_rank),
    ).sort_values(["_f", "_i", "_o"])
    names = data.codebook("frame_codebook", "frame")
    return pd.DataFrame(
        {
            "frame": yes["frame"].map(names).values,
            "question": yes["question"].values,
            "outlet": yes["outlet"].values,
            "the article's words": ("“" + yes["snippet"] + "”").values,
        }
    )


def coverage_evidence(data: Data) -> pd.DataFrame:
    """One row per snippet behind a blue cell of the coverage grid: the event, the outlet
    and the article's words, in the grid's row order and in outlet order."""
    grid = coverage(data)
    ev = data.evidence[data.evidence["record_table"] == "events"]
    ev = ev.assign(outlet=ev["source_id"].map(data.outlet_of()))
    ev = ev.assign(
        _e=ev["record_id"].map({e: k for k, e in enumerate(grid["record_id"])}),
        _o=ev["outlet"].map({o: k for k, o in enumerate(data.outlet_order())}),
        _n=range(len(ev)),
    ).sort_values(["_e", "_o", "_n"])
    label = data.events.set_index("event_id")["label"]
    return pd.DataFrame(
        {
            "event": ev["record_id"].map(label).values,
            "outlet": ev["outlet"].values,
            "the article's words": ("“" + ev["snippet"] + "”").values,
        }
    )


def sides(data: Data) -> pd.DataFrame:
    """Who is counted on each side of the voice chart: one row per speaker (a member of
    members.csv, or an unnamed speaker as the article gives it), who they are, and the
    articles that quote them, sides in the codebook's order."""
    q = data.quotes.assign(outlet=data.quotes["source_id"].map(data.outlet_of()))
    members = data.members.set_index("member_id")
    q = q.assign(who=q["speaker_member_id"].where(q["speaker_member_id"].notna() & (q["speaker_member_id"] != ""), ""))
    rows = []
    outlet_rank = {o: k for k, o in enumerate(data.outlet_order())}
    for side in side_order(data):
        mine = q[q["side"] == side]
        for who, g in mine.groupby(mine["who"].where(mine["who"] != "", "~" + mine["speaker"]), sort=True):
            named = not who.startswith("~")
            outlets = sorted(set(g["outlet"]), key=outlet_rank.get)
            words = {o: int(g.loc[g["outlet"] == o, "word_count"].sum()) for o in outlets}
            rows.append(
                {
                    "side": side_names(data)[side],
                    "speaker": members.loc[who, "name"] if named else who[1:],
                    "who they are": members.loc[who, "role"]
                    if named
                    else "Not named; the words: " + "; ".join(f"“{t}”" for t in g["text"]),
                    "quoted in (words)": ", ".join(f"{o} ({n})" for o, n in words.items()),
                }
            )
    return pd.DataFrame(rows)


def distinctive_note(data: Data) -> str:
    """Why the notebook shows no chart of distinctive words: each outlet's top-ranked word,
    with the counts behind it, says how thin the ranking is."""
    d = distinctive(data, top=1)
    tops = "; ".join(
        f"{r.outlet}, “{r.term}” ({r.count_in_group} times, {r.count_in_rest} in the other articles)"
        for r in d.itertuples()
    )
    return (
        "- **No chart of distinctive words.** We ranked each outlet's own words (quotations, function words and "
        f"words used fewer than {MIN_COUNT} times left out) against the other articles' by a log-odds ratio with "
        "the whole corpus as prior (Monroe, Colaresi and Quinn 2008). On five short articles nothing stands "
        f"clearly apart. Each outlet's top-ranked word: {tops}. These are names the coverage grid already "
        "shows, or everyday words used a handful of times: pointers back to the texts, not findings, so the "
        "ranking is not shown."
    )


def references(data: Data, tables: tuple[str, ...] = ("frame_codebook", "term_counts")) -> str:
    """The published works the codebook and the word statistics follow, as the data
    package cites them (each table's `sources`), sorted by author, as a list."""
    titles = {
        s["title"] for r in data.package.descriptor["resources"] if r["name"] in tables for s in r.get("sources", [])
    }
    return "\n".join(f"- {t}" for t in sorted(titles))
