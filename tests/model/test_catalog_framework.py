"""The catalog says which framework decision it follows and what replaced it (About box)."""

from __future__ import annotations

from egov_modeler.model.catalog import load_builtin_catalog, parse_catalog


def test_the_built_in_catalog_names_its_decision_and_its_successors():
    edition = load_builtin_catalog().framework
    assert edition is not None
    assert edition.version == "2.0"
    assert edition.decision.startswith("QĐ 2323/QĐ-BTTTT")
    assert edition.superseded
    assert any("3090" in decision for decision in edition.replaced_by)


def test_a_catalog_without_the_block_names_no_framework():
    catalog = parse_catalog({"format": "egov-modeler-catalog", "format_version": 1}, "u.json")
    assert catalog.framework is None


def test_a_user_catalog_keeps_the_built_in_framework_when_merged():
    user = parse_catalog({"format": "egov-modeler-catalog", "format_version": 1}, "u.json")
    assert load_builtin_catalog().merged(user).framework == load_builtin_catalog().framework


def test_an_odd_framework_block_is_read_for_what_it_holds():
    catalog = parse_catalog({"format": "egov-modeler-catalog", "format_version": 1,
                             "framework": {"version": 3, "decision": "QĐ 1",
                                           "replaced_by": "QĐ 2", "extra": True}}, "u.json")
    assert catalog.framework is not None
    assert (catalog.framework.version, catalog.framework.decision,
            catalog.framework.replaced_by) == ("", "QĐ 1", ("QĐ 2",))
