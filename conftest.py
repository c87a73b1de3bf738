"""Settings for every pytest run in this repository (unit tests and nbval alike).

- No network: pytest-socket guards this process (see addopts in pyproject.toml); a
  sitecustomize on PYTHONPATH guards the kernels and subprocesses started from it.
- No browser: notebooks render the interactive figure only (nbval skips PNGs).
- No writes to tracked files: each chart's data goes to a temporary folder.
"""

import os
import shutil
import tempfile
from pathlib import Path

from iacc2016.settings import CHART_DATA_ENV, INTERACTIVE_RENDERER, RENDERER_ENV

ROOT = Path(__file__).resolve().parent
_made: list[str] = []


def pytest_configure(config):
    # Kernels started by nbval inherit this process's environment: that is how a test run
    # hands its settings to them (build steps pass a kernel's environment explicitly).
    os.environ.setdefault(RENDERER_ENV, INTERACTIVE_RENDERER)
    os.environ["IACC_BLOCK_NETWORK"] = "1"
    guard = str(ROOT / "tests" / "support")
    rest = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != guard]
    os.environ["PYTHONPATH"] = os.pathsep.join([guard, *rest])
    if CHART_DATA_ENV not in os.environ:
        folder = tempfile.mkdtemp(prefix="iacc-chart-data-")
        os.environ[CHART_DATA_ENV] = folder
        _made.append(folder)


def pytest_unconfigure(config):
    for folder in _made:
        shutil.rmtree(folder, ignore_errors=True)
