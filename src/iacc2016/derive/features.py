"""`make features`: derive everything text-based from the local article folder, into
data/derived/ only (the hand-coded tables are never rewritten by a build step):

- derived/sources_text.csv: each article's text_sha256 (a hash that no longer matches the
  article is an error, never overwritten) and body_word_count;
- derived/term_counts.csv: per-article counts of each term in the article body.

Adding an article means adding its file to the folder and its row to sources.csv; this
step then updates every text-derived measure without a code change. Outputs are written
only after every article was read, each atomically. `stale` is `features --check`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..atomic import commit_files
from ..data.articles import load_articles
from ..data.load import read_table
from ..data.problems import DataValidationError, Problem
from ..data.schema import load_package
from ..data.text import count_terms, count_words, term_table

DERIVED = "derived"
SOURCES_TEXT = f"{DERIVED}/sources_text.csv"
TERM_COUNTS = f"{DERIVED}/term_counts.csv"


def csv_text(header: list[str], rows: list[list]) -> str:
    """The repository's one CSV format: minimal quoting, UTF-8, '\\n' line endings."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def _recorded_hashes(data_dir: Path) -> dict[str, tuple[int, str]]:
    """source_id -> (row, hash) already in derived/sources_text.csv (none when it is missing)."""
    path = Path(data_dir) / SOURCES_TEXT
    if not path.is_file():
        return {}
    # utf-8-sig: a byte-order mark is accepted on read and never written back
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    if not rows or rows[0][:2] != ["source_id", "text_sha256"]:
        return {}
    return {r[0]: (n, r[1]) for n, r in enumerate(rows[1:], start=2) if len(r) >= 2 and r[1]}


def build(data_dir: Path, articles_dir: Path, workers: int = 2) -> dict[str, str]:
    """Compute the new contents of the derived files (nothing is written)."""
    package = load_package(data_dir)
    sources = read_table("sources", data_dir, package)
    furniture = read_table("page_furniture", data_dir, package)
    recorded = _recorded_hashes(data_dir)
    articles, problems = load_articles(sources, furniture, articles_dir)
    measured, ids, texts = [], [], []
    for r in sources.sort_values("source_id").itertuples(index=False):
        art = articles.get(r.source_id)
        if art is None:
            continue  # reported by load_articles
        row, sha = recorded.get(r.source_id, (None, ""))
        if sha and sha != art.sha256:
            problems.append(
                Problem(
                    SOURCES_TEXT,
                    row,
                    "text_sha256",
                    "does not match the article file; if the article changed on purpose, delete this row and run make features again",
                )
            )
            continue
        measured.append([r.source_id, art.sha256, count_words(art.body)])
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
        SOURCES_TEXT: csv_text(["source_id", "text_sha256", "body_word_count"], measured),
        TERM_COUNTS: csv_text(["source_id", "term", "count"], counts),
    }


def write(data_dir: Path, articles_dir: Path) -> list[str]:
    """Build, then write only the files whose contents changed; return their names."""
    outputs = build(data_dir, articles_dir)
    # Both files together or neither: a kill between them must not leave a mismatched pair.
    files = {Path(data_dir) / name: text.encode("utf-8") for name, text in outputs.items()}
    changed = commit_files(Path(data_dir), files)
    return [name for name in outputs if Path(data_dir) / name in changed]


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
