"""Shared fixtures: a throw-away copy of data/, the article folder (or a clear skip), and
helpers to corrupt one cell and to prove that nothing was written."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from iacc2016 import settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
NO_ARTICLES = "article folder not available (place the articles in ../shared/seeds or set IACC_ARTICLES_DIR)"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session")
def articles_dir() -> Path:
    folder = settings.articles_dir()
    if folder is None or not folder.is_dir():
        pytest.skip(NO_ARTICLES)
    return folder


def snapshot(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under a folder, to assert that a command changed nothing."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@contextlib.contextmanager
def environment(changes: dict[str, str] | None):
    """This process's environment with `changes`, restored afterwards."""
    saved = dict(os.environ)
    os.environ.update(changes or {})
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_in_process(main, args: list[str], env: dict | None = None) -> subprocess.CompletedProcess:
    """A command's main(), called in this process, as if from a shell: its exit status and
    what it printed. (Starting Python for each case cost most of the suite's time.)"""
    out, err = io.StringIO(), io.StringIO()
    with environment(env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exc:  # argparse's own errors
            code = exc.code if isinstance(exc.code, int) else 2
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m iacc2016 ARGS`, in process (tests/test_cli_smoke.py runs the real one once)."""
    from iacc2016.cli import main

    return run_in_process(main, list(args), env)


def subprocess_cli(*args: str, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "iacc2016", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=600,
    )


def read_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def write_rows(path: Path, rows: list[list[str]], delimiter: str = ",", lineterminator: str = "\n") -> None:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=lineterminator).writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")


def set_cell(path: Path, key: str, column: str, value: str) -> int:
    """Set one cell, found by the row's first-column key; return its spreadsheet row."""
    rows = read_rows(path)
    col = rows[0].index(column)
    for number, row in enumerate(rows[1:], start=2):
        if row[0] == key:
            row[col] = value
            write_rows(path, rows)
            return number
    raise KeyError(key)


def row_of(path: Path, key: str) -> int:
    for number, row in enumerate(read_rows(path)[1:], start=2):
        if row[0] == key:
            return number
    raise KeyError(key)


def add_source_row(data_dir: Path, source_id: str, **fields: str) -> None:
    """Append an article's row to sources.csv the way a contributor would: identity and a
    reasoned publication interval (its hash and length are `make features`'s to derive)."""
    rows = read_rows(data_dir / "sources.csv")
    row = dict.fromkeys(rows[0], "")
    row.update(
        source_id=source_id,
        seed_file=f"{source_id}.txt",
        outlet="Example Outlet",
        outlet_type="other",
        outlet_basis="unknown",
        url_basis="none",
        published_start="2016-05-19",
        published_end="2016-05-20",
        published_precision="range",
        published_basis="inferred",
        notes="A test article added to show the corpus can grow.",
    )
    row.update(fields)
    write_rows(data_dir / "sources.csv", rows + [[row[c] for c in rows[0]]])


def validate_fails(data_dir: Path, expected: str, articles: Path | None = None) -> None:
    """`make validate` on a broken copy (in process): exit 1, the exact message, no
    traceback, no writes."""
    before = snapshot(data_dir)
    args = ["validate", "--data", str(data_dir)]
    args += ["--articles", str(articles)] if articles is not None else ["--no-articles"]
    result = run_cli(*args)
    assert result.returncode == 1, result.stdout + result.stderr
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(data_dir) == before
