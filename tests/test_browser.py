"""Static chart images need a Chromium: `make reproduce` finds one, installs Debian's
package where it may (Debian, root), and otherwise stops saying exactly what to install."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys

import choreographer.browsers.chromium as chromium_module
import pytest
from choreographer.browsers.chromium import Chromium

from conftest import ROOT
from iacc2016.present import browser
from iacc2016.settings import RENDERER_ENV, REQUIRE_IMAGES_ENV


def no_browser_anywhere(monkeypatch):
    """Nothing for kaleido's lookup to find: no download, no BROWSER_PATH, nothing on PATH
    or in the usual places."""
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(Chromium, "find_browser", classmethod(lambda cls, **kw: None))


def executable(path):
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


def no_download_and_nothing_usual(monkeypatch, tmp_path):
    """Only PATH and BROWSER_PATH count: no `plotly_get_chrome` download, no browser in the
    platform's usual places (this machine has /usr/bin/chromium)."""
    monkeypatch.setattr(chromium_module, "get_chrome_download_path", lambda mkdir=False: tmp_path / "none")
    monkeypatch.setattr(chromium_module, "get_old_chrome_download_path", lambda: tmp_path / "none-old")
    usual_places(monkeypatch, [])


def usual_places(monkeypatch, paths):
    """The first browser kaleido's lookup knows (Chrome) lives at `paths`; the others nowhere."""
    known = chromium_module.chromium_based_browsers
    first = next(iter(known))
    replaced = {name: dataclasses.replace(info, typical_paths=()) for name, info in known.items()}
    replaced[first] = dataclasses.replace(known[first], typical_paths=tuple(paths))
    monkeypatch.setattr(chromium_module, "chromium_based_browsers", replaced)


def test_a_browser_on_the_path_is_found(monkeypatch, tmp_path):
    fake = executable(tmp_path / "chromium")
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    no_download_and_nothing_usual(monkeypatch, tmp_path)
    monkeypatch.setattr(shutil, "which", lambda name: str(fake) if name == "chromium" else None)
    assert browser.find_browser() == str(fake)


def test_browser_path_overrides_and_must_exist(monkeypatch, tmp_path):
    no_download_and_nothing_usual(monkeypatch, tmp_path)
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "missing"))
    assert browser.find_browser() is None
    executable(tmp_path / "chrome")
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "chrome"))
    assert browser.find_browser() == str(tmp_path / "chrome")


def test_the_chrome_plotly_get_chrome_fetched_is_found_off_the_path(monkeypatch, tmp_path):
    """`plotly_get_chrome` puts Chrome in a folder of its own, never on PATH; the charts use
    it, so `make reproduce` must not ask for another browser."""
    downloaded = executable(tmp_path / "chrome-linux64-chrome")
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    no_download_and_nothing_usual(monkeypatch, tmp_path)
    monkeypatch.setattr(chromium_module, "get_chrome_download_path", lambda mkdir=False: downloaded)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert browser.find_browser() == str(downloaded)


def test_a_browser_in_the_platforms_usual_place_is_found(monkeypatch, tmp_path):
    """On macOS, Chrome lives in /Applications, not on PATH; kaleido's lookup knows each
    platform's usual places (here a stand-in for the first one it checks)."""
    app = executable(tmp_path / "Google Chrome")
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    no_download_and_nothing_usual(monkeypatch, tmp_path)
    usual_places(monkeypatch, [str(app)])
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert browser.find_browser() == str(app)


def test_make_reproduce_and_the_charts_find_the_same_browser():
    assert browser.find_browser() == Chromium.find_browser(skip_local=False)


def test_without_permission_to_install_it_says_exactly_what_to_install(monkeypatch, capsys):
    no_browser_anywhere(monkeypatch)
    monkeypatch.setattr(browser.os, "geteuid", lambda: 1000)  # not root
    assert browser.ensure(allow_install=True) == 1
    err = capsys.readouterr().err
    assert "sudo apt-get install chromium" in err and "BROWSER_PATH" in err


def test_on_debian_as_root_it_installs_the_chromium_package(monkeypatch, capsys):
    no_browser_anywhere(monkeypatch)
    monkeypatch.setattr(browser.os, "geteuid", lambda: 0)
    monkeypatch.setattr(browser.Path, "is_file", lambda self: str(self) == "/etc/debian_version")
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/apt-get" if name == "apt-get" else None)
    commands = []

    class Done:
        returncode = 0

    monkeypatch.setattr(browser.subprocess, "run", lambda cmd, env=None: commands.append(cmd) or Done())
    browser.ensure(allow_install=True)
    assert ["apt-get", "install", "-y", "-qq", "chromium"] in commands


# Charts in a kernel: interactive only, and no browser started, unless PNGs are required
# (`make reproduce`) or asked for (IACC_PLOTLY_RENDERER). Where they are asked for but there
# is no working browser (Binder, a fresh laptop) the notebook must still run (interactive
# charts only, said in one line), and must not hang on the first chart; `make reproduce`,
# which writes PNGs into the repository, must stop instead.
SETUP_CHARTS = "from iacc2016.present import style as charts; print('renderer:', charts.setup())"


EXPORT_BY_HAND = (
    "import plotly.graph_objects as go, plotly.io as pio\n"
    "try:\n    pio.to_image(go.Figure(), format='png')\n"
    "except Exception as exc:\n    print('export by hand:', type(exc).__name__)\n"
)


ASK_FOR_PNGS = {"IACC_PLOTLY_RENDERER": "plotly_mimetype+png"}


def run_setup(browser_path: str, then: str = "", **extra_env: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in (RENDERER_ENV, REQUIRE_IMAGES_ENV)}
    env.update(BROWSER_PATH=browser_path, **extra_env)
    return subprocess.run(
        [sys.executable, "-c", SETUP_CHARTS + "\n" + then],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=50,
    )


@pytest.mark.robustness
def test_by_default_a_kernel_starts_no_browser_and_charts_are_interactive_only(tmp_path):
    # A "browser" that records being started: JupyterLab kernels must never start one.
    started = tmp_path / "started"
    fake = tmp_path / "chromium"
    fake.write_text(f"#!/bin/sh\ntouch {started}\nexit 1\n")
    fake.chmod(0o755)
    result = run_setup(str(fake))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "renderer: plotly_mimetype\n"
    assert result.stderr == ""
    assert not started.exists()


@pytest.mark.robustness
def test_without_a_browser_charts_stay_interactive_and_say_how_to_get_pngs(tmp_path):
    result = run_setup(str(tmp_path / "no-such-browser"), **ASK_FOR_PNGS)
    assert result.returncode == 0, result.stderr
    assert "renderer: plotly_mimetype\n" in result.stdout
    assert "interactive only in this session (no Chrome or Chromium found)" in result.stdout
    assert "plotly_get_chrome" in result.stdout


@pytest.mark.robustness
def test_a_browser_that_dies_at_start_is_reported_not_waited_for():
    # /bin/false starts and exits at once, as a broken Chromium install would; without the
    # watch on kaleido's server the first chart would wait forever (the timeout fails this).
    # An export by hand afterwards fails with the browser's error instead of waiting too.
    # The reason is one line; the dead server thread's traceback (40 lines) is not printed.
    result = run_setup("/bin/false", then=EXPORT_BY_HAND, **ASK_FOR_PNGS)
    assert result.returncode == 0, result.stderr
    assert "renderer: plotly_mimetype\n" in result.stdout
    assert "the browser closed as soon as it started" in result.stdout
    assert "export by hand: BrowserFailedError" in result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    assert len(result.stdout.splitlines()) == 3, result.stdout


@pytest.mark.robustness
def test_where_pngs_are_required_a_missing_browser_stops_the_run(tmp_path):
    result = run_setup(str(tmp_path / "no-such-browser"), **{REQUIRE_IMAGES_ENV: "1"})
    assert result.returncode != 0
    assert "StaticImagesUnavailable: no Chrome or Chromium found" in result.stderr
    assert "renderer:" not in result.stdout
