"""Static chart images need a Chromium. Find one; on Debian as root, install Debian's
`chromium` package; otherwise stop and say exactly what to install."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

INSTRUCTIONS = (
    "No Chrome or Chromium found; the static PNG beside each chart needs one.\n"
    "  Debian/Ubuntu:  sudo apt-get install chromium\n"
    "  Fedora:         sudo dnf install chromium\n"
    "  macOS:          brew install --cask chromium\n"
    "or point BROWSER_PATH at an existing Chrome/Chromium executable, then run make reproduce again."
)


def find_browser() -> str | None:
    """The browser the chart code will use: kaleido's own lookup (choreographer's, the one
    `charts` asks), so `make reproduce` and the charts agree. It takes a Chrome fetched by
    `plotly_get_chrome`, then BROWSER_PATH, then a Chrome/Chromium on PATH or in the
    platform's usual places (macOS's /Applications, Windows's Program Files). None when it
    finds nothing, or names a file that is not there (a BROWSER_PATH pointing nowhere)."""
    from choreographer.browsers.chromium import Chromium

    found = Chromium.find_browser(skip_local=False)
    return found if found and Path(found).is_file() else None


def ensure(allow_install: bool = True) -> int:
    """Exit status 0 when a browser is available (installing one where we may)."""
    found = find_browser()
    if found:
        print(f"browser: {Path(found).name} found")
        return 0
    debian = Path("/etc/debian_version").is_file() and shutil.which("apt-get") is not None
    if allow_install and debian and os.geteuid() == 0:
        print("browser: none found; installing Debian's chromium package (about 540 MB)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
            if subprocess.run(cmd, env=env).returncode != 0:
                print(f"browser: '{' '.join(cmd)}' failed.\n{INSTRUCTIONS}", file=sys.stderr)
                return 1
        if find_browser():
            return 0
    print(INSTRUCTIONS, file=sys.stderr)
    return 1
