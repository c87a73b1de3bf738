"""The tables object: every table of the data package by name, with the codebook."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .load import load_tables
from .schema import Package, load_package


@dataclass
class Tables:
    """The tables, by name (`tables.events`), plus the descriptor (`tables.package`)."""

    tables: dict[str, pd.DataFrame]
    package: Package

    @classmethod
    def load(cls, data_dir: Path, frictionless: bool = True) -> Tables:
        """Read and check every table; raise DataValidationError on any problem (see
        `load_tables` for what `frictionless=False` leaves to `make validate`)."""
        return cls(load_tables(data_dir, frictionless), load_package(data_dir))

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.__dict__["tables"][name]
        except KeyError:
            if name.startswith("__") or "tables" not in self.__dict__:
                raise AttributeError(name) from None
            known = ", ".join(sorted(self.__dict__["tables"]))
            raise AttributeError(f"no table named {name!r}; the tables are: {known}") from None

    def __dir__(self) -> list[str]:
        """Tab completion lists the tables beside the methods."""
        return sorted(set(super().__dir__()) | set(self.__dict__["tables"]))

    def __repr__(self) -> str:
        """One line a table: its name, its rows and what a row is (the descriptor's title)."""
        titles = {r.name: r.title for r in self.package.resources}
        width = max(map(len, self.tables), default=0)
        lines = [f"{len(self.tables)} tables (data/datapackage.json); each is a pandas DataFrame, e.g. .events"]
        lines += [
            f"  .{name:<{width}}  {len(frame):>5} rows  {titles.get(name, '')}"
            for name, frame in sorted(self.tables.items())
        ]
        return "\n".join(lines)

    def codebook(self, table: str, field: str) -> dict[str, str]:
        """Definitions of a categorical field's codes, from datapackage.json. (Named apart
        from the tables, so `tables.labels` is the labels table.)"""
        return self.package.labels(table, field)

    def outlet_of(self) -> dict[str, str]:
        """source_id -> outlet name."""
        return dict(zip(self.sources["source_id"], self.sources["outlet"], strict=True))

    def outlet_order(self) -> list[str]:
        """Outlets in order of (earliest possible) publication, then name."""
        s = self.sources.sort_values(["published_start", "published_end", "outlet"])
        return list(dict.fromkeys(s["outlet"]))
