"""The framing notebook's sentences: its findings list, the coverage chart's title and
the line on events reported without a date. Every number is computed here from the
tables (through present.framing and analysis.framing); nothing is typed."""

from __future__ import annotations

import pandas as pd

from ..analysis import framing as a
from ..analysis.story import suspension
from .codebook import side_in_prose, side_order
from .framing import VALENCES, after_publication, frame_profiles, plural, voice
from .notebook import Data


def _pct(x: float) -> str:
    return f"{x:.0%}"


def _names(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# Speakers whose article ties them to two sides, with the side they are not counted on.
# The Fashion Law calls Barbara Kolsun "former general counsel for Stuart Weitzman, who
# served as the Chairman of the Board of the IACC for a number of years": counted with
# brands (her employer's side; she relays brand members' support for Kors), she could as
# well be counted with the coalition she once chaired.
TWO_SIDED = {
    "barbara-kolsun": (
        "iacc",
        "as Stuart Weitzman's former general counsel",
        "a former chairman of the coalition's board",
    )
}


def fragile_lead(data: Data, top: str, led: int) -> str:
    """The sentence saying how the count of articles `top` leads would change if a
    TWO_SIDED speaker were counted on the other side, or on no side ('other')."""
    prose, out = side_in_prose(data), []
    name = data.members.set_index("member_id")["name"]
    for member, (alt, why, tie) in TWO_SIDED.items():
        coded = data.quotes.loc[data.quotes["speaker_member_id"] == member, "side"]
        if coded.empty or set(coded) != {top}:
            continue
        counts = {
            s: int(
                (
                    a.leads_if_moved(data.quotes, data.outlet_of(), data.outlet_order(), side_order(data), member, s)[
                        "side"
                    ]
                    == top
                ).sum()
            )
            for s in (alt, "other")
        }
        if all(n == led for n in counts.values()):
            continue
        alts = f"with {prose[alt]}" + (" or with no side" if counts[alt] == counts["other"] else "")
        out.append(
            f"That count rests on one coding: {name[member]} ({int(data.quotes.loc[data.quotes['speaker_member_id'] == member, 'word_count'].sum())} words), counted "
            f"with {prose[top]} {why} but also {tie}; counted {alts}, {prose[top]} "
            f"would lead in {plural(counts[alt], 'article', 'articles')}, not {led}"
        )
    return "".join(f". {o}" for o in out)


def voice_line(data: Data) -> str:
    """Which side leads each article's quoted words: the clear leads first, then those
    under analysis.framing.NARROW_LEAD, with the words and passages behind them."""
    prose = side_in_prose(data)
    v = voice(data).sort_values(["outlet", "share"], ascending=[True, False])
    pair = {o: (g.iloc[0], g.iloc[1]) for o, g in v.groupby("outlet")}  # each outlet's leading side and the next
    m = a.voice_margins(a.voice_leads(voice(data)))
    points = round(a.NARROW_LEAD * 100)

    def case(r, words: bool) -> str:
        top, nxt = pair[r.outlet]
        out = f"{prose[r.side]} in {r.outlet} ({_pct(r.share)} against {_pct(nxt['share'])} for the next side"
        if words:
            out += (
                f", {top['words']} words to {nxt['words']}, in "
                f"{plural(top['passages'], 'passage', 'passages')} to {nxt['passages']}"
            )
        return out + ")"

    clear, narrow = m[~m["narrow"]], m[m["narrow"]]
    line = f"- **Voice.** One side clearly leads the quoted words in {len(clear)} of {plural(len(m), 'article', 'articles')}: "
    line += "; ".join(case(r, False) for r in clear.itertuples())
    if len(narrow):
        line += (
            f". In {'the other' if len(narrow) == 1 else f'the other {len(narrow)}'} the lead is narrow, under "
            f"{points} points: " + "; ".join(case(r, True) for r in narrow.itertuples())
        )
    led = m["side"].value_counts()
    top = sorted(led.index, key=lambda s: (-led[s], s))[0]
    n_narrow = int(m.loc[m["side"] == top, "narrow"].sum())
    if led[top] > 1:
        line += f". So the largest share goes to {prose[top]} in {led[top]} articles"
        line += f", narrowly in {n_narrow} of them" if n_narrow else ""
        line += fragile_lead(data, top, int(led[top]))
    first = a.first_quoted(data.quotes, data.outlet_of(), data.outlet_order())["side"].value_counts().to_dict()
    return (
        line
        + ". The first voice heard: "
        + ", ".join(
            f"{prose[s]} in {plural(n, 'article', 'articles')}"
            for s, n in sorted(first.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        + "."
    )


def _late_singles(data: Data, grid: pd.DataFrame) -> dict[str, tuple[list[str], list[str]]]:
    """Single-outlet event -> (the other outlets, those of them whose article's latest
    possible day came before the event began)."""
    late = after_publication(data, grid.rename(columns={"event_id": "record_id"}))
    out = {}
    for r in grid[grid["outlets_reporting"] == 1].itertuples():
        others = [o for o in data.outlet_order() if not grid.loc[r.Index, o]]
        out[r.event_id] = (others, [o for o in others if late.loc[r.event_id, o]])
    return out


def coverage_title(data: Data) -> str:
    grid = a.coverage(data.evidence, data.events, data.outlet_of(), data.outlet_order())
    n = a.coverage_counts(grid, len(data.outlet_order()))
    later = sum(1 for _, early in _late_singles(data, grid).values() if early)
    return (
        f"{plural(n['everywhere'], 'event appears', 'events appear')} in every article; "
        f"{n['alone']} of {n['events']} in one only, {later} of them after another was out"
    )


def coverage_line(data: Data) -> str:
    grid = a.coverage(data.evidence, data.events, data.outlet_of(), data.outlet_order())
    n = a.coverage_counts(grid, len(data.outlet_order()))
    label = data.events.set_index("event_id")["label"]
    later = {e: v for e, v in _late_singles(data, grid).items() if v[1]}
    every = [o for o in data.outlet_order() if later and all(o in early for _, early in later.values())]
    all_others = sum(1 for others, early in later.values() if others == early)
    detail = ""
    if every:
        detail = f" (all of them after {_names(every)} came out"
        detail += f"; {all_others} after every other article)" if all_others else ")"
    return (
        f"- **Coverage.** Of {n['events']} coded events, {plural(n['everywhere'], 'appears', 'appear')} in every "
        f"article ({', '.join(label[e] for e in n['everywhere_ids'])}); {plural(n['alone'], 'appears', 'appear')} "
        f"in one article only, {len(later)} of them events that happened after at least one other article was "
        f"published{detail}. " + suspension_coverage(data, grid)
    )


def findings(data: Data) -> str:
    """The notebook's findings list, every number computed here from the tables."""
    val = a.label_valence(data.labels, data.outlet_of(), data.outlet_order(), "alibaba", data.package.codes(*VALENCES))
    negative = val["negative"]
    harshest = negative.idxmax()
    none = [o for o in val.index if negative[o] == 0]
    labels_line = (
        f"- **Labels.** Of the labels the outlets attach to Alibaba in their own voice, {harshest}'s carry the most "
        f"disparaging ones ({negative[harshest]}); "
        + (
            "; ".join(
                f"{o} attaches {plural(int(val.loc[o].sum()), 'label', 'labels')}, none disparaging" for o in none
            )
            + "."
            if none
            else "every outlet attaches at least one disparaging label."
        )
    )
    c = a.frame_contrasts(frame_profiles(data))
    names = {k: v.lower() for k, v in data.codebook("frame_codebook", "frame").items()}
    frames_line = (
        f"- **Frames.** The {names[c['most_used']]} frame is the most used ({_pct(c['most_used_min'])} to "
        f"{_pct(c['most_used_max'])} of its questions answered yes, depending on the outlet); the "
        f"{names[c['most_varied']]} frame varies most, from {_pct(c['varied_min'])} ({_names(sorted(c['varied_min_outlets'], key=data.outlet_order().index))}) to "
        f"{_pct(c['varied_max'])} ({_names(sorted(c['varied_max_outlets'], key=data.outlet_order().index))})."
    )
    return "\n".join([voice_line(data), labels_line, frames_line, coverage_line(data)])


def suspension_coverage(data: Data, grid: pd.DataFrame) -> str:
    """Which articles report the suspension itself, the story's central event."""
    row = grid[grid["event_id"] == suspension(data)["event_id"]].iloc[0]
    who = [o for o in data.outlet_order() if row[o]]
    others = [o for o in data.outlet_order() if not row[o]]
    pub = data.sources.groupby("outlet").agg(first=("published_start", "min"), last=("published_end", "max"))
    day = data.events.set_index("event_id").loc[row["event_id"], "date_end"]
    only = (
        f", the only {'article' if len(who) == 1 else 'articles'} published after the suspension's day; the other "
        f"{len(others)} came out on or before it"
        if who
        and others
        and all(pub.loc[o, "first"] > day for o in who)
        and all(pub.loc[o, "last"] <= day for o in others)
        else ""
    )
    return f"The suspension itself is reported by {plural(len(who), 'article', 'articles')} ({', '.join(who)}){only}."


def undated_line(data: Data) -> str:
    """Articles that report an event but give no date for it, which is why the date rows of
    notebook 04 leave them blank (analysis.framing.undated_reports)."""
    claims = data.claims[data.claims["kind"] == "date"]
    gaps = a.undated_reports(data.evidence, claims)
    if gaps.empty:
        return "Every article that reports a dated event in the comparison of Where the outlets disagree also dates it."
    label = data.events.set_index("event_id")["label"]
    gaps = gaps.assign(outlet=gaps["source_id"].map(data.outlet_of()))
    parts = []
    for o in [o for o in data.outlet_order() if o in set(gaps["outlet"])]:
        events = list(dict.fromkeys(gaps.loc[gaps["outlet"] == o, "event_id"]))
        parts.append(f"{o} ({', '.join(f'“{label[e]}”' for e in events)})")
    return (
        "Reporting an event is not dating it. These articles report the events named but give no date for them: "
        + "; ".join(parts)
        + ". That is why the date rows of [Where the outlets disagree](04-where-outlets-disagree.ipynb) leave those articles blank."
    )
