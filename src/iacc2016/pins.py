"""Reading pinned versions: the lock (requirements.txt, a universal resolution whose
platform-only lines carry environment markers), `pip freeze` output and the pip section of
environment.yml, for the environment tests, `make lock` and `make binder-check`.

Lines are parsed with `packaging` (PEP 508), so `appnope==0.1.4 ; sys_platform == 'darwin'`
is read as appnope, version 0.1.4, installed only where its marker holds."""

from __future__ import annotations

import re

import yaml
from packaging.markers import default_environment
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

# The interpreter's own packages; on Binder they come from conda-forge, not the lock.
SEED_PACKAGES = {"pip", "setuptools", "wheel"}

# Enough of each platform's PEP 508 environment to evaluate a lock's markers there
# (CPython 3.11, 64-bit); the rest is taken from this interpreter.
PLATFORMS = {
    "linux": {"sys_platform": "linux", "os_name": "posix", "platform_system": "Linux", "platform_machine": "x86_64"},
    "macos": {"sys_platform": "darwin", "os_name": "posix", "platform_system": "Darwin", "platform_machine": "arm64"},
    "windows": {"sys_platform": "win32", "os_name": "nt", "platform_system": "Windows", "platform_machine": "AMD64"},
}


# The Python a platform's view of the lock is taken for (a recent 3.11 release: the lock
# forks soupsieve below 3.11.5).
PLATFORM_PYTHON = "3.11.9"


class LockLineError(ValueError):
    """A line of a lock or freeze that is not `name==version [; marker]`."""


def normalize(name: str) -> str:
    """Package names as pip compares them (PEP 503): case and -_. runs do not matter."""
    return canonicalize_name(name.strip())


def requirements(text: str) -> list[Requirement]:
    """Each requirement line; comments, blank lines and option lines (`-c`, `-e`) skipped."""
    out = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = re.split(r"\s+#", raw, maxsplit=1)[0].strip()
        if not line or line.startswith(("#", "-")):
            continue
        try:
            out.append(Requirement(line))
        except InvalidRequirement as exc:
            raise LockLineError(f"line {number}: {raw.strip()!r} is not a requirement: {exc}") from None
    return out


def exact_version(req: Requirement) -> str | None:
    """The version of a `name==version` requirement; None for anything looser."""
    specs = list(req.specifier)
    if len(specs) == 1 and specs[0].operator in ("==", "===") and "*" not in specs[0].version:
        return specs[0].version
    return None


def read_pins(text: str, environment: dict[str, str] | None = None) -> dict[str, str]:
    """Package -> version for each `name==version` line whose marker holds in `environment`
    (this interpreter's when None; a platform from PLATFORMS overrides its part of it)."""
    env = {**default_environment(), **(environment or {})}
    out = {}
    for req in requirements(text):
        version = exact_version(req)
        if version is not None and (req.marker is None or req.marker.evaluate(env)):
            out[normalize(req.name)] = version
    return out


def platform_pins(text: str, platform: str) -> dict[str, str]:
    """What a lock installs on one of PLATFORMS (CPython PLATFORM_PYTHON)."""
    return read_pins(text, {**PLATFORMS[platform], "python_version": "3.11", "python_full_version": PLATFORM_PYTHON})


def pip_entries(environment_yml: str) -> list[str]:
    """The lines of environment.yml's pip section, as conda hands them to pip."""
    env = yaml.safe_load(environment_yml)
    return next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)


def package_differences(frozen_text: str, lock_text: str) -> list[str]:
    """Each package whose installed version is not the lock's (for this platform), or that
    only one side has."""
    frozen = {k: v for k, v in read_pins(frozen_text).items() if k not in SEED_PACKAGES}
    lock = {k: v for k, v in read_pins(lock_text).items() if k not in SEED_PACKAGES}
    return sorted(
        f"{name}: installed {frozen.get(name, '-')}, lock {lock.get(name, '-')}"
        for name in set(frozen) | set(lock)
        if frozen.get(name) != lock.get(name)
    )
