"""Notebook sources live in jupytext percent-format `.py` files beside each `.ipynb`, so a
reviewer reads a plain diff. These helpers carry the `.py` source into the `.ipynb`
(keeping its outputs) and tell whether a pair has drifted apart."""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
from jupytext.combine import combine_inputs_with_outputs

from .atomic import write_text_atomic
from .execute import serialize

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def pair_of(notebook: Path) -> Path:
    return Path(notebook).with_suffix(".py")


def cell_sources(nb) -> list[tuple[str, str]]:
    return [(c.cell_type, c.source.strip()) for c in nb.cells]


def out_of_sync(notebook: Path) -> str | None:
    """None when the .ipynb holds exactly the cells of its .py twin; else what differs."""
    py = pair_of(notebook)
    if not py.exists():
        return f"{py.name} is missing"
    a = cell_sources(jupytext.read(py))
    b = cell_sources(nbformat.read(notebook, as_version=4))
    if len(a) != len(b):
        return f"{py.name} has {len(a)} cells, {Path(notebook).name} has {len(b)}"
    for number, (x, y) in enumerate(zip(a, b, strict=True), start=1):
        if x != y:
            return f"cell {number} differs between {py.name} and {Path(notebook).name}"
    return None


def update_notebook_from_py(notebook: Path) -> bool:
    """Write the .py source into the .ipynb, keeping outputs of unchanged cells."""
    notebook = Path(notebook)
    source = jupytext.read(pair_of(notebook))
    if notebook.exists():
        current = nbformat.read(notebook, as_version=4)
        if out_of_sync(notebook) is None:
            return False
        combined = combine_inputs_with_outputs(source, current, fmt="py:percent")
    else:
        combined = source
    combined.metadata.pop("jupytext", None)
    combined.metadata["kernelspec"] = KERNELSPEC
    write_text_atomic(notebook, serialize(combined))
    return True
