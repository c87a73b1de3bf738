"""Issue 17 (round 3, C3): a code such as 'unknown' means different things in different
fields. The organizations and objections tables of notebook 01 once showed Unifab's
'unknown' standing as 'Not identified' (the label of sources.outlet_basis's 'unknown'),
and the summary bullet stacked the codebook's labels after colons."""

from __future__ import annotations

import pytest

from iacc2016 import settings
from iacc2016.present import story_text
from iacc2016.present.notebook import Data


@pytest.fixture(scope="module")
def data():
    return Data.load(settings.data_dir())


def test_statuses_and_stances_use_their_own_fields_labels(data):
    orgs = story_text.organizations_table(data)
    short = {f: data.package.code_property("members", f, "shortLabel") for f in ("iacc_status", "stance")}
    # Worked by hand from data/datapackage.json: members.iacc_status 'unknown' is shortLabel
    # "Not stated"; members.stance 'unknown' "None reported".
    # a member's status carries the article it is as of: "Member (per WWD, 12-13 May 2016)"
    statuses = {s.split(" (per ")[0] for s in orgs["status at the end"]}
    assert statuses <= set(short["iacc_status"].values())
    assert set(orgs["stance"]) <= set(short["stance"].values())
    assert "None reported" not in set(orgs["status at the end"]) and "Not stated" not in set(orgs["stance"])
    obj = story_text.objections_table(data).set_index("who objected")
    # data/members.csv gives Unifab the status code 'unknown'.
    assert obj.loc["Unifab", "status at the end"] == "Not stated"


def test_objections_bullet_is_a_sentence(data):
    obj = story_text.objections(data)
    words = story_text.objections_in_words(data, obj)
    # Longchamp and the anonymous members are 'member', Unifab 'unknown': two groups, each
    # named then its standing in parentheses, no colon anywhere.
    assert words.startswith("by ") and ":" not in words
    assert "Unifab (whose standing at the end the articles do not give)" in words
