"""Access to the local article folder. The texts are third-party work: they are read here,
never copied into the repository."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..settings import display_path
from .paths import OutsideFolder, confined, open_problem
from .problems import Problem
from .text import body_lines, collapse_whitespace


@dataclass(frozen=True)
class Article:
    source_id: str
    raw: str
    sha256: str
    furniture_lines: frozenset[int]
    normalized: str = field(init=False, repr=False)  # computed once: snippets are matched against it

    def __post_init__(self) -> None:
        object.__setattr__(self, "normalized", collapse_whitespace(self.raw))

    @property
    def body(self) -> str:
        return body_lines(self.raw, set(self.furniture_lines))

    def line(self, number: int) -> str | None:
        lines = self.raw.split("\n")
        return lines[number - 1].strip() if 1 <= number <= len(lines) else None


def read_article(folder: Path, seed_file: str, source_id: str, furniture: pd.DataFrame | None = None) -> Article:
    """Read one article; raises OSError/UnicodeDecodeError for the caller to report."""
    data = confined(Path(folder), seed_file).read_bytes()  # OutsideFolder before anything is read
    lines: frozenset[int] = frozenset()
    if furniture is not None and len(furniture):
        mine = furniture[furniture["source_id"] == source_id]
        lines = frozenset(int(n) for n in mine["line_number"])
    return Article(source_id, data.decode("utf-8"), hashlib.sha256(data).hexdigest(), lines)


def load_articles(
    sources: pd.DataFrame, furniture: pd.DataFrame | None, folder: Path
) -> tuple[dict[str, Article], list[Problem]]:
    """Every article sources.csv names, read from the folder; a missing or unreadable file
    is a problem at its row of sources.csv, never an exception."""
    articles, problems = {}, []
    for i, r in enumerate(sources.itertuples(index=False)):
        row = i + 2
        try:
            articles[r.source_id] = read_article(folder, r.seed_file, r.source_id, furniture)
        except OutsideFolder as exc:
            problems.append(Problem("sources.csv", row, "seed_file", f"{exc}; refused, nothing read"))
        except FileNotFoundError:
            problems.append(
                Problem(
                    "sources.csv",
                    row,
                    "seed_file",
                    f"{r.seed_file!r} is not in the article folder {display_path(folder)}",
                )
            )
        except (OSError, UnicodeDecodeError) as exc:
            why = "is not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else None
            why = why or open_problem(Path(folder) / r.seed_file) or f"cannot be read ({exc.__class__.__name__})"
            problems.append(Problem("sources.csv", row, "seed_file", f"{r.seed_file!r} in the article folder {why}"))
    return articles, problems
