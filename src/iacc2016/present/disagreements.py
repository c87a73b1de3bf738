"""Where the articles disagree, in words, tables and the grid chart; the counts come from
analysis.disagreements."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..analysis import disagreements as a
from .codebook import claim_kinds, plain_explanation, verdict_colors, verdict_order, verdict_reading
from .framing import plural
from .notebook import Data
from .style import finish, wrap


def claims(data: Data) -> pd.DataFrame:
    """One row per claim: topic, kind, verdict, explanation, and how many articles report it."""
    return a.points(data.claims, claim_kinds(data), verdict_order(data))


def by_reading(verdicts: pd.Series, reading: dict[str, str]) -> dict[str, int]:
    """How many claims fall in each reading of their verdict (substance, wording,
    precision, same), zero where none."""
    return a.by_reading(verdicts, reading)


def summary(data: Data, table: pd.DataFrame) -> str:
    """The findings list: substantive differences first (named), then wording and
    precision, each verdict by its label and with its topics."""
    short = data.package.code_property("claims", "verdict", "shortLabel")
    n = by_reading(table["verdict"], verdict_reading(data))
    contradict = int((table["verdict"] == verdict_order(data)[0]).sum())
    lines = [
        f"- The articles share **{len(table)}** points that can be set side by side. "
        f"**{n['substance']}** differ in substance: **{contradict}** "
        f"{'is an outright contradiction' if contradict == 1 else 'are outright contradictions'}, and "
        f"**{n['substance'] - contradict}** describe the point in ways that imply different things (emphasis "
        f"or reasons); **{n['wording']}** differ only in wording, spelling or punctuation; **{n['precision']}** "
        f"differ only in precision (compatible, some vaguer); **{n['timing']}** only because the articles were "
        f"written on different days (each true as of its own); "
        f"**{n['same']}** {'reads' if n['same'] == 1 else 'read'} the same.",
    ]
    for v in verdict_order(data):
        mine = table[table["verdict"] == v]
        if len(mine):
            lines.append(f"- {short[v]} ({plural(len(mine), 'point', 'points')}): {'; '.join(mine['topic'])}.")
    against = record_checks(data)
    against = against[against["rating"] == "contradicted"]
    if len(against):
        lines.append(
            "- **Against the public record** (not from the articles), in our words: "
            + "; ".join(
                f"{data.outlet_of()[r.source_id]}'s statement that {r.statement.rstrip('.')} is contradicted"
                for r in against.itertuples()
            )
            + " (see the last section)."
        )
    return "\n".join(lines)


def grid_title(data: Data, table: pd.DataFrame) -> str:
    """Contradictions first: the one kind of difference where the articles cannot all be right."""
    n = by_reading(table["verdict"], verdict_reading(data))
    contradict = int((table["verdict"] == verdict_order(data)[0]).sum())
    others = n["substance"] - contradict
    if contradict == 0:
        return f"None of {len(table)} shared points is an outright contradiction; {others} differ in characterisation"
    return (
        f"{contradict} of {len(table)} shared points {'is an outright contradiction' if contradict == 1 else 'are outright contradictions'}; "
        f"{others} more differ in characterisation"
    )


def side_by_side(data: Data, kind: str) -> pd.DataFrame:
    """Claims of one kind x outlets: each article's value and its verbatim snippet."""
    c = data.claims[data.claims["kind"] == kind]
    c = c.assign(outlet=c["source_id"].map(data.outlet_of()), cell=c["value"] + " — “" + c["snippet"] + "”")
    grid = c.pivot(index="claim_id", columns="outlet", values="cell")
    grid = grid.reindex(columns=[o for o in data.outlet_order() if o in grid.columns]).fillna("")
    meta = claims(data).set_index("claim_id")
    grid.insert(0, "verdict", meta.loc[grid.index, "verdict"])
    grid.insert(0, "topic", meta.loc[grid.index, "topic"])
    order = [i for i in meta.index if i in grid.index]
    return grid.loc[order].reset_index(drop=True)


# ------------------------------------------------------------------------ the grid chart
CELL_CHARS, LINE_PX = 19, 15
CELL_LINES = (4, 3)  # at most, in the panel of substance and in the other (the tables below give each whole)


def short(value: str, width: int = CELL_CHARS, lines: int = 3) -> str:
    """A value that fits a cell: whole if it fits `lines` lines of `width`; else without a
    closing parenthesis; else cut at a word and marked '…' (the hover and the tables
    below give it whole)."""
    for text in (value, value.split(" (")[0] if value.endswith(")") else value):
        rows = textwrap.wrap(text, width)
        if len(rows) <= lines:
            return "<br>".join(rows)
    rows = textwrap.wrap(text, width - 1)[:lines]
    return "<br>".join(rows) + "…"


def _pale(color: str, keep: float = 0.45) -> str:
    """The colour mixed with white, so black text reads on it."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * keep):02x}" for c in (r, g, b))


def colour_key(data: Data) -> str:
    """The grid's colour key, in the chart itself (a PNG has no hover): each verdict's name
    after a square of the colour its rows are filled with."""
    names = data.package.code_property("claims", "verdict", "shortLabel")
    colours = verdict_colors(data)
    keys = [f"<span style='color:{_pale(colours[v])};font-size:22px'>■</span> {names[v]}" for v in verdict_order(data)]
    half = (len(keys) + 1) // 2  # two lines, so that the last key is not cut at the chart's edge
    return "Row colour: " + "   ".join(keys[:half]) + "<br>" + "   ".join(keys[half:])


def _panel(data: Data, part: pd.DataFrame, topics: dict[str, str], most: int) -> tuple[go.Heatmap, int]:
    """One panel: claims x outlets, the outlet's value in its cell, coloured (palely) by
    the claim's verdict; the hover names the outlet and quotes its words."""
    outlets = data.outlet_order()
    codes = {v: i for i, v in enumerate(verdict_order(data))}
    verdict_of = dict(zip(part["claim_id"], part["verdict"], strict=False))
    ids = list(dict.fromkeys(part["claim_id"]))
    cell = part.set_index(["claim_id", "outlet"])
    labels = data.package.code_property("claims", "verdict", "shortLabel")
    z, text, hover = [], [], []
    for cid in ids:
        zr, tr, hr = [], [], []
        for o in outlets:
            if (cid, o) in cell.index:
                r = cell.loc[(cid, o)]
                zr.append(codes[r["verdict"]])
                tr.append(short(r["value"], lines=most))
                hr.append(f"<b>{o}</b>: {wrap(r['value'], 60)}<br>“{wrap(r['snippet'], 60)}”")
            else:
                zr.append(None)
                tr.append("")
                hr.append(f"<b>{o}</b> does not report this point")
        z.append(zr)
        text.append(tr)
        hover.append(hr)
    rows = [f"{wrap(topics[c], 42)}<br><i>{labels[verdict_of[c]]}</i>" for c in ids]
    lines = max([t.count("<br>") + 1 for r in text for t in r] + [r.count("<br>") + 1 for r in rows])
    n = len(verdict_order(data))
    scale = []
    for i, v in enumerate(verdict_order(data)):
        scale += [[i / n, _pale(verdict_colors(data)[v])], [(i + 1) / n, _pale(verdict_colors(data)[v])]]
    heat = go.Heatmap(
        z=z, x=outlets, y=rows, text=text, texttemplate="%{text}", textfont={"size": 12}, customdata=hover,
        zmin=-0.5, zmax=n - 0.5, colorscale=scale, showscale=False, xgap=3, ygap=3,
        hovertemplate="%{y}<br>%{customdata}<extra></extra>",
    )  # fmt: skip
    return heat, lines


def grid_chart(data: Data, title: str, source: str):
    """Two panels: the differences of substance (contradictions, characterisations), then
    the differences of wording or spelling, of precision, and agreement; each cell says
    what that outlet says."""
    table = claims(data)
    long = a.cells(data.claims, table, data.outlet_of(), data.outlet_order(), verdict_reading(data))
    rank = {v: i for i, v in enumerate(verdict_order(data))}
    long = long.assign(_v=long["verdict"].map(rank)).sort_values(["panel", "_v"], kind="stable").drop(columns="_v")
    topics = dict(zip(table["claim_id"], table["topic"], strict=True))
    panels = [_panel(data, long[long["panel"] == k], topics, CELL_LINES[k]) for k in (0, 1)]
    counts = [long.loc[long["panel"] == k, "claim_id"].nunique() for k in (0, 1)]
    pitch = [LINE_PX * lines + 12 for _, lines in panels]
    heights = [c * p for c, p in zip(counts, pitch, strict=True)]
    fig = make_subplots(
        rows=2, cols=1, row_heights=heights, vertical_spacing=110 / (sum(heights) + 110),
        subplot_titles=[
            f"Differences of substance: contradictions and characterisations ({plural(counts[0], 'point', 'points')})",
            f"Differences of wording or spelling, of precision or publication day only, and agreement ({plural(counts[1], 'point', 'points')})",
        ],
    )  # fmt: skip
    for k, (heat, _) in enumerate(panels):
        fig.add_trace(heat, row=k + 1, col=1)
        fig.update_yaxes(autorange="reversed", ticksuffix="  ", tickfont={"size": 12}, showgrid=False, row=k + 1, col=1)
        fig.update_xaxes(side="top", tickfont={"size": 13}, showgrid=False, row=k + 1, col=1)
    for ann in fig.layout.annotations:
        ann.update(x=0, xanchor="left", xref="paper", yshift=34, font={"size": 14, "color": "#222"})
    note = (
        "Each cell: what that outlet says (shortened where marked …; the tables below give it whole).<br>"
        "In JupyterLab, hovering over a cell also shows it whole, with the article's own words."
    )
    fig = finish(fig, title, source, height=sum(heights) + 110 + 270, note=note, subtitle=colour_key(data))
    fig.update_layout(margin_t=fig.layout.margin.t + 50)  # room for the first panel's title and outlets
    for ann in fig.layout.annotations[:2]:
        ann.xshift = 14 - fig.layout.margin.l
    return fig, long.drop(columns=["snippet"])


# ------------------------------------------------------------- the record (not from the articles)
def record_checks(data: Data) -> pd.DataFrame:
    """The record's checks of the shared points, most serious rating first (contradicted,
    then confirmed in part); confirmed ones are counted in the sentence, not listed."""
    ratings = data.package.codes("record_checks", "rating")
    order = [r for r in ratings[::-1] if r != "not_found"] + ["not_found"]
    return a.record_checks_of_points(claims(data), data.record_checks, order)


def record_sentence(data: Data) -> str:
    checks = record_checks(data)
    n = checks["rating"].value_counts()
    return (
        f"The public record (**not from the articles**; see [Against the record](05-against-the-record.ipynb)) "
        f"was read on {checks['claim_id'].nunique()} of the {len(claims(data))} shared points, "
        f"{plural(len(checks), 'statement', 'statements')} in all: it contradicts "
        f"{plural(int(n.get('contradicted', 0)), 'statement', 'statements')}, confirms "
        f"{int(n.get('partly_confirmed', 0))} in part and {int(n.get('confirmed', 0))} in full. "
        "Those not confirmed in full:"
    )


def record_table(data: Data) -> pd.DataFrame:
    c = record_checks(data)
    c = c[c["rating"] != "confirmed"]
    names = data.package.code_property("record_checks", "rating", "shortLabel")
    return pd.DataFrame(
        {
            "point": c["topic"].values,
            "outlet": c["source_id"].map(data.outlet_of()).values,
            "the article's statement (our words)": c["statement"].values,
            "the record (not from the articles)": c["rating"].map(names).values,
            "why (not from the articles)": [plain_explanation(x, data.record_checks) for x in c["explanation"]],
        }
    )
