"""Reading pinned versions: the lock (requirements.txt), `pip freeze` output and the pip
section of environment.yml, for the environment test and `make binder-check`."""

from __future__ import annotations

import re

import yaml

# The interpreter's own packages; on Binder they come from conda-forge, not the lock.
SEED_PACKAGES = {"pip", "setuptools", "wheel"}


def normalize(name: str) -> str:
    """Package names as pip compares them (PEP 503): case and -_. runs do not matter."""
    return re.sub(r"[-_.]+", "-", name.strip().lower())


def read_pins(text: str) -> dict[str, str]:
    """Package -> version for each `name==version` line; comments and option lines skipped."""
    out = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line and not line.startswith("-"):
            name, _, version = line.partition("==")
            out[normalize(name)] = version.strip()
    return out


def pip_entries(environment_yml: str) -> list[str]:
    """The lines of environment.yml's pip section, as conda hands them to pip."""
    env = yaml.safe_load(environment_yml)
    return next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)


def package_differences(frozen_text: str, lock_text: str) -> list[str]:
    """Each package whose installed version is not the lock's, or that only one side has."""
    frozen = {k: v for k, v in read_pins(frozen_text).items() if k not in SEED_PACKAGES}
    lock = {k: v for k, v in read_pins(lock_text).items() if k not in SEED_PACKAGES}
    return sorted(
        f"{name}: installed {frozen.get(name, '-')}, lock {lock.get(name, '-')}"
        for name in set(frozen) | set(lock)
        if frozen.get(name) != lock.get(name)
    )
