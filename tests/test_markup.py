"""Issue 21: markup in the data never reaches an output live. The loader refuses markup in
text cells (tests/test_bad_input.py); these tests go round it, putting hostile text into
the tables in memory or straight into the present functions, and check what a notebook
would store: its Markdown, its HTML tables, its plotly figures, and an HTML export."""

from __future__ import annotations

import json
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from iacc2016 import settings
from iacc2016.present import markup, story, story_charts, style
from iacc2016.present import notebook as nb

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[link](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    "&lt;script&gt;",  # an entity that a renderer would turn back into a tag's text
]
# A live tag: any tag but the chart code's own formatting tags; a link to a script.
LIVE = re.compile(r"<(?!br>|/?(?:b|i|sup|sub|extra)>|span style='[a-z0-9:;#.\- ]*'>|/span>)[A-Za-z/!?]")
SCRIPT_LINK = re.compile(r"\]\(\s*<?\s*javascript:", re.IGNORECASE)  # a Markdown link to a script
# The table markup reader_html itself writes.
TABLE_TAGS = re.compile(r'</?(?:table|thead|tbody|tr|th|td)(?: class="dataframe")?(?: style="text-align: left")?>')


def live(text: str) -> list[str]:
    """Live tags, and Markdown links to a script."""
    return [m.group(0) for m in LIVE.finditer(text)] + [m.group(0) for m in SCRIPT_LINK.finditer(text)]


def live_html(text: str) -> list[str]:
    """Live tags other than the table's own (Markdown syntax is text in HTML and in plotly)."""
    return [m.group(0) for m in LIVE.finditer(TABLE_TAGS.sub("", text))]


@pytest.fixture
def shown(monkeypatch):
    """What nb.md / nb.table / charts.show hand to the notebook, in order."""
    out: list = []
    monkeypatch.setattr(nb, "display", lambda obj: out.append(obj.data))
    monkeypatch.setattr(go.Figure, "show", lambda fig, **kw: out.append(json.loads(fig.to_json())))
    monkeypatch.setattr(style, "save_chart_data", lambda name, data: None)
    return out


@pytest.mark.parametrize("bad", HOSTILE)
def test_one_value_is_inert_in_markdown_and_html(bad):
    assert not live(markup.esc(bad)), markup.esc(bad)
    assert "[" not in markup.esc(bad) and "<" not in markup.esc(bad)
    assert markup.esc("Tiffany & Co.") == "Tiffany & Co."  # a lone '&' is literal everywhere
    assert "&lt;" not in markup.esc("&lt;script&gt;")  # an entity stays text: shown as '&lt;script&gt;'


@pytest.mark.parametrize("bad", HOSTILE)
def test_prose_shown_by_nb_md_carries_no_live_tag(shown, bad):
    nb.md(f"**{len(bad)}** brands left ({bad}); see [the overview](00-overview.ipynb) and [a page](https://a.org/x)")
    assert not live(shown[0]), shown[0]
    assert "[the overview](00-overview.ipynb)" in shown[0] and "[a page](https://a.org/x)" in shown[0]


def test_a_reference_link_to_a_script_is_unlinked(shown):
    nb.md("see [x]\n\n[x]: javascript:alert(1)")
    assert "[x]: javascript" not in shown[0]


def hostile_data(name: str) -> nb.Data:
    """The real tables, with one brand that left renamed in memory (past the loader)."""
    data = nb.Data.load(settings.data_dir())
    leaver = story.departures(data)["member_id"].iloc[0]
    data.members.loc[data.members["member_id"] == leaver, "name"] = name
    return data


@pytest.mark.parametrize("bad", HOSTILE[:3])
def test_a_member_name_with_markup_reaches_no_output_live(shown, bad):
    data = hostile_data(bad)
    assert not live(story.overview_summary(data))  # the name went in escaped, before nb.md's own check
    nb.md(story.overview_summary(data))
    nb.table(story.departures(data))
    fig, chart_data = story_charts.departures_chart(data, title=f"Departures incl. {bad}", source="test")
    style.show(fig, "x", chart_data)
    markdown, html, figure = shown
    assert not live(markdown), markdown
    assert not live_html(html), html
    text = json.dumps(figure)
    assert not live_html(text), [s for s in re.findall(r'"[^"]*(?:<|javascript)[^"]*"', text)]
    assert "&lt;" in text or "javascript" in bad  # the name is there, as text


def test_figure_strings_keep_the_charts_own_formatting(shown):
    bad = HOSTILE[0]
    fig = go.Figure(
        go.Bar(
            y=[bad, "plain"],
            x=[1, 2],
            text=[bad, "t"],
            customdata=[[bad], ["c"]],
            name=bad,
            hovertemplate="%{y}: %{customdata[0]}<extra></extra>",
        )
    )
    fig.update_yaxes(categoryorder="array", categoryarray=[bad, "plain"])
    style.finish(fig, f"Title {bad}", "a source", note="line one")
    style.show(fig, "x", pd.DataFrame())
    figure = shown[0]
    text = json.dumps(figure)
    assert not live(text)
    bar = figure["data"][0]
    assert list(bar["y"]) == list(figure["layout"]["yaxis"]["categoryarray"])  # still the same categories
    assert "<br>" in figure["layout"]["annotations"][-1]["text"]  # the source line's own break
    assert bar["hovertemplate"].endswith("</extra>")


@pytest.mark.robustness
def test_an_html_export_of_a_notebook_built_from_hostile_data_runs_nothing(shown):
    """The notebook as nbconvert exports it to HTML (what a reader downloads or a site
    publishes): the outputs of hostile data hold no live tag."""
    import nbformat
    from nbconvert import HTMLExporter

    bad = HOSTILE[0] + HOSTILE[1]
    data = hostile_data(bad)
    nb.md(story.overview_summary(data))
    nb.table(story.departures(data))
    fig, chart_data = story_charts.departures_chart(data, title="Departures", source="test")
    style.show(fig, "x", chart_data)
    markdown, html, figure = shown
    book = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output("display_data", {"text/markdown": markdown, "text/plain": ""}),
        nbformat.v4.new_output("display_data", {"text/html": html, "text/plain": ""}),
        nbformat.v4.new_output("display_data", {"application/vnd.plotly.v1+json": figure, "text/plain": ""}),
    ]
    book.cells = [cell]
    body, _ = HTMLExporter().from_notebook_node(book)
    assert "<img src=x" not in body and "<script>alert" not in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body  # shown, as text


@pytest.mark.parametrize("bad", HOSTILE[:3])
def test_the_sources_list_escapes_headlines_and_outlets(shown, monkeypatch, bad):
    data = nb.Data.load(settings.data_dir())
    data.sources.loc[data.sources.index[0], "headline"] = bad
    data.sources.loc[data.sources.index[1], "outlet"] = bad
    lines = []
    monkeypatch.setattr(markup, "markdown", lambda text: lines.append(text) or text)  # before nb.md's check
    nb.sources(data)
    assert not live(lines[0]), lines[0]
