"""Every setting in one object, read from the environment in one place (`Settings.from_env`).

The environment variables are named here and nowhere else in the package; build steps
that start kernels pass a setting explicitly (`Settings.as_env`) instead of changing
this process's environment. Nothing here imports the rest of the package.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

# The environment variables, by setting.
DATA_ENV = "IACC_DATA_DIR"
ARTICLES_ENV = "IACC_ARTICLES_DIR"
CHART_DATA_ENV = "IACC_CHART_DATA_DIR"
RENDERER_ENV = "IACC_PLOTLY_RENDERER"
REQUIRE_IMAGES_ENV = "IACC_REQUIRE_STATIC_IMAGES"
DEBUG_ENV = "IACC_DEBUG"

# Under `make reproduce`: one output bundle with the interactive figure (JupyterLab) and a
# PNG (GitHub, where no JavaScript runs).
STATIC_RENDERER = "plotly_mimetype+png"
# Everywhere else (JupyterLab, Binder, `make test`): the interactive figure only, and no
# headless browser started in the kernel (about 250 MB each). nbval does not compare PNGs.
INTERACTIVE_RENDERER = "plotly_mimetype"


@dataclass(frozen=True)
class Settings:
    """What the notebooks and the build steps may be told from outside."""

    data_dir: Path
    articles_dir: Path | None
    chart_data_dir: Path
    renderer: str = INTERACTIVE_RENDERER
    # Set for `make reproduce`: a notebook written back into the repository must carry its
    # PNGs, so there a missing browser stops the run instead of being skipped.
    require_static_images: bool = False
    debug: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        root = None

        data = env.get(DATA_ENV)

        def root_dir() -> Path:
            nonlocal root
            if root is None:
                try:
                    root = repo_root()
                except FileNotFoundError:
                    if not data:
                        raise
                    root = Path(data).resolve().parent  # a data folder given outside a checkout
            return root

        articles = env.get(ARTICLES_ENV)
        if articles:
            articles_dir: Path | None = Path(articles)
        else:
            # The articles are third-party work and never enter the repository; by default
            # they are read from ../shared/seeds beside the checkout.
            default = root_dir().parent / "shared" / "seeds"
            articles_dir = default if default.is_dir() else None
        charts = env.get(CHART_DATA_ENV)
        return cls(
            data_dir=Path(data) if data else root_dir() / "data",
            articles_dir=articles_dir,
            chart_data_dir=Path(charts) if charts else root_dir() / "notebooks" / "chart-data",
            renderer=env.get(RENDERER_ENV)
            or (STATIC_RENDERER if env.get(REQUIRE_IMAGES_ENV) else INTERACTIVE_RENDERER),
            require_static_images=bool(env.get(REQUIRE_IMAGES_ENV)),
            debug=bool(env.get(DEBUG_ENV)),
        )

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)

    def as_env(self) -> dict[str, str]:
        """The environment that gives a child process (a kernel) these settings."""
        env = {
            DATA_ENV: str(self.data_dir),
            CHART_DATA_ENV: str(self.chart_data_dir),
            RENDERER_ENV: self.renderer,
        }
        if self.articles_dir is not None:
            env[ARTICLES_ENV] = str(self.articles_dir)
        if self.require_static_images:
            env[REQUIRE_IMAGES_ENV] = "1"
        if self.debug:
            env[DEBUG_ENV] = "1"
        return env


def current() -> Settings:
    """The settings of this process, read now (tests change the environment between calls)."""
    return Settings.from_env()


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
    return current().data_dir


def articles_dir() -> Path | None:
    """The local folder of article texts, or None when there is none."""
    return current().articles_dir


def chart_data_dir() -> Path:
    """Where each chart's data is saved beside the notebooks (tests redirect it)."""
    return current().chart_data_dir


def display_path(path: Path) -> str:
    """A path as users should see it: relative to the repository, never absolute."""
    path = Path(path)
    try:
        return path.resolve().relative_to(repo_root().resolve()).as_posix()
    except (ValueError, FileNotFoundError):
        return path.name


def debug_requested() -> bool:
    """Whether to show tracebacks; needs no checkout, so it works when finding one failed."""
    return bool(os.environ.get(DEBUG_ENV))
