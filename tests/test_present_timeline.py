"""The lead timeline (notebooks 00 and 01) and the house style's hover rule (issue 17):
one package call, the public record's dates beside the intervals they check, marked not
from the articles and drawn lighter than the articles' own marks, every trace with a
hover of its own, and no plotly fallback hover anywhere."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from iacc2016 import settings
from iacc2016.present import story_charts, style
from iacc2016.present.notebook import Data


def points(trace) -> bool:
    return any(v is not None for v in list(trace.x if trace.x is not None else []))


@pytest.fixture(scope="module")
def data():
    return Data.load(settings.data_dir())


@pytest.fixture(scope="module")
def lead(data):
    return story_charts.crisis_timeline(data)


def test_a_trace_with_points_and_no_hover_of_its_own_is_refused():
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4], name="points"))
    with pytest.raises(style.NoHoverOfItsOwn, match="points"):
        style.finish(fig, "A title", "a source")


def test_a_legend_only_key_is_taken_out_of_hovering():
    key = go.Scatter(x=[None], y=[None], name="key")
    style.own_hover(key)
    assert key.hoverinfo == "skip"


def test_every_trace_of_the_lead_timeline_has_its_own_hover(lead):
    fig, _ = lead
    for trace in fig.data:
        if points(trace):
            assert trace.hovertemplate, f"trace {trace.name!r} has no hover template"
        else:
            assert trace.hoverinfo == "skip"


def test_the_record_dates_are_marked_not_from_the_articles_and_drawn_lighter(lead):
    fig, chart_data = lead
    record = [t for t in fig.data if t.name == story_charts.RECORD_NAME and points(t)]
    articles = [t for t in fig.data if t.type == "scatter" and t.name != story_charts.RECORD_NAME and points(t)]
    assert record, "the lead timeline draws no record date"
    for t in record:
        assert "not from the articles" in t.hovertemplate
        assert t.showlegend is False
    # The articles' day marks are filled and larger; the record's are open and smaller.
    biggest_record = max(t.marker.size for t in record)
    assert all(t.marker.size > biggest_record for t in articles)
    assert all(t.marker.symbol in ("circle-open", "line-ns-open") for t in record)
    # One legend entry says so, and the chart data carries the record's dates.
    assert any(t.name == story_charts.RECORD_NAME and not points(t) and t.showlegend is not False for t in fig.data)
    assert chart_data["record_date_start"].notna().any()


def test_the_legend_comes_in_two_titled_groups(lead):
    fig, _ = lead
    keys = [t for t in fig.data if t.showlegend is not False]
    assert {t.legendgroup for t in keys} == {"whose", "how"}
    assert all(t.legendgrouptitle.text for t in keys)
    # The marks themselves are out of the legend: no entry per colour and ink.
    assert len(keys) <= 10 and not any(points(t) for t in keys)
