"""Copy and paste of diagram fragments, headless: what a paste adds to the model."""

from __future__ import annotations

import copy
import json

import pytest

from egov_modeler.model import History, Model, ModelError
from egov_modeler.model.paste import (
    FRAGMENT_FORMAT,
    PASTE_STEP,
    copy_fragment,
    fragment_from_json,
    fragment_to_json,
    paste_fragment,
)
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import NODE_CONTAINER, Node
from tests.helpers import connect, place


@pytest.fixture()
def provincial():
    """Portal -> LGSP -> national database, drawn in a band on one view, plus a second,
    empty view with its own band."""
    model = Model("Kiến trúc CQĐT tỉnh Gia Lai")
    overview = model.add_view("Sơ đồ khái quát")
    band = Node("id-band-apps", 0, 0, 900, 300, kind=NODE_CONTAINER, label="Ứng dụng",
                layer="ung_dung")
    model.load_node(overview.id, band)
    portal = model.add_element("ApplicationComponent", "Cổng dịch vụ công tỉnh",
                               catalog_ref="c_cong_dvc_tinh", layer="cong_dich_vu",
                               properties=[("Đơn vị", "Sở TT&TT")])
    lgsp = model.add_element("ApplicationComponent", "LGSP tỉnh", layer="nen_tang")
    db = model.add_element("DataObject", "CSDL quốc gia về dân cư")
    flow = model.relate(portal.id, "Flow", lgsp.id, name="Hồ sơ")
    access = model.relate(lgsp.id, "Access", db.id)
    n_portal = place(model, overview.id, portal.id, 40, 40, parent=band.id)
    n_lgsp = place(model, overview.id, lgsp.id, 300, 40, parent=band.id)
    n_db = place(model, overview.id, db.id, 560, 40, parent=band.id)
    c_flow = connect(model, overview.id, flow.id, n_portal.id, n_lgsp.id)
    connect(model, overview.id, access.id, n_lgsp.id, n_db.id)
    other = model.add_view("Kiến trúc ứng dụng")
    model.load_node(other.id, Node("id-band-other", 0, 400, 900, 300, kind=NODE_CONTAINER,
                                   label="Ứng dụng"))
    return {"model": model, "overview": overview.id, "other": other.id, "band": band.id,
            "portal": portal, "lgsp": lgsp, "db": db, "flow": flow, "access": access,
            "nodes": (n_portal.id, n_lgsp.id, n_db.id), "c_flow": c_flow.id}


def test_copy_takes_nested_nodes_and_the_connections_among_them_only(provincial):
    model = provincial["model"]
    n_portal, n_lgsp, _n_db = provincial["nodes"]
    fragment = copy_fragment(model, provincial["overview"], [n_portal, n_lgsp])
    assert [n.id for n in fragment.nodes] == [n_portal, n_lgsp]
    assert [c.relationship_id for c in fragment.connections] == [provincial["flow"].id]
    assert fragment.names() == ["Cổng dịch vụ công tỉnh", "LGSP tỉnh"]
    # Copying the band takes everything in it.
    whole = copy_fragment(model, provincial["overview"], [provincial["band"]])
    assert len(whole.nodes) == 4 and len(whole.connections) == 2
    assert whole.nodes[0].id == provincial["band"]  # parents first


def test_paste_in_another_view_adds_placements_not_elements(provincial):
    model = provincial["model"]
    history = History(model)
    before = copy.deepcopy(model_to_dict(model))
    fragment = copy_fragment(model, provincial["overview"], provincial["nodes"])
    result = paste_fragment(model, provincial["other"], fragment, at=(450, 550))
    history.do(result.command)
    assert len(model.elements) == 3 and len(model.relationships) == 2
    other = model.view(provincial["other"])
    shown = sorted(n.element_id for n in other.nodes.values() if n.element_id)
    assert shown == sorted(e.id for e in (provincial["portal"], provincial["lgsp"],
                                          provincial["db"]))
    assert sorted(c.relationship_id for c in other.connections.values()) == sorted(
        [provincial["flow"].id, provincial["access"].id])
    # Centred on the paste point and nested in the band under it.
    pasted = [other.nodes[i] for i in result.root_node_ids]
    assert min(n.x for n in pasted) + max(n.x + n.w for n in pasted) == 900
    assert all(n.parent == "id-band-other" for n in pasted)
    history.undo()  # one step undoes it all
    assert model_to_dict(model) == before


def test_paste_in_the_same_view_is_shifted_off_the_originals_each_time(provincial):
    model = provincial["model"]
    view_id = provincial["overview"]
    n_portal = provincial["nodes"][0]
    fragment = copy_fragment(model, view_id, [n_portal])
    first = paste_fragment(model, view_id, fragment)
    model.execute(first.command)
    second = paste_fragment(model, view_id, fragment)
    model.execute(second.command)
    view = model.view(view_id)
    (a,), (b,) = first.root_node_ids, second.root_node_ids
    assert (view.nodes[a].x, view.nodes[a].y) == (40 + PASTE_STEP, 40 + PASTE_STEP)
    assert (view.nodes[b].x, view.nodes[b].y) == (40 + 2 * PASTE_STEP, 40 + 2 * PASTE_STEP)
    assert view.nodes[a].parent == provincial["band"]
    assert len(view.nodes_of_element(provincial["portal"].id)) == 3


def test_paste_as_copy_adds_elements_and_the_relationships_among_them(provincial):
    model = provincial["model"]
    history = History(model)
    before = copy.deepcopy(model_to_dict(model))
    n_portal, n_lgsp, _ = provincial["nodes"]
    fragment = copy_fragment(model, provincial["overview"], [n_portal, n_lgsp])
    result = paste_fragment(model, provincial["overview"], fragment, as_copy=True)
    history.do(result.command)
    assert len(model.elements) == 5 and len(model.relationships) == 3
    portal_copy, lgsp_copy = (model.element(e) for e in result.new_element_ids)
    assert portal_copy.name == "Cổng dịch vụ công tỉnh (bản sao)"
    assert portal_copy.type == "ApplicationComponent"
    assert portal_copy.catalog_ref == "c_cong_dvc_tinh"
    assert portal_copy.layer == "cong_dich_vu"
    assert portal_copy.properties == [("Đơn vị", "Sở TT&TT")]
    (rel_id,) = result.new_relationship_ids
    rel = model.relationship(rel_id)
    assert (rel.type, rel.source, rel.target, rel.name) == (
        "Flow", portal_copy.id, lgsp_copy.id, "Hồ sơ")
    view = model.view(provincial["overview"])
    assert [c for c in view.connections.values() if c.relationship_id == rel_id]
    # The originals are untouched.
    assert model.element(provincial["portal"].id).name == "Cổng dịch vụ công tỉnh"
    history.undo()
    assert model_to_dict(model) == before


def test_a_fragment_from_another_model_pastes_as_copies(provincial):
    source = provincial["model"]
    text = fragment_to_json(copy_fragment(source, provincial["overview"], provincial["nodes"]))
    target = Model("Kiến trúc CQĐT tỉnh Kon Tum")
    view = target.add_view("Sơ đồ")
    before = copy.deepcopy(model_to_dict(target))
    result = paste_fragment(target, view.id, fragment_from_json(text))
    history = History(target)
    history.do(result.command)
    names = sorted(e.name for e in target.elements)
    assert names == ["CSDL quốc gia về dân cư (bản sao)", "Cổng dịch vụ công tỉnh (bản sao)",
                     "LGSP tỉnh (bản sao)"]
    assert not any(source.has_element(e.id) for e in target.elements)
    assert sorted(r.type for r in target.relationships) == ["Access", "Flow"]
    assert len(target.view(view.id).connections) == 2
    history.undo()
    assert model_to_dict(target) == before


def test_an_element_deleted_since_the_copy_comes_back_as_a_copy(provincial):
    from egov_modeler.model.commands import DeleteElementCommand

    model = provincial["model"]
    fragment = copy_fragment(model, provincial["overview"], provincial["nodes"][:2])
    model.execute(DeleteElementCommand(provincial["lgsp"].id))
    result = paste_fragment(model, provincial["other"], fragment)
    model.execute(result.command)
    assert [model.element(e).name for e in result.new_element_ids] == ["LGSP tỉnh (bản sao)"]
    # The portal is shown again (same element); the flow to the copy is a new relationship.
    other = model.view(provincial["other"])
    assert provincial["portal"].id in {n.element_id for n in other.nodes.values()}
    (rel_id,) = result.new_relationship_ids
    assert model.relationship(rel_id).source == provincial["portal"].id


def test_fragment_json_round_trip_and_clear_errors(provincial):
    fragment = copy_fragment(provincial["model"], provincial["overview"], provincial["nodes"])
    text = fragment_to_json(fragment)
    assert json.loads(text)["format"] == FRAGMENT_FORMAT
    assert "Cổng dịch vụ công tỉnh" in text  # readable Vietnamese, not \u escapes
    again = fragment_from_json(text)
    assert [n.id for n in again.nodes] == [n.id for n in fragment.nodes]
    assert again.elements == fragment.elements
    with pytest.raises(ModelError, match="không chứa"):
        fragment_from_json("hello")
    with pytest.raises(ModelError, match="không chứa"):
        fragment_from_json(json.dumps({"format": "something-else"}))
    with pytest.raises(ModelError, match="hỏng"):
        fragment_from_json(json.dumps({"format": FRAGMENT_FORMAT, "version": 1,
                                       "nodes": [{"id": "x"}]}))


def test_a_refused_paste_changes_nothing(provincial):
    """A copied relationship the rules refuse (here edited into an application component
    composed of a data object) refuses the whole paste."""
    from egov_modeler.model import RelationshipNotAllowed

    model = provincial["model"]
    fragment = copy_fragment(model, provincial["overview"], provincial["nodes"])
    access = next(r for r in fragment.relationships if r.type == "Access")
    access.type = "Composition"
    before = copy.deepcopy(model_to_dict(model))
    result = paste_fragment(model, provincial["overview"], fragment, as_copy=True)
    with pytest.raises(RelationshipNotAllowed):
        model.execute(result.command)
    assert model_to_dict(model) == before
