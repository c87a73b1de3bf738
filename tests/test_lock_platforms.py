"""The lock against a fresh resolution for each platform (uv's own --python-platform):
every package Linux, macOS or Windows needs, at the version that platform resolves to, is
one the lock installs there. Catches a lock made on one machine (a `pip freeze`), which
lacks appnope (macOS: ipykernel imports it, so the kernel would not start) and colorama
and pywinpty (Windows).

The resolutions need PyPI: they are marked `network`, left out of the offline `make test`
and run by `make lock-check` (in .ci/run). The comparison itself is tested offline here.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT
from iacc2016.pins import PLATFORM_PYTHON, platform_pins, read_pins

UV = Path(sys.executable).parent / "uv"
PLATFORMS = ["linux", "macos", "windows"]


def missing_from_lock(resolved_text: str, lock_text: str, platform: str) -> list[str]:
    """Each package of a one-platform resolution that the lock would not install there, or
    would install at another version."""
    resolved = read_pins(resolved_text)  # a one-platform resolution carries no markers
    lock = platform_pins(lock_text, platform)
    return sorted(
        f"{name}=={version}: the lock installs {lock.get(name, 'nothing')} on {platform}"
        for name, version in resolved.items()
        if lock.get(name) != version
    )


def test_a_lock_without_a_platforms_package_is_caught():
    resolved_mac = "ipykernel==7.4.0\nappnope==1.0.0\n"
    universal = "ipykernel==7.4.0\nappnope==1.0.0 ; sys_platform == 'darwin'\n"
    linux_freeze = "ipykernel==7.4.0\n"
    assert missing_from_lock(resolved_mac, universal, "macos") == []
    assert missing_from_lock(resolved_mac, linux_freeze, "macos") == [
        "appnope==1.0.0: the lock installs nothing on macos"
    ]
    assert missing_from_lock("ipykernel==7.5.0\n", universal, "linux") == [
        "ipykernel==7.5.0: the lock installs 7.4.0 on linux"
    ]


@pytest.mark.network
@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_lock_holds_what_each_platform_resolves_to(platform, tmp_path):
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["dependency-groups"]
    cmd = [str(UV), "pip", "compile", "--quiet", "--no-header", "--no-annotate"]
    cmd += ["--python-version", PLATFORM_PYTHON, "--python-platform", platform, "-c", "requirements.txt"]
    for name in groups:
        cmd += ["--group", f"pyproject.toml:{name}"]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    problems = missing_from_lock(result.stdout, (ROOT / "requirements.txt").read_text(encoding="utf-8"), platform)
    assert not problems, "run make lock:\n" + "\n".join(problems)
