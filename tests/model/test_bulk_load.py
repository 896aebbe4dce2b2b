"""Readers add a large file's concepts in bulk (Model.load_elements / load_relationships,
issue 19): the model is the one adding them one by one makes, ids are still refused when
used twice, and what cannot be added yet is handed back in order."""

from __future__ import annotations

import pytest

from egov_modeler.model import Model
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.errors import DuplicateIdError


def concepts() -> tuple[list[Element], list[Relationship]]:
    elements = [Element(f"id-e{i}", "ApplicationComponent", f"e{i}") for i in range(4)]
    relationships = [
        Relationship("id-r0", "Flow", "id-e0", "id-e1"),
        Relationship("id-r1", "Flow", "id-e0", "id-e1"),  # a second edge, same ends
        Relationship("id-a0", "Association", "id-e2", "id-r0"),  # ends at a relationship
        Relationship("id-a1", "Association", "id-r0", "id-r1"),  # both ends relationships
        Relationship("id-late", "Association", "id-e3", "id-later"),  # waits
        Relationship("id-later", "Flow", "id-e2", "id-e3"),
        Relationship("id-lost", "Flow", "id-nothing", "id-e3"),  # never
    ]
    return elements, relationships


def one_by_one() -> Model:
    model = Model("m", id="id-m")
    elements, relationships = concepts()
    for element in elements:
        model.load_element(element)
    for rel in [r for r in relationships if r.id not in ("id-late", "id-lost")]:
        model.load_relationship(rel)
    model.load_relationship(relationships[4])
    return model


def test_bulk_loading_makes_the_model_one_by_one_loading_makes():
    model = Model("m", id="id-m")
    elements, relationships = concepts()
    model.load_elements(elements)
    waiting = model.load_relationships(relationships)
    assert [r.id for r in waiting] == ["id-late", "id-lost"]
    assert model.load_relationships(waiting) == [waiting[1]]
    expected = one_by_one()
    assert [r.id for r in model.relationships] == [r.id for r in expected.relationships]
    assert model.element_index == expected.element_index
    for concept in [*model.element_index, *(r.id for r in model.relationships)]:
        assert model.relationships_of(concept) == expected.relationships_of(concept)
        assert model.related_ids(concept) == expected.related_ids(concept)
    assert {r.id for r in model.relationships_of("id-r0")} == {"id-a0", "id-a1"}
    assert not model.has_relationship("id-lost")


@pytest.mark.parametrize("clash", ["id-e0", "id-r0"])
def test_an_id_used_twice_is_refused(clash):
    model = Model("m", id="id-m")
    elements, relationships = concepts()
    model.load_elements(elements)
    model.load_relationships(relationships)
    with pytest.raises(DuplicateIdError):
        model.load_relationships([Relationship(clash, "Flow", "id-e0", "id-e1")])
    with pytest.raises(DuplicateIdError):
        model.load_elements([Element(clash, "Goal")])


def test_listeners_hear_of_each_concept_added_in_bulk():
    model = Model("m", id="id-m")
    heard = []
    model.subscribe(heard.append)
    elements, relationships = concepts()
    model.load_elements(elements)
    model.load_relationships(relationships[:2])
    assert [type(e).__name__ for e in heard] == ["ElementAdded"] * 4 + [
        "RelationshipAdded"] * 2
