"""data/README.md is generated from datapackage.json and must not drift from it."""

from __future__ import annotations

from conftest import DATA
from iacc2016.data import datadict
from iacc2016.data.schema import load_package


def test_data_dictionary_matches_the_descriptor():
    expected = datadict.render(load_package(DATA))
    assert (DATA / "README.md").read_text(encoding="utf-8") == expected, "run: make datadict"


def test_every_field_has_a_description_and_every_code_a_definition():
    package = load_package(DATA)
    for resource in package.resources:
        for field in resource.fields:
            assert len(field.description) > 10, f"{resource.path}:{field.name} lacks a description"
            if field.enum:
                labels = dict(field.labels)
                assert list(labels) == list(field.enum), f"{resource.path}:{field.name}: categories and enum differ"
                assert all(len(v) > 2 for v in labels.values()), (
                    f"{resource.path}:{field.name}: a code lacks a definition"
                )


def test_every_categorical_field_is_enforced_by_an_enum():
    """A field documented with categories must also be checked (Frictionless only checks enum)."""
    package = load_package(DATA)
    for resource in package.resources:
        for field in resource.fields:
            if field.labels:
                assert field.enum, f"{resource.path}:{field.name} has categories but no constraints.enum"


def test_a_changed_descriptor_changes_the_dictionary(data_copy):
    text = (data_copy / "datapackage.json").read_text(encoding="utf-8")
    (data_copy / "datapackage.json").write_text(
        text.replace("Dated happenings", "Things that happened"), encoding="utf-8"
    )
    assert "Things that happened" in datadict.render(load_package(data_copy))
