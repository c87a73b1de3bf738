"""Every chart in the collection goes through here: one renderer setting, one style, a
title that states the finding, a source line, a PNG beside the interactive figure, and the
chart's data saved beside the notebook."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from .. import settings
from ..atomic import write_text_atomic
from .markup import inert_figure
from .static_images import StaticImagesUnavailable, start_browser_or_fall_back  # noqa: F401 (re-exported)

# The renderer comes from settings: PNGs (and the browser that makes them) only where they
# are required (`make reproduce`) or asked for; everywhere else (JupyterLab, Binder, `make
# test`) the interactive figure only, and no headless browser started in the kernel.
WIDTH, HEIGHT = 900, 500
FONT = "Arial, Helvetica, sans-serif"


_state = {"ready": False}


def wrap(text: str, width: int = 34) -> str:
    """Break a long axis label onto several lines (plotly takes <br>)."""
    import textwrap

    return "<br>".join(textwrap.wrap(text, width)) or text


def interval_marker(color: str) -> dict:
    """Bar style for an interval of possible dates: a light fill, hatched in the full colour
    (vertical stripes: they read as "any of these days" and keep the PNG small),
    so it never reads as a happening that lasted that long."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return {
        "color": f"rgba({r},{g},{b},0.3)",
        "pattern": {"shape": "|", "fgcolor": color, "fgopacity": 0.85, "size": 8, "solidity": 0.2},
        "line": {"color": color, "width": 0.5},
    }


def axis_year_label(dates) -> str:
    """'Date (2016)' when every date shown falls in one year, else 'Date'."""
    years = sorted({d.year for d in dates if d is not None and d == d})
    return f"Date ({years[0]})" if len(years) == 1 else "Date"


def date_tickformat(dates) -> str:
    """'Apr 13' for a span of a few months (the year goes in the axis title), 'Jan 2015'
    for longer spans."""
    ds = [d for d in dates if d is not None and d == d]
    return "%b %-d" if (max(ds) - min(ds)).days <= 150 else "%b %Y"


def mark_x(fig: go.Figure, x, text: str, color: str, label_side: str = "right", label_at: str = "top") -> None:
    """A dashed vertical line with its label just inside the top (or bottom: label_at=
    'bottom') of the plot, on the line's right (or its left: label_side='left')."""
    fig.add_vline(x=x, line={"color": color, "dash": "dash"})
    fig.add_annotation(
        x=x,
        y=1 if label_at == "top" else 0,
        yref="paper",
        yanchor="top" if label_at == "top" else "bottom",
        xanchor="left" if label_side == "right" else "right",
        xshift=4 if label_side == "right" else -4,
        text=text,
        showarrow=False,
        font={"color": color},
        bgcolor="rgba(255,255,255,0.85)",
    )


def setup() -> str:
    """Choose the renderer (once per kernel) and the house style; return the renderer.
    PNGs (and the browser that makes them) only where they are required or asked for."""
    renderer = settings.current().renderer
    if _state["ready"]:
        return renderer
    pio.renderers.default = renderer
    # The PNG takes each figure's own width and height (taller charts need more rows), at
    # twice the pixels, so it stays sharp on a laptop's screen.
    pio.renderers["png"].scale = PNG_SCALE
    # No "send data to the cloud" button (it would offer to upload the article snippets):
    # the config travels in the plotly JSON of every output.
    pio.renderers["plotly_mimetype"].config = PLOTLY_CONFIG
    # Only the house style is registered, composed with plotly's own white template at use
    # (copying that template whole costs a quarter of a second per kernel).
    pio.templates["iacc"] = {
        "layout": {
            "font": {"family": FONT, "size": 13, "color": "#222"},
            "title": {"x": 0.0, "xref": "paper", "xanchor": "left", "font": {"size": 17}},
            "width": WIDTH,
            "height": HEIGHT,
        }
    }
    pio.templates.default = "plotly_white+iacc"
    if "png" in renderer.split("+"):
        renderer = start_browser_or_fall_back(renderer)
    _state["ready"] = True
    return renderer


def finish(
    fig: go.Figure,
    title: str,
    source: str,
    *,
    x_title: str | None = None,
    y_title: str | None = None,
    height: int = HEIGHT,
    note: str | None = None,
    legend_rows: int = 0,
    subtitle: str | None = None,
) -> go.Figure:
    """House style: a title that states the finding, a subtitle saying what is measured,
    labelled axes, the legend under them, and the source line (with an optional note)
    under the chart, both starting at the chart's left edge however long the category
    labels are. Every trace with points must carry a hover template of its own."""
    if len(title) > MAX_TITLE_CHARS:
        raise ValueError(
            f"chart title is {len(title)} characters; at most {MAX_TITLE_CHARS} fit the chart's width: {title!r}"
        )
    footer = f"Source: {source}" + (f"<br>{note}" if note else "")
    footer_lines = footer.count("<br>") + 1
    top = 60 + (SUBTITLE_PX if subtitle else 0) + (LEGEND_ROW_PX * legend_rows if legend_rows else 0)
    bottom = 64 + FOOTER_LINE_PX * footer_lines
    left = _left_margin(fig, y_title)
    fig.update_layout(
        title={
            "text": title,
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 14, "l": EDGE},
            "subtitle": {"text": subtitle or "", "font": {"size": SUBTITLE_FONT, "color": "#555"}},
        },
        width=WIDTH,
        height=height,
        margin={"l": left, "r": 30, "t": top, "b": bottom},
        annotations=list(fig.layout.annotations)
        + [
            go.layout.Annotation(
                text=footer,
                xref="paper",
                yref="paper",
                x=0,
                y=0,
                xanchor="left",
                yanchor="top",
                xshift=EDGE - left,
                yshift=-52,
                showarrow=False,
                align="left",
                font={"size": FOOTNOTE_FONT, "color": "#555"},
            )
        ],
    )
    fig.update_yaxes(automargin=False)
    for trace in fig.data:
        own_hover(trace)
    if legend_rows:
        fig.update_layout(
            legend={
                "orientation": "h",
                "x": 0,
                "xanchor": "left",
                "y": 1.0,
                "yanchor": "bottom",
                "font": {"size": LEGEND_FONT},
            }
        )
    if x_title is not None:
        fig.update_xaxes(title_text=x_title, title_standoff=6)
    if y_title is not None:
        fig.update_yaxes(title_text=y_title)
    return fig


PNG_SCALE = 2
PLOTLY_CONFIG = {"showSendToCloud": False, "displaylogo": False}


def _has_points(trace) -> bool:
    """Whether the trace draws anything a reader can hover (a legend-only key holds None)."""
    return any(
        getattr(trace, k, None) is not None and any(v is not None for v in getattr(trace, k)) for k in ("x", "y", "z")
    )


class NoHoverOfItsOwn(ValueError):
    """A trace with points was drawn without a hover template: plotly would fall back to
    its default hover (raw values, the trace's name), which names no outlet and no evidence."""


def own_hover(trace) -> None:
    """Every trace with points carries its own hover template (written where the chart is
    drawn, naming what the point is and where it comes from); a legend-only key (no
    points) is taken out of hovering. There is no fallback: a trace without one raises."""
    if trace.hovertemplate:
        return
    if not _has_points(trace):
        trace.hoverinfo = "skip"
        return
    raise NoHoverOfItsOwn(f"trace {trace.name or trace.type!r} has no hover template of its own")


default_hover = own_hover  # the earlier name, kept for callers elsewhere in the collection


FOOTNOTE_FONT = 12  # px at the layout size (the PNG doubles it): the source line and notes
LEGEND_FONT = 12
SUBTITLE_FONT = 13
SUBTITLE_PX = 22  # room the subtitle takes under the title
LEGEND_ROW_PX = 24
FOOTER_LINE_PX = 17
MAX_TITLE_CHARS = 92  # at 17 px, about as many characters as fit across the chart
EDGE = 14  # pixels between the chart's edge and the title, labels and source line
CHAR_PX = 7  # width of a character of the 13 px axis font, near enough


def _left_margin(fig: go.Figure, y_title: str | None) -> int:
    """Room for the longest category label on the y axis, or tick text where rows are
    placed by number (and the axis title, if any)."""
    labels = []
    for trace in fig.data:
        values = getattr(trace, "y", None)
        if values is not None:
            labels += [v for v in values if isinstance(v, str)]
    labels += [v for v in (fig.layout.yaxis.ticktext or ()) if isinstance(v, str)]  # rows placed by number
    lines = [re.sub(r"<[^>]+>", "", line) for v in labels for line in v.split("<br>")]
    longest = max((len(line) for line in lines), default=0)
    return max(80, EDGE + CHAR_PX * (longest + 2) + (30 if y_title else 0))


def show(fig: go.Figure, name: str, data: pd.DataFrame) -> None:
    """Save the chart's data beside the notebook, then display the figure."""
    for trace in fig.data:
        own_hover(trace)
    save_chart_data(name, data)
    inert_figure(fig).show(config=PLOTLY_CONFIG)  # text from the data cannot be markup


def save_chart_data(name: str, data: pd.DataFrame) -> None:
    folder = settings.chart_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    frame = data.copy()
    for col in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[col]):
            frame[col] = frame[col].dt.strftime("%Y-%m-%d")
    write_text_atomic(folder / f"{name}.csv", frame.to_csv(index=False, lineterminator="\n"))
