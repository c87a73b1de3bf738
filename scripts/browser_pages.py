"""Helpers of the real-browser test (scripts/browser_test.py): checks and messages, the
temporary copy of the checkout, JupyterLab's server API, and the Playwright steps on
JupyterLab's page (file browser, Run All, hover, save)."""

from __future__ import annotations

import html
import json
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLOTLY = "application/vnd.plotly.v1+json"
STARTUP_SECONDS = 60
RUN_SECONDS = 150


class CheckFailed(Exception):
    pass


def check(ok: bool, what: str) -> None:
    if not ok:
        raise CheckFailed(what)


def say(text: str) -> None:
    print(f"browser-test: {text}", flush=True)


def git_status(repo: Path) -> str:
    return subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True, check=True).stdout


def copy_checkout(dest: Path) -> None:
    """The checkout's files as they are now (tracked and untracked, not ignored)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(base: str, token: str, path: str, method: str = "GET") -> dict:
    request = urllib.request.Request(
        f"{base}{path}",
        method=method,
        headers={"Authorization": f"token {token}"},
        data=b"" if method == "POST" else None,
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
    return json.loads(body) if body else {}


def wait_for_server(base: str, token: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        check(server.poll() is None, f"JupyterLab exited at start:\n{log.read_text()[-2000:]}")
        try:
            api(base, token, "/api/status")
            return
        except OSError:
            time.sleep(0.3)
    raise CheckFailed(f"JupyterLab did not answer within {STARTUP_SECONDS} s")


def hover_fragments(figure: dict) -> set[str]:
    """Strings the chart's own hover text is made of: its hovertemplates' literal words,
    its category labels, its text and custom data."""
    out: set[str] = set()

    def add(value) -> None:
        if isinstance(value, str):
            for part in re.split(r"<br>|<[^>]+>", value):
                part = " ".join(html.unescape(part).split())
                if len(part) >= 3:
                    out.add(part)
        elif isinstance(value, list | tuple):
            for item in value:
                add(item)

    for trace in figure.get("data", []):
        template = trace.get("hovertemplate")
        if isinstance(template, str):
            template = re.sub(r"<extra>.*?</extra>", "", template)
            for literal in re.split(r"%\{[^}]*\}", template):
                add(literal)
        for key in ("x", "y", "text", "customdata", "hovertext", "name"):
            add(trace.get(key))
        name = trace.get("name")
        if isinstance(name, str) and len(name) > 15:
            out.add(name[:12])  # plotly's hover label cuts a trace name to 12 characters + "..."
    return out


def figures_of(notebook: Path) -> list[dict]:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return [
        output["data"][PLOTLY]
        for cell in nb["cells"]
        if cell["cell_type"] == "code"
        for output in cell.get("outputs", [])
        if PLOTLY in output.get("data", {})
    ]


def dismiss_dialogs(page) -> None:
    """A kernel-choice dialog (if any) is accepted with its default."""
    dialog = page.locator(".jp-Dialog .jp-mod-accept")
    if dialog.count():
        dialog.first.click()


def current_panel(page):
    """The notebook panel of the current main-area tab."""
    tab = page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current").first
    return page.locator(f"[id='{tab.get_attribute('data-id')}']")


def listing(page, expected: set[str], seconds: float = 15) -> set[str]:
    """The file browser's current listing, once it holds `expected` (or the time is up)."""
    deadline = time.monotonic() + seconds
    while True:
        names = {t.strip() for t in page.locator(".jp-DirListing-itemText").all_text_contents()}
        if expected <= names or time.monotonic() > deadline:
            return names
        time.sleep(0.2)


def item(page, name: str):
    return page.locator(
        ".jp-DirListing-item", has=page.locator(".jp-DirListing-itemText", has_text=re.compile(f"^{re.escape(name)}$"))
    ).first


def open_from_file_browser(page, name: str) -> None:
    """Double-click the notebook in the file browser's notebooks/ folder."""
    if name not in listing(page, {name}, seconds=1):
        page.locator(".jp-BreadCrumbs-home").first.click()
        check("notebooks" in listing(page, {"notebooks"}), "the file browser's root holds no notebooks/ folder")
        item(page, "notebooks").dblclick()
    check(name in listing(page, {name}), f"{name} is not in the file browser's notebooks/ folder")
    item(page, name).dblclick()
    page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current", has_text=name).first.wait_for(timeout=15_000)


PROGRESS = """p => {
    const prompts = [...p.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(e => e.textContent);
    return {
        started: prompts.some(t => /\\[(\\*|\\d+)\\]/.test(t)),
        done: prompts.length > 0 && prompts.every(t => /\\[\\d+\\]/.test(t)),
    };
}"""


def menu(page, title: str, command: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{title}$")).first.click()
    page.locator(f'.lm-Menu-item[data-command="{command}"]').first.click()


def run_all(page, name: str) -> float:
    """Run > Run All Cells, then wait until every code cell has run and the kernel is idle.
    A Run All sent before the kernel has connected does nothing; it is sent again then."""
    panel = current_panel(page)
    panel.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(timeout=60_000)
    page.locator(".jp-StatusBar-Item", has_text=re.compile(r"\|\s*Idle")).first.wait_for(timeout=60_000)
    # Clear the committed outputs first, so a numbered prompt can only come from this run.
    panel.locator(".jp-Cell").first.click()  # the notebook, not the file browser, has focus
    menu(page, "Edit", "editmenu:clear-all")
    deadline = time.monotonic() + 15
    while panel.evaluate(PROGRESS)["started"]:
        check(time.monotonic() < deadline, f"{name}: Edit > Clear Outputs of All Cells left numbered prompts")
        time.sleep(0.2)
    started = time.monotonic()
    deadline = started + RUN_SECONDS
    for attempt in range(3):
        panel.locator(".jp-Cell").first.click()
        menu(page, "Run", "runmenu:run-all")
        retry_at = time.monotonic() + 15
        while time.monotonic() < deadline:
            dismiss_dialogs(page)
            progress = panel.evaluate(PROGRESS)
            idle = panel.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").count() > 0
            if progress["done"] and idle:
                if attempt:
                    say(f"{name}: Run All was sent {attempt + 1} times (the first before the kernel was ready)")
                return time.monotonic() - started
            if not progress["started"] and time.monotonic() > retry_at:
                break
            time.sleep(0.3)
    raise CheckFailed(f"{name}: Run All did not finish within {RUN_SECONDS} s")


def check_hover(page, figure_el, fragments: set[str], label: str) -> str:
    """Move the mouse over the chart's own marks (points, bars), then over a grid of the plot
    area, until plotly shows a hover label; return it. Each position waits up to about a
    second for the label, since a busy machine draws it late."""
    figure_el.scroll_into_view_if_needed()
    area = figure_el.locator("rect.nsewdrag").first
    area.wait_for(timeout=15_000)
    area.scroll_into_view_if_needed()  # the first panel of a figure taller than the window
    box = area.bounding_box()
    check(box is not None, f"{label}: the plot area has no size")
    positions = []
    marks = figure_el.locator(".scatterlayer .point, .barlayer .point")
    for i in range(min(marks.count(), 12)):
        mark = marks.nth(i).bounding_box()
        if mark and mark["width"] >= 0 and mark["height"] >= 0:
            positions.append((mark["x"] + mark["width"] / 2, mark["y"] + mark["height"] / 2))
    # A plot taller than the window (notebook 04's grid) is hovered where it is on screen:
    # the grid of positions covers the part of the plot area inside the viewport.
    viewport = page.viewport_size or {"height": box["y"] + box["height"]}
    top = max(box["y"], 0)
    height = max(min(box["y"] + box["height"], viewport["height"]) - top, 1)
    for fy in (0.5, 0.3, 0.7, 0.15, 0.85, 0.05, 0.95):
        for fx in (0.02, 0.1, 0.25, 0.5, 0.75, 0.9):
            positions.append((box["x"] + box["width"] * fx, top + height * fy))
    for x, y in positions:
        page.mouse.move(x, y)
        shown = ""
        for _ in range(10):
            page.wait_for_timeout(100)
            shown = " ".join((figure_el.locator(".hoverlayer").first.text_content() or "").split())
            if shown:
                break
        if shown:
            check(
                any(f in shown for f in fragments),
                f"{label}: the hover label {shown!r} holds none of the chart's own hover text",
            )
            page.mouse.move(0, 0)
            return shown
    raise CheckFailed(f"{label}: no hover label appeared anywhere over the plot")


def add_cell_and_save(page, marker: str) -> None:
    panel = current_panel(page)
    panel.locator(".jp-Cell").last.locator(".jp-InputPrompt").first.click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    page.keyboard.press("Enter")
    page.keyboard.type(f"# {marker}")
    page.keyboard.press("Escape")
    page.keyboard.press("Control+s")


def wait_for_text(path: Path, text: str, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.is_file() and text in path.read_text(encoding="utf-8"):
            return True
        time.sleep(0.2)
    return False
