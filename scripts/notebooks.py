"""`make reproduce`'s last step (a build tool, outside the runtime package): re-execute
notebooks in place, safely: each runs in memory from a fresh kernel and the
committed file is replaced (atomically) only when every cell succeeded. A failure names the
notebook, the cell and the error, and leaves the committed notebook untouched."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from iacc2016 import settings
from iacc2016.atomic import write_text_atomic
from iacc2016.settings import display_path

TIMEOUT_SECONDS = 600


@dataclass
class NotebookFailed(Exception):
    notebook: str
    cell: int | None
    error: str

    def __str__(self) -> str:
        where = f"{self.notebook}, cell {self.cell}" if self.cell is not None else self.notebook
        return f"{where}: {self.error}"


def run(path: Path, timeout: int = TIMEOUT_SECONDS, kernel_env: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """Execute a notebook from a fresh kernel, in memory; raise NotebookFailed on error.

    `kernel_env` is added to this process's environment for the kernel alone (how a
    setting reaches the kernel; this process's environment is never changed)."""
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
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
        client.execute(env={**os.environ, **(kernel_env or {})})
    except CellExecutionError as exc:
        raise NotebookFailed(display_path(path), _failing_cell(nb), f"{exc.ename}: {exc.evalue}") from None
    except CellTimeoutError:
        raise NotebookFailed(display_path(path), _failing_cell(nb), f"timed out after {timeout} s") from None
    except DeadKernelError as exc:
        raise NotebookFailed(display_path(path), _failing_cell(nb), f"kernel died ({exc})") from None
    return nb


def _failing_cell(nb) -> int | None:
    """Number (1-based, counting every cell) of the first cell holding an error output."""
    for number, cell in enumerate(nb.cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return number
    return None


def serialize(nb) -> str:
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def execute_in_place(path: Path, timeout: int = TIMEOUT_SECONDS, kernel_env: dict[str, str] | None = None) -> float:
    """Run the notebook and replace the file only on success; return the seconds taken."""
    start = time.perf_counter()
    nb = run(path, timeout=timeout, kernel_env=kernel_env)
    write_text_atomic(Path(path), serialize(nb))
    return time.perf_counter() - start


def main(paths: list[str]) -> int:
    """`make reproduce`: the notebooks written back must carry their PNGs, so each kernel is
    told to require them (a kernel without a browser stops instead of skipping them), and
    the renderer is the static one whatever the calling shell has set."""
    kernel_env = settings.current().with_(require_static_images=True, renderer=settings.STATIC_RENDERER).as_env()
    failed = 0
    for p in paths:
        try:
            seconds = execute_in_place(Path(p), kernel_env=kernel_env)
            print(f"executed {display_path(Path(p))} in {seconds:.1f} s")
        except NotebookFailed as exc:
            failed += 1
            print(f"FAILED {exc} (the committed notebook was left unchanged)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
