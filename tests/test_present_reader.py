"""iacc2016.present.reader: what a table shows a reader, on hand-built frames."""

from __future__ import annotations

import pandas as pd

from conftest import ROOT
from iacc2016.data.schema import load_package
from iacc2016.present.markup import Linked
from iacc2016.present.reader import code_labels, reader_frame, reader_html

LABELS = {"differ_in_precision": "Differ only in precision", "iacc": "The coalition", "yes": "Present"}


def test_codes_become_labels_ids_go_and_the_default_index_is_dropped():
    frame = pd.DataFrame(
        {
            "claim_id": ["c01", "c02"],
            "verdict": ["differ_in_precision", "differ_in_precision"],
            "side": ["iacc", "other"],  # 'other' has no label here: the column is not all codes
            "count_in_group": [3, 4],
        }
    )
    shown = reader_frame(frame, LABELS)
    # By hand: claim_id dropped; the verdict column holds only codes, so both are labelled;
    # 'side' holds a non-code, so only a value with '_' would be labelled (none here).
    assert list(shown.columns) == ["verdict", "side", "count in group"]
    assert shown.to_dict("list") == {
        "verdict": ["Differ only in precision"] * 2,
        "side": ["iacc", "other"],
        "count in group": ["3", "4"],
    }


def test_floats_booleans_and_gaps_read_as_a_person_would_write_them():
    frame = pd.DataFrame({"value": [16100000.0, 6.50199, 30.0, None], "self-reported": [True, False, True, True]})
    shown = reader_frame(frame, LABELS)
    # 16,100,000 has separators from 10,000; 6.50199 rounds to four decimals (6.5020 -> 6.502);
    # 30.0 loses its '.0'; a gap is blank; booleans read Yes/No.
    assert list(shown["value"]) == ["16,100,000", "6.502", "30", ""]
    assert list(shown["self-reported"]) == ["Yes", "No", "Yes", "Yes"]


def test_a_meaningful_index_becomes_a_column_and_the_html_is_whole_and_escaped():
    long = "x" * 300 + " <b>"
    frame = pd.DataFrame({"note": [long]}, index=pd.Index(["iacc"], name="side"))
    html = reader_html(frame, LABELS)
    assert "<th>side</th>" in html and "<td>The coalition</td>" in html
    assert ("x" * 300 + " &lt;b&gt;") in html and "..." not in html
    assert "<th></th>" not in html  # no row-number column


def test_a_linked_cell_links_its_web_parts_only_and_escapes_every_part():
    cell = Linked(("in ", None), ("CNBC <b>", "https://example.org/a?b=1&c=2"), (", ", None), ("x", "javascript:1"))
    frame = pd.DataFrame({"carried by": [cell]})
    # The frame shows the plain text; the HTML links the https part only, every text escaped.
    assert list(reader_frame(frame, LABELS)["carried by"]) == ["in CNBC <b>, x"]
    html = reader_html(frame, LABELS)
    assert '<td>in <a href="https://example.org/a?b=1&amp;c=2">CNBC &lt;b&gt;</a>, x</td>' in html
    assert "javascript" not in html


def test_a_code_whose_short_name_is_itself_still_marks_a_column_of_codes():
    labels = code_labels(load_package(ROOT / "data"))
    # quotes.kind: 'paraphrase' is its own short name; 'direct' reads 'quote'. Without the
    # identity entry the column would not be all codes, and 'direct' would show raw.
    assert labels["paraphrase"] == "paraphrase"
    shown = reader_frame(pd.DataFrame({"kind": ["direct", "paraphrase"]}), labels)
    assert list(shown["kind"]) == ["quote", "paraphrase"]
