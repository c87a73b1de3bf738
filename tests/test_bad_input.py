"""Issue 21: malformed input an adversary would try is reported with its place, exit 1
(never the internal-error code 3), no traceback, no absolute path, and nothing changed."""

from __future__ import annotations

import json
import os

import pytest

from conftest import read_rows, run_cli, set_cell, snapshot, write_rows

SOME_EVENT = "gucci-leaves-iacc"


def reported(data_dir, expected: str) -> str:
    before = snapshot(data_dir)
    result = run_cli("validate", "--data", str(data_dir), "--no-articles")
    assert result.returncode == 1, result.stdout + result.stderr
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert str(data_dir) not in result.stderr, "an absolute path reached the message"
    assert snapshot(data_dir) == before
    return result.stderr


def edit_descriptor(data_dir, change) -> None:
    path = data_dir / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor), encoding="utf-8")


def events_resource(descriptor) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == "events")


def test_an_integer_too_large_for_int64(data_copy):
    path = data_copy / "quotes.csv"
    rows = read_rows(path)
    rows[1][rows[0].index("sequence")] = "99999999999999999999"
    write_rows(path, rows)
    reported(data_copy, "quotes.csv:2:sequence: 99999999999999999999 is too large for a whole number")


def test_a_misspelled_field_type(data_copy):
    edit_descriptor(data_copy, lambda d: events_resource(d)["schema"]["fields"][1].update(type="strnig"))
    reported(data_copy, "datapackage.json: resource 'events', field 'date_start': unknown type 'strnig'")


def test_an_empty_resource_list(data_copy):
    edit_descriptor(data_copy, lambda d: d.update(resources=[]))
    reported(data_copy, "datapackage.json: lists no resources")


@pytest.mark.parametrize(
    ("value", "name"),
    [("a\x00b", "U+0000 NUL"), ("red \x1b[31malert", "U+001B ESC"), ("ding\x07", "U+0007 BEL"), ("a\u202eb", "U+202E")],
)
def test_control_characters_are_refused(data_copy, value, name):
    row = set_cell(data_copy / "events.csv", SOME_EVENT, "summary", value)
    reported(data_copy, f"events.csv:{row}:summary: holds a control character ({name}")


def test_a_whitespace_only_required_value(data_copy):
    row = set_cell(data_copy / "events.csv", SOME_EVENT, "summary", "   ")
    reported(data_copy, f"events.csv:{row}:summary: holds only whitespace (it is required)")


@pytest.mark.parametrize("lead", ["\t", " ", "  \t"])
def test_the_formula_check_is_not_bypassed_by_leading_whitespace(data_copy, lead):
    row = set_cell(data_copy / "events.csv", SOME_EVENT, "summary", f'{lead}=HYPERLINK("http://example.com")')
    reported(data_copy, f"events.csv:{row}:summary: starts with '=', which a spreadsheet would run as a formula")


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("summary", "<script>alert(1)</script>"),
        ("summary", "see <img src=x onerror=alert(1)>"),
        ("summary", "a <b>bold</b> claim"),
        ("summary", 'x" onmouseover="alert(1)'),
        ("label", "javascript:alert(1)"),
    ],
)
def test_markup_in_a_text_column_is_refused(data_copy, column, value):
    row = set_cell(data_copy / "events.csv", SOME_EVENT, column, value)
    reported(data_copy, f"events.csv:{row}:{column}: holds markup")


def test_unbalanced_quotes_name_the_row(data_copy):
    path = data_copy / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = '"' + lines[4]  # row 5 opens a quote nothing closes
    path.write_text("".join(lines), encoding="utf-8")
    reported(data_copy, "events.csv:5: a quote")  # never closed, or closed mid-cell: the row is named


def test_a_cell_over_the_csv_field_limit_names_the_row(data_copy):
    row = set_cell(data_copy / "events.csv", SOME_EVENT, "summary", "x" * 200_000)
    reported(data_copy, f"events.csv:{row}: a cell is over 131072 characters long")


def test_a_binary_file(data_copy):
    (data_copy / "events.csv").write_bytes(bytes(range(256)) * 40)
    reported(data_copy, "events.csv:1: is binary data, not CSV text")


def test_a_utf16_file_names_the_encoding(data_copy):
    path = data_copy / "events.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    reported(data_copy, "events.csv: file is UTF-16 encoded; save it as UTF-8 (encoding)")


def test_a_utf16_file_without_byte_order_mark(data_copy):
    path = data_copy / "events.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16-le"))
    reported(data_copy, "events.csv: file looks UTF-16 encoded")


def test_a_symlink_loop_is_not_a_missing_file(data_copy):
    (data_copy / "events.csv").unlink()
    os.symlink("events.csv", data_copy / "events.csv")
    reported(data_copy, "events.csv: is a symbolic link loop")


def test_a_resource_path_outside_the_data_folder_is_refused_unread(data_copy):
    edit_descriptor(data_copy, lambda d: events_resource(d).update(path="../../../../../etc/passwd"))
    err = reported(data_copy, "path '../../../../../etc/passwd' leads outside its folder; refused, nothing read")
    assert "root:" not in err


def test_a_resource_symlinked_outside_the_data_folder_is_refused(data_copy, tmp_path):
    outside = tmp_path / "outside.csv"
    (data_copy / "events.csv").rename(outside)
    os.symlink(outside, data_copy / "events.csv")
    reported(data_copy, "'events.csv' resolves outside its folder")


def test_seed_file_traversal_is_refused_by_code(data_copy, articles_dir):
    """Even with the descriptor's pattern removed, the loader refuses a climbing name."""

    def drop_pattern(d):
        sources = next(r for r in d["resources"] if r["name"] == "sources")
        for f in sources["schema"]["fields"]:
            if f["name"] == "seed_file":
                f.get("constraints", {}).pop("pattern", None)

    edit_descriptor(data_copy, drop_pattern)
    rows = read_rows(data_copy / "sources.csv")
    rows[1][rows[0].index("seed_file")] = "../../../../../etc/passwd"
    write_rows(data_copy / "sources.csv", rows)
    before = snapshot(data_copy)
    result = run_cli("validate", "--data", str(data_copy), "--articles", str(articles_dir))
    assert result.returncode == 1, result.stderr
    assert "sources.csv:2:seed_file: '../../../../../etc/passwd' leads outside its folder" in result.stderr
    assert "Traceback" not in result.stderr and "root:" not in result.stderr
    assert snapshot(data_copy) == before


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda f: (f.unlink(), os.symlink(f.name, f)), "is a symbolic link loop"),
        (lambda f: (f.unlink(), f.mkdir()), "is a folder, not a file"),
        (lambda f: f.write_bytes(b"caf\xe9\n"), "is not UTF-8 text"),
    ],
    ids=["symlink-loop", "folder", "not-utf8"],
)
def test_an_unreadable_article_says_why(data_copy, articles_dir, tmp_path, make, expected):
    """An article file that is a symbolic link loop, a folder or not UTF-8 is named with
    the reason (a loop read as "cannot be read as UTF-8 text (OSError)")."""
    import shutil

    folder = tmp_path / "articles"
    shutil.copytree(articles_dir, folder)
    first = read_rows(data_copy / "sources.csv")
    seed = first[1][first[0].index("seed_file")]
    make(folder / seed)
    result = run_cli("validate", "--data", str(data_copy), "--articles", str(folder))
    assert result.returncode == 1, result.stderr
    assert f"sources.csv:2:seed_file: '{seed}' in the article folder {expected}" in result.stderr
    assert "Traceback" not in result.stderr and str(tmp_path) not in result.stderr
