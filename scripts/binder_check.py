"""Build the Binder environment the way repo2docker does, as far as this machine allows,
and use it as a Binder visitor would.

repo2docker reads environment.yml; because its pip section holds local references (`-c
requirements.txt`, `-e .`) it copies the whole repository first, then has (micro)mamba
write the pip entries to a temporary requirements file in the repository's root and run
`python -m pip install -r <that file>` there. conda-forge is out of reach here, so the
interpreter is this machine's Python (it must match environment.yml's version) with pip
at environment.yml's pin; the pip step itself is the same. Then:

- the installed packages are exactly the lock's (the constraints make Binder and `make`
  run the same code), and `pip check` is clean;
- JupyterLab is the pinned one and has plotly's extension, so the charts render there;
- the notebook the launch link opens exists, and every notebook executes in memory with no
  browser and no article folder, as on Binder (charts are interactive only outside
  `make reproduce`, so a kernel never looks for a browser).

Works on the committed tree (`git archive HEAD`), which is what Binder clones. Needs PyPI.
Run through `make binder-check`; exits non-zero naming the first check that failed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

import yaml

from iacc2016 import pins

ROOT = Path(__file__).resolve().parent.parent
LAUNCH_NOTEBOOK = "notebooks/00-overview.ipynb"  # the README's launch link opens this one


class CheckFailed(Exception):
    pass


def run(cmd: list[str], cwd: Path, what: str, env: dict | None = None) -> str:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise CheckFailed(f"{what}: exit {result.returncode}\n{tail}")
    return result.stdout


def committed_tree(dest: Path) -> None:
    archive = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=ROOT, capture_output=True)
    if archive.returncode != 0:
        raise CheckFailed(f"needs a git checkout with a commit (Binder clones one): {archive.stderr.decode().strip()}")
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")


def environment_spec(repo: Path) -> tuple[str, str, list[str]]:
    text = (repo / "environment.yml").read_text(encoding="utf-8")
    conda = [d for d in yaml.safe_load(text)["dependencies"] if isinstance(d, str)]
    python = next(d.split("=", 1)[1] for d in conda if d.startswith("python="))
    pip = next(d.split("=", 1)[1] for d in conda if d.startswith("pip="))
    return python, pip, pins.pip_entries(text)


def main() -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="binder-check-") as tmp:
        repo, venv = Path(tmp) / "repo", Path(tmp) / "env"
        try:
            committed_tree(repo)
            python_version, pip_version, pip_entries = environment_spec(repo)
            here = f"{sys.version_info.major}.{sys.version_info.minor}"
            if here != python_version:
                raise CheckFailed(f"environment.yml asks for Python {python_version}; this is Python {here}")
            print(f"binder-check: committed tree, Python {here}, pip {pip_version}, {len(pip_entries)} pip entries")

            run([sys.executable, "-m", "venv", str(venv)], repo, "creating the environment")
            py = str(venv / "bin" / "python")
            run([py, "-m", "pip", "install", "--quiet", f"pip=={pip_version}"], repo, "installing pip")
            # As (micro)mamba does: the pip entries in a temporary file in the repository root.
            entries = repo / "mambaf-binder-check.txt"
            entries.write_text("\n".join(pip_entries) + "\n", encoding="utf-8")
            step = time.perf_counter()
            run([py, "-m", "pip", "install", "--quiet", "--no-input", "-r", entries.name], repo, "pip install")
            print(f"binder-check: pip step installed the environment in {time.perf_counter() - step:.0f} s")

            run([py, "-m", "pip", "check"], repo, "pip check")
            frozen_text = run([py, "-m", "pip", "freeze", "--exclude-editable"], repo, "pip freeze")
            lock_text = (repo / "requirements.txt").read_text(encoding="utf-8")
            differences = pins.package_differences(frozen_text, lock_text)
            if differences:
                raise CheckFailed("installed packages differ from requirements.txt:\n  " + "\n  ".join(differences))
            frozen, lock = pins.read_pins(frozen_text), pins.read_pins(lock_text)
            print(f"binder-check: {len(frozen)} installed packages match requirements.txt exactly; pip check clean")

            lab = run([str(venv / "bin" / "jupyter"), "lab", "--version"], repo, "jupyter lab --version").strip()
            if lab != lock["jupyterlab"]:
                raise CheckFailed(f"JupyterLab {lab}, lock pins {lock['jupyterlab']}")
            # `jupyter labextension list` prints its list on stderr.
            listing = subprocess.run(
                [str(venv / "bin" / "jupyter"), "labextension", "list"], cwd=repo, capture_output=True, text=True
            )
            extensions = listing.stdout + listing.stderr
            if "jupyterlab-plotly" not in extensions:
                raise CheckFailed("JupyterLab lacks plotly's extension: charts would not render")
            print(f"binder-check: JupyterLab {lab} with the jupyterlab-plotly extension")

            if not (repo / LAUNCH_NOTEBOOK).is_file():
                raise CheckFailed(f"the launch link opens {LAUNCH_NOTEBOOK}, which is not in the repository")
            notebooks = sorted(str(p.relative_to(repo)) for p in (repo / "notebooks").glob("[0-9][0-9]-*.ipynb"))
            visitor = {
                "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
                "HOME": tmp,
                "BROWSER_PATH": str(Path(tmp) / "no-browser-on-binder"),
                "IACC_ARTICLES_DIR": str(Path(tmp) / "no-articles-on-binder"),
            }
            script = (
                "import json, sys\n"
                "from scripts.notebooks import run\n"
                "out = {}\n"
                "for path in sys.argv[1:]:\n"
                "    nb = run(path)\n"
                "    out[path] = len(nb.cells)\n"
                "print(json.dumps(out))\n"
            )
            step = time.perf_counter()
            executed = json.loads(run([py, "-c", script, *notebooks], repo, "executing the notebooks", env=visitor))
            print(
                f"binder-check: {len(executed)} notebooks executed with no browser and no article folder "
                f"in {time.perf_counter() - step:.0f} s"
            )
        except CheckFailed as exc:
            print(f"binder-check: FAILED: {exc}", file=sys.stderr)
            return 1
    print(f"binder-check: passed in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
