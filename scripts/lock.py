"""Regenerate requirements.txt (the lock) from the direct pins in environment.yml.

Builds a throw-away virtual environment, installs exactly the pinned direct dependencies,
and freezes every installed package. Run through `make lock`; commit both files together.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
HEADER = """\
# Lock file: every package, direct and transitive, pinned with ==.
# Made from a clean virtual environment (uv pip freeze); regenerate with 'make lock'.
# The direct dependencies are pinned again in environment.yml; tests/test_environment.py
# fails when the two disagree.
"""


def direct_pins() -> list[str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    return [p for p in pip if "==" in p]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        py = venv / "bin" / "python"
        uv_pin = next(p for p in direct_pins() if p.startswith("uv=="))
        subprocess.run([str(py), "-m", "pip", "install", "--quiet", uv_pin], check=True)
        subprocess.run(
            [str(venv / "bin" / "uv"), "pip", "install", "--quiet", "--python", str(py), *direct_pins()], check=True
        )
        frozen = subprocess.run(
            [str(venv / "bin" / "uv"), "pip", "freeze", "--python", str(py)], check=True, capture_output=True, text=True
        ).stdout
    (ROOT / "requirements.txt").write_text(HEADER + frozen, encoding="utf-8")
    print(f"lock: wrote requirements.txt ({len(frozen.splitlines())} packages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
