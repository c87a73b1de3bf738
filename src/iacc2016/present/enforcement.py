"""Alibaba's enforcement statistics, claim by claim: which numbers, in which words, over
which period, claimed by whom, printed by which outlet, and what the public record says of
them; the rate the one printed conversion implies."""

from __future__ import annotations

import re

import pandas as pd

from ..analysis.enforcement import (
    brands_figures_about,
    enforcement_count,
    enforcement_figures,
    summary_counts,
    voice_by_side,
)
from ..analysis.story import reported_by, single_source_quantities
from .codebook import plain_explanation
from .disagreements import with_sic
from .enforcement_currency import conversion
from .enforcement_currency import currency_words as currency_words  # notebook 02 calls enforcement.*
from .enforcement_currency import reference_rates as reference_rates
from .enforcement_voice import article_links, voice_findings
from .markup import Linked, esc
from .notebook import Data, fmt_interval
from .record import contradicted_statements


def metric_names(data: Data) -> dict[str, str]:
    """metric -> the one name a reader meets for it, in tables and charts alike."""
    return data.package.code_property("figures", "metric", "shortLabel")


def measures(data: Data) -> pd.DataFrame:
    """The enforcement figures that measure something (enforcement_figures less the span of
    years Alibaba compares itself with: a length of time, not a measure)."""
    f = enforcement_figures(data)
    return f[f["unit"] != "year"].reset_index(drop=True)


def spans(data: Data) -> pd.DataFrame:
    """The spans of years among the enforcement figures (see `measures`)."""
    f = enforcement_figures(data)
    return f[f["unit"] == "year"].reset_index(drop=True)


def period_words(row) -> str:
    """'“in past year”, read as 1 January 2015 - 18 May 2016', or 'none given'."""
    if pd.isna(row["period_start"]):
        return "none given"
    return f"“{row['period_text']}”, read as {fmt_interval(row['period_start'], row['period_end'])}"


def short_members(data: Data) -> dict[str, str]:
    """member_id -> the name the articles use most briefly: its first alias for an
    organisation ('Alibaba'), its full name for a person."""
    m = data.members
    first = m["aliases"].fillna("").str.split("|").str[0]
    short = first.where((first != "") & (m["kind"] != "person"), m["name"])
    return dict(zip(m["member_id"], short, strict=True))


def claimed_by(data: Data, f: pd.DataFrame) -> list[str]:
    """Who claims each figure, as the article names them: the speaker of the passage that
    carries the figure's words (so Fashionista's 'the company' stays visible), with the
    organisation of a person who belongs to one ('Zheng Junfang (Alibaba)'); for a
    conversion, that no one is named."""
    short, parent = short_members(data), dict(zip(data.members["member_id"], data.members["parent_id"], strict=True))
    q = data.quotes
    out = []
    for _, r in f.iterrows():
        if pd.isna(r["claimant_id"]):
            orig = data.figures.set_index("figure_id")["value_text"].get(r["converted_from_id"])
            out.append(f"no one named: the article's conversion of {orig}" if orig else "the article itself")
            continue
        sources = set(data.evidence.loc[data.evidence["record_id"] == r["figure_id"], "source_id"])
        said = q[
            q["source_id"].isin(sources)
            & (q["speaker_member_id"] == r["claimant_id"])
            & q["text"].str.contains(r["value_text"], regex=False)
        ]
        name = said["speaker"].iloc[0] if len(said) else short.get(r["claimant_id"], r["claimant_id"])
        org = parent.get(r["claimant_id"])
        out.append(f"{name} ({short[org]})" if isinstance(org, str) and org in short else name)
    return out


def record_cells(data: Data, f: pd.DataFrame) -> list[object]:
    """What the public record says of each figure of `f` (not from the articles): rating and
    explanation, then the document, linked. A claimant's own figure that the record repeats
    is confirmed as their own figure: the record shows the claim was made, not that the
    number is right. A figure with no check says so: the conversion of another figure, as
    not checked separately; any other, as not checked."""
    checks = data.record_checks[data.record_checks["checks_table"] == "figures"]
    rating = data.package.code_property("record_checks", "rating", "shortLabel")
    docs = data.record_sources.set_index("record_source_id")
    own = set(f.loc[f["self_reported"].astype(bool), "figure_id"])
    printed = data.figures.set_index("figure_id")["value_text"]
    cells: dict[str, list[tuple[str, str | None]]] = {}
    for _, c in checks.sort_values("check_id").iterrows():
        parts = cells.setdefault(c["checks_id"], [])
        if parts:
            parts.append((" ", None))
        said = plain_explanation(c["explanation"], data.record_checks)
        name = rating[c["rating"]]
        if c["rating"] == "confirmed" and c["checks_id"] in own:
            name += " as the claimants' own figure, as the record gives it"
        parts.append((f"{name}: {said[:1].lower() + said[1:]}", None))
        if isinstance(c["record_source_id"], str) and c["record_source_id"] in docs.index:
            d = docs.loc[c["record_source_id"]]
            parts += [(" Document: ", None), (d["publisher"], d["url"]), (".", None)]
    out: list[object] = []
    for i, orig in zip(f["figure_id"], f["converted_from_id"], strict=True):
        if i in cells:
            out.append(Linked(*cells[i]))
        elif isinstance(orig, str):
            out.append(f"Not checked separately (the article's conversion of {printed.get(orig, 'another figure')})")
        else:
            out.append("Not checked")
    return out


def figures_table(data: Data) -> pd.DataFrame:
    """One row per enforcement figure as a reader reads it: its name and printed words, the
    sentence it stands in, its period, who claims it and in which article (linked), and
    what the public record says of it (not from the articles; or that it was not checked).
    The span of years comes last: it is not a measure."""
    f = pd.concat([measures(data), spans(data)], ignore_index=True)
    names = metric_names(data)
    by = reported_by(data, "figures", f["figure_id"])
    ev = data.evidence[data.evidence["record_table"] == "figures"]
    words = ev.groupby("record_id")["snippet"].agg(lambda s: " … ".join(dict.fromkeys(with_sic(x) for x in s)))
    links = article_links(data)
    who = claimed_by(data, f)
    carried = [
        Linked(*[p for k, o in enumerate(by.get(i, [])) for p in ([(", ", None)] if k else []) + [links[o]]])
        for i in f["figure_id"]
    ]
    return pd.DataFrame(
        {
            "figure": f["metric"].map(names) + ": " + f["value_text"],
            "the article's words": f["figure_id"].map(words).fillna(""),
            "period": [period_words(r) for _, r in f.iterrows()],
            "claimed by, in": [
                Linked((w + ", in ", None), *c.parts) if c.parts else w for w, c in zip(who, carried, strict=True)
            ],
            "the public record (not from the articles)": record_cells(data, f),
        }
    )


def summary(data: Data) -> dict:
    """The counts behind notebook 02's findings (analysis.enforcement.summary_counts), over
    the measures only; `spans` lists the printed spans of years beside them, `count` is
    analysis.enforcement.enforcement_count (the overview's count too), and `read_as` the
    figures Alibaba's only as we read the article's word for the claimant."""
    figs = measures(data)
    ev = data.evidence[data.evidence["record_id"].isin(list(figs["figure_id"]))]
    quantities = single_source_quantities(figs, ev, data.outlet_of())
    who = claimed_by(data, figs)
    read_as = [(v, m.group(1)) for v, w in zip(figs["value_text"], who, strict=True) if (m := _ARTICLE_WORD.search(w))]
    return summary_counts(figs, quantities, data.quotes) | {
        "spans": list(spans(data)["value_text"]),
        "count": enforcement_count(enforcement_figures(data)),
        "read_as": read_as,
    }


# A claimant the article names only by a word we read as them: "Alibaba ('the company')".
_ARTICLE_WORD = re.compile(r"\('([^']+)'\)")


def _count_phrase(data: Data) -> str:
    """What the enforcement figures are: '6 measures of it, 1 of them printed again in another
    currency (...) and 1 span of years it compares itself with'."""
    s = summary(data)
    n = s["count"]
    conv = data.figures[data.figures["figure_id"].isin(list(measures(data)["figure_id"]))]
    conv = conv[conv["converted_from_id"].notna()]
    printed = data.figures.set_index("figure_id")["value_text"]
    again = "; ".join(
        f"{esc(printed[o])} also as {esc(v)}"
        for o, v in zip(conv["converted_from_id"], conv["value_text"], strict=True)
    )
    parts = [f"{n['measures']} measures of it"]
    if n["conversions"]:
        parts.append(f"{n['conversions']} of them printed again in another currency ({again})")
    if n["spans"]:
        parts.append(
            f"{n['spans']} span{'' if n['spans'] == 1 else 's'} of years it compares itself with "
            f"({', '.join(f'“{esc(w)}”' for w in s['spans'])})"
        )
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def count_words(data: Data) -> str:
    """The count of enforcement figures in one sentence, for the overview: the same function
    and the same numbers as notebook 02's first finding."""
    n = summary(data)["count"]["figures"]
    return f"Of the {len(data.figures)} figures, {n} concern Alibaba's enforcement: {_count_phrase(data)}."


def _span_line(data: Data) -> list[str]:
    """The findings line on the spans of years: printed, by whom, and why they are apart."""
    s = spans(data)
    if s.empty:
        return []
    who = claimed_by(data, s)
    by = reported_by(data, "figures", s["figure_id"])
    names = metric_names(data)
    said = "; ".join(
        f"“{esc(v)}” ({esc(names[m][:1].lower() + names[m][1:])}), from {esc(w)} in {esc(', '.join(by.get(i, [])))}"
        for v, m, w, i in zip(s["value_text"], s["metric"], who, s["figure_id"], strict=True)
    )
    return [
        f"- Beside them the articles print {said}. It is a length of time, not a measure of enforcement, so it is "
        "not counted among the measures; its sentence is in the table below."
    ]


def findings(data: Data) -> str:
    """Notebook 02's findings list, every number computed."""
    s = summary(data)
    side_of = dict(zip(data.members["member_id"], data.members["side"], strict=True))
    critics = brands_figures_about(data.figures, side_of)
    shared = (
        f"None of the {s['quantities']} quantities they give (a conversion and its original counted once) is "
        "printed by more than one outlet, so none can be set against another outlet's version."
        if s["shared"] == 0
        else f"{s['shared']} of the {s['quantities']} quantities they give (a conversion and its original counted "
        "once) are printed by more than one outlet."
    )
    hedged = ", ".join(f"“{esc(h)}”" for h in s["hedged"])
    c = conversion(data)
    read = "; ".join(f"one, {esc(v)}, attributed to Alibaba on our reading of “{esc(w)}”" for v, w in s["read_as"])
    lines = [
        f"- The articles carry **{s['count']['figures']} figures about Alibaba's enforcement**: "
        f"{_count_phrase(data)}. The {s['figures']} figures other than the span are "
        f"{s['self_reported']} self-reported by Alibaba or its staff{f' ({read})' if read else ''} and "
        f"{s['conversions']} an outlet's currency conversion of one of them. "
        f"{len(s['hedged'])} of them are hedged ({hedged}). {shared}",
        *_span_line(data),
        f"- The counts run from {s['count_min']:,.0f} to {s['count_max']:,.0f}. They count different things, over "
        f"**{s['periods']} different periods** ({'; '.join(f'“{esc(w)}”' for w in s['period_words'])}), so no two "
        "of them can be compared like for like.",
    ]
    if c:
        lines.append(
            f"- The one conversion, {esc(c['original'])} = {esc(c['converted'])}, is {esc(c['outlet'])}'s; we "
            f"convert no figure ourselves. It implies {c['rate']:.3f} yuan a dollar; "
            + (
                "neither of the reference rates we checked (not from the articles) falls in its rounding range."
                if c["inside"] == 0
                else f"{c['inside']} of the {c['held']} reference rates we checked (not from the articles) falls "
                "in its rounding range."
            )
        )
    lines.append(
        voice_findings(data)
        + f" The brands' side states {critics or 'no'} figure{'' if critics == 1 else 's'} about Alibaba and "
        "answers with judgements."
    )
    contradicted = contradicted_statements(data, "figures")
    if contradicted:
        lines.append(
            "- The public record (not from the articles) contradicts: " + contradicted + ". See "
            "[Against the record](05-against-the-record.ipynb)."
        )
    return "\n".join(lines)


def enforcement_voice(data: Data) -> pd.DataFrame:
    """Quoted words on Alibaba's enforcement, by side (analysis.enforcement.voice_by_side)."""
    return voice_by_side(data.quotes)
