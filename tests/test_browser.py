"""Static chart images need a Chromium: `make reproduce` finds one, installs Debian's
package where it may (Debian, root), and otherwise stops saying exactly what to install."""

from __future__ import annotations

import shutil

from iacc2016 import browser


def no_browser_anywhere(monkeypatch):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: None)


def test_a_browser_on_the_path_is_found(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: str(fake) if name == "chromium" else None)
    assert browser.find_browser() == str(fake)


def test_browser_path_overrides_and_must_exist(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "missing"))
    assert browser.find_browser() is None
    (tmp_path / "chrome").write_text("")
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "chrome"))
    assert browser.find_browser() == str(tmp_path / "chrome")


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
