"""`make bench`: the whole warm `make test`, once, with its CPU time and each step's time
(the step lines `make test` prints), against its floor and the recorded baseline. Imported
by run.py."""

from __future__ import annotations

import json
import re
import resource
import statistics
import subprocess
import time
from pathlib import Path

from baseline import OUT as BASELINE_FILE
from baseline import cpu_model

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
STEP = re.compile(r"^\s+\[(\w+): ([\d.]+) s wall, ([\d.]+) s user \+ ([\d.]+) s system CPU\]$", re.M)


def baseline() -> dict:
    """Issue 16's baseline as `make bench-baseline` measured it (benchmarks/baseline.json),
    with a note when it was measured on another kind of machine than this one."""
    record = json.loads(BASELINE_FILE.read_text(encoding="utf-8"))
    same = record["cpu"] == cpu_model()
    record["where"] = (
        f"on this kind of machine ({record['cpus']} CPUs, {record['cpu']})"
        if same
        else f"on another machine ({record['cpus']} CPUs, {record['cpu']}): run `make bench-baseline` here for a fair ratio"
    )
    return record


def one_make_test() -> dict:
    """The whole `make test`, warm (the environment exists), exactly as a user runs it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(["make", "test"], cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"bench: make test failed; fix it first\n{result.stdout[-2000:]}")
    steps = {m[1]: (float(m[2]), float(m[3]) + float(m[4])) for m in STEP.finditer(result.stdout)}
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {"wall": elapsed, "cpu": cpu, "steps": steps}


def make_test() -> dict:
    """The median of three warm runs (by wall time), with every run's seconds kept."""
    runs = sorted((one_make_test() for _ in range(RUNS)), key=lambda r: r["wall"])
    middle = dict(runs[len(runs) // 2])
    middle["runs"] = [r["wall"] for r in runs]
    middle["cpu"] = statistics.median(r["cpu"] for r in runs)
    return middle


def report(whole: dict, whole_floor: float, floor_parts: str) -> list[str]:
    """The `## make test` section of RESULTS.md."""
    wall, cpu = whole["wall"], whole["cpu"]
    base = baseline()
    runs = ", ".join(f"{w:.1f}" for w in whole["runs"])
    lines = [
        "## make test",
        "",
        "| measure | seconds |",
        "|---|---|",
        f"| the whole `make test`, warm, median of {RUNS} runs ({runs}) | {wall:.1f} |",
        f"| its CPU time, all processes (user + system), median | {cpu:.1f} |",
        f"| its floor: {floor_parts} | {whole_floor:.1f} |",
        f"| the baseline: warm `make test` at {base['commit']}, before the suite work, median of "
        f"{len(base['runs'])} runs {base['where']} | {base['wall']:.1f} |",
        "",
        f"make test / floor = **{wall / whole_floor:.2f}**; make test / baseline = **{wall / base['wall']:.2f}** "
        f"(goal: at most 0.50: {'met' if wall / base['wall'] <= 0.5 else 'missed'}); CPU / baseline CPU "
        f"({base['cpu_seconds']:.1f}) = **{cpu / base['cpu_seconds']:.2f}**. `make robustness`, the tests that start "
        "real processes, is not part of `make test` (CI runs it after). "
        "On a shared machine the load of other processes inflates the seconds; the CPU time is less affected.",
        "",
        "The four steps run at once; each row is that step's own time from the start of `make test`.",
        "",
        "| step | wall (s) | CPU (s) |",
        "|---|---|---|",
    ]
    lines += [f"| {name} | {w:.1f} | {c:.1f} |" for name, (w, c) in whole["steps"].items()]
    return lines


def say_summary(say, whole: dict, whole_floor: float) -> None:
    wall, base = whole["wall"], baseline()
    say(
        f"make test: {wall:.1f} s wall, {whole['cpu']:.1f} s CPU; {wall / whole_floor:.2f} x its floor "
        f"({whole_floor:.1f} s); {wall / base['wall']:.2f} x the {base['wall']:.1f} s baseline (goal: at most 0.50), "
        f"measured {base['where']}"
    )
    for name, (w, c) in whole["steps"].items():
        say(f"  {name}: {w:.1f} s wall, {c:.1f} s CPU")
