"""present.enforcement and present.enforcement_voice: notebook 02's tables as a reader
meets them, on the real tables, with answers read by hand from data/*.csv."""

from __future__ import annotations

import iacc2016
from iacc2016.analysis.enforcement import enforcement_figures
from iacc2016.present import enforcement, enforcement_voice
from iacc2016.present.codebook import side_names
from iacc2016.present.markup import Linked


def test_each_figure_stands_in_its_sentence_and_links_its_article():
    data = iacc2016.load()
    table = enforcement.figures_table(data)
    figs = enforcement_figures(data)
    assert len(table) == len(figs)
    urls = set(data.sources["url"])
    for _, row in table.iterrows():
        printed = row["figure"].split(": ", 1)[1]
        # The article's words hold the printed number ('nearly 5,000' in its sentence).
        assert printed in row["the article's words"], row["figure"]
        cell = row["claimed by, in"]
        assert isinstance(cell, Linked) and any(isinstance(p, tuple) and p[1] in urls for p in cell.parts), row[
            "figure"
        ]
    # The span of years (30 years) is listed last: a length of time, not a measure.
    assert table["figure"].iloc[-1].endswith("30 years")


def test_the_claimant_is_named_as_the_article_names_it():
    data = iacc2016.load()
    table = enforcement.figures_table(data)
    cells = dict(zip(table["figure"], table["claimed by, in"], strict=True))
    # Fashionista's 'the company' (quotes.csv, q-001-05) stays visible; Zheng is Alibaba's
    # (members.csv: parent alibaba, first alias 'Alibaba'); CNBC's conversion has no claimant.
    assert cells["Money spent fighting counterfeits: $16.1 million"].startswith("Alibaba ('the company'), in ")
    assert cells["Suspects the police caught: 300"].startswith("Zheng Junfang (Alibaba), in ")
    assert cells["Value of counterfeit goods seized: $125.5 million"].startswith("no one named")


def test_no_record_cell_converts_a_figure_of_its_own():
    # The notebook says we convert no figure: the record column may compare the article's own
    # conversion with the record, never one of ours.
    data = iacc2016.load()
    record = " ".join(str(c) for c in enforcement.figures_table(data)["the public record (not from the articles)"])
    assert "our arithmetic" not in record and "central parity" not in record


def test_sides_are_named_as_the_chart_names_them():
    data = iacc2016.load()
    names = set(side_names(data).values())
    shown = set(enforcement_voice.passages(data, alibaba=False)["side"])
    # 'Others' in the chart, never another field's label for the code 'other'.
    assert shown <= names and "Others" in shown
    assert set(enforcement_voice.by_article(data).columns[1:]) <= names


def test_the_words_per_article_add_up_to_the_chart():
    data = iacc2016.load()
    table = enforcement_voice.by_article(data)
    voice = enforcement.enforcement_voice(data).set_index("side")
    alibaba = sum(int(c.split(" word")[0]) for c in table["Alibaba"] if c)
    assert alibaba == voice.loc["alibaba", "words"]
