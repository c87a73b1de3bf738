"""How each outlet framed the story, in words and tables: whose voice it carries, how it
labels the actors, which generic frames it uses, which facts it reports, and which words
set it apart. The arithmetic is in analysis.framing; here codes become a reader's words.
An article added to sources.csv and run through `make features` flows into the text
measures at once, and shows as 'not yet coded' in the hand-coded ones until it is coded."""

from __future__ import annotations

import pandas as pd

from ..analysis import framing as a
from ..analysis.logodds import MIN_COUNT, STOPWORDS, distinctive_terms, own_words, surviving
from ..data.text import terms
from .codebook import GENERIC_FRAMEWORK, side_in_prose, side_names, side_order, valence_signs
from .notebook import Data

VALENCES = ("labels", "valence")
voice_leads = a.voice_leads


def plural(n: int, one: str, many: str) -> str:
    """'1 outlet', '3 outlets': a count with its noun in the right number."""
    return f"{n} {one if n == 1 else many}"


def _outlet(data: Data, frame: pd.DataFrame) -> pd.Series:
    return frame["source_id"].map(data.outlet_of())


# ------------------------------------------------------------------------------- voice
def voice(data: Data) -> pd.DataFrame:
    """Per outlet and side: passages, words, and each side's share of the outlet's words."""
    return a.voice(data.quotes, data.outlet_of(), data.outlet_order(), side_order(data))


def first_voice(data: Data) -> pd.DataFrame:
    """Whose words come first in each article (quoted, paraphrased or taken from a
    document), its side, its form in one word (the codebook's `shortLabel`) and the words."""
    first = a.first_quoted(data.quotes, data.outlet_of(), data.outlet_order())
    q = data.quotes.sort_values(["source_id", "sequence"]).drop_duplicates("source_id")
    text = q.assign(outlet=q["source_id"].map(data.outlet_of())).set_index("outlet")["text"]
    brief = data.package.code_property("quotes", "kind", "shortLabel")
    return pd.DataFrame(
        {
            "outlet": first["outlet"],
            "first voice": first["speaker"],
            "side": first["side"],
            "form": first["kind"].map(brief),
            "the words": "“" + first["outlet"].map(text) + "”",
            "length (words)": first["words"],
        }
    )


def quote_topics(data: Data) -> pd.DataFrame:
    """Topics x outlets: how many quoted or paraphrased passages each outlet gives to each
    topic (the codebook's order; an outlet without coded quotes shows zeros)."""
    q = data.quotes.assign(outlet=_outlet(data, data.quotes))
    grid = pd.crosstab(q["topic"], q["outlet"])
    grid = grid.reindex(index=data.package.codes("quotes", "topic"), columns=data.outlet_order(), fill_value=0)
    grid.index.name, grid.columns.name = "topic", None
    return grid


# ------------------------------------------------------------------------------ labels
def labels_side_by_side(data: Data, targets: list[str]) -> pd.DataFrame:
    """Actors x outlets: the phrases each outlet attaches to each actor."""
    lab = data.labels
    lab = lab.assign(outlet=_outlet(data, lab))
    names = dict(zip(data.members["member_id"], data.members["name"], strict=True))
    mark = {code: f" ({sign})" for code, sign in valence_signs(data).items()}
    cells = lab.assign(shown="“" + lab["phrase"] + "”" + lab["valence"].map(mark).fillna(""))
    grid = cells.groupby(["target_id", "outlet"])["shown"].agg("; ".join).unstack("outlet")
    grid = grid.reindex(index=targets, columns=data.outlet_order()).fillna("")
    grid.index = [names[t] for t in targets]
    grid.index.name = "actor"
    return grid


def label_valence(data: Data, target: str) -> pd.DataFrame:
    """Outlet x valence: how many labels each outlet attaches to the actor, headed by the
    codebook's label of each valence without its examples (they are of other actors)."""
    out = a.label_valence(data.labels, data.outlet_of(), data.outlet_order(), target, data.package.codes(*VALENCES))
    heads = {v: text.split(" (")[0] for v, text in data.codebook(*VALENCES).items()}
    out.index.name = "outlet"
    return out.rename(columns=heads)


# ------------------------------------------------------------------------------ frames
def frame_profiles(data: Data) -> pd.DataFrame:
    """Per outlet and generic frame: items coded yes over items that could be coded."""
    return a.frame_profiles(data.frame_codes, data.frame_codebook, data.outlet_of(), GENERIC_FRAMEWORK)


def frame_questions(data: Data) -> pd.DataFrame:
    """The generic frames' questions, frame by frame, with the outlets whose article
    answers each 'yes' (a question no article could answer from its text says so)."""
    book = data.frame_codebook[data.frame_codebook["framework"] == GENERIC_FRAMEWORK]
    codes = data.frame_codes.assign(outlet=_outlet(data, data.frame_codes))
    rank = {o: i for i, o in enumerate(data.outlet_order())}
    names = data.codebook("frame_codebook", "frame")
    rows = []
    for f in [x for x in data.package.codes("frame_codebook", "frame") if x in set(book["frame"])]:
        for item in book[book["frame"] == f].itertuples():
            mine = codes[codes["item_id"] == item.item_id]
            yes = sorted(mine.loc[mine["value"] == "yes", "outlet"], key=rank.get)
            uncodable = bool(len(mine)) and bool((mine["value"] == "not_codable").all())
            rows.append(
                {
                    "frame": names[f],
                    "question": item.question,
                    "answered yes by": "not answerable from a text" if uncodable else ", ".join(yes) or "no article",
                }
            )
    return pd.DataFrame(rows)


def entman(data: Data) -> pd.DataFrame:
    """Entman's functions x outlets: our summary of how each article fills each."""
    codes = data.frame_codes.merge(data.frame_codebook, on="item_id")
    e = codes[codes["framework"] == "entman_1993"].assign(outlet=lambda f: _outlet(data, f))
    labels = data.codebook("frame_codebook", "frame")
    grid = e.pivot(index="frame", columns="outlet", values="note")
    order = [f for f in data.package.codes("frame_codebook", "frame") if f in grid.index]
    grid = grid.reindex(index=order, columns=[o for o in data.outlet_order() if o in grid.columns])
    grid.index = pd.Index([labels[f] for f in order], name="function")
    return grid


# ---------------------------------------------------------------------------- coverage
def coverage(data: Data) -> pd.DataFrame:
    """Events x outlets (1: the outlet's article holds evidence for the event), with the
    event's label as `fact`; most widely reported first, then by date (analysis.framing)."""
    grid = a.coverage(data.evidence, data.events, data.outlet_of(), data.outlet_order())
    fact = grid["event_id"].map(data.events.set_index("event_id")["label"])
    out = grid[data.outlet_order()].assign(fact=fact.values, **{"outlets reporting": grid["outlets_reporting"]})
    return out.assign(record_id=grid["event_id"])[["record_id", *data.outlet_order(), "fact", "outlets reporting"]]


def after_publication(data: Data, grid: pd.DataFrame) -> pd.DataFrame:
    """Events x outlets: True where an event that occurred began after the article's latest possible
    publication day (it could not report it)."""
    end = data.sources.assign(outlet=data.sources["outlet"]).groupby("outlet")["published_end"].max()
    g = grid.rename(columns={"record_id": "event_id"})
    return a.after_publication(g, data.events, {o: end[o] for o in data.outlet_order()})


# ---------------------------------------------------------------------- distinctive words
def distinctive(data: Data, top: int = 8, prior_scale: float = 1.0) -> pd.DataFrame:
    """Each outlet's most distinctive terms against all other articles, in the outlet's own
    words: recorded quotations taken out, function words left out, and only terms used at
    least MIN_COUNT times ranked (an outlet may have fewer than `top`, or none)."""
    group_of = {s: o for s, o in data.outlet_of().items() if s in set(data.term_counts["source_id"])}
    tc = own_words(data.term_counts, data.quotes, terms)
    tc = tc[~tc["term"].isin(STOPWORDS)]
    d = surviving(distinctive_terms(tc, group_of, prior_scale=prior_scale), MIN_COUNT)
    d = d[(d["rank"] <= top) & (d["z"] > 0)].rename(columns={"group": "outlet"})
    order = {o: i for i, o in enumerate(data.outlet_order())}
    return d.sort_values(["outlet", "rank"], key=lambda s: s.map(order) if s.name == "outlet" else s).reset_index(
        drop=True
    )


# ------------------------------------------------------------------------- coding status
def coding_status(data: Data) -> pd.DataFrame:
    """Which measures each article is in: text measures need only `make features`; the
    hand-coded ones need a coder. An article missing from a measure is listed, never dropped."""
    have = {
        "term counts": data.term_counts,
        "quotes": data.quotes,
        "labels": data.labels,
        "frame codes": data.frame_codes,
        "evidence": data.evidence,
    }
    out = a.coding_status(data.sources, have)
    for name in have:
        out[name] = out[name].map({True: "yes", False: "not yet"})
    return out


# ------------------------------------------------------------------------------ prose
def _pct(x: float) -> str:
    return f"{x:.0%}"


def voice_title(data: Data) -> str:
    """The voice chart's title: the two articles that give one side the largest shares."""
    leads = a.voice_leads(voice(data)).sort_values(["share", "outlet"], ascending=[False, True])
    prose = side_in_prose(data)
    parts = [
        f"{r.outlet} gives {_pct(r.share)} of its quoted words to {prose[r.side]}" for r in leads.head(2).itertuples()
    ]
    return parts[0] + (
        ", " + parts[1].replace(" gives ", " ").replace(" of its quoted words", "") if len(parts) > 1 else ""
    )


def voice_table(data: Data) -> pd.DataFrame:
    """Outlets x sides: passages and words quoted, headed by the sides' names."""
    v = voice(data)
    names = side_names(data)
    out = pd.DataFrame({"outlet": data.outlet_order()})
    for s in side_order(data):
        part = v[v["side"] == s].set_index("outlet")
        out[f"{names[s]}: passages"] = part.loc[out["outlet"], "passages"].values
        out[f"{names[s]}: words"] = part.loc[out["outlet"], "words"].values
    return out


def frames_title(data: Data) -> str:
    c = a.frame_contrasts(frame_profiles(data))
    names = {k: v.lower() for k, v in data.codebook("frame_codebook", "frame").items()}
    used = f"The {names[c['most_used']]} frame " + (
        "runs through every article" if c["most_used"] in c["everywhere"] else "is the most used"
    )
    return f"{used}; the {names[c['most_varied']]} frame varies most"
