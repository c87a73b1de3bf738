"""Bad input gets a clear `file:row:column: what is wrong`, a non-zero exit, no traceback,
and no file changes: one test per kind of damage a hand edit or a spreadsheet can do."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from conftest import DATA, read_rows, row_of, set_cell, validate_fails, write_rows
from iacc2016.data.load import load_tables, read_table
from iacc2016.data.problems import DataValidationError

EVENTS = "events.csv"
SOME_EVENT = "gucci-leaves-iacc"


def problems_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataValidationError) as info:
        load_tables(data_dir)
    return [str(p) for p in info.value.problems]


def assert_reported(data_dir: Path, expected: str) -> None:
    """In process and through the CLI: the message is there, exit 1, no traceback, no writes."""
    messages = problems_of(data_dir)
    assert any(expected in m for m in messages), messages
    validate_fails(data_dir, expected)


def test_empty_file(data_copy):
    (data_copy / EVENTS).write_bytes(b"")
    assert_reported(data_copy, "events.csv: file is empty")


def test_missing_column(data_copy):
    rows = read_rows(data_copy / EVENTS)
    i = rows[0].index("summary")
    write_rows(data_copy / EVENTS, [r[:i] + r[i + 1 :] for r in rows])
    assert_reported(data_copy, "events.csv:1:summary: missing column")


def test_renamed_column(data_copy):
    rows = read_rows(data_copy / EVENTS)
    rows[0][rows[0].index("summary")] = "Summary"
    write_rows(data_copy / EVENTS, rows)
    assert_reported(data_copy, "events.csv:1:Summary: unexpected column")
    assert any("events.csv:1:summary: missing column" in m for m in problems_of(data_copy))


def test_extra_column(data_copy):
    rows = read_rows(data_copy / EVENTS)
    write_rows(data_copy / EVENTS, [r + (["notes"] if n == 0 else [""]) for n, r in enumerate(rows)])
    assert_reported(data_copy, "events.csv:1:notes: unexpected column")


def test_wrong_delimiter(data_copy):
    write_rows(data_copy / EVENTS, read_rows(data_copy / EVENTS), delimiter=";")
    assert_reported(data_copy, "events.csv:1: columns are separated by semicolons; expected commas")


def test_a_byte_order_mark_is_accepted_on_read(data_copy):
    """Excel's "CSV UTF-8" starts the file with a byte-order mark: the file reads as if it had
    none, in our loader and in the Frictionless reference validator alike."""
    import frictionless

    path = data_copy / EVENTS
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with_bom, without = load_tables(data_copy)["events"], load_tables(DATA)["events"]
    pd.testing.assert_frame_equal(with_bom, without)
    assert list(with_bom.columns)[0] == "event_id"  # not "\ufeffevent_id"
    assert frictionless.validate(str(data_copy / "datapackage.json")).valid


def test_what_we_write_has_no_byte_order_mark(data_copy, articles_dir):
    """`make features` rewrites a derived file that came with a BOM without one."""
    path = data_copy / "derived" / "sources_text.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    set_cell(path, "002_f37cb6e8455b08bd", "body_word_count", "")
    from iacc2016.derive import features

    assert "derived/sources_text.csv" in features.write(data_copy, articles_dir)
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert path.read_bytes() == (DATA / "derived" / "sources_text.csv").read_bytes()


def test_windows_line_endings_are_accepted(data_copy):
    path = data_copy / EVENTS
    write_rows(path, read_rows(path), lineterminator="\r\n")
    assert b"\r\n" in path.read_bytes()
    crlf = read_table("events", data_copy)
    lf = read_table("events", Path(__file__).resolve().parent.parent / "data")
    assert crlf.equals(lf)


def test_bytes_that_are_not_utf8(data_copy):
    path = data_copy / EVENTS
    row = set_cell(path, SOME_EVENT, "summary", "Gucci quits MARKER")
    path.write_bytes(path.read_bytes().replace(b"MARKER", b"caf\xe9"))
    assert_reported(data_copy, f"events.csv:{row}:summary: holds bytes that are not UTF-8")


def test_date_in_another_format(data_copy):
    row = set_cell(data_copy / EVENTS, SOME_EVENT, "date_start", "20/04/2016")
    assert_reported(data_copy, f"events.csv:{row}:date_start: '20/04/2016' is not a date in YYYY-MM-DD form")


def test_impossible_date(data_copy):
    row = set_cell(data_copy / EVENTS, SOME_EVENT, "date_end", "2016-04-31")
    assert_reported(data_copy, f"events.csv:{row}:date_end: '2016-04-31' is not a date in YYYY-MM-DD form")


def test_inverted_interval(data_copy):
    row = set_cell(data_copy / EVENTS, SOME_EVENT, "date_end", "2016-04-01")
    assert_reported(
        data_copy, f"events.csv:{row}:date_end: 2016-04-01 is before date_start 2016-04-27 (inverted interval)"
    )


def test_duplicate_id(data_copy):
    row = set_cell(data_copy / EVENTS, "tiffany-leaves-iacc", "event_id", SOME_EVENT)
    first = row_of(data_copy / EVENTS, SOME_EVENT)
    lo, hi = sorted([row, first])
    assert_reported(data_copy, f"events.csv:{hi}:event_id: duplicate value '{SOME_EVENT}' (first on row {lo})")


def test_reference_to_unknown_id(data_copy):
    row = set_cell(data_copy / EVENTS, SOME_EVENT, "actor_id", "gucci-group")
    assert_reported(data_copy, f"events.csv:{row}:actor_id: 'gucci-group' is not a member_id in members.csv")


def test_value_outside_enum(data_copy):
    row = set_cell(data_copy / EVENTS, SOME_EVENT, "action", "quit")
    assert_reported(data_copy, f"events.csv:{row}:action: 'quit' is not one of the allowed values")


@pytest.mark.parametrize("url", ["ftp://example.org/a", "data:text/html,hello", "https://exa mple.org/a"])
def test_an_address_that_is_not_a_web_address(data_copy, url):
    """Frictionless's own `uri` format takes all three; the descriptor's pattern does not."""
    row = set_cell(data_copy / "sources.csv", "004_2cb0b116d606e9df", "url", url)
    assert_reported(data_copy, f"sources.csv:{row}:url: {url!r} is not a web address (http:// or https://)")


def test_spaces_around_an_id(data_copy):
    row = set_cell(data_copy / EVENTS, SOME_EVENT, "event_id", f"{SOME_EVENT} ")
    assert_reported(data_copy, f"events.csv:{row}:event_id: '{SOME_EVENT} ' has leading or trailing spaces")


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@"])
def test_cell_a_spreadsheet_would_run_as_formula(data_copy, prefix):
    row = set_cell(data_copy / EVENTS, SOME_EVENT, "summary", f'{prefix}HYPERLINK("http://example.com")')
    assert_reported(
        data_copy, f"events.csv:{row}:summary: starts with '{prefix}', which a spreadsheet would run as a formula"
    )


def test_very_long_cell(data_copy):
    row = set_cell(data_copy / EVENTS, SOME_EVENT, "summary", "x" * 20000)
    assert_reported(data_copy, f"events.csv:{row}:summary: cell is 20000 characters long; the limit is 300")


def test_row_with_a_stray_comma(data_copy):
    path = data_copy / EVENTS
    rows = read_rows(path)
    width = len(rows[0])
    rows[3] = rows[3] + ["stray"]
    write_rows(path, rows)
    assert_reported(data_copy, f"events.csv:4: has {width + 1} cells, expected {width}")


@pytest.mark.robustness
def test_hundred_thousand_rows_are_checked_to_the_last_row(data_copy):
    """A large file is read in full and an error in its last row is placed exactly.
    (How long this takes is measured by `make bench`, not asserted here.)"""
    path = data_copy / "evidence.csv"
    rows = read_rows(path)
    header, body = rows[0], rows[1:]
    big = [header] + [[f"ev-{i + 1:06d}", *body[i % len(body)][1:]] for i in range(100_000)]
    big[-1][3] = "no-such-article"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(big)
    path.write_text(buf.getvalue(), encoding="utf-8")
    # In process only: the command line prints the same problems (every other test shows it).
    assert "evidence.csv:100001:source_id: 'no-such-article' is not a source_id in sources.csv" in problems_of(
        data_copy
    )
