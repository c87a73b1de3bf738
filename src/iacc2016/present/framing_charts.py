"""The charts of the framing notebook; the tables they draw come from present.framing
(and through it analysis.framing). Every trace carries a hover of its own that names the
outlet; every chart a subtitle saying what it measures."""

from __future__ import annotations

import plotly.graph_objects as go

from .codebook import generic_frames, side_colors, side_names, side_order
from .framing import after_publication, coverage, frame_profiles, voice
from .notebook import Data
from .style import EDGE, finish, wrap


def _done(fig: go.Figure, title: str, subtitle: str, source: str, height: int, note: str, **kw) -> go.Figure:
    """The house style (style.finish) plus a subtitle under the title saying what is
    measured, with room made for it."""
    kw.setdefault("x_title", "")
    kw.setdefault("y_title", "")
    fig = finish(fig, title, source, height=height + 24, note=note, **kw)
    fig.update_layout(title_subtitle={"text": subtitle, "font": {"size": 13, "color": "#555"}})
    fig.update_layout(margin_t=fig.layout.margin.t + 24)
    return fig


def _grid(z, x, y, colorscale, text, hover: str, **kw) -> go.Heatmap:
    """A heatmap of cells with their own text and hover."""
    kw = {"zmin": 0, "zmax": 1, **kw}
    return go.Heatmap(
        z=z, x=x, y=y, colorscale=colorscale, xgap=2, ygap=2,
        text=text, hovertemplate=hover + "<extra></extra>", **kw,
    )  # fmt: skip


def voice_chart(data: Data, title: str, source: str):
    v = voice(data)
    coded = v.groupby("outlet")["words"].sum()
    order = [o for o in data.outlet_order() if coded.get(o, 0) > 0]  # uncoded articles are listed in the notebook
    v = v[v["outlet"].isin(order)]
    fig = go.Figure()
    for side in side_order(data):
        part = v[v["side"] == side].set_index("outlet").loc[order]
        fig.add_trace(
            go.Bar(
                y=order,
                x=part["share"],
                orientation="h",
                name=side_names(data)[side],
                marker={"color": side_colors(data)[side]},
                text=[f"{w}" if share >= 0.03 else "" for w, share in zip(part["words"], part["share"], strict=True)],
                textposition="inside",
                insidetextanchor="middle",
                textfont={"size": 13},
                customdata=part[["words", "passages"]],
                hovertemplate=f"<b>%{{y}}</b>: {side_names(data)[side]}, %{{x:.0%}} of the quoted words"
                "<br>%{customdata[0]} words in %{customdata[1]} passages<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})
    fig.update_xaxes(tickformat=".0%", range=[0, 1])
    totals = v.groupby("outlet")[["words", "passages"]].sum()
    ticks = [
        f"{o}  <br><span style='font-size:11px;color:#555'>{totals.loc[o, 'words']} words, "
        f"{totals.loc[o, 'passages']} passages</span>  "
        for o in order
    ]
    fig.update_yaxes(autorange="reversed", tickvals=order, ticktext=ticks)
    fig = _done(
        fig, title, "Each side's share of the words an article quotes or paraphrases", source, 380,
        "Numbers in the bars are words; a sliver too thin for its number is counted in the table below the chart.", x_title="Share of the article's quoted and paraphrased words", legend_rows=1,
    )  # fmt: skip
    return fig, v


def frame_chart(data: Data, title: str, source: str):
    p = frame_profiles(data)
    outlets = [o for o in data.outlet_order() if o in set(p["outlet"])]
    labels = data.codebook("frame_codebook", "frame")
    frames = generic_frames(data)
    z = p.pivot(index="frame", columns="outlet", values="share").reindex(index=frames, columns=outlets)
    text = (
        p.assign(t=p["yes"].astype(str) + " of " + p["codable"].astype(str))
        .pivot(index="frame", columns="outlet", values="t")
        .reindex(index=frames, columns=outlets)
    )
    fig = go.Figure(
        _grid(
            z.values, outlets, [labels[f] for f in frames], [[0, "#f7fbff"], [0.5, "#6baed6"], [1, "#08306b"]], text.values,
            "<b>%{x}</b> · %{y}: %{text} of its questions answered yes",
            texttemplate="%{text}", textfont={"size": 13},
            colorbar={"title": {"text": "Answered<br>yes", "side": "top"}, "tickformat": ".0%"},
        )
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed", ticksuffix="  ")
    fig = _done(
        fig, title, "Share of each generic frame's questions answered yes for the article", source, 400,
        "Cell: the frame's questions answered yes, out of those a text can answer (one coder). The question about<br>"
        "pictures cannot be answered from a text, so the human-interest frame has one question fewer than in the codebook.",
    )  # fmt: skip
    return fig, p


def published_labels(data: Data) -> list[str]:
    """Each outlet's name over its article's possible publication days ('1–13 May')."""
    s = data.sources.set_index("outlet")
    out = []
    for o in data.outlet_order():
        start, end = s.loc[o, "published_start"], s.loc[o, "published_end"]
        if start == end:
            days = f"{end.day} {end:%b}"
        elif start.month == end.month:
            days = f"{start.day}–{end.day} {end:%b}"
        else:
            days = f"{start.day} {start:%b}–{end.day} {end:%b}"
        out.append(f"{o}<br><span style='font-size:11px;color:#555'>{days}</span>")
    return out


def coverage_chart(data: Data, title: str, source: str):
    c = coverage(data)
    outlets = data.outlet_order()
    ev = data.evidence[data.evidence["record_table"] == "events"]
    ev = ev.assign(outlet=ev["source_id"].map(data.outlet_of()))
    first = ev.drop_duplicates(["record_id", "outlet"]).set_index(["record_id", "outlet"])["snippet"]
    late = after_publication(data, c)
    z = c[outlets].astype(float).where(~late.values | (c[outlets].values == 1), -1.0)
    hover = [
        [
            f"“{wrap(first[(r, o)], 60)}”"
            if (r, o) in first.index
            else "does not report it: the event happened after the article was published"
            if late.loc[r, o]
            else "does not report it"
            for o in outlets
        ]
        for r in c["record_id"]
    ]
    scale = [[0, "#ffffff"], [0.33, "#ffffff"], [0.34, GREY], [0.66, GREY], [0.67, BLUE], [1, BLUE]]
    fig = go.Figure(
        _grid(
            z.values, outlets, list(c["fact"]), scale, None,
            "%{y}<br><b>%{x}</b>: %{customdata}", customdata=hover, showscale=False, zmin=-1.5, zmax=1.5,
        )
    )  # fmt: skip
    # No grid lines behind the cells: they would show through the gaps (and add colours to the PNG).
    fig.update_yaxes(autorange="reversed", ticksuffix="  ", tickfont={"size": ROW_FONT}, showgrid=False)
    fig.update_xaxes(
        side="top",
        tickfont={"size": 13},
        tickvals=outlets,
        ticktext=published_labels(data),
        tickangle=0,
        showgrid=False,
    )
    fig = _done(
        fig, title, "Which of the coded events each article reports; outlets in order of publication, with their possible days", source,
        140 + ROW_PX * len(c) + KEY_PX,
        "A scheduled event can be announced before it happens. Rows: most widely reported first.",
    )  # fmt: skip
    longest = max(len(f) for f in c["fact"])
    fig.update_layout(
        margin_t=fig.layout.margin.t + 18, margin_b=fig.layout.margin.b + KEY_PX
    )  # two-line outlet labels; the key
    left = max(fig.layout.margin.l, EDGE + round(ROW_FONT * 0.5 * (longest + 2)))
    fig.update_layout(margin_l=left)
    fig.update_annotations(
        xshift=EDGE - left, yshift=-52 - KEY_PX, selector={"yref": "paper", "y": 0}
    )  # the source line, under the key
    # A white cell (after publication) is outlined and hatched, so that it reads as a cell
    # of its own, not as a gap in the grid or a grey cell.
    for i, r in enumerate(c["record_id"]):
        for j, o in enumerate(outlets):
            if late.loc[r, o] and not c.loc[c.index[i], o]:
                fig.add_shape(
                    type="rect", x0=j - 0.48, x1=j + 0.48, y0=i - 0.42, y1=i + 0.42,
                    line={"color": OUTLINE, "width": 1.5}, fillcolor="rgba(0,0,0,0)", layer="above",
                )  # fmt: skip
                fig.add_shape(
                    type="path",
                    path=_hatch(j - 0.48, i + 0.42, 0.96, -0.84),
                    line={"color": OUTLINE, "width": 1},
                    layer="above",
                )
    _key(fig, EDGE - left)
    return fig, c


ROW_FONT, ROW_PX, KEY_PX = 15, 22, 30
OUTLINE = "#757575"
BLUE, GREY = "#2166ac", "#dedede"


def _hatch(x0: float, y0: float, w: float, h: float, n: int = 6) -> str:
    """An SVG path of n slanted strokes across the box from (x0, y0), w wide, h high."""
    return " ".join(f"M {x0 + k * w / n:.4f},{y0:.4f} L {x0 + (k + 1) * w / n:.4f},{y0 + h:.4f}" for k in range(n))


def _key(fig: go.Figure, x: int) -> None:
    """The grid's key, on the chart under the grid from `x` pixels off its left edge:
    three swatches and what each means."""
    entries = [
        (BLUE, False, "reports the event"),
        (GREY, False, "does not report it"),
        ("#ffffff", True, "had not happened by the article's latest possible day"),
    ]
    for color, hatched, text in entries:
        box = {"xref": "paper", "yref": "paper", "xsizemode": "pixel", "ysizemode": "pixel", "xanchor": 0, "yanchor": 0}
        fig.add_shape(
            type="rect",
            x0=x,
            x1=x + 26,
            y0=-14,
            y1=-30,
            fillcolor=color,
            line={"color": OUTLINE if hatched else color, "width": 1.5},
            **box,
        )
        if hatched:
            fig.add_shape(type="path", path=_hatch(x, -30, 26, 16, 4), line={"color": OUTLINE, "width": 1}, **box)
        fig.add_annotation(
            text=text, xref="paper", yref="paper", x=0, y=0, xshift=x + 32, yshift=-22, xanchor="left", yanchor="middle",
            showarrow=False, font={"size": 13, "color": "#333"},
        )  # fmt: skip
        x += 32 + round(6.8 * len(text)) + 24
