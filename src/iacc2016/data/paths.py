"""Every file the package reads is named relative to a folder (data/, the article folder);
a name that leads outside that folder is refused before anything is opened."""

from __future__ import annotations

import errno
import os
from pathlib import Path, PurePosixPath


class OutsideFolder(ValueError):
    """A relative name that resolves outside its folder (or is not relative at all)."""


def confined(folder: Path, name: str) -> Path:
    """`folder / name`, refused when `name` is absolute, climbs with `..`, or resolves
    (through symbolic links) outside `folder`. Nothing is read."""
    if not name or "\\" in name or "\x00" in name:
        raise OutsideFolder(f"{name!r} is not a plain relative path")
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or Path(name).is_absolute():
        raise OutsideFolder(f"{name!r} leads outside its folder")
    base = Path(folder).resolve()
    target = Path(folder) / name
    try:
        real = Path(os.path.realpath(target))
    except OSError:  # pragma: no cover - realpath does not raise on Linux
        return target
    if real != base and base not in real.parents:
        raise OutsideFolder(f"{name!r} resolves outside its folder (through a symbolic link)")
    return target


def open_problem(path: Path) -> str | None:
    """Why `path` cannot be read as a regular file, in words (None when it can)."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link loop (it points back to itself)"
        if exc.errno == errno.ENOENT:
            return "is missing"
        if exc.errno == errno.EACCES:
            return "cannot be read (permission denied)"
        return f"cannot be read ({os.strerror(exc.errno or 0)})"
    if path.is_dir():
        return "is a folder, not a file"
    if not path.is_file():
        return "is not a regular file"
    if not os.access(path, os.R_OK):
        return "cannot be read (permission denied)"
    return None
