"""Codes the codebook (data/datapackage.json) defines are not declared again in Python:
labels, order and colours are read from it (iacc2016.present.codebook)."""

from __future__ import annotations

import ast

from conftest import ROOT
from iacc2016.data.schema import load_package

PACKAGE = ROOT / "src" / "iacc2016"
# Each entry: (file, the line's first 40 characters). The test fails on any declaration not
# listed, and on a listed one that is gone, so this list only shrinks.
NOT_YET_MOVED = {
    # Not the codebook's codes, though they share some spellings: the ways a timeline draws
    # an event ('day', 'span', 'interval': the values of events.date_precision's `drawn`
    # property, each with the words of its legend), and Frictionless's field types ('date',
    # 'number', ...: pandas dtypes, plain forms).
    ("present/story.py", 'DRAWN_AS = {"day": EXACT, "span": SPAN, '),
    ("data/schema.py", "PANDAS_DTYPES = {"),
    ("data/cells.py", "PLAIN_FORMS = {"),
    # Not codes: the tables whose verbatim column is checked against the articles, some of
    # which record_checks.checks_table also names.
    ("data/validate.py", "VERBATIM_COLUMNS = {"),
}


def code_sets() -> dict[str, set[str]]:
    package = load_package(ROOT / "data")
    out = {}
    for resource in package.resources:
        for field in resource.fields:
            codes = set(field.enum or ()) | {v for v, _ in field.labels}
            if len(codes) >= 2:
                out[f"{resource.name}.{field.name}"] = codes
    return out


def strings_in(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Dict):
        items = node.keys
    elif isinstance(node, ast.List | ast.Tuple | ast.Set):
        items = node.elts
    else:
        return []
    return [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]


def declarations(tree: ast.Module):
    """What declares codes: a module-level constant (a list, tuple, set or dict literal), or
    anywhere a dict literal from codes to strings (labels, colours, symbols). A code used to
    select rows (`isin(["object", "send_letter"])`) is logic, not a declaration."""
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            yield node.value
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Dict)
            and node.values
            and all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in node.values)
        ):
            yield node


def redeclarations(source: str, codes: dict[str, set[str]]) -> list[tuple[int, str]]:
    """(line, field) for each declaration holding two or more codes of one field."""
    found = []
    for node in declarations(ast.parse(source)):
        strings = set(strings_in(node))
        for field, values in codes.items():
            if len(strings & values) >= 2:
                found.append((node.lineno, field))
    return sorted(set(found))


def test_no_module_declares_codes_the_codebook_defines():
    codes = code_sets()
    problems, seen = [], set()
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for line, field in redeclarations(text, codes):
            where = (path.relative_to(PACKAGE).as_posix(), lines[line - 1].strip()[:40])
            seen.add(where)
            if where not in NOT_YET_MOVED:
                problems.append(f"{where[0]}:{line}: codes of {field} declared in Python: {lines[line - 1].strip()}")
    assert not problems, "read them from the codebook instead:\n" + "\n".join(problems)
    assert not NOT_YET_MOVED - seen, f"moved, so drop from NOT_YET_MOVED: {sorted(NOT_YET_MOVED - seen)}"


def test_the_check_finds_a_redeclared_code_list():
    codes = code_sets()
    assert (1, "members.side") in redeclarations('SIDES = ["brands", "alibaba", "iacc", "other"]\n', codes)
    inline = 'def f():\n    return {"brands": "#b2182b", "iacc": "#2166ac"}\n'
    assert (2, "members.side") in redeclarations(inline, codes)
    assert not redeclarations('def f(e):\n    return e[e["side"].isin(["brands", "iacc"])]\n', codes)
    assert not redeclarations('NAMES = ["brands"]\n', codes)  # one code alone is a lookup, not a list


def test_side_labels_and_colours_come_from_the_codebook():
    from iacc2016.data.tables import Tables
    from iacc2016.present import codebook

    data = Tables.load(ROOT / "data")
    assert codebook.side_order(data) == data.package.codes("members", "side")
    assert set(codebook.side_colors(data)) == set(codebook.side_order(data)) == set(codebook.side_names(data))
