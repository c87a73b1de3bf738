"""CONTRIBUTING.md's worked example is real: the rows it tells a newcomer to add, added to
a copy of the data that lacks them, pass `make validate` with the articles."""

from __future__ import annotations

import csv
import io
import re

from conftest import ROOT, read_rows, run_cli, write_rows


def example_rows() -> dict[str, list[list[str]]]:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```csv (\S+)\n(.*?)```", text, flags=re.S)
    assert blocks, "CONTRIBUTING.md has no csv examples"
    return {name: list(csv.reader(io.StringIO(body))) for name, body in blocks}


def test_the_contributing_example_validates(data_copy, articles_dir):
    examples = example_rows()
    assert set(examples) == {"events.csv", "evidence.csv"}
    for name, rows in examples.items():
        current = read_rows(data_copy / name)
        keys = {r[0] for r in rows}
        # start from data without the example, as a newcomer would
        kept = [current[0]] + [
            r
            for r in current[1:]
            if r[0] not in keys and (name != "evidence.csv" or r[2] not in {e[0] for e in examples["events.csv"]})
        ]
        for row in rows:
            assert len(row) == len(current[0]), (
                f"the example row for {name} has {len(row)} cells, the header {len(current[0])}"
            )
        write_rows(data_copy / name, kept + rows)
    result = run_cli("validate", "--data", str(data_copy), "--articles", str(articles_dir))
    assert result.returncode == 0, result.stderr
    assert "valid (with the articles)" in result.stdout


def test_the_example_without_its_evidence_is_refused(data_copy):
    examples = example_rows()
    current = read_rows(data_copy / "events.csv")
    keys = {r[0] for r in examples["events.csv"]}
    write_rows(data_copy / "events.csv", [r for r in current if r[0] not in keys] + examples["events.csv"])
    evidence = read_rows(data_copy / "evidence.csv")
    write_rows(data_copy / "evidence.csv", [r for r in evidence if r[2] not in keys])
    result = run_cli("validate", "--data", str(data_copy))
    assert result.returncode == 1
    assert "has no evidence row in evidence.csv" in result.stderr
