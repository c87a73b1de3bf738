"""The repository's own plumbing: notebook pairs in sync, the CI workflow valid and running
the README's test command, and both checks able to fail."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
ACTIONLINT = Path(sys.executable).parent / "actionlint"


def out_of_sync(notebook: Path) -> str | None:
    """None when the .ipynb holds exactly the cells of its jupytext .py twin; else what
    differs. (`make reproduce` syncs with `jupytext --update --to ipynb`.)"""
    py = Path(notebook).with_suffix(".py")
    if not py.exists():
        return f"{py.name} is missing"
    a = [(c.cell_type, c.source.strip()) for c in jupytext.read(py).cells]
    b = [(c.cell_type, c.source.strip()) for c in nbformat.read(notebook, as_version=4).cells]
    if len(a) != len(b):
        return f"{py.name} has {len(a)} cells, {Path(notebook).name} has {len(b)}"
    for number, (x, y) in enumerate(zip(a, b, strict=True), start=1):
        if x != y:
            return f"cell {number} differs between {py.name} and {Path(notebook).name}"
    return None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_each_notebook_matches_its_py_source(path):
    problem = out_of_sync(path)
    assert problem is None, f"{problem}: run make sync (jupytext carries the .py source into the notebook)"


def test_the_sync_check_fails_when_a_pair_drifts(tmp_path):
    nb, py = NOTEBOOKS[1], NOTEBOOKS[1].with_suffix(".py")
    shutil.copy(nb, tmp_path / nb.name)
    text = py.read_text(encoding="utf-8")
    (tmp_path / py.name).write_text(
        text.replace("data = nb.start()", "data = nb.start()  # edited in review"), encoding="utf-8"
    )
    assert "differs" in out_of_sync(tmp_path / nb.name)
    (tmp_path / py.name).unlink()
    assert "missing" in out_of_sync(tmp_path / nb.name)


def run_actionlint(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ACTIONLINT), *map(str, paths)], capture_output=True, text=True, cwd=ROOT)


def test_the_workflow_passes_actionlint():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    result = run_actionlint(*workflows)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_fails_on_a_broken_workflow(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "ci.yml"
    broken.parent.mkdir(parents=True)
    text = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    broken.write_text(
        text.replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    needs: no-such-job"), encoding="utf-8"
    )
    result = run_actionlint(broken)
    assert result.returncode != 0
    assert "no-such-job" in result.stdout


def test_ci_runs_the_readme_test_command_first_and_only_documented_targets():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in ci.splitlines() if line.strip().startswith("make")]
    assert commands[0] == "make test", commands
    undocumented = [c for c in commands if f"`{c}`" not in readme]
    assert not undocumented, f"CI runs make targets the README does not name: {undocumented}"
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "run: make test" in workflow
    assert 'python-version: "3.11"' in workflow and "cache: pip" in workflow


def test_pull_requests_fold_notebook_diffs_and_show_the_py_twins():
    """GitHub folds files marked linguist-generated in a pull request's diff: the executed
    notebooks are folded, their reviewable .py sources are not."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: .gitattributes cannot be queried")
    paths = [str(p.relative_to(ROOT)) for n in NOTEBOOKS for p in (n, n.with_suffix(".py"))]
    out = subprocess.run(
        ["git", "check-attr", "linguist-generated", "--", *paths], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    value = {path: v for path, _attribute, v in (line.split(": ") for line in out.splitlines())}
    assert all(value[str(n.relative_to(ROOT))] == "true" for n in NOTEBOOKS), value
    assert all(value[str(n.with_suffix(".py").relative_to(ROOT))] != "true" for n in NOTEBOOKS), value


def test_no_module_is_over_300_lines():
    """A module a newcomer can read in one sitting (issue 16): the package, the build
    scripts and the benchmarks."""
    long = [
        f"{p.relative_to(ROOT)}: {n} lines"
        for folder in ("src", "scripts", "benchmarks")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300
    ]
    assert not long, "split these modules:\n" + "\n".join(long)
