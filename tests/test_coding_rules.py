"""The written coding rules of the codebook (field descriptions in data/datapackage.json),
checked mechanically where a rule can be.

Reads the CSVs directly with pandas and does not import the package, so it does not depend
on the package's layout. Tests that need the article texts skip when the article folder
(../shared/seeds beside the checkout) is absent.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).parents[1]
DATA = ROOT / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def table(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


def day(value: str) -> pd.Timestamp | None:
    return pd.Timestamp(value) if value else None


def spoken(ts: pd.Timestamp) -> str:
    return f"{ts.day} {MONTHS[ts.month - 1]} {ts.year}"


def article(source_id: str) -> str:
    path = SEEDS / f"{source_id}.txt"
    if not path.exists():
        pytest.skip("article folder not present")
    return path.read_text(encoding="utf-8")


def body(source_id: str) -> str:
    """The article's body lines (page furniture removed), whitespace collapsed per line."""
    furniture = table("page_furniture")
    skip = {int(n) for n in furniture.loc[furniture["source_id"] == source_id, "line_number"]}
    lines = article(source_id).splitlines()
    return "\n".join(re.sub(r"\s+", " ", line).strip() for i, line in enumerate(lines, 1) if i not in skip)


def members_named(phrase: str, members: pd.DataFrame) -> set[str]:
    found = set()
    for m in members.itertuples():
        for name in [m.name, *[a for a in m.aliases.split("|") if a]]:
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", phrase):
                found.add(m.member_id)
    return found


# ------------------------------------------------------------------ sources: publication intervals
def test_a_date_in_the_url_path_bounds_the_publication_interval():
    """sources.published_start/_end: a /YYYY/MM/ or /YYYY/MM/DD/ path is a bound, not just 'consistent'."""
    bad = []
    for s in table("sources").itertuples():
        m = re.search(r"/(20\d\d)/(\d\d)(?:/(\d\d))?/", s.url)
        if not m:
            continue
        start, end = day(s.published_start), day(s.published_end)
        if m.group(3):
            first = last = pd.Timestamp(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
        else:
            first = pd.Timestamp(f"{m.group(1)}-{m.group(2)}-01")
            last = first + pd.offsets.MonthEnd(0)
        if start < first or end > last:
            bad.append((s.source_id, s.published_start, s.published_end, s.url))
    assert not bad, f"publication interval outside the URL's date: {bad}"


def test_notes_argue_each_publication_bound_with_the_dates_in_the_table():
    """sources.notes: 'Firm lower bound D Month YYYY', 'Firm upper bound ...' (or 'Firm bounds ... both ways'),
    and a 'Most likely span' sentence, naming exactly the dates in published_start/_end."""
    bad = []
    for s in table("sources").itertuples():
        start, end = spoken(day(s.published_start)), spoken(day(s.published_end))
        if s.published_precision == "day":
            ok = f"Firm bounds {start} both ways" in s.notes
        else:
            ok = (
                f"Firm lower bound {start}" in s.notes
                and f"Firm upper bound {end}" in s.notes
                and "Most likely span" in s.notes
            )
        if not ok:
            bad.append((s.source_id, start, end))
    assert not bad, f"notes do not argue the interval in the table: {bad}"


# ------------------------------------------------------------------ events: intervals that follow
def test_a_reported_happening_is_no_later_than_the_articles_that_report_it():
    """events.date_end: an occurred happening ends no later than the latest publication day of each article with
    evidence for it, so event intervals follow when a publication interval narrows."""
    events = table("events").set_index("event_id")
    sources = table("sources").set_index("source_id")
    ev = table("evidence")
    ev = ev[ev["record_table"] == "events"]
    bad = []
    for r in ev.itertuples():
        e = events.loc[r.record_id]
        if e["event_status"] != "occurred":
            continue
        if day(e["date_end"]) > day(sources.loc[r.source_id, "published_end"]):
            bad.append((r.record_id, e["date_end"], r.source_id, sources.loc[r.source_id, "published_end"]))
    assert not bad, f"happening ends after an article that reports it: {bad}"


def test_a_statement_to_a_news_outlet_is_no_later_than_that_outlets_report():
    """events.date_start: a remark an article takes from a report another article dates is no later than that
    report (Kolsun told the WSJ what the WSJ reported on 28 April)."""
    events = table("events")
    members = table("members").set_index("member_id")
    reports = events[events["action"] == "report"]
    bad = []
    for e in events[(events["action"] == "statement") & (events["target_id"] != "")].itertuples():
        if members.loc[e.target_id, "kind"] != "media":
            continue
        theirs = reports[reports["actor_id"] == e.target_id]
        if len(theirs) and day(e.date_end) > max(day(x) for x in theirs["date_end"]):
            bad.append((e.event_id, e.date_end, list(theirs["event_id"])))
    assert not bad, f"statement to an outlet later than the outlet's report: {bad}"


def test_this_past_week_is_the_seven_days_before_publication():
    """events.date_resolution: 'this past week' = the seven days before the article's publication."""
    sources = table("sources").set_index("source_id")
    events = table("events")
    bad = []
    for e in events[events["date_text"] == "this past week"].itertuples():
        s = sources.loc[e.date_source_id]
        first = day(s["published_start"]) - pd.Timedelta(days=7)
        if day(e.date_start) < first or day(e.date_end) > day(s["published_end"]):
            bad.append((e.event_id, e.date_start, e.date_end))
    assert not bad, f"'this past week' outside the seven days before publication: {bad}"


def test_last_weekday_lies_one_to_thirteen_days_before_publication_on_that_weekday():
    """events.date_resolution: 'last Wednesday' = a Wednesday one to thirteen days before publication; both ends
    of the interval are such Wednesdays."""
    sources = table("sources").set_index("source_id")
    events = table("events")
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    bad = []
    for e in events[events["date_text"].str.match(r"^last (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$")].itertuples():
        weekday = days.index(e.date_text.split()[1])
        s = sources.loc[e.date_source_id]
        lo = day(s["published_start"]) - pd.Timedelta(days=13)
        hi = day(s["published_end"]) - pd.Timedelta(days=1)
        for end in (day(e.date_start), day(e.date_end)):
            if end.weekday() != weekday or not lo <= end <= hi:
                bad.append((e.event_id, str(end.date())))
    assert not bad, f"'last <weekday>' resolved to the wrong days: {bad}"


# ------------------------------------------------------------------ evidence
def test_an_article_that_counts_happenings_reports_them():
    """evidence.record_id: an article with a count of lawsuits or departures has evidence for those events."""
    figures = table("figures").set_index("figure_id")
    events = table("events")
    ev = table("evidence")
    action = {"lawsuits_filed": "file_lawsuit", "brand_departures": "leave"}
    bad = []
    for r in ev[ev["record_table"] == "figures"].itertuples():
        f = figures.loc[r.record_id]
        if f["metric"] not in action:
            continue
        kind = events[(events["action"] == action[f["metric"]]) & (events["target_id"] == f["subject_id"])]
        linked = ev[
            (ev["record_table"] == "events") & ev["record_id"].isin(kind["event_id"]) & (ev["source_id"] == r.source_id)
        ]
        need = min(int(float(f["value"])), len(kind))
        if linked["record_id"].nunique() < need:
            bad.append((r.source_id, r.record_id, need, sorted(set(linked["record_id"]))))
    assert not bad, f"an article counts happenings it has no evidence rows for: {bad}"


# ------------------------------------------------------------------ labels
def test_a_phrase_describing_several_actors_has_a_row_for_each():
    """labels.phrase: 'such as X and Y', 'like X', 'including X, Y and Z', 'X and Y' give a row per actor named."""
    labels = table("labels")
    members = table("members")
    ids = set(members["member_id"])
    have = set(zip(labels["source_id"], labels["phrase"], labels["target_id"], strict=True))
    bad = []
    for lab in labels.itertuples():
        named = members_named(lab.phrase, members) & ids
        listing = re.search(r"\b(like|such as|including)\b", lab.phrase)
        pairs = set()
        for a in named:
            for b in named:
                na = members.set_index("member_id").loc[a, "name"]
                nb = members.set_index("member_id").loc[b, "name"]
                if a != b and re.search(rf"{re.escape(na)}\w* (and|,) {re.escape(nb)}", lab.phrase):
                    pairs |= {a, b}
        needed = named if listing else pairs
        for target in needed:
            if (lab.source_id, lab.phrase, target) not in have:
                bad.append((lab.label_id, lab.phrase, target))
    assert not bad, f"a phrase describing several actors lacks a row: {sorted(set(bad))}"


def test_a_label_is_a_phrase_not_a_clause_and_does_not_open_mid_phrase():
    """labels.phrase: the noun phrase, apposition or predicate itself. Not a whole clause
    with the target as its subject ('Alibaba has long been unpopular ...' is recorded as
    'has long been unpopular ...'), and not a fragment that opens inside a clause ('like
    Alibaba, had ...' is recorded from the relative pronoun: 'which, like Alibaba, had ...')."""
    labels = table("labels")
    members = table("members").set_index("member_id")
    bad = []
    for lab in labels.itertuples():
        m = members.loc[lab.target_id]
        names = [m["name"], *[a for a in m["aliases"].split("|") if a], lab.target_id.split("-")[0].capitalize()]
        if any(re.match(rf"{re.escape(n)} (has|is|was|had|have)\b", lab.phrase) for n in names):
            bad.append((lab.label_id, "a clause with the target as subject"))
        if re.match(r"(like|such as|including)\b", lab.phrase, flags=re.I):
            bad.append((lab.label_id, "opens inside a clause"))
    assert not bad, f"labels that are not phrases: {bad}"


def test_unattributed_criticism_of_alibaba_in_the_outlets_voice_is_a_negative_label():
    """labels.valence: 'Alibaba has (previously/long) been criticised/criticized for ...' outside quotation marks is
    labelled as a negative judgement of Alibaba, for every outlet alike."""
    labels = table("labels")
    bad = []
    for sid in table("sources")["source_id"]:
        for m in re.finditer(r"Alibaba has (?:\w+ )?been critici[sz]ed for[^.]*\.", body(sid)):
            sentence = m.group(0)
            mine = labels[(labels["source_id"] == sid) & (labels["target_id"] == "alibaba")]
            hit = mine[[p in sentence for p in mine["phrase"]]]
            if not ((hit["valence"] == "negative") & (hit["kind"] == "judgement")).any():
                bad.append((sid, sentence))
    assert not bad, f"criticism in the outlet's voice without a negative label: {bad}"


def test_a_judgement_label_is_never_neutral():
    """labels.valence: a 'judgement' label is negative or positive."""
    labels = table("labels")
    bad = labels[(labels["kind"] == "judgement") & (labels["valence"] == "neutral")]
    assert bad.empty, f"neutral judgements: {list(bad['label_id'])}"


def test_labels_are_in_the_outlets_voice_not_inside_quotation_marks():
    """labels.phrase: not inside quotation marks, not in page furniture."""
    labels = table("labels")
    bad = []
    for lab in labels.itertuples():
        text = body(lab.source_id)
        at = text.find(lab.phrase)
        if at < 0:
            bad.append((lab.label_id, "not in the body"))
            continue
        before = text[text.rfind("\n", 0, at) + 1 : at]
        if before.count("“") > before.count("”") or before.count('"') % 2 == 1:
            bad.append((lab.label_id, "inside quotation marks"))
    assert not bad, f"labels outside the outlet's own voice: {bad}"


# ------------------------------------------------------------------ quotes
def test_a_passage_about_the_admission_is_coded_membership():
    """quotes.topic: a passage about admitting Alibaba is 'membership' (or 'departures' when it threatens to leave),
    even when it gives Alibaba's record as the reason."""
    quotes = table("quotes")
    about = quotes["text"].str.contains(
        r"application for membership|admitting Alibaba|admit Alibaba|allow membership to Alibaba", regex=True
    )
    bad = quotes[about & ~quotes["topic"].isin(["membership", "departures"])]
    assert bad.empty, f"passages about the admission coded otherwise: {list(bad['quote_id'])}"


# ------------------------------------------------------------------ claims
def test_an_agreeing_number_claim_has_one_number():
    """claims.verdict: 'agree' on a number means every article gives the same number."""
    claims = table("claims")
    bad = []
    for cid, g in claims[(claims["kind"] == "number") & (claims["verdict"] == "agree")].groupby("claim_id"):
        leading = {re.match(r"\D*([\d.,]+)", v).group(1) if re.match(r"\D*([\d.,]+)", v) else v for v in g["value"]}
        if len(leading) > 1:
            bad.append((cid, sorted(leading)))
    assert not bad, f"'agree' on different numbers: {bad}"


def test_a_size_label_is_neutral():
    """labels.valence: scale and prominence ('giant', 'major', 'high-profile') are 'size' and neutral, whichever
    outlet uses them."""
    labels = table("labels")
    bad = labels[(labels["kind"] == "size") & (labels["valence"] != "neutral")]
    assert bad.empty, f"size labels coded as evaluations: {list(bad['label_id'])}"
