"""`make validate`: Frictionless on the package, then the rules it cannot express, then
(when the article folder is present) that every snippet and quote is verbatim in its
article and every hash matches. Prints `file:row:column: problem`; never writes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import paths, record_check
from .articles import Article, load_articles
from .errors import DataValidationError, Problem
from .loader import read_all
from .schema import load_package
from .text import count_words

# Tables holding a verbatim `snippet` (or quote `text`) to be found in the article of `source_id`.
VERBATIM_COLUMNS = {
    "evidence": "snippet",
    "quotes": "text",
    "claims": "snippet",
    "labels": "phrase",
    "frame_codes": "snippet",
}


def validate(
    data_dir: Path | None = None, articles_dir: Path | None = None, use_frictionless: bool = True
) -> list[Problem]:
    """Every problem found, or [] when the data package is sound."""
    data_dir = Path(data_dir) if data_dir is not None else paths.data_dir()
    try:
        package, tables, problems = read_all(data_dir)
    except DataValidationError as exc:  # the descriptor itself is broken
        return exc.problems
    if len(tables) < len(package.resources):
        return problems  # a table that cannot be read cannot be checked further
    if use_frictionless:
        problems += frictionless_problems(data_dir)
    if "record_checks" in tables and "record_sources" in tables:
        # Rules of the public-record tables (kept with their analysis; see record_check.py).
        problems += [Problem(*p) for p in record_check.problem_tuples(tables)]
    if articles_dir is not None:
        problems += article_problems(tables, Path(articles_dir), data_dir)
    return sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.column or "", p.message))


def frictionless_problems(data_dir: Path) -> list[Problem]:
    """A second, independent reading of the package by the Frictionless reference tools."""
    import frictionless

    package = load_package(data_dir)
    paths_by_name = {r.name: r.path for r in package.resources}
    report = frictionless.validate(str(Path(data_dir) / "datapackage.json"))
    out = []
    for task in report.tasks:
        file = paths_by_name.get(task.name, task.name)
        for error in task.errors:
            row = getattr(error, "row_number", None)
            column = getattr(error, "field_name", None)
            out.append(Problem(file, row, column, f"frictionless: {error.type}: {error.note}"))
    for error in report.errors:
        out.append(Problem("datapackage.json", None, None, f"frictionless: {error.type}: {error.note}"))
    return out


def article_problems(tables: dict[str, pd.DataFrame], folder: Path, data_dir: Path) -> list[Problem]:
    articles, out = load_articles(tables["sources"], tables.get("page_furniture"), folder)
    for i, r in enumerate(tables["sources"].itertuples(index=False)):
        row, art = i + 2, articles.get(r.source_id)
        if art is None:
            continue
        if pd.isna(r.text_sha256) or pd.isna(r.body_word_count):
            continue  # reported already: "is empty; run make features"
        if art.sha256 != r.text_sha256:
            out.append(
                Problem(
                    "sources.csv",
                    row,
                    "text_sha256",
                    f"does not match the article file (its SHA-256 is {art.sha256}); the text differs from the one coded",
                )
            )
        elif count_words(art.body) != r.body_word_count:
            out.append(
                Problem(
                    "sources.csv",
                    row,
                    "body_word_count",
                    f"is {r.body_word_count} but the article body has {count_words(art.body)} words; run make features",
                )
            )
        if pd.notna(r.headline) and r.headline not in art.raw:
            out.append(Problem("sources.csv", row, "headline", "is not printed in the article file"))
    for i, r in enumerate(tables["page_furniture"].itertuples(index=False)):
        art = articles.get(r.source_id)
        if art is not None and art.line(int(r.line_number)) != r.line_text:
            out.append(
                Problem("page_furniture.csv", i + 2, "line_text", f"does not match line {r.line_number} of the article")
            )
    for table, column in VERBATIM_COLUMNS.items():
        if table not in tables:
            continue
        for i, r in enumerate(tables[table].itertuples(index=False)):
            art = articles.get(r.source_id)
            text = getattr(r, column)
            if art is not None and pd.notna(text) and text not in art.normalized:
                out.append(
                    Problem(
                        f"{table}.csv",
                        i + 2,
                        column,
                        f"is not verbatim in article {r.source_id} (after collapsing whitespace)",
                    )
                )
    out += _quote_order_problems(tables["quotes"], articles)
    if "term_counts" in tables and not any(p.file == "sources.csv" for p in out):
        out += _term_count_problems(Path(data_dir), Path(folder))
    return out


def _term_count_problems(data_dir: Path, folder: Path) -> list[Problem]:
    """The committed term counts must be what `make features` derives from the articles."""
    from .features import TERM_COUNTS, build

    try:
        expected = build(data_dir, folder)[TERM_COUNTS]
    except DataValidationError as exc:
        return exc.problems
    if (data_dir / TERM_COUNTS).read_text(encoding="utf-8") != expected:
        return [Problem(TERM_COUNTS, None, None, "differs from what the article folder gives; run make features")]
    return []


def _quote_order_problems(quotes: pd.DataFrame, articles: dict[str, Article]) -> list[Problem]:
    """`sequence` must follow the order in which the passages appear in the article."""
    out = []
    for source, group in quotes.groupby("source_id", sort=True):
        art = articles.get(source)
        if art is None:
            continue
        text = art.normalized
        found = [
            (text.find(t), int(s), int(i))
            for i, t, s in zip(group.index, group["text"], group["sequence"], strict=True)
            if t in text
        ]
        by_position = [seq for _, seq, _ in sorted(found)]
        if by_position != sorted(by_position):
            row = int(group.index[0]) + 2
            out.append(
                Problem("quotes.csv", row, "sequence", f"quotes of {source} are not numbered in order of appearance")
            )
    return out
