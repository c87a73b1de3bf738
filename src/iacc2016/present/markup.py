"""Text from the data, made inert before it reaches Markdown, HTML or a plotly figure.

The loader already refuses markup in text cells; this is the second wall, for whatever
gets past it (a new column, a hand-built frame). One escaping rule, used everywhere:

- `esc(text)`: one value from the data, put into Markdown or HTML: `<` and `>` become
  entities, `&` too where it could start an entity (a lone '&', as in 'Tiffany & Co.', is
  literal in Markdown, HTML and plotly alike, so it is left as it is), and `[` `]` too, so
  a value can never open a link.
- `markdown(text)`: prose the code wrote (with data in it), as `nb.md` shows it: any raw
  HTML tag or autolink is escaped, and a link to anything but http(s), mailto or a page
  of the collection loses its link syntax.
- `figure_text(text)`: a string inside a plotly figure (titles, labels, hover text,
  annotations: plotly.js renders a subset of HTML there): escaped as `esc` does, except
  the few formatting tags the charts' own code writes (`<br>`, `<b>`, `<extra>`, a span
  with a plain style), which carry no attribute a script could hide in.
  `inert_figure(fig)` applies it to every string of a figure; `style.show` calls it, so
  figure code passes raw text and never escapes it itself.
- `Linked`: a table cell of plain text and links ([text](url) pairs): its plain value is
  the text alone; `html()` escapes every part and makes a link only of an http(s) address
  (any other target is shown as text), so a cell can carry a link without carrying markup.
"""

from __future__ import annotations

import html as _html
import re

_ENTITY_START = re.compile(r"&(?=[#A-Za-z])")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_SAFE_SCHEMES = {"http", "https", "mailto"}
# Links: [text](target ...) and reference definitions ('[label]: target' on a line of its own).
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^( {0,3})\[([^\]\n]*)\]:[ \t]*<?(\S*)", re.MULTILINE)
_SCHEME = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.\-]*)\s*:")
# Formatting tags the chart code itself writes; anything else in a figure string is text.
_FIGURE_TAGS = re.compile(r"<br>|</?(?:b|i|sup|sub|extra)>|<span style='[a-z0-9:;#.\- ]*'>|</span>")


def _inert(text: str) -> str:
    return _ENTITY_START.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


def esc(text) -> str:
    """One value from the data, for Markdown or HTML: no markup, no entity, no link syntax."""
    return _inert(str(text)).replace("[", "&#91;").replace("]", "&#93;")


def _unsafe(target: str) -> bool:
    scheme = _SCHEME.match(target)
    return bool(scheme) and scheme.group(1).lower() not in _SAFE_SCHEMES


def markdown(text: str) -> str:
    """Prose for `nb.md`: raw HTML escaped, links to unsafe schemes unlinked (see above)."""
    text = _TAG_START.sub("&lt;", str(text))
    text = _INLINE_LINK.sub(lambda m: ("&#93;(" + m.group(1)) if _unsafe(m.group(1)) else m.group(0), text)
    return _REFERENCE.sub(
        lambda m: (m.group(1) + "&#91;" + m.group(2) + "&#93;: " + m.group(3)) if _unsafe(m.group(3)) else m.group(0),
        text,
    )


class Linked(str):
    """A table cell holding links. Build it from parts: plain strings and (text, url) pairs.
    As a string it is the text alone (what a search or a length test sees); `html()` is the
    cell's HTML, every part escaped and each pair an <a> only when its url is http(s)."""

    parts: tuple

    def __new__(cls, *parts):
        plain = "".join(p if isinstance(p, str) else str(p[0]) for p in parts)
        obj = super().__new__(cls, plain)
        obj.parts = tuple(parts)
        return obj

    def html(self) -> str:
        out = []
        for p in self.parts:
            if isinstance(p, str):
                out.append(_html.escape(p))
                continue
            text, url = str(p[0]), str(p[1])
            scheme = _SCHEME.match(url)
            if scheme and scheme.group(1).lower() in ("http", "https") and not any(c.isspace() for c in url):
                out.append(f'<a href="{_html.escape(url, quote=True)}">{_html.escape(text)}</a>')
            else:
                out.append(_html.escape(text))
        return "".join(out)


def figure_text(text: str) -> str:
    """A string for a plotly figure: escaped, except the chart code's own formatting tags."""
    parts, last = [], 0
    for tag in _FIGURE_TAGS.finditer(text):
        parts += [_inert(text[last : tag.start()]), tag.group(0)]
        last = tag.end()
    parts.append(_inert(text[last:]))
    return "".join(parts)


def _walk(value):
    import numpy as np

    if isinstance(value, str):
        return figure_text(value)
    if isinstance(value, dict):
        return {k: (v if k == "template" else _walk(v)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_walk(v) for v in value)
    if isinstance(value, np.ndarray) and value.dtype.kind in "OU":
        out = np.empty(value.shape, dtype=object)
        for index, v in np.ndenumerate(value):
            out[index] = _walk(v)
        return out
    return value


def inert_figure(fig):
    """The figure with every string of its data and layout passed through `figure_text`
    (plotly's own template, which holds no data, is left alone)."""
    import plotly.graph_objects as go

    return go.Figure(_walk(fig.to_plotly_json()))
