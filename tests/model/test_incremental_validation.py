"""The incremental validator gives what full validation gives, after any edit.

A hypothesis state machine edits a small national-style model the way users and readers do
(elements of the framework's components, relationships ArchiMate or the framework forbids,
scopes, retiring systems, band layers, nesting, views, the model's level, date and profile,
the message language, undo and redo) and after every step compares
``IncrementalValidator.problems()`` with ``validate_model``. The same walk holds the views'
indexes to what a scan of the view finds.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from egov_modeler.i18n import set_language
from egov_modeler.model import History, ModelError
from egov_modeler.model.commands import (
    AddElementCommand,
    Command,
    CreateViewCommand,
    DeleteElementCommand,
    DeleteViewCommand,
    PlaceNodeCommand,
    RemoveNodeCommand,
    RenameElementCommand,
    RenameViewCommand,
    ReparentNodeCommand,
    RetypeElementCommand,
    SetElementFieldsCommand,
    SetNodeFieldsCommand,
    SetPropertyCommand,
    UnrelateCommand,
)
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.incremental_validation import IncrementalValidator
from egov_modeler.model.model import Model
from egov_modeler.model.rules import register_rule_provider, unregister_rule_provider
from egov_modeler.model.text_fold import fold
from egov_modeler.model.validation import validate_model
from egov_modeler.model.views import NODE_CONTAINER, Node, View
from tests.helpers.national_model import BANDS, BIG_VIEW, build_national_model, unit_eid

#: The unit's LDOP hub: the platform every system's flow goes through.
HUB = unit_eid(0, "hub")

#: Components the rules speak of (portal, platforms, databases, document systems, ...),
#: with the ArchiMate type an element of each has.
COMPONENTS = [
    ("l3_httt_gq_tthc", "ApplicationComponent"), ("l4_cong_dvcqg", "ApplicationComponent"),
    ("l2_ldop_tinh", "ApplicationComponent"), ("l2_ndop", "ApplicationComponent"),
    ("l2_ndxp", "ApplicationComponent"), ("l2_csdl_tong_hop_qg", "DataObject"),
    ("l2_csdlqg_dan_cu", "DataObject"), ("l2_csdl_dung_chung", "DataObject"),
    ("l3_qlvb_dh", "ApplicationComponent"), ("l3_truc_lien_thong_vb", "ApplicationComponent"),
    ("l1_soc", "ApplicationComponent"), ("l1_giam_sat_quoc_gia", "ApplicationComponent"),
    ("l1_ttdl_bo_tinh", "Node"), ("l3_chuyen_nganh", "ApplicationComponent"),
    ("l2_vneid", "ApplicationComponent"), ("nsd_cbccvc", "BusinessActor"),
    ("g_so_khcn", "BusinessActor"), ("l4_web", "ApplicationInterface"),
    (None, "ApplicationComponent"), (None, "BusinessProcess"), (None, "AndJunction"),
    (None, "Requirement"),
]
LAYERS = [None, *(layer for layer, _ in BANDS if layer), "quan_tri_the_che"]
NAMES = ["Hệ thống A", "Hệ thống định danh tỉnh", "Cổng cấp huyện", "Kho dữ liệu",
         "Trục liên thông văn bản tỉnh", "Quận 1"]
PROPERTIES = [("Phạm vi", "tỉnh"), ("Phạm vi", "quốc gia"), ("Phạm vi", "huyện"),
              ("Phạm vi", "bộ/tỉnh"), ("Lớp dữ liệu", "Dữ liệu chủ"),
              ("Phương án xử lý", "Thay thế, kết thúc sử dụng"), ("Phạm vi", None)]
REL_TYPES = ["Flow", "Serving", "Access", "Triggering", "Association", "Composition",
             "Realization", "Assignment"]
MODEL_PROPERTIES = [("architecture_level", "province"), ("architecture_level", "national"),
                    ("architecture_level", None), ("architecture_date", "2024-01-01"),
                    ("architecture_date", None), ("profile", "vn-egov-2.0"),
                    ("profile", "vn-digital-2025"), ("profile", "no-such-profile")]


@dataclass
class LoadRelationshipCommand(Command):
    """A relationship as a reader adds it: whatever the rules say (they then report it)."""

    relationship: Relationship

    def apply(self, model: Model) -> None:
        model._put_relationship(self.relationship)

    def revert(self, model: Model) -> None:
        model._drop_relationship(self.relationship.id)

    def describe(self) -> str:
        return "load relationship"


class ValidationMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.model = build_national_model(40, view_nodes=25)
        self.history = History(self.model)
        self.validator = IncrementalValidator(self.model)
        self.validator.problems()
        self.count = 0

    def _new_id(self) -> str:
        self.count += 1
        return f"id-sm-{self.count}"

    def _do(self, command: Command) -> None:
        try:
            self.history.do(command)
        except (ModelError, ValueError):
            pass

    def _element_ids(self) -> list[str]:
        return [e.id for e in self.model.elements]

    @rule(component=st.sampled_from(COMPONENTS), name=st.sampled_from(NAMES),
          props=st.lists(st.sampled_from(PROPERTIES[:-1]), max_size=2))
    def add_element(self, component, name, props):
        ref, type_name = component
        self._do(AddElementCommand(Element(self._new_id(), type_name, name, catalog_ref=ref,
                                           properties=[p for p in props if p[1]])))

    @precondition(lambda self: len(self.model.elements) >= 2)
    @rule(data=st.data(), rel_type=st.sampled_from(REL_TYPES))
    def relate(self, data, rel_type):
        ids = self._element_ids() + [r.id for r in self.model.relationships][:5]
        source = data.draw(st.sampled_from(ids))
        target = data.draw(st.sampled_from(ids))
        self._do(LoadRelationshipCommand(Relationship(self._new_id(), rel_type, source, target)))

    @precondition(lambda self: self.model.relationships)
    @rule(data=st.data())
    def unrelate(self, data):
        rel = data.draw(st.sampled_from(self.model.relationships))
        self._do(UnrelateCommand(rel.id))

    @precondition(lambda self: self.model.elements)
    @rule(data=st.data())
    def delete_element(self, data):
        self._do(DeleteElementCommand(data.draw(st.sampled_from(self._element_ids()))))

    @precondition(lambda self: self.model.elements)
    @rule(data=st.data(), field=st.sampled_from(["catalog_ref", "layer", "name"]))
    def change_element(self, data, field):
        element_id = data.draw(st.sampled_from(self._element_ids()))
        value = data.draw(st.sampled_from({
            "catalog_ref": [c for c, _ in COMPONENTS], "layer": LAYERS, "name": NAMES}[field]))
        self._do(SetElementFieldsCommand(element_id, {field: value}))

    @precondition(lambda self: self.model.elements)
    @rule(data=st.data(), prop=st.sampled_from(PROPERTIES))
    def set_property(self, data, prop):
        element_id = data.draw(st.sampled_from(self._element_ids()))
        self._do(SetPropertyCommand(element_id, prop[0], prop[1]))

    @precondition(lambda self: self.model.elements)
    @rule(data=st.data(), new_type=st.sampled_from(["Node", "DataObject", "AndJunction",
                                                    "ApplicationComponent"]))
    def retype(self, data, new_type):
        self._do(RetypeElementCommand(data.draw(st.sampled_from(self._element_ids())),
                                      new_type))

    @precondition(lambda self: self.model.elements and self.model.views)
    @rule(data=st.data())
    def place(self, data):
        view = data.draw(st.sampled_from(self.model.views))
        element_id = data.draw(st.sampled_from(self._element_ids()))
        parent = data.draw(st.sampled_from([None, *view.nodes]))
        self._do(PlaceNodeCommand(view.id, Node(self._new_id(), 10, 10, 120, 55,
                                                element_id=element_id, parent=parent)))

    @precondition(lambda self: any(v.nodes for v in self.model.views))
    @rule(data=st.data(), layer=st.sampled_from(LAYERS))
    def change_node(self, data, layer):
        view = data.draw(st.sampled_from([v for v in self.model.views if v.nodes]))
        node_id = data.draw(st.sampled_from(list(view.nodes)))
        action = data.draw(st.sampled_from(["reparent", "layer", "remove"]))
        if action == "reparent":
            parent = data.draw(st.sampled_from([None, *view.nodes]))
            self._do(ReparentNodeCommand(view.id, node_id, parent))
        elif action == "layer":
            self._do(SetNodeFieldsCommand(view.id, node_id, {"layer": layer}))
        else:
            self._do(RemoveNodeCommand(view.id, node_id))

    @rule(data=st.data(), layer=st.sampled_from(LAYERS))
    def views(self, data, layer):
        action = data.draw(st.sampled_from(["create", "rename", "delete"]))
        if action == "create":
            view = View(self._new_id(), "Sơ đồ mới")
            view.nodes["band"] = Node("band", 0, 0, 500, 300, kind=NODE_CONTAINER, layer=layer)
            self._do(CreateViewCommand(view))
        elif self.model.views:
            view = data.draw(st.sampled_from(self.model.views))
            if action == "rename":
                self._do(RenameViewCommand(view.id, data.draw(st.sampled_from(NAMES))))
            else:
                self._do(DeleteViewCommand(view.id))

    # -------------------------------------------------- the platform hub and its edges
    def _check(self) -> None:
        """The invariant, inside a rule that makes several steps."""
        self.incremental_equals_full()

    @precondition(lambda self: self.model.has_element(HUB))
    @rule(data=st.data(), rel_type=st.sampled_from(["Flow", "Serving", "Triggering", "Access"]),
          outgoing=st.booleans())
    def relate_to_hub(self, data, rel_type, outgoing):
        other = data.draw(st.sampled_from(self._element_ids()))
        ends = (HUB, other) if outgoing else (other, HUB)
        self._do(LoadRelationshipCommand(Relationship(self._new_id(), rel_type, *ends)))

    @precondition(lambda self: self.model.has_element(HUB)
                  and self.model.relationships_of(HUB))
    @rule(data=st.data())
    def unrelate_from_hub(self, data):
        rel = data.draw(st.sampled_from(self.model.relationships_of(HUB)))
        self._do(UnrelateCommand(rel.id))

    @precondition(lambda self: self.model.has_element(HUB))
    @rule(change=st.sampled_from(["name", "scope", "no scope", "catalog_ref", "layer"]))
    def change_hub(self, change):
        if change == "name":
            self._do(RenameElementCommand(HUB, "Nền tảng LDOP mới"))
        elif change in ("scope", "no scope"):
            self._do(SetPropertyCommand(HUB, "Phạm vi", "huyện" if change == "scope" else None))
        elif change == "catalog_ref":  # the hub stops being a platform, or becomes one again
            ref = self.model.element(HUB).catalog_ref
            self._do(SetElementFieldsCommand(
                HUB, {"catalog_ref": "l3_chuyen_nganh" if ref == "l2_ldop_tinh"
                      else "l2_ldop_tinh"}))
        else:
            self._do(SetElementFieldsCommand(HUB, {"layer": "l1_ha_tang_so_anm"}))

    @rule(data=st.data(), hub=st.booleans())
    def delete_and_undo(self, data, hub):
        """Delete the hub (or any element) with everything attached, check, put it back."""
        if not self.model.elements:
            return
        element_id = HUB if hub and self.model.has_element(HUB) else data.draw(
            st.sampled_from(self._element_ids()))
        before = len(self.model.relationships)
        self._do(DeleteElementCommand(element_id))
        self._check()
        self.history.undo()
        self._check()
        assert len(self.model.relationships) == before

    # -------------------------------------------------- names that become duplicates
    @precondition(lambda self: len(self.model.elements) >= 2)
    @rule(data=st.data(), spelling=st.sampled_from(["same", "upper", "unaccented", "spaced"]))
    def rename_as_another(self, data, spelling):
        """Give an element another element's name as a user would retype it: a duplicate
        when both are of one type; then give it a name of its own again."""
        ids = self._element_ids()
        element_id = data.draw(st.sampled_from(ids))
        name = self.model.element(data.draw(st.sampled_from(ids))).name
        retyped = {"same": name, "upper": name.upper(), "unaccented": fold(name),
                   "spaced": f"  {name.replace(' ', '   ')} "}[spelling]
        self._do(RenameElementCommand(element_id, retyped))
        if data.draw(st.booleans()):
            self._check()
            self._do(RenameElementCommand(element_id, f"Tên riêng {self._new_id()}"))

    # -------------------------------------------------- nesting on the overview
    @precondition(lambda self: self.model.has_view(BIG_VIEW))
    @rule(data=st.data())
    def nest_in_a_band(self, data):
        """Move an element's node into another band of the overview (or out of all)."""
        view = self.model.view(BIG_VIEW)
        nodes = [n.id for n in view.nodes.values() if n.element_id]
        bands = [n.id for n in view.nodes.values() if n.kind == NODE_CONTAINER]
        if not nodes:
            return
        node_id = data.draw(st.sampled_from(nodes))
        self._do(ReparentNodeCommand(view.id, node_id, data.draw(st.sampled_from(
            [None, *bands]))))

    @precondition(lambda self: self.model.has_view(BIG_VIEW))
    @rule(data=st.data(), layer=st.sampled_from(LAYERS))
    def relayer_a_band(self, data, layer):
        """Give a band another layer: every node nested in it is judged again."""
        view = self.model.view(BIG_VIEW)
        bands = [n.id for n in view.nodes.values() if n.kind == NODE_CONTAINER]
        if bands:
            self._do(SetNodeFieldsCommand(view.id, data.draw(st.sampled_from(bands)),
                                          {"layer": layer}))

    @rule(prop=st.sampled_from(MODEL_PROPERTIES))
    def model_property(self, prop):
        self._do(SetPropertyCommand(self.model.id, prop[0], prop[1]))

    @rule(language=st.sampled_from(["vi", "en"]))
    def language(self, language):
        set_language(language)

    @rule()
    def undo(self):
        self.history.undo()

    @rule()
    def redo(self):
        self.history.redo()

    @invariant()
    def incremental_equals_full(self):
        assert self.validator.problems() == validate_model(self.model)

    @invariant()
    def view_indexes_answer_as_a_scan_would(self):
        for view in self.model.views:
            nodes = list(view.nodes.values())
            lines = list(view.connections.values())
            for key in [None, *view.nodes, *view.connections]:
                assert view.children(key) == [n for n in nodes if n.parent == key]
                assert view.connections_of_node(key) == [
                    c for c in lines if key in (c.source, c.target)]
            for element_id in {n.element_id for n in nodes} - {None}:
                assert view.nodes_of_element(element_id) == [
                    n for n in nodes if n.element_id == element_id]
        for concept_id in self._element_ids()[:10]:
            assert self.model.views_showing(concept_id) == [
                v for v in self.model.views
                if any(n.element_id == concept_id for n in v.nodes.values())]

    def teardown(self):
        self.validator.close()
        set_language("vi")


TestIncrementalValidation = ValidationMachine.TestCase
TestIncrementalValidation.settings = settings(
    max_examples=60, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


class _CountingProvider:
    """A rule provider of another kind: it says nothing of what it reads."""

    def __init__(self) -> None:
        self.calls = 0

    def relationship_findings(self, model, source_id, relationship_type, target_id):
        return []

    def model_findings(self, model):
        from egov_modeler.model.problems import Problem, Severity

        self.calls += 1
        return [Problem(Severity.WARNING, "test-names", e.name, (e.id,))
                for e in model.elements if e.name.startswith("Tên cấm")]


def test_other_rule_providers_are_asked_each_time():
    model = build_national_model(40, view_nodes=20)
    validator = IncrementalValidator(model)
    validator.problems()
    provider = _CountingProvider()
    register_rule_provider(provider)
    try:
        model.add_element("ApplicationComponent", "Tên cấm 1", id="id-forbidden")
        problems = validator.problems()
        assert [p.ids for p in problems if p.rule == "test-names"] == [("id-forbidden",)]
        assert problems == validate_model(model)
    finally:
        unregister_rule_provider(provider)
    assert validator.problems() == validate_model(model)


def test_an_unchanged_model_is_not_judged_again():
    model = build_national_model(200)
    validator = IncrementalValidator(model)
    first = validator.problems()
    assert validator.refresh() is False
    assert validator.problems() == first


def test_a_closed_validator_no_longer_listens():
    model = build_national_model(60)
    validator = IncrementalValidator(model)
    validator.problems()
    validator.close()
    model.add_element("ApplicationComponent", "Mới")
    assert not validator._changes


@pytest.mark.parametrize("language", ["vi", "en"])
def test_findings_follow_the_language(language):
    model = build_national_model(300)
    validator = IncrementalValidator(model)
    validator.problems()
    set_language(language)
    try:
        assert validator.problems() == validate_model(model)
    finally:
        set_language("vi")


def test_a_whole_model_run_finds_what_judging_element_by_element_finds():
    """Validation of the whole model gives each element check only the elements it can
    speak of (``Check.candidates``); an edit judges the elements it touched one by one.
    Touching every element must change nothing in the answer."""
    model = build_national_model(1000)
    history = History(model)
    systems = [e for e in model.elements if e.catalog_ref == "l3_httt_gq_tthc"]
    # findings of every element rule: a local copy of the national portal, a one-stop
    # system that does not reach the portal (others do), a district-level name
    history.do(AddElementCommand(Element("id-copy", "ApplicationComponent",
                                         "Cổng dịch vụ công của tỉnh",
                                         properties=[("Phạm vi", "tỉnh")])))
    for rel in model.relationships_of(systems[0].id):
        history.do(UnrelateCommand(rel.id))
    history.do(RenameElementCommand(systems[1].id, "Hệ thống cấp huyện"))
    validator = IncrementalValidator(model)
    whole = validator.problems()
    assert whole == validate_model(model)
    rules = {p.rule for p in whole}
    assert {"FW26-HOSTED", "FW26-MASTER-DATA-SYNC", "FW26-TWO-TIER", "FW26-NO-DUPLICATE",
            "FW26-DVCQG-SYNC"} <= rules, rules
    for element in list(model.elements):  # each judged again on its own
        history.do(SetElementFieldsCommand(element.id, {"documentation": "đã rà soát"}))
    assert validator.problems() == whole
