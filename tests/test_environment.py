"""requirements.txt (the lock) and environment.yml pin the same versions; every package in
environment.yml is pinned; a disagreement names the package. The lock is universal: it
installs each platform's own packages there (markers read with `packaging`), and
environment.yml's pip section is the dependency groups of pyproject.toml."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from iacc2016.pins import (
    LockLineError,
    exact_version,
    normalize,
    package_differences,
    pip_entries,
    platform_pins,
    read_pins,
    requirements,
)

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


def test_every_lock_line_is_pinned_exactly_and_hash_free():
    """Binder's pip reads the lock as constraints; one `--hash` would make it demand hashes
    for every package."""
    text = (ROOT / "requirements.txt").read_text()
    reqs = requirements(text)
    assert len(reqs) > 100
    assert [str(r) for r in reqs if exact_version(r) is None] == []
    assert "--hash" not in text


def test_pins_read_marker_lines():
    lock = (
        "pandas==3.1.1\n"
        "appnope==1.0.0 ; sys_platform == 'darwin'\n"
        "    # via ipykernel\n"
        "colorama==0.4.6 ; sys_platform == 'win32'  # a comment\n"
        "soupsieve==2.10 ; python_full_version < '3.11.5'\n"
        "soupsieve==4.1.2 ; python_full_version >= '3.11.5'\n"
    )
    assert platform_pins(lock, "macos") == {"pandas": "3.1.1", "appnope": "1.0.0", "soupsieve": "4.1.2"}
    assert platform_pins(lock, "windows") == {"pandas": "3.1.1", "colorama": "0.4.6", "soupsieve": "4.1.2"}
    assert platform_pins(lock, "linux") == {"pandas": "3.1.1", "soupsieve": "4.1.2"}
    old_python = read_pins(lock, {"sys_platform": "linux", "python_full_version": "3.11.2"})
    assert old_python["soupsieve"] == "2.10"


def test_a_lock_line_that_is_not_a_requirement_is_named():
    with pytest.raises(LockLineError, match="line 2: 'pandas = 3.1.1'"):
        requirements("numpy==2.4.6\npandas = 3.1.1\n")


# ipykernel imports appnope unguarded on macOS; without it the notebooks' kernel would not
# start there. colorama and pywinpty are Windows-only (IPython's terminal, Jupyter's).
PLATFORM_ONLY = {"macos": {"appnope"}, "windows": {"colorama", "pywinpty"}}


@pytest.mark.parametrize("platform", ["linux", "macos", "windows"])
def test_the_lock_installs_each_platforms_own_packages_there(platform):
    installed = set(platform_pins((ROOT / "requirements.txt").read_text(), platform))
    for other, packages in PLATFORM_ONLY.items():
        if other == platform:
            assert packages <= installed, f"the lock lacks {packages - installed} on {platform}"
        else:
            assert not packages & installed, f"the lock installs {packages & installed} on {platform}"
    assert {"pandas", "plotly", "ipykernel", "jupyterlab"} <= installed


def load_lock_script():
    spec = importlib.util.spec_from_file_location("lock_script", ROOT / "scripts" / "lock.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_environment_yml_pip_section_is_pyprojects_dependency_groups():
    """One list: `make lock` resolves the lock from the groups and writes environment.yml's
    pip section from the same groups."""
    result = subprocess.run([sys.executable, "scripts/lock.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lock = load_lock_script()
    pyproject = (ROOT / "pyproject.toml").read_text()
    env = (ROOT / "environment.yml").read_text()
    added = pyproject.replace('lab = ["jupyterlab==4.6.6"]', 'lab = ["jupyterlab==4.6.6", "itables==2.5.2"]')
    assert "      - itables==2.5.2\n" in lock.environment_yml(env, added)
    assert lock.environment_yml(env, added) != env


def test_project_dependencies_are_the_runtime_groups_names():
    """[project].dependencies (what `pip install .` pulls) and the pinned `runtime` group
    name the same packages."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    declared = {normalize(requirements(d)[0].name) for d in project["project"]["dependencies"]}
    pinned = {normalize(r.name) for r in requirements("\n".join(project["dependency-groups"]["runtime"]))}
    assert declared == pinned
    assert {"pyyaml", "numpy", "ipython", "ipykernel", "choreographer", "packaging"} <= declared


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


def test_binder_check_leaves_out_other_platforms_packages():
    """On Linux, the lock's macOS and Windows lines are not expected to be installed."""
    lock = "pandas==3.1.1\nappnope==1.0.0 ; sys_platform == 'darwin'\npywinpty==3.1.2 ; os_name == 'nt'\n"
    if sys.platform != "linux":
        pytest.skip("checks the Linux view of the lock")
    assert package_differences("pandas==3.1.1\n", lock) == []
