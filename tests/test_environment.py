"""requirements.txt (the lock) and environment.yml pin the same versions; every package in
environment.yml is pinned; a disagreement names the package."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from iacc2016.pins import normalize, package_differences, pip_entries, read_pins

ROOT = Path(__file__).resolve().parent.parent
# The interpreter and its installer come from conda-forge and are not Python packages.
CONDA_ONLY = {"python", "pip"}
# The package itself and the lock as constraints: local references, not pins.
LOCAL_REFERENCES = ("-e ", "-c ")


def env_pins(text: str) -> tuple[dict[str, str], list[str]]:
    """(package -> version, entries that are not pinned with ==)."""
    env = yaml.safe_load(text)
    pins, unpinned = {}, []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for item in dep.get("pip", []):
                if item.startswith(LOCAL_REFERENCES):
                    continue
                name, sep, version = item.partition("==")
                if sep:
                    pins[normalize(name)] = version
                else:
                    unpinned.append(normalize(item))
        else:
            name, _, version = dep.partition("=")
            if not version:
                unpinned.append(dep)
            elif normalize(name) not in CONDA_ONLY:
                pins[normalize(name)] = version.lstrip("=")
    return pins, unpinned


def disagreements(lock_text: str, env_text: str) -> list[str]:
    lock = read_pins(lock_text)
    pins, unpinned = env_pins(env_text)
    out = [f"{item}: not pinned with == in environment.yml" for item in unpinned]
    for name, version in sorted(pins.items()):
        if name not in lock:
            out.append(f"{name}: in environment.yml but not in requirements.txt")
        elif lock[name] != version:
            out.append(f"{name}: environment.yml pins {version}, requirements.txt pins {lock[name]}")
    return out


def test_lock_and_environment_agree():
    problems = disagreements((ROOT / "requirements.txt").read_text(), (ROOT / "environment.yml").read_text())
    assert not problems, "\n".join(problems)


def test_every_lock_line_is_pinned_exactly():
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.+!\-]+", line), line


def test_a_version_changed_on_one_side_is_named():
    lock = (ROOT / "requirements.txt").read_text()
    env = (ROOT / "environment.yml").read_text()
    bumped_env = env.replace("pandas==3.1.1", "pandas==3.1.2")
    assert "pandas: environment.yml pins 3.1.2, requirements.txt pins 3.1.1" in disagreements(lock, bumped_env)
    bumped_lock = lock.replace("plotly==7.1.0", "plotly==7.0.9")
    assert "plotly: environment.yml pins 7.1.0, requirements.txt pins 7.0.9" in disagreements(bumped_lock, env)
    unpinned = env.replace("nbval==0.11.0", "nbval")
    assert "nbval: not pinned with == in environment.yml" in disagreements(lock, unpinned)


def test_python_version_matches_the_project():
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'requires-python = ">=3.11,<3.12"' in pyproject
    assert "- python=3.11" in (ROOT / "environment.yml").read_text()


def test_binder_installs_every_transitive_package_at_the_locks_version():
    """Without the lock as constraints, Binder would resolve the ~120 transitive packages
    afresh on each build and run code that `make test` never ran."""
    entries = pip_entries((ROOT / "environment.yml").read_text())
    assert "-c requirements.txt" in entries
    assert "-e ." in entries


def test_binder_check_names_each_package_that_drifted_from_the_lock():
    lock = "# lock\npandas==3.1.1\nJupyter_Core==5.9.1\nsetuptools==65.5.0\n"
    same = "pandas==3.1.1\njupyter-core==5.9.1\n"  # spelling differs, versions agree; no setuptools
    assert package_differences(same, lock) == []
    drifted = "pandas==3.1.2\njupyter-core==5.9.1\nrich==14.0.0\n"
    assert package_differences(drifted, lock) == [
        "pandas: installed 3.1.2, lock 3.1.1",
        "rich: installed 14.0.0, lock -",
    ]
