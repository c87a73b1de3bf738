"""`make mutate`: does anything notice a plausible one-cell edit of each column?

For every column of every table in data/datapackage.json, one seeded, plausible edit
(scripts/mutate_edits.py) is made in a copy of the data, and the rules and the notebooks'
reader-visible outputs are asked whether they notice (scripts/mutate_run.py). A column
whose edit nothing notices must be declared in the descriptor as kept for provenance
only (the field property `provenanceOnly`, holding the reason; the data dictionary says
so); one that is not declared fails the check, and so does a declared one that a
notebook shows (the declaration would be untrue). Without the article folder, the
columns that only the checks against the articles can judge (ARTICLE_CHECKED) are
reported as not judged instead of failing. Two worker processes share the edits;
the whole run is bounded to ten minutes and stops, failing, when it would take longer.

    python scripts/mutate.py [--seed N] [--only TABLE[.COLUMN]]... [--notebooks NAME...]

Exit status: 0 when every column is noticed or declared; 1 when one is not; 2 when the
check cannot be trusted (a baseline that fails or changes between runs) or runs too long.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import mutate_run
from mutate_edits import plan

from iacc2016 import settings
from iacc2016.data.datadict import provenance_only
from iacc2016.data.schema import load_package
from iacc2016.data.validate import VERBATIM_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
# Columns that only the checks against the articles can judge (data/validate.py): without
# the article folder, an unnoticed edit of one of them is reported, not failed.
ARTICLE_CHECKED = {f"{t}.{c}" for t, c in VERBATIM_COLUMNS.items()} | {
    "sources.headline",
    "sources.author",
    "page_furniture.line_number",
    "page_furniture.line_text",
    "sources_text.text_sha256",
    "sources_text.body_word_count",
    "quotes.kind",
    "quotes.sequence",
}
SEED = 2016
LIMIT_SECONDS = 600


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder (default: data/)")
    p.add_argument("--seed", type=int, default=SEED, help=f"the edits' seed (default {SEED})")
    p.add_argument("--only", action="append", default=[], help="TABLE or TABLE.COLUMN to check (repeatable)")
    p.add_argument("--notebooks", nargs="+", help="notebook names to run (default: every numbered notebook)")
    p.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--limit", type=float, default=LIMIT_SECONDS, help="seconds before the check gives up")
    args = p.parse_args(argv)
    started, cpu = time.monotonic(), time.process_time()

    package = load_package(args.data)
    declared = provenance_only(package)
    columns = [c for c in plan(args.data, args.seed) if _selected(c[0].name, args.only)]
    tasks = [(c, (c[0].table, c[0].column) in declared) for c in columns]
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    if args.notebooks:
        notebooks = [n for n in notebooks if n.stem in args.notebooks or n.name in args.notebooks]
    articles = settings.articles_dir()
    articles = articles if articles is not None and articles.is_dir() else None
    checks = (
        f"the rules with the checks against the articles ({settings.display_path(articles)})"
        if articles
        else "the rules (no article folder: the checks against the articles are skipped)"
    )
    print(
        f"make mutate: {len(columns)} columns, seed {args.seed}; asking {checks}, the export, {len(notebooks)} notebooks"
    )
    with tempfile.TemporaryDirectory(prefix="iacc-mutate-") as work:
        setup = (str(args.data), work, str(articles) if articles else None, [str(n) for n in notebooks])
        results = _run(tasks, setup, args.jobs, started, args.limit)
    if isinstance(results, str):
        print(f"make mutate: FAILED: {results}", file=sys.stderr)
        return 2
    order = {c[0].name: i for i, c in enumerate(columns)}
    results.sort(key=lambda verdicts: order[verdicts[0].edit.name])
    failures = _report(results, declared, articles is not None)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    edits = sum(len(v) for v in results)
    print(
        f"make mutate: {edits} edits in {time.monotonic() - started:.0f} s wall, "
        f"{time.process_time() - cpu + children.ru_utime + children.ru_stime:.0f} s CPU (user+sys, workers included)"
    )
    for line in failures:
        print(f"make mutate: FAILED: {line}", file=sys.stderr)
    return 1 if failures else 0


def _selected(name: str, only: list[str]) -> bool:
    return not only or any(name == o or name.split(".")[0] == o for o in only)


def _run(tasks, setup, jobs: int, started: float, limit: float):
    """Every column's verdicts, or why the check stopped."""
    results, deadline = [], started + limit
    if jobs <= 1:  # in this process (the tests, a machine with one core)
        mutate_run.init(*setup)
        for task in tasks:
            if time.monotonic() > deadline:
                return _too_long(limit, len(results), len(tasks))
            verdicts = mutate_run.notice(task)
            if isinstance(verdicts, str):
                return verdicts
            results.append(verdicts)
        return results
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=mutate_run.init, initargs=setup) as pool:
        answers = pool.imap_unordered(mutate_run.notice, tasks)
        for _ in tasks:
            try:
                verdicts = answers.next(timeout=max(0.0, deadline - time.monotonic()))
            except multiprocessing.TimeoutError:
                pool.terminate()
                return _too_long(limit, len(results), len(tasks))
            if isinstance(verdicts, str):
                pool.terminate()
                return verdicts
            results.append(verdicts)
    if len({v.baseline for verdicts in results for v in verdicts}) > 1:
        return "the workers' baselines differ (a notebook's outputs depend on the process that runs it)"
    return results


def _too_long(limit: float, done: int, total: int) -> str:
    return (
        f"stopped after {limit:.0f} s with {done} of {total} columns checked; "
        "the check must finish within its bound (make the notebooks faster, or the edits fewer)"
    )


def _report(results, declared: dict[tuple[str, str], str], with_articles: bool = True) -> list[str]:
    """Print one line a column (and the rows tried before the one noticed); return the failures."""
    width = max(len(verdicts[0].edit.name) for verdicts in results)
    failures, unnoticed, tally = [], [], {}
    print(f"\n{'column':<{width}}   row  edit -> noticed by")
    for verdicts in results:
        last, e = verdicts[-1], verdicts[-1].edit
        reason = declared.get((e.table, e.column))
        noticed = [v for v in verdicts if v.by]
        waived = not with_articles and not noticed and not reason and e.name in ARTICLE_CHECKED
        by = noticed[0].by if noticed else ("provenance only (declared)" if reason else "NOTHING")
        by = "not judged (only the checks against the absent articles could notice it)" if waived else by
        key = "unjudged" if waived else by.split(" ")[0]
        tally[key] = tally.get(key, 0) + 1
        shown = noticed[0] if noticed else last
        print(f"{e.name:<{width}}  {shown.edit.row:>4}  {e.how}: {_change(shown.edit.old, shown.edit.new)} -> {by}")
        if shown.detail:
            print(f"{'':<{width}}        {shown.detail}")
        missed = [str(v.edit.row) for v in verdicts if not v.by]
        if missed and (noticed or len(verdicts) > 1):
            print(f"{'':<{width}}        unnoticed on row {', '.join(missed)}")
        if not noticed and not reason and not waived:
            unnoticed.append(e.name)
            failures.append(f"{e.name}: nothing notices its edits ({e.how}), and it is not declared provenance-only")
        for v in noticed:
            if reason and not v.by.startswith("rule"):
                failures.append(f"{e.name} is declared provenance-only, but {v.by} shows it: remove the declaration")
                break
    print("\n" + ", ".join(f"{n} {k}" for k, n in sorted(tally.items())))
    print("unnoticed and not declared provenance-only: " + (", ".join(unnoticed) or "none"))
    return failures


def _change(old: str, new: str, context: int = 12) -> str:
    """'old' -> 'new', cut to the part that changed and a few characters around it."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1

    def cut(text: str) -> str:
        a, b = max(0, start - context), len(text) - max(0, end - context)
        return ("..." if a else "") + text[a:b] + ("..." if b < len(text) else "")

    return f"{cut(old)!r} -> {cut(new)!r}"


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
