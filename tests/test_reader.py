"""Reader tests for issue 17: what a newcomer meets in the executed notebooks.

Each test reads the committed .ipynb JSON (no kernel, no re-execution) and the data
package, runs once per notebook (every notebooks/NN-*.ipynb, so a new notebook is covered
as soon as it exists), and fails with a count and a list of every violation, each named by
notebook, cell index and the offending text. Each failed on the notebooks of main before
issue 17 (the violation counts are in the CHANGELOG).

What "rendered" means here: what a reader sees on GitHub or in a script-free render:
markdown cell sources, text/markdown and text/html outputs, stream outputs (the check
lines), and the text drawn inside charts (titles, axis titles, tick labels, legend names,
annotations, in-trace text) from the plotly JSON that the PNG was exported from.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import re
import struct
import tokenize
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

from iacc2016.data import numbers as number_words
from iacc2016.data.numbers import value_of

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS_DIR = ROOT / "notebooks"
DATA_DIR = ROOT / "data"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
IDS = [p.name for p in NOTEBOOKS]
PLOTLY = "application/vnd.plotly.v1+json"
SHOW = int(os.environ.get("SHOW", "40"))  # violations listed in a failure message


# --------------------------------------------------------------------------- loading


def notebook_paths() -> list[Path]:
    paths = list(NOTEBOOKS)
    assert paths, f"no notebooks in {NOTEBOOKS_DIR}"
    return paths


@cache
def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def text_of(value) -> str:
    return "".join(value) if isinstance(value, list) else (value or "")


def outputs(path: Path):
    """(cell index, output) for every output of every code cell."""
    for i, cell in enumerate(load(path)["cells"]):
        for out in cell.get("outputs", []):
            yield i, out


@cache
def datapackage() -> dict:
    return json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))


@cache
def tables() -> dict[str, list[dict[str, str]]]:
    out = {}
    for res in datapackage()["resources"]:
        with open(DATA_DIR / res["path"], encoding="utf-8", newline="") as fh:
            out[res["name"]] = list(csv.DictReader(fh))
    return out


@cache
def data_strings() -> tuple[str, ...]:
    return tuple(v for rows in tables().values() for row in rows for v in row.values() if v)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def fail(what: str, violations: list[str]) -> None:
    if violations:
        listed = "\n  ".join(violations[:SHOW])
        more = f"\n  ... and {len(violations) - SHOW} more" if len(violations) > SHOW else ""
        pytest.fail(f"{len(violations)} violations: {what}\n  {listed}{more}", pytrace=False)


# --------------------------------------------------------------------------- HTML tables


class _Tables(HTMLParser):
    """Collect every <table> as rows of (tag, text, section) cells."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[tuple[str, str, str]]]] = []
        self._section = ""
        self._cell: list[str] | None = None
        self._tag = ""

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell, self._tag = [], tag
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self.tables and self.tables[-1]:
            self.tables[-1][-1].append((self._tag, norm("".join(self._cell)), self._section))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def html_tables(path: Path):
    """(cell index, table) for every HTML table in the notebook's outputs."""
    for i, out in outputs(path):
        html = text_of(out.get("data", {}).get("text/html"))
        if "<table" in html:
            parser = _Tables()
            parser.feed(html)
            for table in parser.tables:
                yield i, table


def table_cells(path: Path, skip_corpus_words: bool = False):
    """(cell index, tag, text, section) for every cell of every rendered table.

    With skip_corpus_words, a body column made of words from the articles (the
    distinctive-terms column) is left out: those are the articles' words, not codes.
    """
    for i, table in html_tables(path):
        skip: set[int] = set()
        if skip_corpus_words:
            body = [row for row in table if row and row[0][2] == "tbody"]
            width = max((len(r) for r in body), default=0)
            for col in range(width):
                vals = [r[col][1] for r in body if col < len(r) and r[col][1]]
                if vals and is_corpus_words(vals):
                    skip.add(col)
        for row in table:
            for col, (tag, text, section) in enumerate(row):
                if section == "tbody" and col in skip:
                    continue
                yield i, tag, text, section


@cache
def corpus_terms() -> frozenset:
    return frozenset(r["term"] for r in tables().get("term_counts", []))


def is_corpus_words(values: list[str]) -> bool:
    """A list of the articles' own words: every one a counted term, and not all codes."""
    terms = corpus_terms()
    return bool(values) and all(v in terms for v in values) and any(v not in codebook() for v in values)


# --------------------------------------------------------------------------- rendered prose


def rendered_sentences(path: Path):
    """(where, text) for every piece of prose a reader sees outside tables."""
    for i, cell in enumerate(load(path)["cells"]):
        if cell["cell_type"] == "markdown":
            yield f"cell {i} markdown", text_of(cell["source"])
    for i, out in outputs(path):
        if out.get("output_type") == "stream":
            yield f"cell {i} printed", text_of(out.get("text"))
        md = out.get("data", {}).get("text/markdown")
        if md:
            yield f"cell {i} markdown output", text_of(md)


def chart_texts(path: Path):
    """(where, text) for text drawn in each chart (titles, ticks, legend, annotations)."""
    for i, out in outputs(path):
        fig = out.get("data", {}).get(PLOTLY)
        if not fig:
            continue
        found: list[str] = []

        def walk(node, parent_key="", found=found):
            if isinstance(node, dict):
                for k, v in node.items():
                    if k in {"template", "hovertemplate", "customdata", "x", "y", "z", "meta"}:
                        continue
                    walk(v, k)
            elif isinstance(node, list):
                for item in node:
                    walk(item, parent_key)
            elif isinstance(node, str) and parent_key in {"text", "name", "ticktext"}:
                found.append(node)

        walk(fig.get("layout", {}))
        for trace in fig.get("data", []):
            walk({k: v for k, v in trace.items() if k in {"name", "text"}})
            # categorical axes: row and column labels drawn by the trace itself
            for axis in ("x", "y"):
                vals = trace.get(axis)
                if isinstance(vals, list) and vals and all(isinstance(v, str) for v in vals if v is not None):
                    if all(re.fullmatch(r"\d{4}-\d\d-\d\d.*", v or "") for v in vals):
                        continue  # dates
                    if is_corpus_words([v for v in vals if v]):
                        continue  # words quoted from the articles (distinctive terms)
                    found.extend(v for v in vals if v)
        for text in dict.fromkeys(found):
            yield f"cell {i} chart", re.sub(r"<[^>]+>", " ", text)


# --------------------------------------------------------------------------- codebook


# Tables whose codes are common nouns and never reach a reader: page furniture's roles
# are 'headline', 'byline', 'caption', which are also ordinary column headers.
NEVER_SHOWN = {"page_furniture"}


@cache
def codebook() -> dict[str, str]:
    """Code -> label for every enum value that a reader must not meet raw.

    A code needs its label when the label is not the code itself (compared without case
    and with '_' read as a space), or when the code contains '_'. The label compared is the
    name tables show (iacc2016.present.reader.code_labels): the short one where the code
    has one, so a code whose short name is the code itself ('paraphrase') reads as a word.
    """
    codes: dict[str, str] = {}
    for res in datapackage()["resources"]:
        if res["name"] in NEVER_SHOWN:
            continue
        for field in res["schema"]["fields"]:
            for cat in field.get("categories", []):
                value, label = str(cat["value"]), str(cat.get("shortLabel") or cat.get("label", ""))
                plain = lambda s: s.lower().replace("_", " ").strip()  # noqa: E731
                if "_" in value or plain(value) != plain(label):
                    codes.setdefault(value, label)
    return codes


@cache
def underscore_code_re() -> re.Pattern:
    codes = sorted((c for c in codebook() if "_" in c), key=len, reverse=True)
    return re.compile(r"(?<![\w/.-])(" + "|".join(map(re.escape, codes)) + r")(?![\w-])")


@cache
def counted_code_re() -> re.Pattern:
    """A number followed by a code, grammar built from a code: '**1** contradict'."""
    words = set()
    for code in codebook():
        words.add(code)
        words.add(code.replace("_", " "))
    alts = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(r"\*\*\d[\d,]*\*\*\s+(" + alts + r")\b")


@cache
def suffix_code_re() -> re.Pattern:
    """A code tacked on as a suffix: '(iacc member count)', '[event]', '[figure]'."""
    spaced = sorted({c.replace("_", " ") for c in codebook() if "_" in c}, key=len, reverse=True)
    tables_ = sorted({r["name"].rstrip("s") for r in datapackage()["resources"]}, key=len, reverse=True)
    return re.compile(
        r"\((?:" + "|".join(map(re.escape, spaced)) + r")\)"
        r"|\[(?:" + "|".join(map(re.escape, tables_)) + r")s?\]"
    )


@cache
def short_labels() -> dict[str, str]:
    """Code -> the codebook's own short name for it (`shortLabel`), lower-cased: the name a
    reader is meant to meet, even where it reads as the code in words ('Partly confirmed')."""
    out: dict[str, str] = {}
    for res in datapackage()["resources"]:
        for field in res["schema"]["fields"]:
            for cat in field.get("categories", []):
                if cat.get("shortLabel"):
                    out.setdefault(str(cat["value"]), str(cat["shortLabel"]).lower())
    return out


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_no_codebook_code_shown_raw(notebook):
    """No codebook code in a table cell, a sentence or a chart: only its label (or the
    codebook's short name for it)."""
    codes = codebook()
    short = short_labels()
    spaced = {c.replace("_", " ").lower(): c for c in codes if "_" in c and c.replace("_", " ") != short.get(c)}
    v = []
    for path in [notebook]:
        nb = path.name
        for i, tag, text, _ in table_cells(path, skip_corpus_words=True):
            if text in codes:
                v.append(f"{nb} cell {i} table {tag}: {text!r} (label: {codes[text][:50]!r})")
            elif text.lower() in spaced and text.lower() != codes[spaced[text.lower()]].lower():
                v.append(f"{nb} cell {i} table {tag}: {text!r} is the code {spaced[text.lower()]!r} with spaces")
            else:
                for m in underscore_code_re().finditer(text):
                    v.append(f"{nb} cell {i} table {tag}: code {m.group(1)!r} inside {text[:60]!r}")
                for m in suffix_code_re().finditer(text):
                    v.append(f"{nb} cell {i} table {tag}: internal suffix {m.group(0)!r} in {text[:60]!r}")
        for where, text in list(rendered_sentences(path)) + list(chart_texts(path)):
            for m in underscore_code_re().finditer(text):
                v.append(f"{nb} {where}: code {m.group(1)!r} in {norm(text[max(0, m.start() - 30) : m.end() + 20])!r}")
            for m in counted_code_re().finditer(text):
                v.append(f"{nb} {where}: count built on a code: {m.group(0)!r}")
            for m in suffix_code_re().finditer(text):
                v.append(f"{nb} {where}: internal suffix {m.group(0)!r} in {norm(text)[:70]!r}")
            if where.endswith("chart"):
                t = norm(text)
                if t in codes or (t.lower() in spaced and t.lower() != codes[spaced[t.lower()]].lower()):
                    v.append(f"{nb} {where}: chart label {t!r} is a code")
    fail("codebook codes shown raw (use the datapackage labels)", v)


# --------------------------------------------------------------------------- tests


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_no_truncated_table_cell(notebook):
    """No table cell ends in a cut ('...' or '…') that the data does not hold.

    An ellipsis is the data's own (a quotation's) when the cell's last 25 characters,
    ellipsis included, occur verbatim in some value of the data tables.
    """
    held = data_strings()
    v = []
    for path in [notebook]:
        for i, tag, text, _ in table_cells(path):
            if text.endswith(("...", "…")):
                tail = text[-25:]
                if not any(tail in s for s in held):
                    v.append(f"{path.name} cell {i} {tag}: …{text[-70:]!r}")
    fail("table cells cut short (pandas display.max_colwidth or max_rows)", v)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_no_default_integer_index(notebook):
    """No rendered table keeps pandas' default 0..n-1 row index."""
    v = []
    for path in [notebook]:
        for i, table in html_tables(path):
            body = [row for row in table if row and row[0][2] == "tbody"]
            heads = [row[0][1] for row in body if row[0][0] == "th"]
            if body and len(heads) == len(body) and heads == [str(n) for n in range(len(body))]:
                header = [c[1] for c in table[0]] if table else []
                v.append(f"{path.name} cell {i}: rows 0..{len(body) - 1}, columns {header[1:5]}")
    fail("tables showing a default integer index", v)


@cache
def plumbing() -> dict[str, str]:
    """Text that is our plumbing, not the reader's: raw column names and record ids."""
    out: dict[str, str] = {}
    for res in datapackage()["resources"]:
        fields = res["schema"]["fields"]
        for f in fields:
            if "_" in f["name"]:
                out.setdefault(f["name"], f"column name in {res['path']}")
        keys = res["schema"].get("primaryKey", [])
        keys = [keys] if isinstance(keys, str) else keys
        for row in tables()[res["name"]]:
            for k in keys:
                val = row.get(k, "")
                if k.endswith("_id") and val and re.search(r"[\d_]", val):
                    out.setdefault(val, f"{k} in {res['path']}")
    return out


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_no_plumbing_in_tables(notebook):
    """Extra (same bullet of the issue): no raw column name, record id, bool or float artefact."""
    names = plumbing()
    v = []
    for path in [notebook]:
        for i, tag, text, _ in table_cells(path):
            if text in names:
                v.append(f"{path.name} cell {i} {tag}: {text!r} ({names[text]})")
            elif text in ("True", "False", "NaN", "nan", "None", "NaT"):
                v.append(f"{path.name} cell {i} {tag}: Python value {text!r}")
            elif re.fullmatch(r"-?\d[\d,]*\.0", text) or re.fullmatch(r"-?\d*\.\d{5,}", text):
                v.append(f"{path.name} cell {i} {tag}: float artefact {text!r}")
            elif re.fullmatch(r"[a-z]+(?:_[a-z]+)+", text) and text not in codebook():
                v.append(f"{path.name} cell {i} {tag}: snake_case name {text!r}")
    fail("plumbing shown in tables (column names, ids, booleans, float artefacts)", v)


def article_urls() -> list[tuple[str, str]]:
    return [(r["outlet"], r["url"]) for r in tables()["sources"] if r.get("url")]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_every_notebook_links_every_article(notebook):
    """Each notebook links each article of sources.csv (markdown link or <a href>)."""
    urls = article_urls()
    assert urls, "sources.csv holds no URL"
    v = []
    for path in [notebook]:
        shown = [text for _, text in rendered_sentences(path)]
        shown += [text_of(out.get("data", {}).get("text/html")) for _, out in outputs(path)]
        blob = "\n".join(shown)
        for outlet, url in urls:
            linked = (
                f"]({url})" in blob
                or f"]({url} " in blob
                or f"<{url}>" in blob
                or f'href="{url}"' in blob
                or f"href='{url}'" in blob
            )
            if not linked:
                v.append(f"{path.name}: no link to {outlet} ({url})")
    fail("articles not linked", v)


def png_size(b64: str) -> tuple[int, int]:
    raw = base64.b64decode(b64)
    assert raw[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", raw[16:24])


def charts(path: Path):
    for i, out in outputs(path):
        data = out.get("data", {})
        if PLOTLY in data:
            yield i, data[PLOTLY], data.get("image/png")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_chart_png_at_scale_2(notebook):
    """Every chart's PNG is twice the plotly layout size (scale 2, same layout)."""
    v = []
    for path in [notebook]:
        for i, fig, png in charts(path):
            lay = fig.get("layout", {})
            title = lay.get("title", {})
            title = title.get("text", "") if isinstance(title, dict) else title
            if not png:
                v.append(f"{path.name} cell {i}: no PNG beside the chart (GitHub shows nothing)")
                continue
            w, h = png_size(text_of(png))
            lw, lh = lay.get("width"), lay.get("height")
            if not lw or not lh:
                v.append(f"{path.name} cell {i}: layout has no fixed width/height ({title[:50]!r})")
            elif (w, h) != (2 * lw, 2 * lh):
                v.append(f"{path.name} cell {i}: PNG {w}x{h}, layout {lw}x{lh} ({title[:50]!r})")
    fail("chart PNGs not exported at scale 2", v)


def _has_points(trace: dict) -> bool:
    for key in ("x", "y", "z"):
        vals = trace.get(key)
        if isinstance(vals, list) and any(x is not None for x in vals):
            return True
        if isinstance(vals, dict):  # plotly's binary array encoding
            return True
    return False


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_every_trace_has_its_own_hover_template(notebook):
    """Every trace carries its own hovertemplate; legend-only keys may skip hover instead."""
    v = []
    for path in [notebook]:
        for i, fig, _ in charts(path):
            for k, trace in enumerate(fig.get("data", [])):
                if trace.get("hovertemplate"):
                    continue
                if trace.get("hoverinfo") == "skip" and not _has_points(trace):
                    continue
                v.append(
                    f"{path.name} cell {i} trace {k} ({trace.get('type', 'scatter')}, "
                    f"{trace.get('name')!r}): plotly's default hover"
                )
    fail("traces without a hover template of their own", v)


# --------------------------------------------------------------------------- typed numbers

# Number words are read as the package reads an article's words (iacc2016.data.numbers):
# its words and its scale words ("hundred", "thousand", "dozen"), each worth its value.
IDIOMS = {"one", "once", "twice"}
NUMBER_WORDS = {w: v for w, v in number_words.WORDS.items() if w not in IDIOMS} | {
    w: v for w, v in number_words.SCALES.items() if v < 1e6
}
# "one", "twice", "half" are left out: in prose they are mostly idiom ("one of the days",
# "counted twice").
# Typed numbers that are rules, not data, each with its reason; the rewrite adds to this
# list only with a reason a reviewer can judge. Entries are (notebook, exact phrase).
ALLOWED_PHRASES: set[tuple[str, str]] = set()
NUMBER_RE = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?![\w])|\b(" + "|".join(NUMBER_WORDS) + r")s?\b", re.I)
# A citation year: a capitalised name, optional 's, then the year in or before ')'.
CITATION_RE = re.compile(r"[A-Z][a-z]+(?:'s|’s)? \(?((?:19|20)\d\d)\)")


@cache
def data_numbers() -> frozenset:
    """Every number the data holds: numeric cells, dates' years, row counts."""
    nums = set()
    for rows in tables().values():
        nums.add(float(len(rows)))
        for row in rows:
            for val in row.values():
                s = (val or "").replace(",", "")
                if re.fullmatch(r"-?\d+(?:\.\d+)?", s):
                    nums.add(-value_of(s[1:]) if s.startswith("-") else value_of(s))
                elif re.fullmatch(r"\d{4}-\d\d-\d\d", s):
                    nums.add(float(s[:4]))
    return frozenset(nums)


def prose_fragments(path: Path):
    """(where, text) for words a person typed: markdown sources, code strings and comments.

    Code strings count only when they hold a space (a sentence, a title, a note; not a
    key, slug or format); f-string replacement fields are removed, since what they
    compute is not typed. Link targets and `inline code` are removed from markdown.
    """
    for i, cell in enumerate(load(path)["cells"]):
        src = text_of(cell["source"])
        if cell["cell_type"] == "markdown":
            src = re.sub(r"\]\([^)]*\)", "]", src)
            src = re.sub(r"`[^`]*`", "", src)
            yield f"cell {i} markdown", src
        elif cell["cell_type"] == "code":
            try:
                toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
            except (tokenize.TokenError, IndentationError):
                continue
            for t in toks:
                if t.type == tokenize.COMMENT:
                    yield f"cell {i} comment", t.string
                elif t.type == tokenize.STRING:
                    body = re.sub(r"\{[^{}]*\}", "{}", t.string)
                    body = re.sub(r"^[rbufRBUF]*('''|\"\"\"|'|\")|('''|\"\"\"|'|\")$", "", body)
                    if " " in body:
                        yield f"cell {i} code string", body
    # Python 3.12 splits f-strings into FSTRING_* tokens; 3.11 keeps one STRING token.


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_no_typed_number_the_data_holds(notebook):
    """No number a person typed into a notebook that the data holds: compute it instead.

    A typed number is a digit run or a number word (two..fifty, hundred, thousand, dozen;
    'one' excluded) in a markdown cell, a code comment or a code
    string that is prose. Allowed: citation years after an author's name ('Entman (1993)'),
    link targets and inline code. Flagged when its value is a number the data holds
    (any numeric cell, any date's year, any table's row count).
    """
    held = data_numbers()
    v = []
    for path in [notebook]:
        for where, text in prose_fragments(path):
            allowed = {m.start(1) for m in CITATION_RE.finditer(text)}
            for m in NUMBER_RE.finditer(text):
                if any(nb == path.name and phrase in text for nb, phrase in ALLOWED_PHRASES):
                    continue
                if m.group(1) and m.start(1) in allowed:
                    continue
                # The package's reading of the typed words (a digit run or a number word).
                value = value_of(m.group(1)) if m.group(1) else NUMBER_WORDS[m.group(2).lower()]
                if value in held:
                    ctx = norm(text[max(0, m.start() - 40) : m.end() + 25])
                    v.append(f"{path.name} {where}: {m.group(0)!r} in {ctx!r}")
    fail("numbers typed into notebooks that the data holds", v)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_no_send_to_cloud_button(notebook):
    """Extra (issue's chart bullet): no chart offers to upload its data (and article text).

    The plotly.js bundled with jupyterlab-plotly defaults config.showSendToCloud to true,
    so a chart whose output carries no config shows the 'send to cloud' button in JupyterLab.
    """
    v = []
    for path in [notebook]:
        for i, fig, _ in charts(path):
            cfg = fig.get("config") or {}
            removed = set(cfg.get("modeBarButtonsToRemove") or [])
            if not (
                cfg.get("showSendToCloud") is False
                or cfg.get("displayModeBar") is False
                or {"sendChartToCloud", "sendDataToCloud"} & removed
            ):
                v.append(f"{path.name} cell {i}: config {cfg or 'absent'}: send-to-cloud button shown")
    fail("charts offering to send their data to the cloud", v)


# --------------------------------------------------------------------------- plumbing inside text


@cache
def plumbing_in_text_re() -> re.Pattern:
    """Column names with an underscore, record ids and data file names, found inside text.

    test_no_plumbing_in_tables catches a cell that *is* a column name; this catches one
    named inside a sentence or a label ("between published_start and published_end",
    "Rated as rc-025", "from reference_rates.csv").
    """
    names = sorted(plumbing(), key=len, reverse=True)
    words = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w/.-])(?:{words})(?![\w-])|\b[\w-]+\.csv\b")


def _stripped(text: str) -> str:
    """Prose without link targets and code spans, where a file name is the reader's own link."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"href=\"[^\"]*\"", "", text)
    return re.sub(r"`[^`]*`", "", text)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_no_plumbing_inside_text(notebook):
    """Issue 17: no column name, record id or `*.csv` name inside table cells, prose or charts."""
    pattern = plumbing_in_text_re()
    v = []
    for i, tag, text, _ in table_cells(notebook):
        for m in pattern.finditer(text):
            v.append(f"{notebook.name} table {i} {tag}: {m.group(0)!r} in {text[:90]!r}")
    for where, text in [*rendered_sentences(notebook), *chart_texts(notebook)]:
        for m in pattern.finditer(_stripped(text)):
            v.append(f"{notebook.name} {where}: {m.group(0)!r}")
    fail("internal names shown to readers (column names, record ids, file names)", v)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_no_unfilled_placeholder_reaches_a_reader(notebook):
    """A string that lost its f-prefix shows its code: '{esc(r.record_snippet)}' once stood
    in notebook 00 where the board's letter should have been quoted."""
    placeholder = re.compile(r"\{[A-Za-z_][\w.]*(?:\([^{}]*\))?(?:\[[^{}]*\])?(?::[^{}]*)?\}")
    v = []
    for i, tag, text, _ in table_cells(notebook):
        v += [f"{notebook.name} table {i} {tag}: {m.group(0)!r}" for m in placeholder.finditer(text)]
    for where, text in [*rendered_sentences(notebook), *chart_texts(notebook)]:
        v += [f"{notebook.name} {where}: {m.group(0)!r}" for m in placeholder.finditer(text)]
    fail("code placeholders shown to readers (a string without its f-prefix)", v)
