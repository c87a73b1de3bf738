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
