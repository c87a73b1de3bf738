"""How each outlet framed the story, computed: each side's share of the quoted words, who
is quoted first, how many labels of each valence an outlet attaches, each outlet's frame
profile, and which events each outlet reports. Pure functions: tables in, frames of codes
and numbers out; outlets are named as sources.csv names them (`outlet_of`: source_id ->
outlet) and kept in the order given (`outlets`). Words and charts live in present.framing."""

from __future__ import annotations

import pandas as pd


def _outlets_present(outlets: list[str], frame: pd.DataFrame) -> list[str]:
    have = set(frame["outlet"])
    return [o for o in outlets if o in have]


# ------------------------------------------------------------------------------- voice
def voice(quotes: pd.DataFrame, outlet_of: dict[str, str], outlets: list[str], sides: list[str]) -> pd.DataFrame:
    """Outlet x side (every pair, zero where none): passages, words, and the side's share
    of the outlet's quoted words (0 for an outlet that quotes no one)."""
    q = quotes.assign(outlet=quotes["source_id"].map(outlet_of))
    grid = q.groupby(["outlet", "side"]).agg(passages=("quote_id", "size"), words=("word_count", "sum"))
    full = pd.MultiIndex.from_product([outlets, sides], names=["outlet", "side"])
    grid = grid.reindex(full, fill_value=0).reset_index()
    totals = grid.groupby("outlet")["words"].transform("sum")
    grid["share"] = (grid["words"] / totals).where(totals > 0, 0.0)
    return grid


def voice_leads(voice_table: pd.DataFrame) -> pd.DataFrame:
    """Per outlet that quotes anyone: the side with the largest share (ties: the first
    code alphabetically), its share, the runner-up's share and the lead (a plurality,
    not a majority)."""
    rows = []
    quoted = voice_table[voice_table.groupby("outlet")["words"].transform("sum") > 0]
    for outlet, g in quoted.groupby("outlet", sort=False):
        g = g.sort_values(["share", "side"], ascending=[False, True])
        top, second = g.iloc[0], g.iloc[1]
        rows.append(
            {
                "outlet": outlet,
                "side": top["side"],
                "share": top["share"],
                "runner_up_share": second["share"],
                "lead": top["share"] - second["share"],
            }
        )
    return pd.DataFrame(rows, columns=["outlet", "side", "share", "runner_up_share", "lead"])


def leads_if_moved(
    quotes: pd.DataFrame, outlet_of: dict[str, str], outlets: list[str], sides: list[str], member: str, side: str
) -> pd.DataFrame:
    """voice_leads with one speaker (speaker_member_id `member`) counted on `side`
    instead: how far a finding rests on that one speaker's side."""
    moved = quotes.assign(side=quotes["side"].where(quotes["speaker_member_id"] != member, side))
    return voice_leads(voice(moved, outlet_of, outlets, sides))


def plurality(leads: pd.DataFrame) -> dict:
    """The side that leads in the most outlets (ties: the first code alphabetically), in
    how many, out of how many, and the smallest and largest lead among them."""
    counts = leads["side"].value_counts()
    side = sorted(counts.index, key=lambda s: (-counts[s], s))[0]
    led = leads[leads["side"] == side]
    return {
        "side": side,
        "outlets": len(led),
        "of": len(leads),
        "min_lead": led["lead"].min(),
        "max_lead": led["lead"].max(),
    }


def first_quoted(quotes: pd.DataFrame, outlet_of: dict[str, str], outlets: list[str]) -> pd.DataFrame:
    """Per outlet (in `outlets` order): the speaker of the article's first quotation, its
    side, kind and word count."""
    q = quotes.sort_values(["source_id", "sequence"]).groupby("source_id", sort=True).head(1)
    out = pd.DataFrame(
        {
            "outlet": q["source_id"].map(outlet_of).values,
            "speaker": q["speaker"].values,
            "side": q["side"].values,
            "kind": q["kind"].values,
            "words": q["word_count"].values,
        }
    )
    return out.set_index("outlet").loc[_outlets_present(outlets, out)].reset_index()


# ------------------------------------------------------------------------------ labels
def label_valence(
    labels: pd.DataFrame, outlet_of: dict[str, str], outlets: list[str], target: str, valences: list[str]
) -> pd.DataFrame:
    """Outlet x valence: how many labels each outlet attaches to `target` (zero where none)."""
    lab = labels[labels["target_id"] == target]
    lab = lab.assign(outlet=lab["source_id"].map(outlet_of))
    out = lab.groupby(["outlet", "valence"]).size().unstack("valence", fill_value=0)
    return out.reindex(index=outlets, columns=valences, fill_value=0).fillna(0).astype(int)


# ------------------------------------------------------------------------------ frames
def frame_profiles(
    frame_codes: pd.DataFrame, frame_codebook: pd.DataFrame, outlet_of: dict[str, str], framework: str
) -> pd.DataFrame:
    """Per outlet and frame of `framework`: items coded yes, items that could be coded
    (not 'not_codable'), and yes over codable."""
    codes = frame_codes.merge(frame_codebook, on="item_id")
    codes = codes[codes["framework"] == framework]
    codable = codes[codes["value"] != "not_codable"].assign(outlet=lambda f: f["source_id"].map(outlet_of))
    out = (
        codable.groupby(["outlet", "frame"])
        .agg(yes=("value", lambda s: int((s == "yes").sum())), codable=("value", "size"))
        .reset_index()
    )
    out["share"] = out["yes"] / out["codable"]
    return out


def frame_contrasts(profiles: pd.DataFrame) -> dict:
    """The frame with the highest mean share across outlets, its lowest and highest share;
    the frame whose shares spread widest (max - min), with the outlets at each end; and
    the frames present (share > 0) in every outlet. Ties between frames go to the first
    frame code alphabetically; every outlet tied at an end is listed, in the order the
    outlets first appear in `profiles`."""
    wide = profiles.pivot(index="outlet", columns="frame", values="share").sort_index().sort_index(axis=1)
    order = list(dict.fromkeys(profiles["outlet"]))
    mean, spread = wide.mean(), wide.max() - wide.min()
    most_used = mean.idxmax()
    most_varied = spread.idxmax()
    return {
        "most_used": most_used,
        "most_used_min": wide[most_used].min(),
        "most_used_max": wide[most_used].max(),
        "most_varied": most_varied,
        "varied_min": wide[most_varied].min(),
        "varied_min_outlets": [o for o in order if wide.loc[o, most_varied] == wide[most_varied].min()],
        "varied_max": wide[most_varied].max(),
        "varied_max_outlets": [o for o in order if wide.loc[o, most_varied] == wide[most_varied].max()],
        "everywhere": [f for f in wide.columns if (wide[f] > 0).all()],
    }


# ---------------------------------------------------------------------------- coverage
def coverage(
    evidence: pd.DataFrame, events: pd.DataFrame, outlet_of: dict[str, str], outlets: list[str]
) -> pd.DataFrame:
    """Events x outlets: 1 where the outlet's article holds evidence for the event, else 0;
    with `outlets_reporting` and the event's latest possible day (`date_end`). Rows: most
    widely reported first, then earliest, then event_id.

    Events only: a figure is stored one article per row, so every figure would be
    single-outlet by construction."""
    ev = evidence[evidence["record_table"] == "events"]
    ev = ev.assign(outlet=ev["source_id"].map(outlet_of), x=1)
    grid = ev.pivot_table(index="record_id", columns="outlet", values="x", aggfunc="max", fill_value=0)
    grid = grid.reindex(columns=outlets, fill_value=0).astype(int)
    out = grid.reset_index().rename(columns={"record_id": "event_id"})
    out.columns.name = None
    out["outlets_reporting"] = grid.sum(axis=1).values
    out["date_end"] = out["event_id"].map(events.set_index("event_id")["date_end"])
    out = out.sort_values(["outlets_reporting", "date_end", "event_id"], ascending=[False, True, True])
    return out.reset_index(drop=True)


def coverage_counts(grid: pd.DataFrame, n_outlets: int) -> dict:
    """How many events the grid holds, how many every one of `n_outlets` reports (and
    which), and how many one outlet alone reports."""
    everywhere = grid[grid["outlets_reporting"] == n_outlets]
    return {
        "events": len(grid),
        "everywhere": len(everywhere),
        "everywhere_ids": list(everywhere["event_id"]),
        "alone": int((grid["outlets_reporting"] == 1).sum()),
    }


# ------------------------------------------------------------------------- coding status
def coding_status(sources: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per article: True where the named table holds at least one of its rows."""
    out = pd.DataFrame({"source_id": sources["source_id"].values, "outlet": sources["outlet"].values})
    for name, table in tables.items():
        out[name] = out["source_id"].isin(list(set(table["source_id"])))
    return out


def after_publication(grid: pd.DataFrame, events: pd.DataFrame, published_end: dict[str, pd.Timestamp]) -> pd.DataFrame:
    """Events x outlets (the grid's rows and outlets): True where an event that occurred
    began after the outlet's latest possible publication day, so that the article could
    not have reported it. A scheduled or cancelled event can be announced before its day,
    so it is never marked."""
    e = events.set_index("event_id")
    start = grid["event_id"].map(e["date_start"])
    occurred = (grid["event_id"].map(e["event_status"]) == "occurred").to_numpy(dtype=bool, na_value=False)
    return pd.DataFrame(
        {o: (start > end).to_numpy(dtype=bool, na_value=False) & occurred for o, end in published_end.items()},
        index=grid["event_id"].values,
    )


# ------------------------------------------------------------------- margins and dating
NARROW_LEAD = 0.10  # a lead under 10 points of the article's quoted words is called narrow


def voice_margins(leads: pd.DataFrame, narrow: float = NARROW_LEAD) -> pd.DataFrame:
    """voice_leads with `narrow` (the lead is below `narrow`), clear leads first (largest
    share first), then the narrow ones (largest lead first); ties by outlet."""
    out = leads.assign(narrow=leads["lead"] < narrow)
    out = out.assign(_key=out["share"].where(~out["narrow"], out["lead"]))
    out = out.sort_values(["narrow", "_key", "outlet"], ascending=[True, False, True])
    return out.drop(columns="_key").reset_index(drop=True)


def _overlaps(a: str, b: str) -> bool:
    return a in b or b in a


def undated_reports(evidence: pd.DataFrame, date_claims: pd.DataFrame) -> pd.DataFrame:
    """Articles that report an event (an evidence row) but are missing from the date claim
    about it. A date claim is tied to the event whose evidence snippets overlap (one holds
    the other) the claim's snippets in the most articles; a claim that ties two events, or
    overlaps none, is left out. Rows: claim_id, event_id, source_id (claims in their order,
    then articles in evidence order)."""
    ev = evidence[evidence["record_table"] == "events"]
    rows = []
    for cid, claim in date_claims.groupby("claim_id", sort=False):
        hits: dict[str, set] = {}
        for c in claim.itertuples():
            mine = ev[ev["source_id"] == c.source_id]
            for e in mine[[_overlaps(c.snippet, s) for s in mine["snippet"]]].itertuples():
                hits.setdefault(e.record_id, set()).add(c.source_id)
        if not hits:
            continue
        best = max(len(s) for s in hits.values())
        events = [e for e, s in hits.items() if len(s) == best]
        if len(events) > 1:
            continue
        dated = set(claim["source_id"])
        reporting = ev.loc[ev["record_id"] == events[0], "source_id"].drop_duplicates()
        rows += [{"claim_id": cid, "event_id": events[0], "source_id": s} for s in reporting if s not in dated]
    return pd.DataFrame(rows, columns=["claim_id", "event_id", "source_id"])
