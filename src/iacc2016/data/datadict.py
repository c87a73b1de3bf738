"""Generate data/README.md, the data dictionary, from data/datapackage.json.

The dictionary is never edited by hand; tests/test_datadict.py fails when it drifts."""

from __future__ import annotations

from pathlib import Path

from ..atomic import write_text_atomic
from .schema import Package, load_package

INTRO = """\
# Data dictionary

*Generated from [`datapackage.json`](datapackage.json) by `make datadict`. Do not edit by
hand: `make test` fails when this file and the descriptor disagree.*

{description}

**Licence.** Our tables are released under {licence}. The quotations and snippets inside
them are short excerpts of third-party news articles, quoted as evidence; the articles
themselves are not ours to license and are not in this repository.

## Conventions

- **Encoding.** UTF-8 without byte-order mark, comma-separated, one header row, `\\n` line
  endings (Windows `\\r\\n` is accepted when reading).
- **Rows.** Error messages count rows as a spreadsheet shows them: the header is row 1,
  the first record row 2.
- **Empty cells** mean "not known" or "not applicable", as each definition says; never zero.
- **Dates** are `YYYY-MM-DD`. A vague date is an interval: the first and last possible day,
  with a precision code, the article's own words, and how we resolved them. Nothing is
  placed on a day the articles do not support.
- **Evidence.** Every row of `events`, `figures` and `members` has at least one row in
  `evidence.csv` holding a verbatim snippet (at most 40 words) of an article that reports it.
  `make validate` checks each snippet and quotation against the article texts when the
  article folder is present.
- **Provenance only.** A column whose definition ends *Kept for provenance only* feeds no
  notebook, and no rule can tell a plausible edit of it; it is kept so that a reader can
  trace how a row was made. `make mutate` edits every column and fails on any other
  column whose edit nothing notices.
- **How the tables link.** `sources` (articles) ← `evidence`, `quotes`, `page_furniture`,
  and every other table's `source_id`; `members` ← `events.actor_id`/`target_id`,
  `figures.claimant_id`/`subject_id`, `quotes.speaker_member_id`; `evidence.record_id`
  points into `events`, `figures` or `members` as `record_table` says.
"""


PROVENANCE = "provenanceOnly"


def provenance_only(package: Package) -> dict[tuple[str, str], str]:
    """(table, column) -> why it is kept, for each column the descriptor declares as kept
    for provenance only (the field property `provenanceOnly`, holding the reason): no
    notebook shows it and no rule can tell a plausible edit of it (`make mutate`)."""
    out = {}
    for r in package.descriptor.get("resources", []):
        for f in r.get("schema", {}).get("fields", []):
            reason = f.get(PROVENANCE)
            if isinstance(reason, str) and reason.strip():
                out[(r["name"], f["name"])] = reason.strip()
    return out


def _raw_field(package: Package, resource: str, field: str) -> dict:
    """A field's object in the descriptor as written (custom properties included)."""
    for r in package.descriptor.get("resources", []):
        if r.get("name") == resource:
            for f in r.get("schema", {}).get("fields", []):
                if f.get("name") == field:
                    return f
    return {}


def render(package: Package) -> str:
    d = package.descriptor
    licence = ", ".join(f"[{x.get('title', x['name'])}]({x.get('path', '')})" for x in d.get("licenses", []))
    parts = [INTRO.format(description=d.get("description", ""), licence=licence)]
    kept = provenance_only(package)
    parts.append("## Tables\n")
    for r in package.resources:
        parts.append(f"- [`{r.path}`](#{_anchor(r.path)}): {r.title}")
    parts.append("")
    for r in package.resources:
        parts.append(f"## {r.path}\n")
        parts.append(f"**{r.title}.** {r.description}\n")
        parts.append(f"Primary key: `{', '.join(r.primary_key)}`.")
        for fk in r.foreign_keys:
            parts.append(f"Foreign key: `{', '.join(fk.fields)}` → `{fk.resource}.{', '.join(fk.reference_fields)}`.")
        parts.append("")
        parts.append("| Header | Type | Required | Definition |")
        parts.append("|---|---|---|---|")
        for f in r.fields:
            notes = []
            if f.unique:
                notes.append("unique")
            if f.pattern and not f.enum:
                notes.append(f"pattern `{f.pattern}`")
            if f.max_length:
                notes.append(f"at most {f.max_length} characters")
            if f.minimum is not None:
                notes.append(f"minimum {f.minimum:g}")
            if f.enum:
                notes.append("one of the codes below")
            extra = f" ({'; '.join(notes)})" if notes else ""
            kinds = _raw_field(package, r.name, f.name).get("targetKinds")
            if kinds:
                pairs = "; ".join(f"`{a}`: {' or '.join(k)}" for a, k in kinds.items())
                extra += f" For these actions the target must be of the kind given (members.kind): {pairs}."
            if (r.name, f.name) in kept:
                extra += f" *Kept for provenance only:* {kept[(r.name, f.name)]}"
            desc = (f.description + extra).replace("|", "\\|")
            parts.append(f"| `{f.name}` | {f.type} | {'yes' if f.required else 'no'} | {desc} |")
        parts.append("")
        for f in r.fields:
            if f.enum:
                parts.append(f"Codes of `{f.name}`:\n")
                labels = dict(f.labels)
                for value in f.enum:
                    parts.append(f"- `{value}`: {labels.get(value, '')}".rstrip())
                parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def _anchor(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum() or ch in "-_ ").replace(" ", "-")


def write(data_dir: Path) -> Path:
    target = Path(data_dir) / "README.md"
    write_text_atomic(target, render(load_package(data_dir)))
    return target
