"""Specs of the model core: elements, relationships, views, events, ids."""

from __future__ import annotations

import pytest

from egov_modeler.model import (
    DuplicateIdError,
    Model,
    ModelError,
    RelationshipNotAllowed,
    UnknownIdError,
    UnknownTypeError,
)
from egov_modeler.model import events as ev
from egov_modeler.model.concepts import Relationship
from egov_modeler.model.ids import is_valid_id
from egov_modeler.model.serialization import model_to_dict
from tests.helpers import connect, place


@pytest.fixture
def model() -> Model:
    return Model("Kiến trúc Chính quyền điện tử tỉnh Gia Lai phiên bản 2.0")


def test_added_element_is_in_the_model_with_a_uuid_id(model):
    portal = model.add_element("ApplicationComponent", "Cổng Dịch vụ công cấp tỉnh",
                               names={"en": "Provincial public service portal"})
    assert model.find_element(portal.id) is portal and model.has_element(portal.id)
    assert portal.id.startswith("id-") and is_valid_id(portal.id)
    assert model.element(portal.id).name_in("en") == "Provincial public service portal"
    assert model.elements == [portal]


def test_relationship_is_kept_by_its_id_and_at_both_ends(model):
    portal = model.add_element("ApplicationComponent", "Cổng DVC tỉnh")
    lgsp = model.add_element("ApplicationComponent", "LGSP tỉnh")
    flow = model.relate(portal.id, "Flow", lgsp.id, name="Đồng bộ hồ sơ")
    assert model.has_relationship(flow.id)
    assert model.related_ids(portal.id) == [lgsp.id]
    assert model.related_ids(lgsp.id) == [portal.id]
    assert model.relationship(flow.id).name == "Đồng bộ hồ sơ"
    assert model.relationships_of(lgsp.id) == [flow]


def test_relate_refuses_what_archimate_forbids_and_leaves_the_model_unchanged(model):
    data = model.add_element("DataObject", "Cơ sở dữ liệu quốc gia về dân cư")
    citizen = model.add_element("BusinessActor", "Người dân")
    before = model_to_dict(model)
    with pytest.raises(RelationshipNotAllowed) as refused:
        model.relate(data.id, "Serving", citizen.id)
    assert refused.value.rule == "archimate"
    assert model_to_dict(model) == before


def test_unknown_types_and_ids_are_refused_with_typed_errors(model):
    with pytest.raises(UnknownTypeError):
        model.add_element("PortalThing", "x")
    a = model.add_element("ApplicationComponent", "A")
    with pytest.raises(ModelError):
        model.relate(a.id, "Flow", "id-missing")
    with pytest.raises(UnknownIdError):
        model.element("id-missing")
    with pytest.raises(DuplicateIdError):
        model.add_element("ApplicationComponent", "B", id=a.id)


def test_association_to_a_relationship_is_allowed(model):
    a = model.add_element("ApplicationComponent", "A")
    b = model.add_element("ApplicationComponent", "B")
    note = model.add_element("BusinessObject", "Văn bản")
    flow = model.relate(a.id, "Flow", b.id)
    assoc = model.relate(note.id, "Association", flow.id)
    assert model.concept_type(assoc.target) == "Flow"
    assert [r.id for r in model.relationships_of(flow.id)] == [assoc.id]


def test_subscribers_receive_past_tense_events(model):
    received = []
    model.subscribe(received.append)
    a = model.add_element("ApplicationComponent", "A")
    view = model.add_view("Sơ đồ khái quát")
    node = place(model, view.id, a.id, 10, 20)
    assert received == [ev.ElementAdded(a.id), ev.ViewAdded(view.id),
                        ev.NodeAdded(view.id, node.id)]


def test_a_failing_subscriber_does_not_stop_the_edit(model):
    def broken(_event):
        raise RuntimeError("boom")

    model.subscribe(broken)
    a = model.add_element("ApplicationComponent", "A")
    assert model.has_element(a.id)


def test_one_element_can_be_placed_on_many_views(model):
    a = model.add_element("ApplicationComponent", "LGSP tỉnh")
    v1, v2 = model.add_view("Tổng thể"), model.add_view("Tích hợp")
    place(model, v1.id, a.id)
    place(model, v2.id, a.id)
    assert model.views_showing(a.id) == [v1, v2]


def test_connection_needs_existing_nodes_and_relationship(model):
    a = model.add_element("ApplicationComponent", "A")
    b = model.add_element("ApplicationComponent", "B")
    rel = model.relate(a.id, "Flow", b.id)
    view = model.add_view("V")
    na = place(model, view.id, a.id)
    with pytest.raises(UnknownIdError):
        connect(model, view.id, rel.id, na.id, "id-nowhere")
    nb = place(model, view.id, b.id, 300)
    conn = connect(model, view.id, rel.id, na.id, nb.id)
    assert view.connections_of_node(nb.id) == [conn]


def test_ends_of_lists_the_other_end_of_each_relationship_of_the_types(model):
    """What the reachability walks read of a platform hub: one entry per relationship of
    the given types, incoming or outgoing, as relationships_of would give."""
    hub = model.add_element("ApplicationComponent", "LGSP")
    one = model.add_element("ApplicationComponent", "Hệ thống A")
    two = model.add_element("DataObject", "Kho dữ liệu")
    for k, (rel_type, source, target) in enumerate([
            ("Flow", one, hub), ("Flow", one, hub),  # twice: listed twice
            ("Serving", hub, one), ("Access", hub, two),
            ("Flow", hub, hub)]):  # to itself: once each way
        model.load_relationship(Relationship(f"id-r{k}", rel_type, source.id, target.id))
    for types in ({"Flow"}, {"Flow", "Serving"}, {"Access", "Serving"}, set()):
        for incoming in (True, False):
            rels = [r for r in model.relationships_of(hub.id) if r.type in types]
            expected = ([r.source for r in rels if r.target == hub.id] if incoming
                        else [r.target for r in rels if r.source == hub.id])
            assert sorted(model.ends_of(hub.id, types, incoming)) == sorted(expected)
    assert sorted(model.ends_of(hub.id, {"Flow"}, incoming=True)) == sorted(
        [one.id, one.id, hub.id])
    assert model.ends_of("id-nowhere", {"Flow"}, incoming=True) == []
