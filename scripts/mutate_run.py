"""`make mutate`, part 2: does anything notice an edit? One worker process holds a copy of
the data folder and one long-lived IPython shell, and for each edit asks, in order:

1. the rules: the loader's schema checks (types, codes, patterns, keys: everything
   Frictionless checks, and what it cannot) and our rules (`data/rules*.py`), then, when
   the article folder is present, the checks against the articles (`make validate`);
2. the published export `exports/claimreview.jsonld` (`make claimreview`; a test
   requires the committed file to equal it), regenerated from the copy;
3. the notebooks: each notebook's code cells, run in the shell in a fresh namespace as
   `make test` runs them (interactive charts, no PNG), and their reader-visible outputs
   (printed text, HTML, Markdown, the plotly JSON, any error) and chart-data files
   fingerprinted cell by cell against the unmutated data's; the first notebook that
   differs, or fails, noticed the edit.

The baseline is taken twice and must agree with itself, or the check stops: a notebook
that changes between two runs on the same data would make every edit look noticed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import sys
import warnings
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from mutate_edits import Edit, apply, read_rows

from iacc2016 import settings
from iacc2016.data import rules
from iacc2016.data.load import read_all
from iacc2016.data.validate import article_problems
from iacc2016.derive import features

SKIPPED_MIME = ("image/png", "image/jpeg")  # bytes of a browser's rendering; nbval skips them too


@dataclass(frozen=True)
class Verdict:
    edit: Edit
    by: str | None  # "rule NAME", "notebook NAME" or None (nothing noticed)
    detail: str
    baseline: str  # this worker's baseline fingerprint, to compare across workers


class BaselineError(RuntimeError):
    """The unmutated data fails a check, or a notebook's outputs differ between two runs."""


class Runner:
    def __init__(self, data_dir: Path, work: Path, articles: Path | None, notebooks: list[Path]):
        self.data = work / "data"
        self.charts = work / "chart-data"
        shutil.copytree(data_dir, self.data)
        self.charts.mkdir()
        self.articles = articles
        os.environ[settings.DATA_ENV] = str(self.data)
        os.environ[settings.CHART_DATA_ENV] = str(self.charts)
        os.environ[settings.RENDERER_ENV] = settings.INTERACTIVE_RENDERER
        sys.modules.setdefault("rfc3987_syntax", None)  # as the notebooks' start-up does
        from IPython.core.displaypub import CapturingDisplayPublisher
        from IPython.core.interactiveshell import InteractiveShell

        self.shell = InteractiveShell.instance()
        self.published = CapturingDisplayPublisher()
        self.shell.display_pub = self.published
        self.results: list[dict] = []  # a cell's last expression, as the kernel would send it
        self.shell.displayhook.write_output_prompt = lambda: None
        self.shell.displayhook.write_format_data = lambda data, md=None: self.results.append(data)
        self.cells = {nb.stem: _code_cells(nb) for nb in notebooks}
        self.pristine = {}
        self.export = _claimreview_build()
        self.tables: dict = {}
        problem = self.rule_problem()
        if problem is not None:
            raise BaselineError(f"the unmutated data fails a check: {problem[1]}")
        self.baseline_export = self.exported()
        self.baseline = self.fingerprints()
        again = self.fingerprints()
        for name in self.cells:
            if again[name] != self.baseline[name]:
                raise BaselineError(f"{name}: {_first_difference(self.baseline[name], again[name])} between two runs")
        self.signature = hashlib.sha256(json.dumps(self.baseline, sort_keys=True).encode()).hexdigest()

    def notice(self, edit: Edit) -> Verdict:
        path = self.data / edit.path
        original = path.read_bytes()
        if edit.path not in self.pristine:
            self.pristine[edit.path] = read_rows(path)
        apply(self.data, edit, self.pristine[edit.path])
        try:
            found = self.rule_problem(edit)
            if found is not None:
                return Verdict(edit, f"rule {found[0]}", found[1], self.signature)
            if self.exported() != self.baseline_export:
                return Verdict(edit, "export claimreview", "exports/claimreview.jsonld differs", self.signature)
            for name in self.cells:
                prints, error = self.run(name)
                if error is not None:
                    return Verdict(edit, f"notebook {name}", error, self.signature)
                if prints != self.baseline[name]:
                    return Verdict(
                        edit, f"notebook {name}", _first_difference(self.baseline[name], prints), self.signature
                    )
            return Verdict(edit, None, "", self.signature)
        finally:
            path.write_bytes(original)

    def rule_problem(self, edit: Edit | None = None) -> tuple[str, str] | None:
        """(which check, the problem it reports) for the data copy as it is now, or None.
        A table that no longer reads is the schema's catch (the rules then skip it)."""
        package, tables, problems = read_all(self.data)
        self.package, self.tables = package, tables
        if problems:
            if edit is not None and edit.table not in tables:
                return "schema (data/load.py)", _about(problems, edit)
            for function in rules.RULES:
                found = function(package, tables)
                if found:
                    return function.__name__, _about(found, edit)
            return "schema (data/load.py)", _about(problems, edit)
        if self.articles is not None:
            problems = article_problems(tables, self.articles, self.data)
            if problems:
                return "articles (data/validate.py)", _about(problems, edit)
            # `make validate` then compares the derived files with a fresh derivation.
            problems = features.stale(self.data, self.articles)
            if problems:
                return "derived files (derive/features.py)", _about(problems, edit)
        return None

    def exported(self) -> str:
        """The export's text from the tables the rules just read (they passed every rule)."""
        return self.export(self.tables, self.package.labels("record_checks", "rating"))

    def fingerprints(self) -> dict[str, list[str]]:
        out = {}
        for name in self.cells:
            prints, error = self.run(name)
            if error is not None:
                raise BaselineError(f"{name} fails on the unmutated data: {error}")
            out[name] = prints
        return out

    def run(self, name: str) -> tuple[list[str], str | None]:
        """Each code cell's fingerprint, then the chart data's; or the failing cell."""
        shutil.rmtree(self.charts)
        self.charts.mkdir()
        self.shell.reset(new_session=False)
        prints = []
        with warnings.catch_warnings():
            warnings.simplefilter("default")  # a new warning is a changed output, as under nbval
            for number, source in enumerate(self.cells[name], start=1):
                self.published.outputs.clear()
                self.results.clear()
                out, err = StringIO(), StringIO()
                with redirect_stdout(out), redirect_stderr(err):
                    result = self.shell.run_cell(source, store_history=False)
                if not result.success:
                    error = result.error_in_exec or result.error_before_exec
                    return prints, f"code cell {number} fails: {type(error).__name__}: {error}"
                shown = [_visible(o["data"]) for o in self.published.outputs] + [_visible(d) for d in self.results]
                prints.append(_digest([out.getvalue(), err.getvalue(), shown]))
        files = sorted(self.charts.iterdir())
        prints.append(_digest([[p.name, p.read_text(encoding="utf-8")] for p in files]))
        return prints, None


def _about(problems, edit: Edit | None) -> str:
    """The problem reported at the edited cell, else in its row, its file, or the first."""
    if edit is not None:
        for test in (
            lambda p: (p.file, p.row, p.column) == (edit.path, edit.row, edit.column),
            lambda p: (p.file, p.row) == (edit.path, edit.row),
            lambda p: p.file == edit.path,
        ):
            hits = sorted(p for p in problems if test(p))
            if hits:
                return str(hits[0])
    return str(min(problems))


def _claimreview_build():
    """scripts/claimreview.py's build(tables, rating labels): the export's text, as
    `make claimreview` writes it."""
    spec = importlib.util.spec_from_file_location("claimreview", Path(__file__).with_name("claimreview.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build


def _code_cells(notebook: Path) -> list[str]:
    """The code cells `make test` executes: the committed notebook's (kept in step with
    its .py twin by tests/test_notebooks_static.py)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def _visible(bundle: dict) -> dict:
    return {k: v for k, v in bundle.items() if k not in SKIPPED_MIME}


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def _first_difference(before: list[str], after: list[str]) -> str:
    for number, (a, b) in enumerate(zip(before, after, strict=True), start=1):
        if a != b:
            return "its chart data differs" if number == len(before) else f"code cell {number}'s output differs"
    return "its outputs differ"


# --- the worker process: one Runner, made on the first edit it is given ---
_RUNNER: Runner | None = None
_SETUP: tuple | None = None


def init(data_dir: str, work: str, articles: str | None, notebooks: list[str]) -> None:
    global _SETUP
    _SETUP = (data_dir, work, articles, notebooks)


def notice(task: tuple[list[Edit], bool]) -> list[Verdict] | str:
    """A column's verdicts, one a row tried: until one is noticed, or, for a column
    declared provenance-only, every row (to catch a notebook that shows it after all);
    or the reason the baseline cannot be trusted."""
    edits, declared = task
    global _RUNNER
    if _RUNNER is None:
        data_dir, work, articles, notebooks = _SETUP
        folder = Path(work) / f"worker-{os.getpid()}"
        folder.mkdir()
        try:
            _RUNNER = Runner(Path(data_dir), folder, Path(articles) if articles else None, [Path(n) for n in notebooks])
        except BaselineError as exc:
            return str(exc)
    verdicts = []
    for edit in edits:
        verdicts.append(_RUNNER.notice(edit))
        if verdicts[-1].by is not None and not declared:
            break
    return verdicts
