"""Where things live. Every path can be overridden by an environment variable, so tests
and build steps can point the notebooks at a copy of the data without touching the repo."""

from __future__ import annotations

import os
from pathlib import Path

DATA_ENV = "IACC_DATA_DIR"
ARTICLES_ENV = "IACC_ARTICLES_DIR"
CHART_DATA_ENV = "IACC_CHART_DATA_DIR"


def repo_root() -> Path:
    """The checkout this package belongs to (found from the current folder, else the package)."""
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        for folder in (start, *start.parents):
            if (folder / "data" / "datapackage.json").is_file() and (folder / "src").is_dir():
                return folder
    raise FileNotFoundError(
        "cannot find the repository (a folder holding data/datapackage.json and src/); "
        f"set {DATA_ENV} to the data folder"
    )


def data_dir() -> Path:
    """The folder holding datapackage.json and the CSVs."""
    override = os.environ.get(DATA_ENV)
    return Path(override) if override else repo_root() / "data"


def articles_dir() -> Path | None:
    """The local folder of article texts, or None when there is none.

    The articles are third-party work and never enter the repository; by default they are
    read from ../shared/seeds beside the checkout.
    """
    override = os.environ.get(ARTICLES_ENV)
    if override:
        return Path(override)
    default = repo_root().parent / "shared" / "seeds"
    return default if default.is_dir() else None


def notebooks_dir() -> Path:
    return repo_root() / "notebooks"


def chart_data_dir() -> Path:
    """Where each chart's data is saved beside the notebooks (tests redirect it)."""
    override = os.environ.get(CHART_DATA_ENV)
    return Path(override) if override else notebooks_dir() / "chart-data"


def display_path(path: Path) -> str:
    """A path as users should see it: relative to the repository, never absolute."""
    path = Path(path)
    try:
        return path.resolve().relative_to(repo_root().resolve()).as_posix()
    except (ValueError, FileNotFoundError):
        return path.name
