"""`make bench-baseline`: measure issue 16's baseline on this machine.

Issue 16 asks for `make test` in at most half of the warm time it took before the suite work
(commit 370598c). Seconds measured on one machine say little about another (the same commit
took 45 s on one two-core machine and 72 s on another), so the baseline is measured here, on
the machine `make bench` runs on: a detached worktree of that commit in a temporary folder,
its own .venv (uv's cache makes it quick), one cold `make test` to warm it, then three warm
runs. The result goes to benchmarks/baseline.json, which `make bench` compares against and
whose machine it checks."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from iacc2016 import settings  # noqa: E402
from iacc2016.atomic import write_text_atomic  # noqa: E402

COMMIT = "370598c"
OUT = ROOT / "benchmarks" / "baseline.json"
RUNS = 3


def cpu_model() -> str:
    """The processor's name, as /proc/cpuinfo gives it (what tells two machines apart)."""
    info = Path("/proc/cpuinfo")
    lines = info.read_text().splitlines() if info.exists() else []
    return next((ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("model name")), "unknown")


def timed_make_test(checkout: Path, env: dict) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(["make", "test"], cwd=checkout, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"bench-baseline: make test failed at {COMMIT}\n{result.stdout[-2000:]}")
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> int:
    articles = settings.articles_dir()
    if articles is None or not articles.is_dir():
        raise SystemExit(
            "bench-baseline: no article folder (place the articles in ../shared/seeds or set IACC_ARTICLES_DIR)"
        )
    env = {**os.environ, settings.ARTICLES_ENV: str(articles)}
    with tempfile.TemporaryDirectory(prefix="iacc-baseline-") as scratch:
        checkout = Path(scratch) / "repo"
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(checkout), COMMIT], cwd=ROOT, check=True)
        try:
            print(f"bench-baseline: {COMMIT}: building its .venv and one cold make test", flush=True)
            timed_make_test(checkout, env)
            runs = []
            for n in range(1, RUNS + 1):
                runs.append(timed_make_test(checkout, env))
                print(f"bench-baseline: warm run {n}: {runs[-1][0]:.1f} s wall, {runs[-1][1]:.1f} s CPU", flush=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(checkout)], cwd=ROOT, check=False)
    record = {
        "commit": COMMIT,
        "what": "warm make test before issue 16's suite work",
        "cpu": cpu_model(),
        "cpus": os.cpu_count(),
        "runs": [{"wall": round(w, 1), "cpu": round(c, 1)} for w, c in runs],
        "wall": round(statistics.median(w for w, _ in runs), 1),
        "cpu_seconds": round(statistics.median(c for _, c in runs), 1),
    }
    write_text_atomic(OUT, json.dumps(record, indent=2) + "\n")
    print(f"bench-baseline: wrote {OUT.relative_to(ROOT)}: median {record['wall']} s wall", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
