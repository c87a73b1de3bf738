"""present.record: notebook 05's tables as a reader meets them, on the real tables, with
answers counted by hand from data/record_checks.csv."""

from __future__ import annotations

import iacc2016
from iacc2016.present import record


def test_the_ratings_table_adds_up_and_uses_the_codebook_names():
    data = iacc2016.load()
    table = record.ratings_table(data)
    # Columns are the codebook's short names, never the codes.
    assert list(table.columns) == [
        "Outlet",
        "Confirmed",
        "Partly confirmed",
        "Contradicted",
        "Not found",
        "Statements checked",
    ]
    total = table.iloc[-1]
    assert total["Outlet"] == f"All {len(data.sources)} articles"
    # The total row is the sum of the outlets' rows, and equals the number of checks.
    assert total["Statements checked"] == table.iloc[:-1]["Statements checked"].sum() == len(data.record_checks)
    by_hand = data.record_checks["rating"].value_counts()
    assert total["Contradicted"] == by_hand.get("contradicted", 0)  # none since rc-069 was re-rated


def test_every_contradiction_shows_both_sides_and_the_address():
    data = iacc2016.load()
    table = record.contradictions_table(data)
    assert len(table) == int((data.record_checks["rating"] == "contradicted").sum())
    assert table.notna().all().all()
    # The record's side names its document as a link (never a raw address in the cell).
    cells = table["What the record says (its words)"]
    assert all('<a href="http' in c.html() for c in cells)
    assert not cells.astype(str).str.contains("http").any()


def test_markdown_from_the_data_is_escaped():
    assert record.esc("<script>x</script> [link](y)") == "&lt;script&gt;x&lt;/script&gt; &#91;link&#93;(y)"


def test_the_method_table_names_no_code():
    data = iacc2016.load()
    table = record.method_table(data)
    assert set(table["Does our interval hold it?"]) <= {"Holds it", "Misses it"}
    assert not table["Happening"].isna().any()


def test_the_not_found_table_carries_no_row_numbers():
    """A filtered frame keeps its old row labels; nb.table hides the index, but a
    reset_index() would show them as a column 'index' (31, 34, ...)."""
    data = iacc2016.load()
    table = record.not_found_table(data)
    assert list(table.index) == list(range(len(table)))
    assert "index" not in table.columns
