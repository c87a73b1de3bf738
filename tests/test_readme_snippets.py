"""The README's "Use the data" snippets work: each Python and SQL block is taken from the
README and run from the repository's root, in a process of its own, and what it gives is
checked against what a user relies on (typed columns, the departures the story is about).
The R block is not run (CI has no R); it must still be there."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import duckdb
import pytest

from conftest import ROOT

SECTION = "## Use the data"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```\n", re.MULTILINE | re.DOTALL)
# Named in every article and in the brief of the story: the three luxury brands that quit.
DEPARTED = {"Michael Kors", "Gucci", "Tiffany"}


def snippets(readme: str) -> list[tuple[str, str]]:
    """(language, code) of each fenced block in the "Use the data" section."""
    start = readme.index(SECTION)
    end = readme.find("\n## ", start + len(SECTION))
    return FENCE.findall(readme[start : end + 1 if end != -1 else None])


def readme_snippets(language: str) -> list[str]:
    return [code for lang, code in snippets((ROOT / "README.md").read_text(encoding="utf-8")) if lang == language]


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_the_section_has_a_pandas_frictionless_duckdb_and_r_snippet():
    python = readme_snippets("python")
    assert any("import pandas" in code for code in python)
    assert any('Package("data/datapackage.json")' in code for code in python)
    assert any("JOIN" in code for code in readme_snippets("sql"))
    assert readme_snippets("r")


def test_snippets_are_found_in_a_section_and_only_there():
    readme = (
        "# x\n```python\nnot this\n```\n## Use the data\n```python\nprint(1)\n```\n```sql\nSELECT 1;\n```\n## Next\n"
    )
    assert snippets(readme) == [("python", "print(1)\n"), ("sql", "SELECT 1;\n")]


@pytest.mark.parametrize("index", range(len(readme_snippets("python"))))
def test_each_python_snippet_runs_cleanly(index):
    result = run_python(readme_snippets("python")[index])
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr  # no warnings either
    assert result.stdout.strip()


def test_the_pandas_snippet_reads_typed_columns():
    code = next(c for c in readme_snippets("python") if "import pandas" in c)
    checks = (
        "\nimport json as _json\n"
        "sources = read_table('sources')\n"
        "print(_json.dumps({'events_start': str(events['date_start'].dtype),\n"
        "    'events_disagree': str(events['sources_disagree'].dtype),\n"
        "    'source_id': str(sources['source_id'].dtype), 'rows': len(events),\n"
        "    'missing_target': int(events['target_id'].isna().sum())}))\n"
    )
    result = run_python(code + checks)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["events_start"].startswith("datetime64")
    assert out["events_disagree"] == "boolean"
    assert out["source_id"] == "string"  # ids such as 000_f274... stay text
    events_csv = (ROOT / "data" / "events.csv").read_text(encoding="utf-8").splitlines()
    assert out["rows"] == len(events_csv) - 1
    assert out["missing_target"] > 0  # an empty cell is missing, not the text ""


def test_the_frictionless_snippet_lists_the_brands_that_left():
    code = next(c for c in readme_snippets("python") if "Package(" in c)
    lines = run_python(code).stdout.splitlines()
    assert lines[0] == json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["title"]
    assert all(any(brand in name for name in lines[1:]) for brand in DEPARTED), lines


def test_the_duckdb_join_names_each_departed_brand_once(monkeypatch):
    monkeypatch.chdir(ROOT)
    (query,) = readme_snippets("sql")
    rows = duckdb.sql(query).fetchall()
    names = [name for _date, name, _label in rows]
    assert all(any(brand in name for name in names) for brand in DEPARTED), names
    assert len(names) == len(set(names)) == len(DEPARTED)
    assert [d for d, _n, _l in rows] == sorted(d for d, _n, _l in rows)


def test_the_package_descriptor_opens_with_catalogue_metadata():
    """What data catalogues read, before the resources; `created` fixed, not the clock."""
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    keys = list(descriptor)
    wanted = ["title", "description", "keywords", "licenses", "sources", "contributors", "version", "created"]
    assert all(k in descriptor and descriptor[k] for k in wanted), [k for k in wanted if not descriptor.get(k)]
    assert keys[-1] == "resources"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", descriptor["created"])
    urls = {s["path"] for s in descriptor["sources"]}
    sources_csv = (ROOT / "data" / "sources.csv").read_text(encoding="utf-8")
    assert sum(url in sources_csv for url in urls) == len(sources_csv.splitlines()) - 1
