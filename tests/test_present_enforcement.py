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


def test_overview_and_02_give_one_count_of_enforcement_figures():
    # Read by hand from figures.csv: 8 rows concern Alibaba's enforcement (7 self-reported
    # by Alibaba or Zheng, plus CNBC's dollar conversion of the 816 million yuan); the
    # conversion is the same quantity again and "30 years" a span, so 6 measures.
    data = iacc2016.load()
    words = enforcement.count_words(data)
    assert words.startswith("Of the 13 figures, 8 concern Alibaba's enforcement: 6 measures of it, 1 of them")
    assert "8 figures about Alibaba's enforcement**: 6 measures of it" in enforcement.findings(data)


def test_no_record_cell_is_blank_and_a_claimants_own_figure_is_confirmed_as_theirs():
    data = iacc2016.load()
    table = enforcement.figures_table(data)
    cells = dict(zip(table["figure"], table["the public record (not from the articles)"], strict=True))
    text = {k: "".join(p[0] for p in v.parts) if isinstance(v, Linked) else v for k, v in cells.items()}
    assert all(text.values())
    assert text["Value of counterfeit goods seized: $125.5 million"].startswith("Not checked separately")
    assert text["Years of offline operations Alibaba compares itself with: 30 years"] == "Not checked"
    # rc-011 (record_checks.csv): confirmed by the joint release of the claimants themselves.
    assert text["Infringing product listings removed: more than 180,000"].startswith(
        "Confirmed as the claimants' own figure, as the record gives it:"
    )


def test_a_fragment_is_shown_in_its_sentence_and_slips_are_marked():
    data = iacc2016.load()
    words = " ".join(enforcement_voice.passages(data, alibaba=False)["their words"])
    # The Fashion Law: Sarfati-Sobreira's quote begins mid-sentence; evidence ev-0103 holds it.
    assert "said her members were still waiting for “convincing results further" in words
    alibaba = " ".join(enforcement_voice.passages(data, alibaba=True)["their words"])
    assert "is devoted itself [sic]" in alibaba
    assert "are Alibaba's own" not in enforcement.findings(data)
