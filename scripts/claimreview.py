"""Write exports/claimreview.jsonld: one schema.org ClaimReview per row of record_checks.csv.

The checks are not from the articles: each ClaimReview reviews one statement of one article
(itemReviewed, a Claim whose appearance is the article's address in sources.csv) against the
public record (citation: the document of record_sources.csv and its verbatim snippet).

Rating scale (reviewRating.ratingValue, worstRating 1, bestRating 3):
    1 contradicted, 2 partly confirmed, 3 confirmed.
A check rated "not found" has no value on that scale: its reviewRating carries only the
label (alternateName) and the explanation, and it cites no record document.

Deterministic: checks sorted by check_id, keys sorted, a fixed review date (REVIEW_DATE, the
day the record was read), no clock. The review's `url` points at the check's row in
data/record_checks.csv, relative to --base-url (empty: a relative reference, since the
repository has no published address yet).

Run through `make claimreview`. Bad data: `file:row:column: problem`, exit 1, nothing written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from iacc2016 import settings
from iacc2016.analysis import record as record_analysis
from iacc2016.atomic import write_text_atomic
from iacc2016.data.load import load_tables
from iacc2016.data.problems import DataValidationError, Problem
from iacc2016.data.rules_record import problem_tuples
from iacc2016.data.schema import load_package
from iacc2016.data.text import count_words

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "exports" / "claimreview.jsonld"
REVIEW_DATE = "2026-12-01"  # the day the public record was read (record_sources.read_on)
REVIEWER = {"@type": "Organization", "name": "iacc2016 project maintainers"}
RATING_VALUE = {"contradicted": 1, "partly_confirmed": 2, "confirmed": 3}
WORST, BEST = 1, 3
MAX_WORDS = 40  # no more of an article's or a record document's text than a short snippet


def _present(value) -> bool:
    return value is not None and not (not isinstance(value, str) and pd.isna(value)) and value != ""


def _day(start, end, precision) -> str | None:
    """A publication date only when it is known to the day."""
    if precision == "day" and pd.notna(start) and pd.notna(end) and start == end:
        return f"{start:%Y-%m-%d}"
    return None


def build(tables: dict[str, pd.DataFrame], rating_labels: dict[str, str], base_url: str = "") -> str:
    """The JSON-LD text: a list of ClaimReview objects, one per check, sorted by check_id."""
    checks = tables["record_checks"].sort_values("check_id").reset_index(drop=True)
    words = record_analysis.article_words(checks, tables)
    sources = tables["sources"].set_index("source_id")
    record = tables["record_sources"].set_index("record_source_id")
    out = []
    for i, c in checks.iterrows():
        art = sources.loc[c["source_id"]]
        outlet = {"@type": "Organization", "name": art["outlet"]}
        appearance = {"@type": "CreativeWork", "url": art["url"], "publisher": outlet}
        if _present(art["headline"]):
            appearance["headline"] = art["headline"]
        if _present(art["author"]):
            appearance["author"] = {"@type": "Person", "name": art["author"]}
        published = _day(art["published_start"], art["published_end"], art["published_precision"])
        if published:
            appearance["datePublished"] = published
        claim = {"@type": "Claim", "author": outlet, "appearance": appearance}
        said = words.iloc[i]
        if _present(said) and count_words(said) <= MAX_WORDS:
            claim["text"] = said
        label = rating_labels[c["rating"]].split(":")[0]
        rating = {"@type": "Rating", "alternateName": label, "ratingExplanation": c["explanation"]}
        if c["rating"] in RATING_VALUE:
            rating.update(ratingValue=RATING_VALUE[c["rating"]], worstRating=WORST, bestRating=BEST)
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "author": REVIEWER,
            "claimReviewed": c["statement"],
            "datePublished": REVIEW_DATE,
            "description": "A check of one statement of a news article against the public record "
            "(not from the articles).",
            "itemReviewed": claim,
            "reviewRating": rating,
            "url": f"{base_url}data/record_checks.csv#{c['check_id']}",
        }
        if _present(c["record_source_id"]):
            doc = record.loc[c["record_source_id"]]
            cited = {
                "@type": "CreativeWork",
                "name": doc["title"],
                "publisher": {"@type": "Organization", "name": doc["publisher"]},
                "text": c["record_snippet"],
                "url": doc["url"],
            }
            day = _day(doc["published_start"], doc["published_end"], doc["published_precision"])
            if day:
                cited["datePublished"] = day
            review["citation"] = cited
        out.append(review)
    return json.dumps(out, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def render(data_dir: Path | None = None, base_url: str = "") -> str:
    data_dir = Path(data_dir) if data_dir is not None else settings.data_dir()
    tables = load_tables(data_dir)
    package = load_package(data_dir)
    broken = problem_tuples(tables, package)
    if broken:
        raise DataValidationError([Problem(*p) for p in broken])
    labels = package.labels("record_checks", "rating")
    return build(tables, labels, base_url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="", help="address of the published repository, ending in '/'")
    parser.add_argument("--output", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    try:
        text = render(base_url=args.base_url)
    except DataValidationError as exc:
        print(exc.report(), file=sys.stderr)
        print("claimreview: stopped; nothing was written", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(args.output, text)
    try:
        shown = args.output.resolve().relative_to(ROOT)
    except ValueError:
        shown = args.output.name
    n = text.count('"ClaimReview"')
    print(f"claimreview: wrote {shown} ({n} reviews)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
