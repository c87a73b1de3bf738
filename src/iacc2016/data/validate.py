"""`make validate`: the loader's one pass (each file, Frictionless on the descriptor's
checks, our rules), then (when the article folder is present) that every snippet and
quote is verbatim in its article and every hash matches. Whether derived files are stale is the derive layer's
question (`iacc2016 features --check`); the command line asks both. Never writes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import settings
from .articles import Article, load_articles
from .load import read_all
from .problems import DataValidationError, Problem
from .text import count_words

# Tables holding a verbatim `snippet` (or quote `text`) to be found in the article of `source_id`.
VERBATIM_COLUMNS = {
    "evidence": "snippet",
    "quotes": "text",
    "claims": "snippet",
    "labels": "phrase",
    "frame_codes": "snippet",
}


def validate(data_dir: Path | None = None, articles_dir: Path | None = None) -> list[Problem]:
    """Every problem found, or [] when the data package is sound."""
    data_dir = Path(data_dir) if data_dir is not None else settings.data_dir()
    try:
        package, tables, problems = read_all(data_dir)
    except DataValidationError as exc:  # the descriptor itself is broken
        return exc.problems
    if len(tables) < len(package.resources):
        return problems  # a table that cannot be read cannot be checked further
    if articles_dir is not None:
        problems += article_problems(tables, Path(articles_dir), data_dir)
    return sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.column or "", p.message))


def article_problems(tables: dict[str, pd.DataFrame], folder: Path, data_dir: Path) -> list[Problem]:
    articles, out = load_articles(tables["sources"], tables.get("page_furniture"), folder)
    measured = tables["sources_text"].set_index("source_id") if "sources_text" in tables else None
    for i, r in enumerate(tables["sources"].itertuples(index=False)):
        row, art = i + 2, articles.get(r.source_id)
        if art is None:
            continue
        for column in ("headline", "author"):
            value = getattr(r, column)
            if pd.notna(value) and value not in art.raw:
                out.append(Problem("sources.csv", row, column, "is not printed in the article file"))
    if measured is not None:
        for i, r in enumerate(tables["sources_text"].itertuples(index=False)):
            row, art = i + 2, articles.get(r.source_id)
            if art is None:
                continue
            if art.sha256 != r.text_sha256:
                out.append(
                    Problem(
                        "derived/sources_text.csv",
                        row,
                        "text_sha256",
                        f"does not match the article file (its SHA-256 is {art.sha256}); the text differs from the one coded",
                    )
                )
            elif count_words(art.body) != r.body_word_count:
                out.append(
                    Problem(
                        "derived/sources_text.csv",
                        row,
                        "body_word_count",
                        f"is {r.body_word_count} but the article body has {count_words(art.body)} words; run make features",
                    )
                )
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
    out += _quote_kind_problems(tables["quotes"], articles)
    return out


OPENING_QUOTES = "\u201c\"\u2018'"


def _quote_kind_problems(quotes: pd.DataFrame, articles: dict[str, Article]) -> list[Problem]:
    """A `direct` quotation opens with a quotation mark in its article; a `paraphrase` does not."""
    out = []
    for i, r in enumerate(quotes.itertuples(index=False)):
        art = articles.get(r.source_id)
        at = art.normalized.find(r.text) if art is not None else -1
        if at < 0 or r.kind not in ("direct", "paraphrase"):
            continue
        quoted = at > 0 and art.normalized[at - 1] in OPENING_QUOTES
        if quoted != (r.kind == "direct"):
            why = "is not opened by a quotation mark" if quoted is False else "is opened by a quotation mark"
            out.append(Problem("quotes.csv", i + 2, "kind", f"is {r.kind!r} but the passage {why} in the article"))
    return out


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
