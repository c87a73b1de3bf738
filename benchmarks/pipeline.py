"""`make bench`, the parts beyond the test suite: the text pipeline on synthetic corpora,
validation at scale, static chart export, and the machine. Imported by run.py."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from importlib.metadata import version
from pathlib import Path

from iacc2016.settings import CHART_DATA_ENV, INTERACTIVE_RENDERER, RENDERER_ENV  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
RUNS = 3
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def median_of(fn, runs=RUNS):
    values = [fn() for _ in range(runs)]
    return statistics.median(values), values


# -------------------------------------------------------------------------- text pipeline
TEXT_CHILD = """
import resource, sys, time, json
sys.path.insert(0, {bench!r})
from synthetic import corpus
from iacc2016.data.text import count_terms, term_table
from iacc2016.analysis.logodds import distinctive_terms
ids, texts, outlet = corpus({n})
t0 = time.perf_counter()
table = term_table(ids, count_terms(texts, workers={workers}))
t1 = time.perf_counter()
result = distinctive_terms(table, outlet)
t2 = time.perf_counter()
print(json.dumps({{"count": t1 - t0, "logodds": t2 - t1, "total": t2 - t0, "rows": len(table),
                  "terms": int(table["term"].nunique()), "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def text_run(n: int, workers: int) -> dict:
    code = TEXT_CHILD.format(bench=str(ROOT / "benchmarks"), n=n, workers=workers)
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def text_pipeline(n: int, workers: int) -> dict:
    runs = [text_run(n, workers) for _ in range(RUNS)]
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


# -------------------------------------------------------------------------- static export
EXPORT_CHILD = """
import json, sys, time, warnings
warnings.simplefilter("ignore")
import plotly.io as pio
from iacc2016.present import notebook as nb, story, story_charts
data = nb.start()
adm, conf = story.admission(data), story.conference(data)
frame = story.timeline_frame(data, start=adm["date_start"] - story.DAY * 7, end=conf["date_end"])
fig = story_charts.timeline_chart(data, frame, "benchmark", "benchmark", "benchmark")
if {server}:
    import kaleido
    t = time.perf_counter(); kaleido.start_sync_server(silence_warnings=True); pio.defaults.headers = {{}}
    start_cost = time.perf_counter() - t
else:
    start_cost = 0.0
times = []
for _ in range({figures}):
    t = time.perf_counter(); pio.to_image(fig, format="png"); times.append(time.perf_counter() - t)
print(json.dumps({{"per_figure": (sum(times) + start_cost) / len(times), "first": times[0] + start_cost, "rest": sum(times[1:]) / max(1, len(times) - 1)}}))
"""


def export(server: bool, figures: int = 6) -> dict:
    code = EXPORT_CHILD.format(server=server, figures=figures)
    out = subprocess.run(
        [PY, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT / "notebooks",
        env={**os.environ, RENDERER_ENV: INTERACTIVE_RENDERER},
    )
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed"}
    return json.loads(out.stdout.strip().splitlines()[-1])


# -------------------------------------------------------------------------- validation
def validation_at_scale(rows: int = 100_000) -> dict:
    """`iacc2016 validate` on a copy of the data whose evidence table has `rows` rows."""
    import csv
    import io
    import shutil

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)
        original = list(
            csv.reader(io.StringIO((ROOT / "data" / "evidence.csv").read_text(encoding="utf-8"), newline=""))
        )
        header, body = original[0], original[1:]
        # The committed rows keep their ids (other tables point at some); copies follow.
        copies = [[f"ev-{len(body) + i + 1:06d}", *body[i % len(body)][1:]] for i in range(rows - len(body))]
        big = [header, *body, *copies]
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(big)
        (data / "evidence.csv").write_text(buf.getvalue(), encoding="utf-8")

        def once():
            start = time.perf_counter()
            subprocess.run(
                [PY, "-m", "iacc2016", "validate", "--data", str(data)],
                cwd=ROOT,
                capture_output=True,
                check=True,
            )
            return time.perf_counter() - start

        seconds, _ = median_of(once)
        return {"the one pass (files, Frictionless, rules)": seconds}


# ------------------------------------------------------------------------------- report
def machine() -> list[str]:
    cpu = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in Path("/proc/cpuinfo").read_text().splitlines()
            if ln.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(
        (
            int(ln.split()[1]) // 1024 // 1024
            for ln in Path("/proc/meminfo").read_text().splitlines()
            if ln.startswith("MemTotal")
        ),
        0,
    )
    from iacc2016.present.browser import find_browser

    browser = find_browser()
    chromium = (
        subprocess.run([browser, "--version"], capture_output=True, text=True).stdout.strip() if browser else "none"
    )
    return [
        f"- Machine: {os.cpu_count()} CPUs ({cpu}), {mem} GiB memory, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; pandas {version('pandas')}, plotly {version('plotly')}, nbval {version('nbval')}, "
        f"pytest {version('pytest')}, pytest-xdist {version('pytest-xdist')}, kaleido {version('kaleido')}, {chromium}",
        f"- Run on {date.today().isoformat()}; each figure is the median of {RUNS} runs unless stated.",
    ]


def notebook_times() -> list[dict]:
    """Each notebook executed from a fresh kernel (test renderer), with its slowest cell."""
    import nbformat
    from nbclient import NotebookClient

    rows = []
    with tempfile.TemporaryDirectory() as charts:
        kernel_env = {**os.environ, RENDERER_ENV: INTERACTIVE_RENDERER, CHART_DATA_ENV: charts}
        for path in NOTEBOOKS:
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(
                nb,
                extra_arguments=["--IPKernelApp.log_level=ERROR"],
                timeout=600,
                kernel_name="python3",
                resources={"metadata": {"path": str(path.parent)}},
                record_timing=True,
            )
            start = time.perf_counter()
            client.execute(env=kernel_env)
            total = time.perf_counter() - start
            cells = []
            for number, cell in enumerate(nb.cells, start=1):
                t = cell.get("metadata", {}).get("execution", {})
                if "iopub.execute_input" in t and "shell.execute_reply" in t:
                    from datetime import datetime

                    a = datetime.fromisoformat(t["iopub.execute_input"].replace("Z", "+00:00"))
                    b = datetime.fromisoformat(t["shell.execute_reply"].replace("Z", "+00:00"))
                    cells.append(((b - a).total_seconds(), number, cell.source.splitlines()[0][:60]))
            slowest = max(cells)
            first_code = next(n for n, c in enumerate(nb.cells, start=1) if c.cell_type == "code")
            rows.append(
                {
                    "slowest is first": slowest[1] == first_code,
                    "notebook": path.name,
                    "seconds": total,
                    "cells": len(cells),
                    "slowest cell": f"cell {slowest[1]} ({slowest[0]:.2f} s): {slowest[2]}",
                }
            )
    return rows
