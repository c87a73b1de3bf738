"""`make lab` as scripts/lab.py starts it: rooted at the repository (so jupytext.toml pairs
each notebook with its .py twin and data/ is in reach), on the overview, autosave off by a
settings override in the environment, a git-ignored scratch folder. The real-browser test
(`make browser-test`) checks the same in Chromium; these are its cheap, static half."""

from __future__ import annotations

import importlib.util
import json
import subprocess

from conftest import ROOT

spec = importlib.util.spec_from_file_location("lab", ROOT / "scripts" / "lab.py")
lab = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lab)


def option(cmd: list[str], name: str) -> str:
    values = [a.split("=", 1)[1] for a in cmd if a.startswith(f"--{name}=")]
    assert len(values) == 1, cmd
    return values[0]


def test_lab_is_rooted_at_the_repository_and_opens_the_overview():
    cmd = lab.command()
    assert option(cmd, "ServerApp.root_dir") == str(ROOT)
    assert (ROOT / "jupytext.toml").is_file()  # found by jupytext only up to the lab root
    assert option(cmd, "LabApp.default_url") == "/lab/tree/notebooks/00-overview.ipynb"
    assert (ROOT / "notebooks" / "00-overview.ipynb").is_file()


def test_as_root_lab_is_allowed_to_start(monkeypatch):
    monkeypatch.setattr(lab.os, "geteuid", lambda: 0)
    assert "--allow-root" in lab.command()
    monkeypatch.setattr(lab.os, "geteuid", lambda: 1000)
    assert "--allow-root" not in lab.command()


def test_the_settings_override_turns_autosave_off(tmp_path):
    path = lab.write_settings(str(tmp_path))
    assert path == tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert json.loads(path.read_text())["@jupyterlab/docmanager-extension:plugin"]["autosave"] is False


def test_kernels_of_make_lab_are_marked_for_exploring():
    from iacc2016.present import explore

    assert lab.environment({})[explore.EXPLORE_ENV] == "1"


def test_the_scratch_folder_is_ignored_by_git_and_named_in_the_readme():
    ignored = subprocess.run(["git", "check-ignore", "-q", f"{lab.SCRATCH}/mine.ipynb"], cwd=ROOT, capture_output=True)
    assert ignored.returncode == 0
    assert f"`{lab.SCRATCH}/`" in (ROOT / "README.md").read_text(encoding="utf-8")
