"""`make mutate` (scripts/mutate.py): the edits it makes, and that it fails on a column
nothing notices unless the descriptor declares it kept for provenance only.

The edits are checked on a tiny hand-built package, each expected value worked by hand
from the rule the edit follows (written beside it). The check itself runs once on a copy
of the data with a dummy column added, over one notebook, so it stays quick."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, read_rows, write_rows

sys.path.insert(0, str(ROOT / "scripts"))
import mutate  # noqa: E402
import mutate_edits  # noqa: E402
from mutate_run import Verdict  # noqa: E402

PEOPLE = "id,name,side\np1,Ann Lee,brands\np2,Bob Ma,alibaba\np3,Cy Fox,brands\n"
ACTS = (
    "act_id,person_id,date_start,date_end,count,value,flag,note\n"
    "a1,p1,2016-05-01,2016-05-01,3,2.50,true,Ann quits the coalition\n"
    "a2,p2,2016-05-01,2016-05-01,3,2.50,false,Bob joins the coalition\n"
)

# Starts real processes (or many generated cases): `make robustness`, run by CI, not `make test`.
pytestmark = pytest.mark.robustness


def _field(name, kind="string", **extra):
    return {"name": name, "type": kind, **extra}


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    (tmp_path / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (tmp_path / "acts.csv").write_text(ACTS, encoding="utf-8")
    descriptor = {
        "name": "tiny",
        "resources": [
            {
                "name": "people",
                "path": "people.csv",
                "schema": {
                    "fields": [
                        _field("id", constraints={"pattern": "^p[0-9]$"}),
                        _field("name"),
                        _field("side", constraints={"enum": ["brands", "alibaba", "other"]}),
                    ],
                    "primaryKey": ["id"],
                },
            },
            {
                "name": "acts",
                "path": "acts.csv",
                "schema": {
                    "fields": [
                        _field("act_id"),
                        _field("person_id"),
                        _field("date_start", "date"),
                        _field("date_end", "date"),
                        _field("count", "integer"),
                        _field("value", "number"),
                        _field("flag", "boolean"),
                        _field("note"),
                    ],
                    "primaryKey": ["act_id"],
                    "foreignKeys": [{"fields": ["person_id"], "reference": {"resource": "people", "fields": ["id"]}}],
                },
            },
        ],
    }
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return tmp_path


def _by_column(data: Path, seed: int = 7) -> dict[str, list]:
    return {edits[0].name: edits for edits in mutate_edits.plan(data, seed)}


def test_one_list_of_edits_per_column_on_distinct_rows(tiny):
    plan = _by_column(tiny)
    assert list(plan) == [
        "people.id", "people.name", "people.side",
        "acts.act_id", "acts.person_id", "acts.date_start", "acts.date_end", "acts.count", "acts.value", "acts.flag", "acts.note",
    ]  # fmt: skip
    for edits in plan.values():
        rows = [e.row for e in edits]
        assert len(rows) == len(set(rows)) == min(mutate_edits.TRIES, 3 if edits[0].table == "people" else 2)


def test_each_edit_is_plausible_for_its_type(tiny):
    plan = _by_column(tiny)
    ids, sides = {"p1", "p2", "p3"}, {"brands", "alibaba", "other"}
    for e in plan["people.id"]:  # a primary key: another row's id, so a duplicate
        assert e.new in ids - {e.old}
    for e in plan["people.side"]:  # another allowed code
        assert e.new in sides - {e.old}
    for e in plan["acts.person_id"]:  # a foreign key: another existing person
        assert e.new in ids - {e.old}
    # Both acts run from 1 May to 1 May: a later start would invert the interval, so the
    # start moves to 30 April; an earlier end would too, so the end moves to 2 May.
    assert {e.new for e in plan["acts.date_start"]} == {"2016-04-30"}
    assert {e.new for e in plan["acts.date_end"]} == {"2016-05-02"}
    assert {e.new for e in plan["acts.count"]} == {"4"}  # 3 + 1
    assert {e.new for e in plan["acts.value"]} == {"2.75"}  # 2.50 * 1.1, two decimals kept
    assert {(e.old, e.new) for e in plan["acts.flag"]} == {("true", "false"), ("false", "true")}
    for e in plan["acts.note"]:  # one word replaced by another word of the column
        before, after = e.old.split(), e.new.split()
        assert len(before) == len(after)
        assert sum(a != b for a, b in zip(before, after, strict=True)) == 1
        assert set(after) - set(before) <= {"Ann", "quits", "the", "coalition", "Bob", "joins"}


def test_the_seed_fixes_the_edits(tiny):
    assert mutate_edits.plan(tiny, 7) == mutate_edits.plan(tiny, 7)
    assert mutate_edits.plan(tiny, 7) != mutate_edits.plan(tiny, 8)


def test_apply_changes_one_cell_only(tiny):
    edit = _by_column(tiny)["acts.note"][0]
    pristine = read_rows(tiny / "acts.csv")
    mutate_edits.apply(tiny, edit, pristine)
    after = read_rows(tiny / "acts.csv")
    changed = [(r, c) for r, row in enumerate(after) for c, cell in enumerate(row) if cell != pristine[r][c]]
    assert changed == [(edit.row - 1, pristine[0].index("note"))]


def _verdict(name: str, by: str | None) -> Verdict:
    table, column = name.split(".")
    return Verdict(mutate_edits.Edit(table, f"{table}.csv", column, 2, "a b", "a c", "one word"), by, "", "x")


def test_the_report_fails_on_undeclared_unnoticed_and_on_untrue_declarations(capsys):
    results = [
        [_verdict("t.checked", "rule foreign_keys")],
        [_verdict("t.dead", None), _verdict("t.dead", None)],
        [_verdict("t.kept", None)],
        [_verdict("t.shown", None), _verdict("t.shown", "notebook 01-who-left-and-when")],
    ]
    failures = mutate._report(results, {("t", "kept"): "why", ("t", "shown"): "why"})
    assert failures == [
        "t.dead: nothing notices its edits (one word), and it is not declared provenance-only",
        "t.shown is declared provenance-only, but notebook 01-who-left-and-when shows it: remove the declaration",
    ]
    assert "unnoticed and not declared provenance-only: t.dead" in capsys.readouterr().out


def test_without_the_articles_only_what_they_alone_check_is_left_unjudged(capsys):
    results = [[_verdict("evidence.snippet", None)], [_verdict("t.dead", None)]]
    assert mutate._report(results, {}, with_articles=True) == [
        "evidence.snippet: nothing notices its edits (one word), and it is not declared provenance-only",
        "t.dead: nothing notices its edits (one word), and it is not declared provenance-only",
    ]
    failures = mutate._report(results, {}, with_articles=False)
    assert failures == ["t.dead: nothing notices its edits (one word), and it is not declared provenance-only"]
    assert "not judged (only the checks against the absent articles could notice it)" in capsys.readouterr().out


def _check(data: Path, *only: str) -> subprocess.CompletedProcess:
    args = [sys.executable, str(ROOT / "scripts" / "mutate.py"), "--data", str(data), "--jobs", "1"]
    args += [a for o in only for a in ("--only", o)] + ["--notebooks", "05-against-the-record"]
    return subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_a_column_nothing_notices_fails_the_check_until_declared(data_copy):
    """A dummy column (in the CSV and its schema) feeds nothing and no rule checks it."""
    rows = read_rows(data_copy / "reference_rates.csv")
    write_rows(
        data_copy / "reference_rates.csv",
        [rows[0] + ["scratch"]] + [r + [f"draft {i}"] for i, r in enumerate(rows[1:])],
    )
    path = data_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "reference_rates")
    field = {"name": "scratch", "type": "string", "description": "A note nobody reads."}
    resource["schema"]["fields"].append(field)
    path.write_text(json.dumps(descriptor), encoding="utf-8")

    failed = _check(data_copy, "reference_rates.scratch", "reference_rates.rate_id")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "reference_rates.scratch: nothing notices its edits" in failed.stderr
    assert "unnoticed and not declared provenance-only: reference_rates.scratch\n" in failed.stdout
    assert "reference_rates.rate_id" in failed.stdout and "-> rule schema" in failed.stdout  # a duplicate id

    field["provenanceOnly"] = "Kept to show the check passes once a column is declared."
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    passed = _check(data_copy, "reference_rates.scratch")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "provenance only (declared)" in passed.stdout
