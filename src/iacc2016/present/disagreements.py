"""Where the articles disagree, in words, tables and the grid chart; the counts come from
analysis.disagreements."""

from __future__ import annotations

import re
import textwrap

import pandas as pd
import plotly.graph_objects as go

from ..analysis import disagreements as a
from .codebook import claim_kinds, plain_explanation, verdict_colors, verdict_order, verdict_reading
from .framing import plural
from .notebook import Data
from .style import finish, wrap


def claims(data: Data) -> pd.DataFrame:
    """One row per claim: topic, kind, verdict, explanation, and how many articles report
    it; in the chart's order: most serious verdict first, then by kind."""
    table = a.points(data.claims, claim_kinds(data), verdict_order(data))
    rank = table["verdict"].map({v: i for i, v in enumerate(verdict_order(data))})
    return table.iloc[rank.argsort(kind="stable")].reset_index(drop=True)


def by_reading(verdicts: pd.Series, reading: dict[str, str]) -> dict[str, int]:
    """How many claims fall in each reading of their verdict (substance, wording,
    precision, same), zero where none."""
    return a.by_reading(verdicts, reading)


def _contradictions(data: Data, table: pd.DataFrame) -> int:
    return int((table["verdict"] == verdict_order(data)[0]).sum())


def summary(data: Data, table: pd.DataFrame) -> str:
    """The findings: how many points differ in substance (outright, or in characterisation),
    how many only in wording, precision or timing; then what the public record contradicts."""
    n = by_reading(table["verdict"], verdict_reading(data))
    contradict = _contradictions(data, table)
    outright = (
        "None contradicts another outright"
        if contradict == 0
        else f"**{contradict}** {'is an outright contradiction' if contradict == 1 else 'are outright contradictions'}"
    )
    lines = [
        f"- The articles share **{len(table)}** points that can be set side by side. {outright}; "
        f"**{n['substance'] - contradict}** characterise the point differently (emphasis or reasons), and the "
        "chart below sets them out.",
        f"- The other {len(table) - n['substance']} differ less: **{n['wording']}** only in wording, spelling or "
        f"punctuation, **{n['precision']}** only in precision (compatible, some vaguer), **{n['timing']}** only "
        f"because the articles were written on different days (each true as of its own), and **{n['same']}** "
        f"{'reads' if n['same'] == 1 else 'read'} the same.",
    ]
    against = record_checks(data)
    against = against[against["rating"] == "contradicted"].drop_duplicates("check_id")
    if len(against):
        lines.append(
            "- **Against the public record** (not from the articles), in our words: "
            + "; ".join(
                f"{data.outlet_of()[r.source_id]}'s statement that {r.statement.rstrip('.')} is contradicted"
                for r in against.itertuples()
            )
            + " (see the section on the record)."
        )
    return "\n".join(lines)


def grid_title(data: Data, table: pd.DataFrame) -> str:
    """Contradictions first: the one kind of difference where the articles cannot all be right."""
    n = by_reading(table["verdict"], verdict_reading(data))
    contradict = _contradictions(data, table)
    others = n["substance"] - contradict
    if contradict == 0:
        return f"None of {len(table)} shared points is an outright contradiction; {others} differ in characterisation"
    return (
        f"{contradict} of {len(table)} shared points {'is an outright contradiction' if contradict == 1 else 'are outright contradictions'}; "
        f"{others} more differ in characterisation"
    )


def every_point(data: Data, table: pd.DataFrame) -> pd.DataFrame:
    """Every shared point in the chart's order: its topic, verdict (short name) and why."""
    names = data.package.code_property("claims", "verdict", "shortLabel")
    return pd.DataFrame(
        {
            "point": table["topic"].values,
            "verdict": table["verdict"].map(names).values,
            "why": table["explanation"].values,
        }
    )


# Verbatim slips, marked [sic] where a table shows the snippet (the stored snippet stays verbatim).
SLIPS = ("counterfeits items", "is devoted itself", "Zheng told that", "is was", "IAAC’s")


def with_sic(snippet: str, slips: tuple[str, ...] = SLIPS) -> str:
    for slip in slips:
        snippet = snippet.replace(slip, f"{slip} [sic]")
    return snippet


def side_by_side(data: Data, kind: str) -> pd.DataFrame:
    """Claims of one kind x outlets: each article's value and its verbatim snippet."""
    c = data.claims[data.claims["kind"] == kind]
    c = c.assign(
        outlet=c["source_id"].map(data.outlet_of()), cell=c["value"] + " — “" + c["snippet"].map(with_sic) + "”"
    )
    grid = c.pivot(index="claim_id", columns="outlet", values="cell")
    grid = grid.reindex(columns=[o for o in data.outlet_order() if o in grid.columns]).fillna("")
    meta = claims(data).set_index("claim_id")
    grid.insert(0, "verdict", meta.loc[grid.index, "verdict"])
    grid.insert(0, "topic", meta.loc[grid.index, "topic"])
    order = [i for i in meta.index if i in grid.index]
    return grid.loc[order].reset_index(drop=True)


# ------------------------------------------------------------------------ the grid chart
CELL_CHARS, LINE_PX, CELL_LINES, ROW_CHARS = 19, 15, 4, 30


def short(value: str, width: int = CELL_CHARS, lines: int = CELL_LINES) -> str:
    """A value as a cell shows it: wrapped to `lines` lines of `width`, never cut. A value
    that does not fit needs a short form written by hand (claims.value_short)."""
    rows = textwrap.wrap(value, width)
    if len(rows) > lines:
        raise ValueError(f"{value!r} needs more than {lines} lines of {width}: give it a value_short in claims.csv")
    return "<br>".join(rows)


def _pale(color: str, keep: float = 0.45) -> str:
    """The colour mixed with white, so black text reads on it."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * keep):02x}" for c in (r, g, b))


def colour_key(data: Data, drawn: list[str]) -> str:
    """The chart's colour key (a PNG has no hover): each verdict drawn, after a square of
    its colour; none when every row has the same verdict (the title names it)."""
    if len(drawn) < 2:
        return ""
    names = data.package.code_property("claims", "verdict", "shortLabel")
    colours = verdict_colors(data)
    return "   ".join(f"<span style='color:{_pale(colours[v])};font-size:22px'>■</span> {names[v]}" for v in drawn)


def substance_cells(data: Data) -> pd.DataFrame:
    """The chart's cells: claim x outlet for the points of substance, in the chart's order,
    with the text each cell shows (the hand-written short form where there is one)."""
    table = claims(data)
    long = a.cells(data.claims, table, data.outlet_of(), data.outlet_order(), verdict_reading(data))
    shown = data.claims.set_index(["claim_id", "source_id"])["value_short"].fillna("")
    source = {o: sid for sid, o in data.outlet_of().items()}
    long = long[long["panel"] == 0]
    keys = list(zip(long["claim_id"], long["outlet"].map(source), strict=True))
    return long.assign(shown=[shown.get(k, "") or v for k, v in zip(keys, long["value"], strict=True)])


def grid_chart(data: Data, title: str, source: str):
    """The points on which the articles differ in substance (outright contradictions, then
    characterisations) x outlets: each cell says what that outlet says; blank where it
    does not report the point. Rows are coloured by verdict."""
    part = substance_cells(data)
    table = claims(data)
    topics = dict(zip(table["claim_id"], table["topic"], strict=True))
    outlets = data.outlet_order()
    drawn = [v for v in verdict_order(data) if v in set(part["verdict"])]
    codes = {v: i for i, v in enumerate(drawn)}
    ids = list(dict.fromkeys(part["claim_id"]))
    cell = part.set_index(["claim_id", "outlet"])
    z, text, hover = [], [], []
    for cid in ids:
        zr, tr, hr = [], [], []
        for o in outlets:
            if (cid, o) in cell.index:
                r = cell.loc[(cid, o)]
                zr.append(codes[r["verdict"]])
                tr.append(short(r["shown"]))
                hr.append(f"<b>{o}</b>: {wrap(r['value'], 60)}<br>“{wrap(r['snippet'], 60)}”")
            else:
                zr.append(None)
                tr.append("")
                hr.append(f"<b>{o}</b> does not report this point")
        z.append(zr)
        text.append(tr)
        hover.append(hr)
    rows = [wrap(topics[c], ROW_CHARS) for c in ids]
    lines = max([t.count("<br>") + 1 for r in text for t in r] + [r.count("<br>") + 1 for r in rows])
    n = max(len(drawn), 1)
    scale = []
    for i, v in enumerate(drawn or verdict_order(data)[:1]):
        scale += [[i / n, _pale(verdict_colors(data)[v])], [(i + 1) / n, _pale(verdict_colors(data)[v])]]
    fig = go.Figure(
        go.Heatmap(
            z=z, x=outlets, y=rows, text=text, texttemplate="%{text}", textfont={"size": 12}, customdata=hover,
            zmin=-0.5, zmax=n - 0.5, colorscale=scale, showscale=False, xgap=3, ygap=3,
            hovertemplate="%{y}<br>%{customdata}<extra></extra>",
        )
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed", ticksuffix="  ", tickfont={"size": 12}, showgrid=False)
    fig.update_xaxes(side="top", tickfont={"size": 13}, showgrid=False)
    note = "Blank: the outlet does not report the point. Some cells are shortened by hand; the tables below give each whole."
    height = len(ids) * (LINE_PX * lines + 12) + 60
    subtitle = f"What each outlet says on the {len(ids)} points where the versions imply different things"
    key = colour_key(data, drawn)
    fig = finish(fig, title, source, height=height + 190, note=note, subtitle=subtitle + (f"<br>{key}" if key else ""))
    fig.update_layout(margin_t=fig.layout.margin.t + 30 + (20 if key else 0))  # room for the outlets above the cells
    return fig, part.drop(columns=["snippet", "panel"])


# ------------------------------------------------------------- the record (not from the articles)
def record_checks(data: Data) -> pd.DataFrame:
    """The record's checks that bear on the shared points (of a claims row, or of a
    figure, quotation or event that record_check_points ties to one), most serious rating
    first (contradicted, then confirmed in part); confirmed ones are counted, not listed."""
    ratings = data.package.codes("record_checks", "rating")
    order = [r for r in ratings[::-1] if r != "not_found"] + ["not_found"]
    return a.record_checks_of_points(claims(data), data.record_checks, data.record_check_points, order)


def record_sentence(data: Data) -> str:
    checks = record_checks(data)
    n = checks.drop_duplicates("check_id")["rating"].value_counts()
    missing = int(n.get("not_found", 0))
    partly = int(n.get("partly_confirmed", 0))
    table = data.record_checks.set_index("check_id")["checks_table"]
    direct = int((table[checks["check_id"].unique()] == "claims").sum())
    rows = int(
        (
            record_table(data)["the record"]
            == data.package.code_property("record_checks", "rating", "shortLabel")["partly_confirmed"]
        ).sum()
    )
    of = f" (checks of {rows} statements)" if rows != partly else ""
    return (
        f"The public record was read on {checks['claim_id'].nunique()} of the {len(claims(data))} shared points, "
        f"{plural(checks['check_id'].nunique(), 'check', 'checks')} in all: it contradicts "
        f"{int(n.get('contradicted', 0)) or 'none'} outright, confirms {partly} in part{of} and "
        f"{int(n.get('confirmed', 0))} in full"
        + (f", and has nothing on {missing}" if missing else "")
        + f". Of these checks, {direct} test an "
        f"article's version of a point directly (the {len(data.tables['claims'])} versions are one per article "
        "reporting a point); the rest test it as a date, figure or quotation."
        + " Those not confirmed in full follow (the same checks as in "
        "[Against the record](05-against-the-record.ipynb); where the same words were checked twice, "
        "once as a figure or a quotation, they are shown once):"
    )


# The sentences in which a check names its twin (the same words checked as another row):
# the twin is not in this table's context, so the reference is dropped here.
_TWIN = re.compile(
    r"\s*(?:Rated as the check of [^.]*|This checks the passage as [^.;]*;[^.]*|The same (?:words|sentence) (?:are|is) checked again[^.]*)\."
)


def own_words(text: str) -> str:
    """A check's explanation without the sentence pointing at its twin check."""
    return _TWIN.sub("", text).strip()


def record_table(data: Data) -> pd.DataFrame:
    """The checks not confirmed in full, one row per check and point; twin checks (the same
    article's words on the same point checked against the same record words, with the same
    rating, e.g. as an event and as a figure) are shown once, the first by check id, with
    every twin's reading."""
    c = record_checks(data)
    c = c[c["rating"] != "confirmed"].sort_values("check_id", kind="stable")
    twins = ["claim_id", "source_id", "rating", "snippet"]
    c = c.assign(snippet=c["check_id"].map(data.record_checks.set_index("check_id")["record_snippet"]))
    why = c.groupby(twins, sort=False)["explanation"].transform(
        lambda xs: " ".join(dict.fromkeys(own_words(plain_explanation(x, data.record_checks)) for x in xs))
    )
    c = c.assign(why=why)[~c.duplicated(twins)]
    names = data.package.code_property("record_checks", "rating", "shortLabel")
    return pd.DataFrame(
        {
            "point": c["topic"].values,
            "outlet": c["source_id"].map(data.outlet_of()).values,
            "the article's statement (our words)": c["statement"].values,
            "the record": c["rating"].map(names).values,
            "why": c["why"].values,
        }
    )
