"""Issue 21: `make reproduce`'s last step (scripts/notebooks.py --sync: carry each .py twin
in, execute, write the notebooks and their chart data) interrupted at a seeded random
moment, by Ctrl-C (SIGINT to the whole process group, as a terminal sends it) or by
SIGKILL (the executor alone, as `kill -9` or the OOM killer would). Afterwards, once the
next build step has recovered, every file is as it was or as a complete new build leaves
it, no temporary file or staging folder is left, and a rerun succeeds.

A small notebook stands in for the real ones (no pandas, no plotly: one kernel start,
about 1.5 s of CPU a run), and the two seeds of `make test` are one Ctrl-C and one kill.
IACC_INTERRUPT_SEEDS=20 runs a longer sweep over two notebooks (about 4 minutes)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT, snapshot
from iacc2016 import atomic
from iacc2016.settings import CHART_DATA_ENV, INTERACTIVE_RENDERER, RENDERER_ENV
from scripts import notebooks

EXECUTE = [sys.executable, str(ROOT / "scripts" / "notebooks.py"), "--sync"]
SEEDS = int(os.environ.get("IACC_INTERRUPT_SEEDS", "2"))
NAMES = ("a", "b") if SEEDS > 2 else ("a",)

# Each notebook writes one chart-data file (where the executor tells it to) and prints.
CELL = (
    "import os, pathlib\n"
    "out = pathlib.Path(os.environ[{chart!r}])\n"
    "(out / '{name}.csv').write_text('x\\n{value}\\n')\n"
    "print('{name} {value}')"
)

# Starts real processes (or many generated cases): `make robustness`, run by CI, not `make test`.
pytestmark = pytest.mark.robustness


def make_checkout(folder: Path) -> Path:
    """Notebooks with committed (old) outputs and chart data, and .py twins that were
    edited since: a complete rebuild changes every notebook and chart-data file."""
    nbs = folder / "notebooks"
    charts = nbs / "chart-data"
    charts.mkdir(parents=True)
    for name in NAMES:
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
        nb.metadata["jupytext"] = {"formats": "ipynb,py:percent"}
        cell = nbformat.v4.new_code_cell(CELL.format(chart=CHART_DATA_ENV, name=name, value="old"))
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"{name} old\n")]
        cell.execution_count = 1
        nb.cells = [cell]
        nbformat.write(nb, nbs / f"{name}.ipynb")
        (nbs / f"{name}.py").write_text(
            "# %%\n" + CELL.format(chart=CHART_DATA_ENV, name=name, value="new") + "\n", encoding="utf-8"
        )
        (charts / f"{name}.csv").write_text("x\nold\n", encoding="utf-8")
    return nbs


def leftovers(folder: Path) -> list[str]:
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.name.endswith(atomic.TEMP_SUFFIX) or p.name == atomic.JOURNAL or p.name.startswith("iacc-")
    )


@pytest.mark.parametrize("seed", range(SEEDS))
def test_reproduce_killed_or_interrupted_at_a_random_moment(tmp_path, seed):
    rng = random.Random(seed)
    nbs = make_checkout(tmp_path)
    tmp = tmp_path / "tmp"  # the executor's staging folders go here, so a leftover is seen
    tmp.mkdir()
    env = {
        **os.environ,
        CHART_DATA_ENV: str(nbs / "chart-data"),
        RENDERER_ENV: INTERACTIVE_RENDERER,
        "TMPDIR": str(tmp),
    }
    cmd = [*EXECUTE, *(str(nbs / f"{name}.ipynb") for name in NAMES)]
    old = snapshot(nbs)
    built = [k for k in old if not k.endswith(".py")]

    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    how = ["SIGINT", "SIGKILL"][seed % 2]
    time.sleep(rng.uniform(0.0, 1.5 + 1.5 * len(NAMES)))
    try:
        if how == "SIGINT":
            os.killpg(proc.pid, signal.SIGINT)
        else:
            os.kill(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass  # it had already finished: then it must have written the complete build
    _, err = proc.communicate(timeout=60)
    if how == "SIGINT" and proc.returncode == 130:
        assert b"interrupted; nothing was written" in err and b"Traceback" not in err, err
    _wait_for_group_to_end(proc.pid)  # a SIGKILLed executor's kernel notices and exits by itself

    atomic.recover(nbs)  # what the next build step does first
    after_kill = snapshot(nbs)
    rerun = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    new = snapshot(nbs)
    assert all(new[k] != old[k] for k in built), "the rerun did not rebuild every file"
    assert after_kill in (old, new), f"after a {how}, a mix of old and new files"
    assert not leftovers(tmp_path), f"left behind after a {how}: {leftovers(tmp_path)}"


def _wait_for_group_to_end(pgid: int, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.killpg(pgid, signal.SIGKILL)
    raise AssertionError("a kernel outlived the killed executor")


def test_the_shell_renderer_setting_does_not_reach_reproduce(tmp_path):
    """A shell with the test renderer set (IACC_PLOTLY_RENDERER=plotly_mimetype, as `make
    test` sets it) must not make `make reproduce` write notebooks without their PNGs: the
    kernel is given the static renderer and told PNGs are required, whatever the shell says."""
    path = tmp_path / "env.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb.cells = [
        nbformat.v4.new_code_cell(
            "from iacc2016 import settings\ns = settings.current()\nprint(s.renderer, s.require_static_images)"
        )
    ]
    nbformat.write(nb, path)
    from conftest import run_in_process

    result = run_in_process(notebooks.main, [str(path)], {RENDERER_ENV: INTERACTIVE_RENDERER})
    assert result.returncode == 0, result.stderr
    out = nbformat.read(path, as_version=4).cells[0].outputs[0]["text"]
    assert out == "plotly_mimetype+png True\n"
