"""`make features`: derive everything text-based from the local article folder.

- sources.csv: text_sha256 (filled when empty; a mismatch is an error, never overwritten)
  and body_word_count (recomputed);
- term_counts.csv: per-article counts of each term in the article body.

Adding an article means adding its file to the folder and its row to sources.csv; this
step then updates every text-derived measure without a code change. Outputs are written
only after every article was read, each atomically."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..atomic import write_text_atomic
from ..data.articles import load_articles
from ..data.load import read_table
from ..data.problems import DataValidationError, Problem
from ..data.schema import load_package
from ..data.text import count_terms, count_words, term_table

TERM_COUNTS = "term_counts.csv"


def csv_text(header: list[str], rows: list[list]) -> str:
    """The repository's one CSV format: minimal quoting, UTF-8, '\\n' line endings."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def build(data_dir: Path, articles_dir: Path, workers: int = 2) -> dict[str, str]:
    """Compute the new contents of sources.csv and term_counts.csv (nothing is written)."""
    package = load_package(data_dir)
    sources = read_table("sources", data_dir, package)
    furniture = read_table("page_furniture", data_dir, package)
    # utf-8-sig: a byte-order mark is accepted on read and never written back
    sources_text = (Path(data_dir) / "sources.csv").read_text(encoding="utf-8-sig")
    raw_rows = list(csv.reader(io.StringIO(sources_text, newline="")))
    header, body = raw_rows[0], raw_rows[1:]
    col_sha, col_words = header.index("text_sha256"), header.index("body_word_count")
    articles, problems = load_articles(sources, furniture, articles_dir)
    ids, texts = [], []
    for i, r in enumerate(sources.itertuples(index=False)):
        row = i + 2
        art = articles.get(r.source_id)
        if art is None:
            continue  # reported by load_articles
        recorded = body[i][col_sha]
        if recorded and recorded != art.sha256:
            problems.append(
                Problem(
                    "sources.csv",
                    row,
                    "text_sha256",
                    "does not match the article file; if the article changed on purpose, empty this cell and run make features again",
                )
            )
            continue
        body[i][col_sha] = art.sha256
        body[i][col_words] = str(count_words(art.body))
        ids.append(r.source_id)
        texts.append(art.body)
    if problems:
        raise DataValidationError(problems)
    table = term_table(ids, count_terms(texts, workers=workers))
    counts = [
        [s, t, int(n)]
        for s, t, n in zip(table["source_id"].astype(str), table["term"].astype(str), table["count"], strict=True)
    ]
    return {
        "sources.csv": csv_text(header, body),
        TERM_COUNTS: csv_text(["source_id", "term", "count"], counts),
    }


def write(data_dir: Path, articles_dir: Path) -> list[str]:
    """Build, then write only the files whose contents changed; return their names."""
    outputs = build(data_dir, articles_dir)
    changed = []
    for name, text in outputs.items():
        target = Path(data_dir) / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            write_text_atomic(target, text)
            changed.append(name)
    return changed


def stale(data_dir: Path, articles_dir: Path) -> list[Problem]:
    """`features --check`: the derived files that differ from what the articles give."""
    try:
        outputs = build(data_dir, articles_dir)
    except DataValidationError as exc:
        return exc.problems
    return [
        Problem(name, None, None, "differs from what the article folder gives; run make features")
        for name, text in outputs.items()
        if not (Path(data_dir) / name).is_file() or (Path(data_dir) / name).read_text(encoding="utf-8") != text
    ]
