"""Nothing is overwritten on failure: a notebook is executed in memory and replaces the
committed file only when every cell succeeded; a failure names the notebook, the cell and
the error; killing the run mid-notebook leaves every notebook intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import nbformat
import pytest

from conftest import ROOT, run_in_process, snapshot
from iacc2016.settings import DATA_ENV, INTERACTIVE_RENDERER, RENDERER_ENV
from scripts import notebooks

EXECUTE = [sys.executable, str(ROOT / "scripts" / "notebooks.py")]


def run_execute(*paths: str, env: dict | None = None):
    """`make reproduce`'s execution step, in process."""
    return run_in_process(notebooks.main, list(paths), env)


def write_notebook(path, *sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.write(nb, path)
    return path.read_bytes()


def test_a_failing_cell_is_named_and_the_notebook_is_left_unchanged(tmp_path):
    path = tmp_path / "broken.ipynb"
    before = write_notebook(path, "x = 1", "print(x)", "raise ValueError('the data is wrong')")
    result = run_execute(str(path))
    assert result.returncode == 1
    assert "broken.ipynb, cell 3: ValueError: the data is wrong" in result.stderr
    assert "nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


@pytest.mark.robustness
def test_a_successful_run_replaces_the_notebook_in_one_step(tmp_path):
    path = tmp_path / "fine.ipynb"
    before = write_notebook(path, "print(6 * 7)")
    result = run_execute(str(path))
    assert result.returncode == 0, result.stderr
    after = nbformat.read(path, as_version=4)
    assert path.read_bytes() != before
    assert after.cells[0].outputs[0]["text"] == "42\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp-iacc")], "a temporary file was left behind"


@pytest.mark.robustness
def test_killing_the_run_mid_notebook_leaves_every_notebook_intact(tmp_path):
    first, second = tmp_path / "a.ipynb", tmp_path / "b.ipynb"
    marker = tmp_path / "started"
    write_notebook(first, "print('done')")
    write_notebook(second, f"open({str(marker)!r}, 'w').close()", "import time; time.sleep(120)")
    folder_before = snapshot(tmp_path)
    proc = subprocess.Popen(
        [*EXECUTE, str(first), str(second)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "the second notebook never started"
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)  # the executor and its kernel, mid-cell
    proc.communicate(timeout=30)  # reap it and close its pipes
    # All or nothing: the first notebook finished, but nothing is written until both have.
    after = snapshot(tmp_path)
    assert after["a.ipynb"] == folder_before["a.ipynb"]
    assert after["b.ipynb"] == folder_before["b.ipynb"]
    assert not [name for name in after if name.endswith(".tmp-iacc")], "a temporary file was left behind"


@pytest.mark.robustness
def test_committed_notebooks_survive_a_failed_reproduce(tmp_path):
    """A notebook that cannot run against broken data is reported and not rewritten."""
    from conftest import DATA

    broken = tmp_path / "data"
    import shutil

    shutil.copytree(DATA, broken)
    (broken / "events.csv").write_text("", encoding="utf-8")
    target = tmp_path / "00-overview.ipynb"
    shutil.copy(ROOT / "notebooks" / "00-overview.ipynb", target)
    before = target.read_bytes()
    result = run_execute(str(target), env={DATA_ENV: str(broken), RENDERER_ENV: INTERACTIVE_RENDERER})
    assert result.returncode == 1
    assert "00-overview.ipynb, cell 2: DataValidationError: events.csv: file is empty" in result.stderr
    assert target.read_bytes() == before


@pytest.mark.robustness
def test_reproduce_without_a_browser_stops_rather_than_commit_notebooks_without_pngs(tmp_path):
    path = tmp_path / "chart.ipynb"
    before = write_notebook(path, "from iacc2016.present import style as charts", "charts.setup()")
    env = {k: v for k, v in os.environ.items() if k != RENDERER_ENV}
    env["BROWSER_PATH"] = str(tmp_path / "no-such-browser")
    result = subprocess.run(
        [*EXECUTE, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert result.returncode == 1
    assert "chart.ipynb, cell 2: StaticImagesUnavailable: no Chrome or Chromium found" in result.stderr
    assert path.read_bytes() == before
