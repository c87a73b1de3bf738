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


def _rows(fig) -> dict[str, int]:
    return {label: i for i, label in enumerate(fig.layout.yaxis.ticktext)}


def test_a_happening_on_one_of_a_few_weekdays_is_ticks_not_a_bar(data, lead):
    """Gucci gave notice 'last Wednesday': one of three Wednesdays, never every day between."""
    fig, chart_data = lead
    gucci = _rows(fig)["Gucci leaves"]
    bars = [t for t in fig.data if isinstance(t, go.Bar) and points(t) and gucci in list(t.y)]
    assert not bars, "Gucci's notice is drawn as a bar over every day"
    ticks = [t for t in fig.data if isinstance(t, go.Scatter) and points(t) and list(t.y) == [gucci] * 3]
    assert len(ticks) == 1 and ticks[0].marker.symbol == "line-ns"
    row = chart_data.set_index("label").loc["Gucci leaves"]
    assert row["possible_days"] == "2016-04-27; 2016-05-04; 2016-05-11"  # three Wednesdays, by hand


def test_the_record_marks_sit_between_rows_so_no_article_mark_hides_them(lead):
    fig, _ = lead
    record = [t for t in fig.data if t.name == story_charts.RECORD_NAME and points(t)]
    assert record
    for t in record:
        assert all(abs(y - round(y)) > 0.3 for y in t.y), "a record mark sits on an article's row"
    articles = [t for t in fig.data if t.name != story_charts.RECORD_NAME and points(t)]
    assert all(float(y).is_integer() for t in articles for y in t.y)


def test_the_departures_chart_draws_ticks_for_a_weekday(data):
    fig, chart_data = story_charts.departures_chart(data, "t", "s")
    rows = _rows(fig)
    bars = [t for t in fig.data if isinstance(t, go.Bar)]
    assert rows["Gucci"] not in [y for t in bars for y in t.y]
    assert chart_data.set_index("who left").loc["Gucci", "possible days after admission"] == "14; 21; 28"
