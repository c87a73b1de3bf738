"""The repository's own plumbing: notebook pairs in sync, the CI workflow valid and running
the README's test command, and both checks able to fail."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
BIN = Path(sys.executable).parent
ACTIONLINT = BIN / "actionlint"
SHELLCHECK = BIN / "shellcheck"
ZIZMOR = BIN / "zizmor"
DEPTRY = BIN / "deptry"


def out_of_sync(notebook: Path) -> str | None:
    """None when the .ipynb holds exactly the cells of its jupytext .py twin; else what
    differs. (`make reproduce` syncs with `jupytext --update --to ipynb`.) jupytext is
    imported here, not at the top: every test worker collects this file, and only a worker
    that runs a sync check pays for the import."""
    import jupytext

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
    """As `make test` runs it: with its shellcheck pass, shellcheck taken from .venv."""
    cmd = [str(ACTIONLINT), "-shellcheck", str(SHELLCHECK), *map(str, paths)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)


def workflow_copy(tmp_path: Path, old: str, new: str) -> Path:
    """The CI workflow with one defect put back, in a repository of its own under tmp_path
    (with the zizmor configuration beside it)."""
    text = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert old in text, old
    copy = tmp_path / ".github" / "workflows" / "ci.yml"
    copy.parent.mkdir(parents=True)
    copy.write_text(text.replace(old, new), encoding="utf-8")
    shutil.copy(ROOT / ".github" / "zizmor.yml", tmp_path / ".github" / "zizmor.yml")
    return copy


def run_zizmor(path: Path) -> subprocess.CompletedProcess:
    """As `make test` runs it: offline (no GitHub API), with the repository's configuration."""
    return subprocess.run([str(ZIZMOR), "--offline", "--quiet", str(path)], capture_output=True, text=True, cwd=ROOT)


def test_the_workflow_passes_actionlint():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    result = run_actionlint(*workflows)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_fails_on_a_broken_workflow(tmp_path):
    broken = workflow_copy(tmp_path, "runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    needs: no-such-job")
    result = run_actionlint(broken)
    assert result.returncode != 0
    assert "no-such-job" in result.stdout


def test_actionlint_runs_shellcheck_over_run_steps(tmp_path):
    """An unquoted variable in a `run:` step is shellcheck's SC2086; with the shellcheck
    pass off (as when shellcheck is not on PATH) actionlint lets it through."""
    broken = workflow_copy(tmp_path, "run: make test", "run: make $MAKE_TARGET")
    result = run_actionlint(broken)
    assert result.returncode != 0
    assert "SC2086" in result.stdout
    without = subprocess.run([str(ACTIONLINT), "-shellcheck=", str(broken)], capture_output=True, text=True)
    assert without.returncode == 0, without.stdout


def test_the_workflow_is_clean_under_zizmor():
    result = run_zizmor(ROOT / ".github" / "workflows")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("defect", "old", "new"),
    [
        ("artipacked", "        with:\n          persist-credentials: false\n", ""),
        ("unpinned-uses", "actions/cache@v5", "someone/cache-action@v5"),
        ("template-injection", "run: make test", "run: echo ${{ github.event.pull_request.title }}"),
    ],
)
def test_zizmor_fails_when_a_defect_is_put_back(tmp_path, defect, old, new):
    result = run_zizmor(workflow_copy(tmp_path, old, new))
    assert result.returncode != 0
    assert defect in result.stdout


def test_the_workflow_caches_uv_and_cancels_superseded_runs():
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "~/.cache/uv" in workflow and "cache: pip" not in workflow
    assert "concurrency:" in workflow and "cancel-in-progress: true" in workflow
    assert workflow.count("actions/checkout@") == workflow.count("persist-credentials: false") == 1
    # One job: .venv (which runs binder-check) is installed once.
    assert workflow.count("runs-on:") == 1 and "run: make binder-check" in workflow


def test_deptry_passes_and_fails_on_an_undeclared_import(tmp_path):
    ok = subprocess.run([str(DEPTRY), "src", "scripts", "notebooks"], capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    shutil.copytree(ROOT / "src", tmp_path / "src")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    module = tmp_path / "src" / "iacc2016" / "data" / "datadict.py"
    module.write_text("import jsonschema\n" + module.read_text(encoding="utf-8"), encoding="utf-8")
    bad = subprocess.run([str(DEPTRY), "--no-ansi", "src"], capture_output=True, text=True, cwd=tmp_path)
    assert bad.returncode != 0
    assert "DEP003 'jsonschema' imported but it is a transitive dependency" in bad.stdout + bad.stderr


def test_deptry_fails_when_a_declared_dependency_is_removed(tmp_path):
    shutil.copytree(ROOT / "src", tmp_path / "src")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(pyproject.replace('    "numpy",\n', "", 1), encoding="utf-8")
    bad = subprocess.run([str(DEPTRY), "--no-ansi", "src"], capture_output=True, text=True, cwd=tmp_path)
    assert bad.returncode != 0
    assert "numpy" in bad.stdout + bad.stderr


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
    assert 'python-version: "3.11"' in workflow


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


def test_pre_commit_runs_make_tests_linters_offline_and_keeps_outputs():
    """Local hooks only (nothing to download), each running a .venv tool that `make test`
    runs; no hook strips notebook outputs (they are the product)."""
    config_text = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    config = yaml.safe_load(config_text)
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    assert {hook["language"] for hook in hooks} == {"system"}
    entries = " ".join(hook["entry"] for hook in hooks)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for command in (
        "ruff check",
        "ruff format",
        "actionlint -shellcheck .venv/bin/shellcheck",
        "zizmor --offline --quiet .github/workflows",
        "deptry src scripts notebooks",
    ):
        assert command in entries, command
        assert command.replace(".venv/", "$(VENV)/") in makefile, command
    assert "ruff format --check" in entries and "matches_its_py_source" in entries
    assert "nbstripout" not in config_text and "strip" not in entries
    result = subprocess.run(
        [str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_contributor_conventions_are_in_place():
    assert (ROOT / ".python-version").read_text(encoding="utf-8").strip() == "3.11"
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "make test" in template and "make reproduce" in template


def test_every_test_left_out_of_make_test_is_run_by_ci():
    """pyproject's addopts leave marked tests out of `make test` (`-m 'not X'`); each such
    marker must be selected (`-m X`) by a Makefile target that .ci/run calls, or those tests
    would never run anywhere."""
    import re
    import tomllib

    pytest_options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]
    addopts = pytest_options["ini_options"]["addopts"]
    left_out = re.findall(r"not (\w+)", addopts)
    assert "robustness" in left_out and "network" in left_out, addopts
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    for marker in left_out:
        targets = re.findall(rf"^([\w-]+):[^\n]*\n(?:\t[^\n]*\n)*?\t[^\n]*-m {marker}\b", makefile, re.M)
        assert targets, f"no Makefile target runs the tests marked {marker}"
        assert any(f"make {t}" in ci for t in targets), f"{marker}: .ci/run calls none of {targets}"
