"""One error type for every data problem, printed as `file:row:column: what is wrong`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file.

    `row` counts records as a spreadsheet shows them: the header is row 1, the first data
    record row 2. `row` and `column` are None where the problem concerns the whole file.
    """

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f":{self.row}"
        if self.column is not None:
            where += f":{self.column}" if self.row is not None else f"::{self.column}"
        return f"{where}: {self.message}"


class DataValidationError(Exception):
    """Raised with every problem found, so one run lists them all."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__(self.report())

    def report(self, limit: int = 200) -> str:
        lines = [str(p) for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"... and {len(self.problems) - limit} more problems")
        return "\n".join(lines)


def _sort_key(p: Problem):
    return (p.file, p.row if p.row is not None else -1, p.column or "", p.message)
