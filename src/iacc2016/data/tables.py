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
    def load(cls, data_dir: Path) -> Tables:
        """Read and check every table; raise DataValidationError on any problem."""
        return cls(load_tables(data_dir), load_package(data_dir))

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.__dict__["tables"][name]
        except KeyError:
            raise AttributeError(name) from None

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
