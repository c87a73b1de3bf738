"""`make reproduce`'s last step (a build tool, outside the runtime package): re-execute
notebooks in place, safely: each runs in memory from a fresh kernel and the
committed file is replaced (atomically) only when every cell succeeded. A failure names the
notebook, the cell and the error, and leaves the committed notebook untouched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from iacc2016 import settings
from iacc2016.atomic import commit_files, recover, write_text_atomic
from iacc2016.settings import display_path

if TYPE_CHECKING:
    import nbformat
    from nbclient import NotebookClient

# nbformat and nbclient take about a second to import: they are imported where they are
# used, so that a Ctrl-C in that second reaches main()'s handler, not a traceback.

TIMEOUT_SECONDS = 600


@dataclass
class NotebookFailed(Exception):
    notebook: str
    cell: int | None
    error: str

    def __str__(self) -> str:
        where = f"{self.notebook}, cell {self.cell}" if self.cell is not None else self.notebook
        return f"{where}: {self.error}"


def read_source(path: Path, sync: bool = False) -> nbformat.NotebookNode:
    """The notebook to execute: the committed .ipynb, or with `sync` its .py twin's cells
    (jupytext) over the .ipynb's outputs, in memory; a broken file is NotebookFailed."""
    import json
    import warnings

    import nbformat

    name = display_path(path)
    try:
        with warnings.catch_warnings():  # nbformat's advice on old notebooks names its own path
            warnings.simplefilter("ignore")
            nb = nbformat.read(path, as_version=4)
            nbformat.validate(nb)  # a cell whose source is not text would fail mid-run as a traceback
    except OSError as exc:
        what = f"cannot be read ({exc.strerror or exc.__class__.__name__})"
    except (json.JSONDecodeError, nbformat.reader.NotJSONError, UnicodeDecodeError):
        what = "is truncated or not JSON"
    except (nbformat.ValidationError, ValueError, KeyError, AttributeError, TypeError) as exc:
        detail = getattr(exc, "message", None) or exc.__class__.__name__
        what = f"is JSON but not a valid notebook ({str(detail).splitlines()[0][:120]})"
    else:
        what = None
    if what is not None:
        raise NotebookFailed(name, None, f"the notebook {what}; restore it with git checkout") from None
    twin = path.with_suffix(".py")
    if sync and twin.is_file():
        nb = _synced(path, twin)
    return nb


def _synced(path: Path, twin: Path) -> nbformat.NotebookNode:
    """What `make sync` (`jupytext --update --to ipynb`) would write, made on copies in a
    temporary folder, so the committed notebook is untouched until the whole rebuild works."""
    import shutil
    import tempfile

    import nbformat

    with tempfile.TemporaryDirectory(prefix=f"{STAGING_PREFIX}sync-{os.getpid()}-") as folder:
        shutil.copy(path, Path(folder) / path.name)
        shutil.copy(twin, Path(folder) / twin.name)
        done = subprocess.run(
            [sys.executable, "-m", "jupytext", "--quiet", "--update", "--to", "ipynb", twin.name],
            cwd=folder,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["jupytext failed"])[-1].replace(folder + "/", "")
            raise NotebookFailed(display_path(twin), None, f"cannot be carried into its notebook ({last})")
        return nbformat.read(Path(folder) / path.name, as_version=4)


def run(
    path: Path, timeout: int = TIMEOUT_SECONDS, kernel_env: dict[str, str] | None = None, sync: bool = False
) -> nbformat.NotebookNode:
    """Execute a notebook from a fresh kernel, in memory; raise NotebookFailed on error.

    `kernel_env` is added to this process's environment for the kernel alone (how a
    setting reaches the kernel; this process's environment is never changed)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    path = Path(path)
    nb = read_source(path, sync=sync)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,  # timings would change every cell on every run
        allow_errors=False,
        # The kernel warns on stderr that its local TCP channel is unencrypted; that is
        # how every local Jupyter kernel talks, and the warning buries the progress lines.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    try:
        _execute_interruptibly(client, env={**os.environ, **(kernel_env or {})})
    except CellExecutionError as exc:
        raise NotebookFailed(display_path(path), _failing_cell(nb), f"{exc.ename}: {exc.evalue}") from None
    except CellTimeoutError:
        raise NotebookFailed(display_path(path), _failing_cell(nb), f"timed out after {timeout} s") from None
    except DeadKernelError as exc:
        raise NotebookFailed(display_path(path), _failing_cell(nb), f"kernel died ({exc})") from None
    return nb


def _execute_interruptibly(client: NotebookClient, env: dict[str, str]) -> None:
    """client.execute, with Ctrl-C (or SIGTERM) raised as KeyboardInterrupt: nbclient
    catches those signals itself, kills the kernel and then fails with an unrelated error
    (a dead kernel, an assertion); its signal handler leaves a mark we recognise."""
    try:
        # The kernel process's own log (not cell output, which arrives over its channels) would
        # print a traceback of its torn-down sockets on Ctrl-C; cell errors are reported anyway.
        client.execute(env=env, stderr=subprocess.DEVNULL)
    except BaseException:
        if hasattr(client, "_async_cleanup_kernel_future"):  # set by nbclient's signal handler
            raise KeyboardInterrupt from None
        raise


def _failing_cell(nb) -> int | None:
    """Number (1-based, counting every cell) of the first cell holding an error output."""
    for number, cell in enumerate(nb.cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return number
    return None


def serialize(nb) -> str:
    import nbformat

    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def execute_in_place(path: Path, timeout: int = TIMEOUT_SECONDS, kernel_env: dict[str, str] | None = None) -> float:
    """Run the notebook and replace the file only on success; return the seconds taken."""
    start = time.perf_counter()
    nb = run(path, timeout=timeout, kernel_env=kernel_env)
    write_text_atomic(Path(path), serialize(nb))
    return time.perf_counter() - start


def rebuild(paths: list[Path], kernel_env: dict[str, str], chart_dir: Path | None, sync: bool) -> list[Path]:
    """Every notebook executed in memory (its chart data into a staging folder), then every
    notebook and chart-data file committed together, only when all of them succeeded.
    Raises NotebookFailed (nothing written) on the first failure."""
    import shutil
    import tempfile

    files: dict[Path, bytes] = {}
    root = paths[0].resolve().parent
    recover(root)
    remove_stale_staging()
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}chart-data-{os.getpid()}-"))
    try:
        env = {**kernel_env, settings.CHART_DATA_ENV: str(staging)}
        for p in paths:
            start = time.perf_counter()
            nb = run(p, kernel_env=env, sync=sync)
            files[p.resolve()] = serialize(nb).encode("utf-8")
            if sync and p.with_suffix(".py").is_file():
                pass  # the .py is the source: it is read, never written
            print(f"executed {display_path(p)} in {time.perf_counter() - start:.1f} s", flush=True)
        if chart_dir is not None:
            for csv_file in sorted(staging.glob("*.csv")):
                files[(chart_dir / csv_file.name).resolve()] = csv_file.read_bytes()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return commit_files(root, files)


STAGING_PREFIX = "iacc-"  # staging folders: iacc-sync-PID-*, iacc-chart-data-PID-*


def remove_stale_staging() -> None:
    """Remove the staging folders a killed run left in the temporary folder (SIGKILL gives
    it no chance to): those whose process (the PID in the name) is gone."""
    import re
    import shutil
    import tempfile

    for folder in Path(tempfile.gettempdir()).glob(f"{STAGING_PREFIX}*"):
        named = re.fullmatch(rf"{STAGING_PREFIX}(?:sync|chart-data)-(\d+)-.+", folder.name)
        if not named or not folder.is_dir() or int(named.group(1)) == os.getpid():
            continue
        try:
            os.kill(int(named.group(1)), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except PermissionError:
            pass  # another user's live process


def main(argv: list[str]) -> int:
    """`make reproduce`: the notebooks written back must carry their PNGs, so each kernel is
    told to require them (a kernel without a browser stops instead of skipping them), and
    the renderer is the static one whatever the calling shell has set. With `--sync`, each
    notebook's .py twin is carried in first, in memory. Nothing is written unless every
    notebook ran: then every notebook and chart-data file is replaced in one step."""
    sync = "--sync" in argv
    paths = [Path(a) for a in argv if a != "--sync"]
    if not paths:
        return 0
    current = settings.current()
    kernel_env = current.with_(require_static_images=True, renderer=settings.STATIC_RENDERER).as_env()
    chart_dir = current.chart_data_dir
    interrupted = []

    def on_sigint(signum, frame):
        interrupted.append(signum)  # nbclient's clean-up may turn the KeyboardInterrupt into another error
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_sigint)
    try:
        changed = rebuild(paths, kernel_env, chart_dir, sync)
    except BaseException as exc:
        if interrupted or isinstance(exc, KeyboardInterrupt):
            print("reproduce: interrupted; nothing was written", file=sys.stderr)
            return 130
        if isinstance(exc, NotebookFailed):
            print(
                f"FAILED {exc} (nothing was written: every notebook and chart-data file is as it was)", file=sys.stderr
            )
            return 1
        if isinstance(exc, OSError):
            where = display_path(Path(exc.filename)) if exc.filename else "a file"
            print(f"reproduce: cannot write {where} ({exc.strerror}); nothing was written", file=sys.stderr)
            return 4
        raise
    print(
        f"reproduce: {len(changed)} file(s) replaced"
        + (": " + ", ".join(display_path(c) for c in changed) if changed else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
