"""Citation and licence metadata that archives and packaging tools read: one licence in
CITATION.cff (Zenodo's GitHub archiving refuses a list), a .zenodo.json that agrees with
it and with the data package, and an SPDX licence string in pyproject.toml (setuptools
drops the table form)."""

from __future__ import annotations

import json
import tomllib

import yaml

from conftest import ROOT


def test_citation_names_one_licence_the_data_packages():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert isinstance(citation["license"], str), "CITATION.cff: license must be one SPDX id, not a list"
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert citation["license"] == package["licenses"][0]["name"] == "CC-BY-4.0"


def test_zenodo_metadata_agrees_with_the_citation_file():
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert zenodo["license"] == citation["license"]
    assert zenodo["title"] == citation["title"]
    assert zenodo["version"] == citation["version"]
    assert [c["name"] for c in zenodo["creators"]] == [a["name"] for a in citation["authors"]]
    assert zenodo["upload_type"] == citation["type"] == "dataset"


def test_pyproject_licence_is_an_spdx_string():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert all((ROOT / path).is_file() for path in project["license-files"])
    assert project["version"] == yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))["version"]
