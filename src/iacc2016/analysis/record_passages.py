"""The record checks grouped for a reader: what the checks cover, and one row per article
passage when several checks rest on the same (or overlapping) words of one article.

Pure analysis over DataFrames; the record tables are not from the articles.

- `coverage`: per article table, how many of its rows exist, how many were checked, and
  how many checks there are (the data record no rule for choosing the statements; this is
  what the checks cover, counted).
- `passage_groups`: checks of one article whose article words are the same passage
  (one contains the other, or one ends where the other begins, overlapping by at least
  `min_overlap` characters), grouped transitively, with the passage spliced whole.
"""

from __future__ import annotations

import pandas as pd


def coverage(checks: pd.DataFrame, tables: dict[str, pd.DataFrame], id_columns: dict[str, str]) -> pd.DataFrame:
    """One row per article table a check may point at (in the order of `id_columns`):
    checks_table, rows (rows of that table; for claims, one per article's version of a
    point), checked (distinct rows checked), checks (checks of that table)."""
    out = []
    for table, col in id_columns.items():
        c = checks[checks["checks_table"] == table]
        if table == "claims":
            rows = len(tables[table][[col, "source_id"]].drop_duplicates())
            checked = len(c[["checks_id", "source_id"]].drop_duplicates())
        else:
            rows = int(tables[table][col].nunique())
            checked = int(c["checks_id"].nunique())
        out.append({"checks_table": table, "rows": rows, "checked": checked, "checks": len(c)})
    return pd.DataFrame(out, columns=["checks_table", "rows", "checked", "checks"])


def _overlap(a: str, b: str, min_overlap: int) -> int:
    """Characters by which the end of `a` is the start of `b` (0 when fewer than min_overlap)."""
    for n in range(min(len(a), len(b)), min_overlap - 1, -1):
        if a[-n:] == b[:n]:
            return n
    return 0


def _same_passage(a: str, b: str, min_overlap: int) -> bool:
    return a in b or b in a or bool(_overlap(a, b, min_overlap)) or bool(_overlap(b, a, min_overlap))


def splice(texts: list[str], min_overlap: int = 30) -> str:
    """The passage the texts are parts of: contained parts dropped, overlapping ones joined
    at their overlap. Texts that neither contain nor overlap one another are joined with ' … '."""
    parts = list(dict.fromkeys(texts))
    parts = [p for p in parts if not any(p != q and p in q for q in parts)]
    while len(parts) > 1:
        best = max(
            ((_overlap(a, b, min_overlap), i, j) for i, a in enumerate(parts) for j, b in enumerate(parts) if i != j),
            default=(0, 0, 0),
        )
        n, i, j = best
        if not n:
            return " … ".join(parts)
        joined = parts[i] + parts[j][n:]
        parts = [p for k, p in enumerate(parts) if k not in (i, j)] + [joined]
    return parts[0] if parts else ""


def passage_groups(source_ids: pd.Series, words: pd.Series, min_overlap: int = 30) -> pd.DataFrame:
    """For each check (index as `words`): group (a number, in order of first appearance)
    and passage (the group's words spliced whole). Checks without words form groups of
    their own. Only checks of the same article are grouped."""
    idx = list(words.index)
    parent = {i: i for i in idx}

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for n, i in enumerate(idx):
        for j in idx[:n]:
            a, b = words[i], words[j]
            same_article = source_ids[i] == source_ids[j] and isinstance(a, str) and isinstance(b, str)
            if same_article and _same_passage(a, b, min_overlap):
                parent[find(i)] = find(j)
    roots = {i: find(i) for i in idx}
    number = {r: k for k, r in enumerate(dict.fromkeys(roots[i] for i in idx))}
    members: dict = {}
    for i in idx:
        members.setdefault(roots[i], []).append(i)
    passage = {}
    for r, m in members.items():
        texts = [words[i] for i in m if isinstance(words[i], str)]
        passage[r] = splice(texts, min_overlap) if texts else pd.NA
    return pd.DataFrame(
        {"group": [number[roots[i]] for i in idx], "passage": [passage[roots[i]] for i in idx]},
        index=words.index,
    )
