"""Whatever lands in a CSV, the loader either returns a typed table or raises the
project's own DataValidationError: never a bare exception (property-based, hypothesis)."""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from pathlib import Path

import pytest

from conftest import DATA
from iacc2016.data.load import load_tables, read_table
from iacc2016.data.problems import DataValidationError
from iacc2016.data.schema import load_package

# Starts real processes (or many generated cases): `make robustness`, run by CI, not `make test`.
pytestmark = pytest.mark.robustness

PACKAGE = load_package(DATA)
EVENTS = PACKAGE.resource("events")
# hypothesis is imported by the tests that use it, not at the top: every test worker collects
# this file (the import costs about a second), and only the worker that runs them pays.


def hypothesis_tools():
    """given, strategies and the settings of every property here."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    # 30 examples per property: each shrinks to a minimal failing file when one fails; a hundred
    # cost a third of the unit-test time.
    return given, st, settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def cells(st):
    return st.one_of(
        st.text(max_size=30),
        st.sampled_from(
            [
                "",
                " ",
                "2016-05-13",
                "13/05/2016",
                "2016-02-30",
                "day",
                "leave",
                "alibaba",
                "iacc",
                "true",
                "=1+1",
                "-",
                "\ufeff",
                "a,b",
                'a"b',
                "x\ny",
                "\r\n",
                "1e309",
                "NaN",
                "None",
            ]
        ),
    )


def attempt(write) -> None:
    """Load events.csv after `write(path)` has put something there."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(DATA, folder)
        write(folder / "events.csv")
        try:
            frame = read_table("events", folder, PACKAGE)
            assert list(frame.columns) == EVENTS.field_names
            load_tables(folder)
        except DataValidationError as exc:
            assert exc.problems, "an error without problems"
            for p in exc.problems:
                assert p.file and p.message


def test_random_bytes():
    given, st, settings = hypothesis_tools()

    @settings
    @given(st.binary(max_size=2000))
    def check(blob):
        attempt(lambda path: path.write_bytes(blob))

    check()


def test_random_rows_under_the_right_header():
    given, st, settings = hypothesis_tools()

    @settings
    @given(st.lists(st.lists(cells(st), min_size=len(EVENTS.fields), max_size=len(EVENTS.fields)), max_size=6))
    def check(rows):
        def write(path):
            buf = io.StringIO()
            csv.writer(buf, lineterminator="\n").writerows([EVENTS.field_names, *rows])
            path.write_text(buf.getvalue(), encoding="utf-8")

        attempt(write)

    check()


def test_random_headers_and_ragged_rows():
    given, st, settings = hypothesis_tools()

    @settings
    @given(
        st.lists(st.sampled_from(EVENTS.field_names + ["extra", " event_id", ""]), max_size=18),
        st.lists(st.lists(cells(st), max_size=18), max_size=4),
    )
    def check(header, rows):
        def write(path):
            buf = io.StringIO()
            csv.writer(buf, lineterminator="\n").writerows([header, *rows])
            path.write_text(buf.getvalue(), encoding="utf-8")

        attempt(write)

    check()


def test_committed_table_with_bytes_spliced_in():
    given, st, settings = hypothesis_tools()

    @settings
    @given(st.integers(min_value=1, max_value=400), st.binary(min_size=1, max_size=8))
    def check(offset, junk):
        def write(path):
            raw = (DATA / "events.csv").read_bytes()
            at = offset % len(raw)
            path.write_bytes(raw[:at] + junk + raw[at:])

        attempt(write)

    check()
