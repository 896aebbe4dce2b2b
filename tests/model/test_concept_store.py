"""The model's own store of concepts (issue 19 replaced a networkx graph with it): the
relationships at each end stay right through any mix of adding and removing, checked
against a networkx multigraph kept beside it; the order is the order added, which is a
file's order for a model read from one."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from egov_modeler.model import History, Model
from egov_modeler.model.commands import DeleteElementCommand
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.storage.native import loads, model_bytes

TYPES = ("Flow", "Serving", "Association")


def three_elements() -> Model:
    model = Model("m", id="id-m")
    model.load_elements(Element(f"id-e{i}", "ApplicationComponent", f"e{i}") for i in range(3))
    return model


def test_relationships_are_listed_in_the_order_added_and_a_file_keeps_it():
    """Not grouped by source as the graph once listed them: a file read and saved again
    keeps its order, and a new relationship goes last."""
    model = three_elements()
    order = [("id-r0", "id-e2", "id-e0"), ("id-r1", "id-e0", "id-e1"),
             ("id-r2", "id-e2", "id-e1"), ("id-r3", "id-e0", "id-e2")]
    model.load_relationships(Relationship(i, "Flow", s, t) for i, s, t in order)
    assert [r.id for r in model.relationships] == ["id-r0", "id-r1", "id-r2", "id-r3"]
    again = loads(model_bytes(model))
    assert [r.id for r in again.relationships] == ["id-r0", "id-r1", "id-r2", "id-r3"]
    assert model_bytes(again) == model_bytes(model)
    assert [r.id for r in model.relationships_of("id-e0")] == ["id-r1", "id-r3", "id-r0"]


def test_a_relationship_from_an_element_to_itself_is_listed_once():
    model = three_elements()
    model.load_relationship(Relationship("id-self", "Flow", "id-e0", "id-e0"))
    model.load_relationship(Relationship("id-out", "Flow", "id-e0", "id-e1"))
    assert [r.id for r in model.relationships_of("id-e0")] == ["id-self", "id-out"]
    assert model.related_ids("id-e0") == ["id-e0", "id-e1"]
    assert model.ends_of("id-e0", {"Flow"}, incoming=True) == ["id-e0"]


def test_a_related_concept_cannot_be_dropped_until_its_relationships_are():
    model = three_elements()
    model.load_relationship(Relationship("id-flow", "Flow", "id-e0", "id-e1"))
    model.load_relationship(Relationship("id-note", "Association", "id-e2", "id-flow"))
    with pytest.raises(ValueError):
        model._drop_element("id-e1")
    with pytest.raises(ValueError):
        model._drop_relationship("id-flow")  # the association still ends at it
    model._drop_relationship("id-note")
    model._drop_relationship("id-flow")
    model._drop_element("id-e1")
    assert model.relationships_of("id-e0") == [] and model.related_ids("id-e2") == []


def test_deleting_an_element_and_undoing_it_gives_back_every_end():
    model = three_elements()
    model.load_relationships([Relationship("id-a", "Flow", "id-e0", "id-e1"),
                              Relationship("id-b", "Serving", "id-e1", "id-e2"),
                              Relationship("id-c", "Association", "id-e2", "id-a")])
    before = {c: {r.id for r in model.relationships_of(c)}
              for c in ("id-e0", "id-e1", "id-e2", "id-a")}
    history = History(model)
    history.do(DeleteElementCommand("id-e1"))
    assert not model.has_relationship("id-a") and model.related_ids("id-e0") == []
    history.undo()
    assert {c: {r.id for r in model.relationships_of(c)} for c in before} == before


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[str, int, int, int]]:
    """Adds and removes of relationships between five elements and the relationships
    made so far (by position), with types drawn from three."""
    return draw(st.lists(st.tuples(st.sampled_from(["add", "add", "drop"]),
                                   st.integers(0, 9), st.integers(0, 9),
                                   st.integers(0, 2)), max_size=40))


@settings(max_examples=150, deadline=None)
@given(edits())
def test_the_ends_agree_with_a_multigraph_kept_beside(steps):
    model = Model("m", id="id-m")
    model.load_elements(Element(f"id-e{i}", "ApplicationComponent", f"e{i}") for i in range(5))
    oracle = nx.MultiDiGraph()
    oracle.add_nodes_from(f"id-e{i}" for i in range(5))
    made = 0
    for action, a, b, kind in steps:
        concepts = [*model.element_index, *(r.id for r in model.relationships)]
        if action == "add":
            rel = Relationship(f"id-r{made}", TYPES[kind], concepts[a % len(concepts)],
                               concepts[b % len(concepts)])
            made += 1
            model.load_relationship(rel)
            oracle.add_edge(rel.source, rel.target, key=rel.id, type=rel.type)
        else:
            free = [r for r in model.relationships if not model.relationships_of(r.id)]
            if free:
                rel = free[a % len(free)]
                model._drop_relationship(rel.id)
                oracle.remove_edge(rel.source, rel.target, key=rel.id)
    for concept in [*model.element_index, *(r.id for r in model.relationships)]:
        out = list(oracle.out_edges(concept, keys=True, data="type")) if (
            concept in oracle) else []
        into = list(oracle.in_edges(concept, keys=True, data="type")) if (
            concept in oracle) else []
        assert {r.id for r in model.relationships_of(concept)} == {
            key for _, _, key, _ in out + into}
        assert sorted(model.related_ids(concept)) == sorted(  # once per direction
            [*{t for _, t, _, _ in out}, *{s for s, _, _, _ in into if s != concept}])
        for types in ({"Flow"}, {"Serving", "Association"}):
            assert sorted(model.ends_of(concept, types, incoming=True)) == sorted(
                s for s, _, _, t in into if t in types)
            assert sorted(model.ends_of(concept, types, incoming=False)) == sorted(
                t for _, t, _, t2 in out if t2 in types)
