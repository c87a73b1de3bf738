"""Write files so that a crash or a kill leaves either the old file or the new one, never a
half-written mix: write beside the target, flush to disk, then rename over it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes_atomic(target: Path, data: bytes) -> None:
    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp-iacc", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(target: Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))


# --------------------------------------------------------------------- several files at once
JOURNAL = ".iacc-commit.json"
TEMP_SUFFIX = ".tmp-iacc"


def commit_files(root: Path, files: dict[Path, bytes]) -> list[Path]:
    """Replace several files under `root` as one step: every new file is written and flushed
    beside its target first, then a journal naming them is written, then they are renamed
    into place (Ctrl-C held off meanwhile) and the journal removed. A kill during the
    renames leaves the journal, and the next build step (`recover`) finishes them, so a
    reader never sees a mix of old and new after any build step has run. Returns the
    targets whose contents changed (unchanged files are not rewritten)."""
    import json
    import signal

    root = Path(root)
    recover(root)
    changed = {Path(t): data for t, data in files.items() if not Path(t).is_file() or Path(t).read_bytes() != data}
    if not changed:
        return []
    pairs: list[tuple[str, str]] = []
    try:
        for target, data in changed.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, (target.stat().st_mode & 0o777) if target.exists() else 0o644)
            pairs.append((os.path.relpath(tmp, root), os.path.relpath(target, root)))
    except BaseException:
        for tmp, _ in pairs:
            (root / tmp).unlink(missing_ok=True)
        raise
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        write_text_atomic(root / JOURNAL, json.dumps(pairs))
        _apply(root, pairs)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
    return list(changed)


def _apply(root: Path, pairs) -> None:
    for tmp, target in pairs:
        if (root / tmp).exists():
            os.replace(root / tmp, root / target)
    (root / JOURNAL).unlink(missing_ok=True)


def recover(root: Path, folders: tuple[Path, ...] = ()) -> None:
    """Finish a commit a kill interrupted (its journal is there), then remove temporary
    files a killed run left under `root` (and `folders`)."""
    import json

    root = Path(root)
    journal = root / JOURNAL
    if journal.is_file():
        try:
            pairs = json.loads(journal.read_text(encoding="utf-8"))
        except ValueError:  # the journal itself was cut short: nothing was renamed yet
            pairs = []
        _apply(root, pairs)
    for folder in (root, *folders):
        for tmp in Path(folder).rglob(f"*{TEMP_SUFFIX}"):
            if ".venv" not in tmp.parts and ".git" not in tmp.parts:
                tmp.unlink(missing_ok=True)
