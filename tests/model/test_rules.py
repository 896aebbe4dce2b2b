"""Specs for the relationship rules: the ArchiMate table and the framework-rule hook."""

from __future__ import annotations

import ast
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from egov_modeler import i18n
from egov_modeler.model import rules
from egov_modeler.model.errors import RelationshipNotAllowed, UnknownIdError, UnknownTypeError
from egov_modeler.model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES_BY_LETTER
from egov_modeler.model.problems import Problem, Severity
from egov_modeler.model.rules import (
    JUNCTION_CONCEPT,
    RELATIONSHIP_CONCEPT,
    RuleProvider,
    allowed_relationship_types,
    can_relate,
    check_junction_types,
    check_relate,
    check_relationship,
    invalid_junction_paths,
    provider_model_findings,
    register_rule_provider,
    rule_providers,
    unregister_rule_provider,
)
from tests.helpers import paths

SHARED = paths.SHARED / "archimate"
ARCHI_TABLE = SHARED / "relationships.xml"
TABLE_DIR = Path(rules.__file__).resolve().parents[1] / "resources" / "archimate"


@pytest.fixture
def english():
    """Messages in English for readable assertions; restores the language afterwards."""
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def vietnamese():
    """Messages in Vietnamese, the interface's first language."""
    before = i18n.current_language()
    i18n.set_language("vi")
    yield
    i18n.set_language(before)


# --- against Archi's table -------------------------------------------------------------

def read_archi_table() -> dict[tuple[str, str], str]:
    """{(source, target): letters} from Archi's relationships.xml, read at test time."""
    if not ARCHI_TABLE.is_file():
        pytest.skip(f"Archi's relationship table not found at {ARCHI_TABLE} (../shared absent)")
    import xml.etree.ElementTree as ET  # test-only; the runtime reads JSON

    root = ET.parse(ARCHI_TABLE).getroot()
    return {
        (source.get("concept"), target.get("concept")): target.get("relations", "")
        for source in root.iter("source")
        for target in source.iter("target")
    }


def test_table_agrees_with_archi_on_every_triple_both_ways():
    archi = read_archi_table()
    concepts = sorted({s for s, _ in archi} | {t for _, t in archi})
    assert len(concepts) == 62
    assert len(archi) == 62 * 62
    differences = []
    for source in concepts:
        for target in concepts:
            letters = archi.get((source, target), "")
            for letter, rel in RELATIONSHIP_TYPES_BY_LETTER.items():
                if (letter in letters) != can_relate(source, rel.name, target):
                    differences.append((source, rel.name, target, letter in letters))
    assert differences == []


def test_table_concepts_are_the_element_types_with_junctions_folded():
    archi = read_archi_table()
    concepts = {s for s, _ in archi}
    expected = (set(ELEMENT_TYPES) - {"AndJunction", "OrJunction"}) | {
        JUNCTION_CONCEPT, RELATIONSHIP_CONCEPT}
    assert concepts == expected


def test_data_file_is_in_the_documented_format():
    data = json.loads((TABLE_DIR / "relationship_table.json").read_text(encoding="utf-8"))
    assert data["format"] == "egov-modeler/archimate-relationship-table"
    assert data["format_version"] == rules.TABLE_FORMAT_VERSION
    assert data["archimate_version"] == "3.2"
    assert list(data["table"]) == sorted(data["table"])
    for by_relationship in data["table"].values():
        assert list(by_relationship) == sorted(by_relationship)
        for targets in by_relationship.values():
            assert targets == sorted(set(targets))


def test_build_script_reproduces_the_data_file():
    read_archi_table()  # skips when ../shared is absent
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_relationship_table",
        paths.REPO / "tools" / "build_relationship_table.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    stored = json.loads((TABLE_DIR / "relationship_table.json").read_text(encoding="utf-8"))
    assert builder.build(ARCHI_TABLE) == stored


# --- can_relate / check_relate ---------------------------------------------------------

def test_readable_facts():
    assert can_relate("ApplicationComponent", "Serving", "BusinessActor")
    assert can_relate("ApplicationComponent", "Realization", "ApplicationService")
    assert can_relate("BusinessProcess", "Access", "BusinessObject")
    assert not can_relate("BusinessObject", "Access", "BusinessProcess")  # direction matters
    assert can_relate("BusinessActor", "Assignment", "BusinessRole")
    assert not can_relate("DataObject", "Serving", "BusinessActor")


def test_association_is_allowed_almost_everywhere():
    assert can_relate("DataObject", "Association", "BusinessActor")
    assert can_relate("Goal", "Association", "Node")


def test_junctions_map_to_the_tables_junction():
    for junction in ("AndJunction", "OrJunction", "Junction"):
        assert can_relate("ApplicationService", "Serving", junction)
        assert can_relate(junction, "Serving", "BusinessProcess")
        assert can_relate(junction, "Triggering", "BusinessEvent")
    assert can_relate("AndJunction", "Composition", "OrJunction")


def test_relationship_as_source_or_target():
    assert can_relate("BusinessActor", "Association", RELATIONSHIP_CONCEPT)
    assert can_relate("Grouping", "Aggregation", RELATIONSHIP_CONCEPT)
    assert not can_relate(RELATIONSHIP_CONCEPT, "Serving", "BusinessActor")


def test_unknown_types_are_simply_not_allowed_by_can_relate():
    assert not can_relate("BusinessWizard", "Association", "BusinessActor")
    assert not can_relate("BusinessActor", "Uses", "BusinessActor")
    assert allowed_relationship_types("BusinessActor", "BusinessWizard") == []


def test_check_relate_passes_silently_when_allowed():
    assert check_relate("ApplicationComponent", "Serving", "BusinessActor") is None


def test_check_relate_names_the_types(english):
    with pytest.raises(
        RelationshipNotAllowed,
        match="ArchiMate does not allow Serving from Data Object to Business Actor",
    ) as refused:
        check_relate("DataObject", "Serving", "BusinessActor")
    assert refused.value.rule == "archimate"


def test_check_relate_reason_in_vietnamese(vietnamese):
    with pytest.raises(RelationshipNotAllowed) as refused:
        check_relate("DataObject", "Serving", "BusinessActor")
    assert refused.value.reason == (
        "ArchiMate không cho phép quan hệ Phục vụ từ Đối tượng dữ liệu đến Tác nhân nghiệp vụ")


def test_check_relate_names_pseudo_concepts(english):
    with pytest.raises(RelationshipNotAllowed, match="from Relationship to Business Actor"):
        check_relate(RELATIONSHIP_CONCEPT, "Serving", "BusinessActor")
    with pytest.raises(RelationshipNotAllowed, match="from And Junction to Gap"):
        check_relate("AndJunction", "Serving", "Gap")


def test_unknown_types_get_their_own_error(english):
    with pytest.raises(UnknownTypeError, match="Unknown ArchiMate element type: Wizard"):
        check_relate("Wizard", "Serving", "BusinessActor")
    with pytest.raises(UnknownTypeError, match="Unknown ArchiMate element type: Wizard"):
        check_relate("BusinessActor", "Serving", "Wizard")
    with pytest.raises(UnknownTypeError, match="Unknown ArchiMate relationship type: Uses"):
        check_relate("BusinessActor", "Uses", "BusinessRole")


def test_unknown_type_error_is_not_a_refusal():
    with pytest.raises(UnknownTypeError) as raised:
        check_relate("Wizard", "Serving", "BusinessActor")
    assert not isinstance(raised.value, RelationshipNotAllowed)


# --- allowed_relationship_types --------------------------------------------------------

def test_allowed_types_strongest_first_association_last():
    allowed = allowed_relationship_types("ApplicationComponent", "ApplicationComponent")
    assert allowed == [
        "Composition", "Aggregation", "Realization", "Serving", "Triggering", "Flow",
        "Specialization", "Association",
    ]


def test_allowed_types_agree_with_can_relate():
    for source in ("BusinessActor", "ApplicationService", "DataObject", "AndJunction"):
        for target in ("BusinessRole", "BusinessProcess", "Artifact", "Grouping"):
            allowed = allowed_relationship_types(source, target)
            assert allowed[-1] == "Association"
            assert all(can_relate(source, rel, target) for rel in allowed)


def test_only_association_from_data_object_to_actor():
    assert allowed_relationship_types("DataObject", "BusinessActor") == ["Association"]


# --- junctions -------------------------------------------------------------------------

def test_junction_relationships_must_share_one_type():
    assert check_junction_types([])
    assert check_junction_types(["Triggering"])
    assert check_junction_types(["Triggering", "Triggering", "Triggering"])
    assert not check_junction_types(["Triggering", "Flow"])


def test_invalid_paths_through_a_junction():
    bad = invalid_junction_paths(
        "Serving", ["ApplicationService", "DataObject"], ["BusinessProcess", "OrJunction"])
    assert bad == [("DataObject", "BusinessProcess")]


# --- framework rule providers ----------------------------------------------------------

@dataclass
class FakeElement:
    type: str


@dataclass
class FakeModel:
    """Just enough of the Model's duck type for the rules."""

    elements: dict[str, FakeElement] = field(default_factory=dict)
    relationships: set[str] = field(default_factory=set)

    def has_element(self, item_id: str) -> bool:
        return item_id in self.elements

    def has_relationship(self, item_id: str) -> bool:
        return item_id in self.relationships

    def element(self, item_id: str) -> FakeElement:
        return self.elements[item_id]


@dataclass
class FakeProvider:
    findings: list[Problem]
    calls: list[tuple] = field(default_factory=list)

    def relationship_findings(self, model, source_id, relationship_type, target_id):
        self.calls.append((source_id, relationship_type, target_id))
        return list(self.findings)

    def model_findings(self, model):
        return list(self.findings)


@pytest.fixture
def model():
    return FakeModel(
        elements={
            "id-portal": FakeElement("ApplicationComponent"),
            "id-citizen": FakeElement("BusinessActor"),
            "id-db": FakeElement("DataObject"),
        },
        relationships={"id-rel"},
    )


@pytest.fixture
def provide(monkeypatch):
    """Register providers for one test (alone: the framework's provider, registered by
    other tests, would judge the fake model) and always unregister them."""
    monkeypatch.setattr(rules, "_providers", [])
    registered = []

    def _provide(*findings: Problem) -> FakeProvider:
        provider = FakeProvider(list(findings))
        register_rule_provider(provider)
        registered.append(provider)
        return provider

    yield _provide
    for provider in registered:
        unregister_rule_provider(provider)


WARN = Problem(Severity.WARNING, "FW-TEST-WARN", "portal should go through LGSP", ("id-portal",))
ERROR = Problem(Severity.ERROR, "FW-TEST-ERROR", "national database only through NGSP")


def test_fake_provider_satisfies_the_protocol():
    assert isinstance(FakeProvider([]), RuleProvider)


def test_no_providers_no_findings(model):
    assert check_relationship(model, "id-portal", "Serving", "id-citizen") == []


def test_warning_findings_are_returned(model, provide):
    provider = provide(WARN)
    assert check_relationship(model, "id-portal", "Serving", "id-citizen") == [WARN]
    assert provider.calls == [("id-portal", "Serving", "id-citizen")]


def test_error_finding_refuses_with_its_rule_id(model, provide):
    provide(WARN)
    provide(ERROR)
    with pytest.raises(RelationshipNotAllowed, match="only through NGSP") as refused:
        check_relationship(model, "id-portal", "Serving", "id-citizen")
    assert refused.value.rule == "FW-TEST-ERROR"


def test_archimate_is_checked_before_providers(model, provide):
    provider = provide(WARN)
    with pytest.raises(RelationshipNotAllowed) as refused:
        check_relationship(model, "id-db", "Serving", "id-citizen")
    assert refused.value.rule == "archimate"
    assert provider.calls == []


def test_relationship_ids_count_as_the_relationship_concept(model):
    assert check_relationship(model, "id-citizen", "Association", "id-rel") == []
    with pytest.raises(RelationshipNotAllowed):
        check_relationship(model, "id-rel", "Serving", "id-citizen")


def test_unknown_id_is_an_error(model):
    with pytest.raises(UnknownIdError, match="id-nowhere"):
        check_relationship(model, "id-nowhere", "Serving", "id-citizen")


def test_a_crashing_provider_is_logged_skipped_while_drawing_and_an_error_in_validation(
        model, provide, caplog):
    class Broken:
        def relationship_findings(self, *args):
            raise RuntimeError("bug in a rule")

        def model_findings(self, model):
            raise RuntimeError("bug in a rule")

    broken = Broken()
    register_rule_provider(broken)
    try:
        provide(WARN)
        with caplog.at_level(logging.ERROR, logger="egov_modeler.model.rules"):
            assert check_relationship(model, "id-portal", "Serving", "id-citizen") == [WARN]
            findings = provider_model_findings(model)
        assert "bug in a rule" in caplog.text
        (failed,) = [f for f in findings if f != WARN]
        assert WARN in findings and len(findings) == 2
        assert failed.severity is Severity.ERROR and failed.rule == rules.PROVIDER_FAILED_RULE
        assert "bug in a rule" in failed.message
    finally:
        unregister_rule_provider(broken)


def test_register_is_idempotent_and_unregister_tolerant(provide):
    provider = provide()
    register_rule_provider(provider)
    assert rule_providers().count(provider) == 1
    unregister_rule_provider(provider)
    unregister_rule_provider(provider)
    assert provider not in rule_providers()


def test_model_findings_collects_every_provider(model, provide):
    provide(WARN)
    provide(ERROR)
    assert provider_model_findings(model) == [WARN, ERROR]


def test_rules_import_neither_qt_nor_lxml():
    tree = ast.parse(Path(rules.__file__).read_text(encoding="utf-8"))
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not {m for m in imported if m.split(".")[0] in {"PySide6", "lxml"}}
