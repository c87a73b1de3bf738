"""`make lab`: JupyterLab set up so that exploring never changes the repository by accident.

- rooted at the repository, so jupytext finds `jupytext.toml` (saving a notebook writes its
  `.py` twin too) and `data/` (the CSVs, the data dictionary) is in the file browser;
- opened on the overview notebook;
- autosave off, through a settings override in this environment
  (`<sys.prefix>/share/jupyter/lab/settings/overrides.json`, written by `make venv`):
  hovering a chart marks a notebook changed, and autosave would write it back;
- kernels started with IACC_EXPLORE=1, so text-heavy tables are searchable (itables);
- a git-ignored `scratch/` folder for the user's own notebooks;
- as root (usual in containers) JupyterLab refuses to start without --allow-root: it is
  passed, and said.

The real-browser test (scripts/browser_test.py) starts JupyterLab through command() too.

    python scripts/lab.py [jupyter lab options]  start JupyterLab (make lab LAB_ARGS=...)
    python scripts/lab.py --write-settings  write the settings override (make venv)
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_NOTEBOOK = "notebooks/00-overview.ipynb"
SCRATCH = "scratch"
# Read by iacc2016.present.notebook.start() (through present.explore): set only in kernels of a JupyterLab started here.
EXPLORE_ENV = "IACC_EXPLORE"
SETTINGS = {
    # Exploring must not rewrite committed notebooks: save by hand (Ctrl+S) or not at all.
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
    # No news or update checks from a machine that may be offline.
    "@jupyterlab/apputils-extension:notification": {"checkForUpdates": False, "fetchNews": "false"},
}


def settings_path(prefix: str = sys.prefix) -> Path:
    return Path(prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def write_settings(prefix: str = sys.prefix) -> Path:
    path = settings_path(prefix)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(SETTINGS, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def command(root: Path = ROOT, extra: tuple[str, ...] = ()) -> list[str]:
    """The `jupyter lab` command line for a checkout at `root`."""
    cmd = [
        str(Path(sys.executable).parent / "jupyter-lab"),
        f"--ServerApp.root_dir={root}",
        f"--LabApp.default_url=/lab/tree/{FIRST_NOTEBOOK}",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    return cmd + list(extra)


def environment(base: dict[str, str] | None = None) -> dict[str, str]:
    return {**(os.environ if base is None else base), EXPLORE_ENV: "1"}


def main(argv: list[str]) -> int:
    if argv == ["--write-settings"]:
        path = write_settings()
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"==> [setup] JupyterLab settings override (autosave off): {shown}")
        return 0
    if not settings_path().is_file():
        print("lab: the settings override (autosave off) is missing; run `make venv`", file=sys.stderr)
        return 1
    (ROOT / SCRATCH).mkdir(exist_ok=True)
    if os.geteuid() == 0:
        print("lab: running as root (usual in a container), so JupyterLab is started with --allow-root")
    print(f"lab: put your own notebooks in {SCRATCH}/ (git ignores it); autosave is off, save with Ctrl+S")
    cmd = command(extra=tuple(argv))  # e.g. make lab LAB_ARGS="--port=9999 --no-browser"
    os.execve(cmd[0], cmd, environment())
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
