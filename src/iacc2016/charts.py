"""Every chart in the collection goes through here: one renderer setting, one style, a
title that states the finding, a source line, a PNG beside the interactive figure, and the
chart's data saved beside the notebook."""

from __future__ import annotations

import os

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from . import paths
from .atomic import write_text_atomic

RENDERER_ENV = "IACC_PLOTLY_RENDERER"
# One output bundle with the interactive figure (JupyterLab) and a PNG (GitHub, where no
# JavaScript runs). `make test` sets the environment variable to "plotly_mimetype": nbval
# does not compare PNGs, so tests need no browser.
DEFAULT_RENDERER = "plotly_mimetype+png"
WIDTH, HEIGHT = 900, 500
FONT = "Arial, Helvetica, sans-serif"

SIDE_COLORS = {"brands": "#b2182b", "alibaba": "#e08214", "iacc": "#2166ac", "other": "#878787"}
QUALIFIER_PATTERNS = {
    "exact": "",
    "approximately": ".",
    "nearly": "/",
    "more_than": "+",
    "at_least": "+",
    "as_many_as": "x",
}

_state = {"ready": False}


def setup() -> str:
    """Choose the renderer (once per kernel) and the house style; return the renderer."""
    renderer = os.environ.get(RENDERER_ENV, DEFAULT_RENDERER)
    if _state["ready"]:
        return renderer
    pio.renderers.default = renderer
    png = pio.renderers["png"]
    png.width, png.height, png.scale = WIDTH, HEIGHT, 1
    template = go.layout.Template(pio.templates["plotly_white"])
    template.layout.font = {"family": FONT, "size": 13, "color": "#222"}
    template.layout.title = {"x": 0.0, "xanchor": "left", "font": {"size": 17}}
    template.layout.width, template.layout.height = WIDTH, HEIGHT
    pio.templates["iacc"] = template
    pio.templates.default = "iacc"
    if "png" in renderer.split("+"):
        _start_browser()
    _state["ready"] = True
    return renderer


def _start_browser() -> None:
    """One long-lived headless browser per kernel: 0.3 s per PNG instead of about 3 s."""
    import kaleido

    kaleido.start_sync_server(silence_warnings=True)
    # plotly passes its request headers as per-call options, which a running server ignores
    # with a warning (printed into the first figure's output); there is nothing to send.
    pio.defaults.headers = {}


def finish(
    fig: go.Figure,
    title: str,
    source: str,
    *,
    x_title: str | None = None,
    y_title: str | None = None,
    height: int = HEIGHT,
    note: str | None = None,
) -> go.Figure:
    """House style: a title that states the finding, labelled axes and a source line."""
    footer = f"Source: {source}" + (f"<br>{note}" if note else "")
    fig.update_layout(
        title={"text": title},
        width=WIDTH,
        height=height,
        margin={"l": 80, "r": 30, "t": 70, "b": 70 + 16 * footer.count("<br>")},
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
                yshift=-40,
                showarrow=False,
                align="left",
                font={"size": 11, "color": "#555"},
            )
        ],
    )
    if x_title is not None:
        fig.update_xaxes(title_text=x_title)
    if y_title is not None:
        fig.update_yaxes(title_text=y_title)
    return fig


def show(fig: go.Figure, name: str, data: pd.DataFrame) -> None:
    """Save the chart's data beside the notebook, then display the figure."""
    save_chart_data(name, data)
    fig.show()


def save_chart_data(name: str, data: pd.DataFrame) -> None:
    folder = paths.chart_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    frame = data.copy()
    for col in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[col]):
            frame[col] = frame[col].dt.strftime("%Y-%m-%d")
    write_text_atomic(folder / f"{name}.csv", frame.to_csv(index=False, lineterminator="\n"))
