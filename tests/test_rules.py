"""Our rules run in one pass with the per-file checks, and the package grows without code
changes: a new table in the descriptor is loaded, a new rule is registered in one line."""

from __future__ import annotations

import json

import pytest

from conftest import row_of, set_cell, validate_fails
from iacc2016.data import rules
from iacc2016.data.load import load_tables
from iacc2016.data.problems import DataValidationError, Problem


def problems_of(data_dir) -> list[str]:
    with pytest.raises(DataValidationError) as info:
        load_tables(data_dir)
    return [str(p) for p in info.value.problems]


def test_a_foreign_key_error_is_reported_together_with_a_broken_cell(data_copy):
    """Before issue 16 the rules between tables ran only once every file was clean, so the
    broken key below stayed hidden until the date was fixed."""
    date_row = set_cell(data_copy / "events.csv", "gucci-leaves-iacc", "date_end", "2016-13-01")
    key_row = set_cell(data_copy / "members.csv", "gucci", "parent_id", "no-such-member")
    messages = problems_of(data_copy)
    assert f"events.csv:{date_row}:date_end: '2016-13-01' is not a date in YYYY-MM-DD form" in messages
    assert f"members.csv:{key_row}:parent_id: 'no-such-member' is not a member_id in members.csv" in messages
    validate_fails(data_copy, f"members.csv:{key_row}:parent_id: 'no-such-member' is not a member_id")


def test_a_new_table_in_the_descriptor_loads_without_code_changes(data_copy):
    descriptor = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"].append(
        {
            "name": "record_notes",
            "path": "record_notes.csv",
            "schema": {
                "fields": [
                    {"name": "note_id", "type": "string", "constraints": {"required": True}},
                    {"name": "source_id", "type": "string"},
                    {"name": "checked", "type": "date"},
                ],
                "primaryKey": ["note_id"],
                "foreignKeys": [
                    {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}}
                ],
            },
        }
    )
    (data_copy / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    csv_text = "note_id,source_id,checked\nn1,001_a6078441eae04fd6,2016-05-20\nn2,nowhere,2016-05-21\n"
    (data_copy / "record_notes.csv").write_text(csv_text, encoding="utf-8")
    # Typed from the descriptor, and its foreign key checked, with no code change.
    assert "record_notes.csv:3:source_id: 'nowhere' is not a source_id in sources.csv" in problems_of(data_copy)
    (data_copy / "record_notes.csv").write_text(csv_text.replace("nowhere", "001_a6078441eae04fd6"), encoding="utf-8")
    table = load_tables(data_copy)["record_notes"]
    assert str(table["checked"].dtype).startswith("datetime64")
    assert list(table["note_id"]) == ["n1", "n2"]


def test_a_registered_rule_runs_with_the_others(data_copy):
    def no_gucci(package, tables):
        return [
            Problem("members.csv", row_of(data_copy / "members.csv", "gucci"), "member_id", "a rule of our own")
            for _ in [0]
            if "gucci" in set(tables.get("members", {}).get("member_id", []))
        ]

    rules.register(no_gucci)
    try:
        assert any(m.endswith("member_id: a rule of our own") for m in problems_of(data_copy))
    finally:
        rules.RULES.remove(no_gucci)
    assert load_tables(data_copy)  # gone again once removed


def test_the_notebook_start_up_without_frictionless_still_stops_on_a_cell_it_cannot_type(data_copy):
    """Notebooks load without the descriptor's checks (`make validate` runs them first); a
    cell that cannot be typed still stops the load, with `make validate`'s own message."""
    row = set_cell(data_copy / "events.csv", "gucci-leaves-iacc", "date_end", "2016-04-31")
    with pytest.raises(DataValidationError) as info:
        load_tables(data_copy, frictionless=False)
    assert f"events.csv:{row}:date_end: '2016-04-31' is not a date in YYYY-MM-DD form" in map(str, info.value.problems)


def test_a_table_that_did_not_read_cleanly_is_not_reported_again_by_every_rule_pointing_at_it(data_copy):
    """One broken cell in events.csv is one problem: the record checks of events are not
    each reported as pointing at a missing event."""
    row = set_cell(data_copy / "events.csv", "gucci-leaves-iacc", "date_end", "2016-13-01")
    assert problems_of(data_copy) == [f"events.csv:{row}:date_end: '2016-13-01' is not a date in YYYY-MM-DD form"]
