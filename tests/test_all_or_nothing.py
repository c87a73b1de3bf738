"""Issue 21: a rebuild is all or nothing. `make reproduce`'s last step (sync + execute +
chart data) and `make features` write every file together, only when every step worked;
a failure or Ctrl-C says so truthfully and leaves every file as it was; a kill at a random
moment leaves the old files or the new ones (finished by the next run), never a mix."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest
from test_execute_safety import write_notebook

from conftest import ROOT, run_cli, run_in_process, snapshot
from iacc2016 import atomic
from iacc2016.settings import ARTICLES_ENV, CHART_DATA_ENV, DATA_ENV
from scripts import notebooks

# Starts real processes (or many generated cases): `make robustness`, run by CI, not `make test`.
pytestmark = pytest.mark.robustness

EXECUTE = [sys.executable, str(ROOT / "scripts" / "notebooks.py")]


def pair(tmp_path, second_source: str):
    first, second = tmp_path / "a.ipynb", tmp_path / "b.ipynb"
    write_notebook(first, "print('a')")
    write_notebook(second, second_source)
    return first, second


def test_a_py_twin_with_a_syntax_error_changes_no_notebook(tmp_path):
    first, second = pair(tmp_path, "print('b')")
    (tmp_path / "b.py").write_text("# %%\nprint('b'\n", encoding="utf-8")  # never closed
    before = snapshot(tmp_path)
    result = run_in_process(
        notebooks.main, ["--sync", str(first), str(second)], {CHART_DATA_ENV: str(tmp_path / "charts")}
    )
    assert result.returncode == 1
    assert "b.ipynb, cell 1: SyntaxError" in result.stderr
    assert "nothing was written" in result.stderr
    assert snapshot(tmp_path) == before, "a notebook was changed by a failed rebuild"


def test_a_late_failure_keeps_the_chart_data_of_earlier_notebooks_out(tmp_path):
    charts = tmp_path / "charts"
    first = tmp_path / "a.ipynb"
    write_notebook(
        first,
        "import pandas as pd\nfrom iacc2016.present.style import save_chart_data\n"
        "save_chart_data('a-chart', pd.DataFrame({'x': [1]}))",
    )
    second = tmp_path / "b.ipynb"
    write_notebook(second, "raise AssertionError('late sanity check')")
    before = snapshot(tmp_path)
    result = run_in_process(notebooks.main, [str(first), str(second)], {CHART_DATA_ENV: str(charts)})
    assert result.returncode == 1, result.stderr
    assert snapshot(tmp_path) == before
    assert not charts.exists() or not list(charts.iterdir()), "chart data was written by a failed rebuild"


def test_a_truncated_notebook_is_named_not_an_internal_error(tmp_path):
    path = tmp_path / "cut.ipynb"
    text = write_notebook(path, "print(1)")
    path.write_bytes(text[: len(text) // 2])
    before = path.read_bytes()
    result = run_in_process(notebooks.main, [str(path)])
    assert result.returncode == 1
    assert "cut.ipynb: the notebook is truncated or not JSON" in result.stderr
    assert "Traceback" not in result.stderr and str(tmp_path) not in result.stderr
    assert path.read_bytes() == before


NOT_A_NOTEBOOK = [
    "{}",
    "[]",
    '{"cells": "x", "nbformat": 4, "nbformat_minor": 5, "metadata": {}}',
    '{"nbformat": 99, "nbformat_minor": 0, "cells": [], "metadata": {}}',
    '{"nbformat": 4, "nbformat_minor": 4, "metadata": {}, "cells": '
    '[{"cell_type": "code", "source": 5, "metadata": {}, "outputs": [], "execution_count": null}]}',
]


@pytest.mark.parametrize("text", NOT_A_NOTEBOOK)
def test_json_that_is_not_a_notebook_is_named_not_a_traceback(tmp_path, text):
    path = tmp_path / "odd.ipynb"
    path.write_text(text, encoding="utf-8")
    result = run_in_process(notebooks.main, [str(path)])
    assert result.returncode == 1, result.stderr
    assert "odd.ipynb: the notebook is JSON but not a valid notebook" in result.stderr
    assert "Traceback" not in result.stderr and str(tmp_path) not in result.stderr
    assert path.read_text(encoding="utf-8") == text


def test_ctrl_c_during_execution_prints_interrupted_and_exits_130(tmp_path):
    marker = tmp_path / "started"
    first, second = pair(tmp_path, f"open({str(marker)!r}, 'w').close()\nimport time; time.sleep(120)")
    before = snapshot(tmp_path)
    proc = subprocess.Popen(
        [*EXECUTE, str(first), str(second)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted; nothing was written" in err and "Traceback" not in err
    after = snapshot(tmp_path)
    assert all(after[k] == before[k] for k in before)


def test_a_kill_during_the_renames_is_finished_by_the_next_run(tmp_path, monkeypatch):
    """The journal: a kill after the first of two renames leaves a journal, and the next
    build step completes the commit; a temporary file from a killed run is removed."""
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_bytes(b"old a\n")
    b.write_bytes(b"old b\n")
    (tmp_path / f".orphan.csv.x{atomic.TEMP_SUFFIX}").write_bytes(b"left by a killed run")
    real_replace, calls = os.replace, []

    def killed_after_one(src, dst):
        if calls:
            raise KeyboardInterrupt  # stands for SIGKILL between the renames
        calls.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", killed_after_one)
    with pytest.raises(KeyboardInterrupt):
        atomic.commit_files(tmp_path, {a: b"new a\n", b: b"new b\n"})
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    assert (tmp_path / atomic.JOURNAL).exists()
    atomic.recover(tmp_path)
    assert (a.read_bytes(), b.read_bytes()) == (b"new a\n", b"new b\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_a_folder_that_cannot_be_written_is_reported_not_an_internal_error(data_copy, articles_dir, monkeypatch):
    (data_copy / "derived" / "term_counts.csv").write_text("source_id,term,count\n", encoding="utf-8")
    before = snapshot(data_copy)

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(data_copy / "derived" / "x.tmp-iacc"))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", read_only)
    result = run_cli("features", "--data", str(data_copy), "--articles", str(articles_dir))
    assert result.returncode == 4, result.stderr
    assert "features: cannot write or read x.tmp-iacc (Permission denied); nothing was changed" in result.stderr
    assert "internal error" not in result.stderr and str(data_copy) not in result.stderr
    assert snapshot(data_copy) == before


@pytest.mark.parametrize("seed", range(4))
def test_features_killed_or_interrupted_at_a_random_moment(data_copy, articles_dir, seed):
    """SIGINT or SIGKILL at a seeded random moment of `make features`: the pair of derived
    files is the old pair or the new pair (after the next run's recovery), and a rerun works."""
    rng = random.Random(seed)
    derived = data_copy / "derived"
    new = {p.name: p.read_bytes() for p in derived.glob("*.csv")}
    for p in derived.glob("*.csv"):  # make both files stale, so the run must rewrite both
        p.write_bytes(p.read_bytes().replace(b"\n", b"\r\n", 1))
    old = {p.name: p.read_bytes() for p in derived.glob("*.csv")}
    env = {**os.environ, DATA_ENV: str(data_copy), ARTICLES_ENV: str(articles_dir)}
    cmd = [sys.executable, "-m", "iacc2016", "features"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(rng.uniform(0.0, 2.5))
    proc.send_signal(rng.choice([signal.SIGINT, signal.SIGKILL]))
    proc.communicate(timeout=60)
    atomic.recover(data_copy)  # what the next build step does first
    state = {p.name: p.read_bytes() for p in derived.glob("*.csv")}
    assert state in (old, new), "a mismatched pair of derived files"
    assert not list(data_copy.rglob(f"*{atomic.TEMP_SUFFIX}"))
    # The next run, in process (the killed one above is the real command line).
    rerun = run_cli("features", env={DATA_ENV: str(data_copy), ARTICLES_ENV: str(articles_dir)})
    assert rerun.returncode == 0, rerun.stderr
    assert {p.name: p.read_bytes() for p in derived.glob("*.csv")} == new
    shutil.rmtree(data_copy)


def test_ctrl_c_while_the_modules_load_is_interrupted_not_a_traceback(monkeypatch, capsys):
    """Ctrl-C before main() has taken over (the modules are still loading): the command
    still says "interrupted" and exits 130, with no traceback."""
    import builtins
    import runpy

    real_import = builtins.__import__

    def interrupted_import(name, globals=None, locals=None, fromlist=(), level=0):
        if name == "cli" and level == 1:
            raise KeyboardInterrupt  # stands for SIGINT during `from .cli import main`
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(sys, "argv", ["iacc2016", "validate"])
    monkeypatch.setattr(builtins, "__import__", interrupted_import)
    monkeypatch.delitem(sys.modules, "iacc2016.__main__", raising=False)
    try:
        with pytest.raises(SystemExit) as stop:
            runpy.run_module("iacc2016", run_name="__main__")
    except KeyboardInterrupt:
        pytest.fail("the Ctrl-C escaped as a traceback")
    assert stop.value.code == 130
    assert capsys.readouterr().err == "validate: interrupted\n"


def test_the_reproduce_step_reaches_its_ctrl_c_handler_at_once():
    """scripts/notebooks.py loads nbformat and nbclient (about a second) only once main()
    has installed its Ctrl-C handler; before, a Ctrl-C in that second was a traceback."""
    code = "import sys; sys.path.insert(0, 'scripts'); import notebooks; print(sorted({'nbclient', 'nbformat'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_reproduce_into_a_folder_that_cannot_be_written_exits_4(tmp_path):
    """The chart-data folder cannot be made (a file is in its place; a read-only folder
    fails the same way, but not for root): exit 4, the place named, nothing written."""
    charts = tmp_path / "chart-data"
    charts.write_text("not a folder\n", encoding="utf-8")
    path = tmp_path / "a.ipynb"
    write_notebook(
        path, f"import os, pathlib; (pathlib.Path(os.environ[{CHART_DATA_ENV!r}]) / 'a.csv').write_text('x\\n1\\n')"
    )
    before = snapshot(tmp_path)
    result = run_in_process(notebooks.main, [str(path)], {CHART_DATA_ENV: str(charts)})
    assert result.returncode == 4, result.stderr
    assert "reproduce: cannot write chart-data (File exists); nothing was written" in result.stderr
    assert "Traceback" not in result.stderr and str(tmp_path) not in result.stderr
    assert snapshot(tmp_path) == before
