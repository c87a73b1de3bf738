"""exports/claimreview.jsonld: only properties schema.org defines for each type, one review
per check, the documented rating scale, and the committed file up to date with the tables."""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import ROOT
from iacc2016.data.load import load_tables

SPEC = importlib.util.spec_from_file_location("claimreview", ROOT / "scripts" / "claimreview.py")
claimreview = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(claimreview)

# Properties schema.org defines for each type we emit: the subset we use or might use,
# copied from the type pages looked up on 2026-12-01 (each type lists its own properties and
# those inherited from its parents):
#   https://schema.org/ClaimReview  (claimReviewed; from Review: itemReviewed, reviewRating,
#       reviewBody; from CreativeWork and Thing: author, citation, datePublished, ...)
#   https://schema.org/Claim        (appearance, firstAppearance, claimInterpreter; a CreativeWork)
#   https://schema.org/Rating       (ratingValue, bestRating, worstRating, ratingExplanation,
#       author, reviewAspect; from Thing: alternateName, name, description, url)
#   https://schema.org/CreativeWork (headline, author, publisher, datePublished, text, citation)
# Organization and Person are used with Thing's name and url only (listed under
# "Properties from Thing" on the pages above). '@context' and '@type' are JSON-LD keywords.
THING = {"name", "url", "alternateName", "description", "identifier", "sameAs"}
CREATIVE_WORK = THING | {"author", "citation", "datePublished", "headline", "publisher", "text", "inLanguage"}
ALLOWED = {
    "ClaimReview": CREATIVE_WORK | {"claimReviewed", "itemReviewed", "reviewRating", "reviewBody"},
    "Claim": CREATIVE_WORK | {"appearance", "firstAppearance", "claimInterpreter"},
    "Rating": THING | {"ratingValue", "bestRating", "worstRating", "ratingExplanation", "author", "reviewAspect"},
    "CreativeWork": CREATIVE_WORK,
    "Organization": THING,
    "Person": THING,
}
KEYWORDS = {"@context", "@type"}


@pytest.fixture(scope="module")
def exported() -> list[dict]:
    return json.loads((ROOT / "exports" / "claimreview.jsonld").read_text(encoding="utf-8"))


def _nodes(obj, path="$"):
    """Every typed object in the tree, with where it sits."""
    if isinstance(obj, dict):
        if "@type" in obj:
            yield path, obj
        for k, v in obj.items():
            yield from _nodes(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _nodes(v, f"{path}[{i}]")


def test_the_committed_export_is_up_to_date_with_the_tables(exported):
    text = (ROOT / "exports" / "claimreview.jsonld").read_text(encoding="utf-8")
    assert text == claimreview.render(), "run: make claimreview"


def test_every_object_uses_only_properties_schema_org_defines_for_its_type(exported):
    for path, node in _nodes(exported):
        kind = node["@type"]
        assert kind in ALLOWED, f"{path}: unexpected type {kind}"
        extra = set(node) - ALLOWED[kind] - KEYWORDS
        assert not extra, f"{path} ({kind}) uses properties schema.org does not define for it: {sorted(extra)}"


def test_one_review_per_check_in_check_order(exported):
    checks = load_tables()["record_checks"]
    assert [r["url"].rsplit("#", 1)[1] for r in exported] == sorted(checks["check_id"])
    assert all(r["@type"] == "ClaimReview" and r["@context"] == "https://schema.org" for r in exported)


def test_ratings_follow_the_documented_scale(exported):
    checks = load_tables()["record_checks"].set_index("check_id")
    expected_value = {"contradicted": 1, "partly_confirmed": 2, "confirmed": 3}
    expected_label = {
        "contradicted": "Contradicted",
        "partly_confirmed": "Partly confirmed",
        "confirmed": "Confirmed",
        "not_found": "Not found",
    }
    for review in exported:
        check = checks.loc[review["url"].rsplit("#", 1)[1]]
        rating = review["reviewRating"]
        assert rating["alternateName"] == expected_label[check["rating"]]
        if check["rating"] == "not_found":
            assert "ratingValue" not in rating and "citation" not in review
        else:
            assert (rating["ratingValue"], rating["worstRating"], rating["bestRating"]) == (
                expected_value[check["rating"]],
                1,
                3,
            )
            assert review["citation"]["text"] == check["record_snippet"]


def test_each_claim_appears_in_its_article_and_the_review_date_is_fixed(exported):
    tables = load_tables()
    url_of = dict(zip(tables["sources"]["source_id"], tables["sources"]["url"], strict=True))
    checks = tables["record_checks"].set_index("check_id")
    for review in exported:
        check = checks.loc[review["url"].rsplit("#", 1)[1]]
        assert review["itemReviewed"]["appearance"]["url"] == url_of[check["source_id"]]
        assert review["datePublished"] == claimreview.REVIEW_DATE


def test_bad_data_writes_nothing(data_copy, tmp_path, monkeypatch, capsys):
    path = data_copy / "record_checks.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",rs-", ",zz-", 1), encoding="utf-8")
    monkeypatch.setattr(claimreview.settings, "data_dir", lambda: data_copy)
    target = tmp_path / "out.jsonld"
    assert claimreview.main(["--output", str(target)]) == 1
    assert not target.exists()
    assert "record_checks.csv:2:record_source_id" in capsys.readouterr().err
