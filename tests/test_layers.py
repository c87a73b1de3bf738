"""The layers contract (`.importlinter`, run by `make test`) holds, and fails when a lower
layer imports a higher one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(src: Path) -> subprocess.CompletedProcess:
    """lint-imports with the repository's contract over the package found in `src`."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / ".importlinter"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=src,
        env=env,
        timeout=120,
    )


def test_the_package_keeps_its_layers():
    result = lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_lower_layer_importing_a_higher_one_breaks_the_contract(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "iacc2016", src / "iacc2016", ignore=shutil.ignore_patterns("__pycache__"))
    schema = src / "iacc2016" / "data" / "schema.py"
    schema.write_text(schema.read_text(encoding="utf-8") + "\nfrom ..present import style  # noqa\n", encoding="utf-8")
    result = lint_imports(src)
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout
    assert "iacc2016.data.schema -> iacc2016.present.style" in result.stdout, result.stdout
