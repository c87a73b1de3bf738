"""The real-browser test (`make browser-test`, run by `.ci/run` after `make test`).

Debian's Chromium (/usr/bin/chromium, or BROWSER_PATH), driven by Playwright for Python
(no browser download), uses JupyterLab as `make lab` starts it (scripts/lab.py), over a
temporary copy of the repository, on a free loopback port with a token. It checks:

- JupyterLab opens on the overview, rooted at the repository (data/ in the file browser),
  with autosave off (the setting JupyterLab itself reports);
- for every notebook, opened from the file browser and run with Run > Run All Cells until
  the kernel is idle: no error or stderr output; every figure the committed notebook holds
  becomes a live plotly graph (svg.main-svg); hovering each shows the chart's own hover
  text (a piece of its hovertemplate, labels or data); nothing was written to the copy
  (no autosave, even after hovering);
- the overview's link to the data dictionary opens data/README.md;
- an edit saved in JupyterLab reaches the `.py` twin, and survives the sync step of
  `make reproduce` (its sync step, `make sync`: jupytext --update);
- afterwards the original checkout's `git status --porcelain` is what it was before.

It prints each check, stops every process it started (JupyterLab, its kernels, Chromium)
and exits non-zero naming the first failed check. Not collected by `pytest tests`.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("lab", ROOT / "scripts" / "lab.py")
lab = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lab)

from browser_pages import (  # noqa: E402  (scripts/ is on sys.path when run as a script)
    CheckFailed,
    add_cell_and_save,
    api,
    check,
    check_hover,
    copy_checkout,
    current_panel,
    figures_of,
    free_port,
    git_status,
    hover_fragments,
    listing,
    open_from_file_browser,
    run_all,
    say,
    wait_for_server,
    wait_for_text,
)


def exercise(page, base: str, token: str, copy: Path, notebooks: list[str]) -> None:
    page.goto(f"{base}/?token={token}")
    page.locator(".lm-TabBar-tab.lm-mod-current", has_text=lab.FIRST_NOTEBOOK.split("/")[-1]).first.wait_for(
        timeout=60_000
    )
    say(f"JupyterLab opened on {lab.FIRST_NOTEBOOK}")
    page.locator(".jp-BreadCrumbs-home").first.click()
    root_items = listing(page, {"data", "notebooks"})
    check(
        {"data", "notebooks"} <= root_items,
        f"the file browser's root is not the repository (it lists {sorted(root_items)})",
    )
    say("the file browser is rooted at the repository: data/ and notebooks/ in reach")
    settings = api(base, token, "/lab/api/settings/@jupyterlab/docmanager-extension:plugin")
    # The user's own setting, else the schema's default (where the override lands).
    autosave = (settings.get("settings") or {}).get("autosave", settings["schema"]["properties"]["autosave"]["default"])
    check(autosave is False, "autosave is on in JupyterLab's settings")
    say("JupyterLab reports autosave off (settings override in the environment)")

    searchable = 0
    for name in notebooks:
        path = copy / "notebooks" / name
        before = path.read_bytes()
        figures = figures_of(path)
        open_from_file_browser(page, name)
        seconds = run_all(page, name)
        panel = current_panel(page)
        bad = panel.locator('[data-mime-type="application/vnd.jupyter.stderr"]')
        check(bad.count() == 0, f"{name}: error or stderr output: {(bad.all_text_contents() or [''])[0][:500]}")
        live = panel.locator(".jp-RenderedPlotly")
        check(
            live.count() == len(figures),
            f"{name}: {live.count()} live plotly figures, the notebook holds {len(figures)}",
        )
        for i, figure in enumerate(figures):
            figure_el = live.nth(i)
            figure_el.scroll_into_view_if_needed()
            figure_el.locator("svg.main-svg").first.wait_for(timeout=20_000)
            check_hover(page, figure_el, hover_fragments(figure), f"{name}, figure {i + 1}")
        tables = panel.locator("table.dataTable").count()
        searchable += tables
        check(path.read_bytes() == before, f"{name}: the notebook file changed without a save (autosave?)")
        say(
            f"{name}: ran in {seconds:.0f} s, no error or stderr output, {len(figures)} figure(s) live "
            f"with their own hover text, {tables} searchable tables, file untouched until saved"
        )
        if name == lab.FIRST_NOTEBOOK.split("/")[-1]:
            link = panel.locator(".jp-RenderedMarkdown a", has_text="data dictionary").first
            link.scroll_into_view_if_needed()
            link.click()
            tab = page.locator(".lm-TabBar-tab", has_text="README.md").first
            try:
                tab.wait_for(timeout=15_000)
            except Exception:
                raise CheckFailed("the overview's data-dictionary link did not open data/README.md") from None
            page.locator(
                "#jp-main-dock-panel .jp-RenderedMarkdown:visible h1", has_text="Data dictionary"
            ).first.wait_for(timeout=15_000)
            say("the overview's data-dictionary link opens data/README.md")
            page.locator(".lm-TabBar-tab.lm-mod-current .lm-TabBar-tabCloseIcon").first.click()
            open_from_file_browser(page, name)
        marker = f"browser-test edit of {name}"
        add_cell_and_save(page, marker)
        twin = path.with_suffix(".py")
        check(wait_for_text(twin, marker), f"{name}: saving in JupyterLab did not update {twin.name}")
        check(wait_for_text(path, marker), f"{name}: saving in JupyterLab did not update {name}")
        sync = subprocess.run(
            # make reproduce's sync step (make sync), on this one notebook
            [
                str(Path(sys.executable).parent / "jupytext"),
                "--quiet",
                "--update",
                "--to",
                "ipynb",
                f"notebooks/{twin.name}",
            ],
            cwd=copy,
            capture_output=True,
            text=True,
        )
        check(sync.returncode == 0, f"{name}: make sync's jupytext failed: {sync.stderr}")
        check(marker in path.read_text(encoding="utf-8"), f"{name}: the saved edit did not survive make sync")
        say(f"{name}: an edit saved in JupyterLab reached {twin.name} and survived make reproduce's sync step")
    check(searchable > 0, "no text-heavy table became searchable (itables)")


def leftover_processes(marker: str) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit() and int(proc.name) != os.getpid():
            try:
                if marker in (proc / "cmdline").read_bytes().decode(errors="replace"):
                    pids.append(int(proc.name))
            except OSError:
                pass
    return pids


def stop(server: subprocess.Popen | None, base: str, token: str, marker: str) -> int:
    """Stop JupyterLab (it shuts its kernels down), then anything left that was started
    here; return how many processes had to be killed."""
    if server is not None and server.poll() is None:
        try:
            api(base, token, "/api/shutdown", method="POST")
            server.wait(timeout=15)
        except (OSError, subprocess.TimeoutExpired):
            pass
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
    killed = 0
    for _ in range(20):  # kernels run in their own sessions; they name the runtime folder
        left = leftover_processes(marker)
        if not left:
            break
        time.sleep(0.25)
    for pid in leftover_processes(marker):
        try:
            os.kill(pid, signal.SIGKILL)
            killed += 1
        except ProcessLookupError:
            pass
    return killed


def browser_path() -> str:
    path = os.environ.get("BROWSER_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        raise CheckFailed("no Chromium: install Debian's chromium package (apt-get install chromium)")
    return path


def main() -> int:
    started = time.monotonic()
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    status_before = git_status(ROOT)
    notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    tmp = Path(tempfile.mkdtemp(prefix="iacc-browser-test-"))
    copy = tmp / "repo"
    runtime = tmp / "runtime"
    token = secrets.token_hex(16)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = None
    failure = None
    try:
        executable = browser_path()
        copy_checkout(copy)
        # Were autosave on, it would write within 2 s instead of 2 minutes, and the check
        # that each notebook file is untouched until saved would catch it in this run.
        user_settings = tmp / "user-settings" / "@jupyterlab" / "docmanager-extension" / "plugin.jupyterlab-settings"
        user_settings.parent.mkdir(parents=True)
        user_settings.write_text('{"autosaveInterval": 2}\n', encoding="utf-8")
        env = lab.environment()
        env.update(
            JUPYTER_RUNTIME_DIR=str(runtime),
            JUPYTERLAB_SETTINGS_DIR=str(tmp / "user-settings"),
            JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"),
            JUPYTER_CONFIG_DIR=str(tmp / "config"),
        )
        articles = ROOT.parent / "shared" / "seeds"
        if articles.is_dir() and "IACC_ARTICLES_DIR" not in env:
            env["IACC_ARTICLES_DIR"] = str(articles)
        extra = (
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            f"--IdentityProvider.token={token}",
        )
        log = tmp / "jupyterlab.log"
        with log.open("w") as out:
            server = subprocess.Popen(
                lab.command(copy, extra),
                cwd=copy,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_for_server(base, token, server, log)
        say(f"JupyterLab started on 127.0.0.1:{port} over a copy of the repository")
        with sync_playwright() as playwright:
            args = ["--no-sandbox"] if os.geteuid() == 0 else []
            browser = playwright.chromium.launch(executable_path=executable, args=args)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                try:
                    exercise(page, base, token, copy, notebooks)
                except Exception:
                    shot = Path(tempfile.gettempdir()) / "iacc-browser-test-failure.png"
                    page.screenshot(path=str(shot))
                    say(f"screenshot of the failure: {shot}")
                    raise
            finally:
                browser.close()
    except CheckFailed as exc:
        failure = str(exc)
    except PlaywrightError as exc:  # a selector that never appeared, a page that crashed
        failure = f"in the browser: {str(exc).splitlines()[0]}"
    except Exception as exc:  # anything else still stops every process and is reported
        failure = f"{type(exc).__name__}: {exc}"
    finally:
        killed = stop(server, base, token, str(runtime))
        shutil.rmtree(tmp, ignore_errors=True)
    say(f"stopped JupyterLab, its kernels and Chromium ({killed} left-over processes had to be killed)")
    status_after = git_status(ROOT)
    if failure is None and status_after != status_before:
        failure = f"the original checkout's git status changed:\n{status_after}"
    if failure is None:
        say("the original checkout's git status is unchanged")
    seconds = time.monotonic() - started
    if failure:
        print(f"browser-test: FAILED after {seconds:.0f} s: {failure}", file=sys.stderr)
        return 1
    say(f"passed: {len(notebooks)} notebooks in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
