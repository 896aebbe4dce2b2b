"""Two units, a 5,000-element model, a week of edits each: every edit that does not clash
is kept, and exactly the three clashes are reported (one rename, two deletions the other
unit still uses). Through the merge itself, and through two clones of a shared folder."""

from __future__ import annotations

import pytest

from egov_modeler.model import serialization as ser
from egov_modeler.repository import remote
from egov_modeler.repository.conflicts import OURS, THEIRS, ConflictKind
from egov_modeler.repository.pull import PullState
from egov_modeler.repository.three_way import merge_models
from egov_modeler.storage import native
from tests.helpers.large_model import (
    CLASH,
    DELETED_BY_A,
    DELETED_BY_B,
    ELEMENTS,
    RENAME_A,
    RENAME_B,
    USE_BY_A,
    USE_BY_B,
    Expected,
    build_large_model,
    edit_as_unit_a,
    edit_as_unit_b,
)
from tests.helpers.repository import UNIT_A, UNIT_B, copy_model, errors, load_merged


@pytest.fixture(scope="module")
def large():
    return build_large_model()


def assert_every_edit_kept(model, expected: Expected) -> None:
    assert expected.edits == 13
    for element_id, name in expected.names.items():
        assert model.element(element_id).name == name
    for element_id in expected.elements:
        assert model.has_element(element_id)
    for relationship_id in expected.relationships:
        assert model.has_relationship(relationship_id)
    for relationship_id in expected.relationships_gone:
        assert not model.has_relationship(relationship_id)
    for (view_id, node_id), (x, y) in expected.positions.items():
        node = model.node(view_id, node_id)
        assert (node.x, node.y) == (x, y)
    for (view_id, node_id), (w, h) in expected.sizes.items():
        node = model.node(view_id, node_id)
        assert (node.w, node.h) == (w, h)
    for (view_id, node_id), fill in expected.fills.items():
        assert model.node(view_id, node_id).style.fill == fill
    for element_id, (key, value) in expected.properties.items():
        assert (key, value) in model.element(element_id).properties
    for element_id, english in expected.english.items():
        assert model.element(element_id).names["en"] == english
    for element_id, text in expected.documentation.items():
        assert model.element(element_id).documentation == text
    for view_id in expected.views:
        assert len(model.view(view_id).nodes) == 3


def test_a_week_of_edits_by_two_units_merges_exactly(large):
    assert len(large.elements) == ELEMENTS
    ours, theirs, expected = copy_model(large), copy_model(large), Expected()
    edit_as_unit_a(ours, expected)
    edit_as_unit_b(theirs, expected)
    merge = merge_models(ser.model_to_dict(large), ser.model_to_dict(ours),
                         ser.model_to_dict(theirs))
    found = sorted((c.kind, c.key, c.field, c.deleted_by) for c in merge.conflicts)
    assert found == sorted([
        (ConflictKind.BOTH_CHANGED, CLASH, "name", None),
        (ConflictKind.DELETED_USED, DELETED_BY_A, None, OURS),
        (ConflictKind.DELETED_USED, DELETED_BY_B, None, THEIRS),
    ])

    proposed = merge.result()
    model = load_merged(proposed)  # 0 objects skipped
    assert proposed.repairs == []
    assert_every_edit_kept(model, expected)
    assert model.element(CLASH).name == RENAME_A
    assert model.has_relationship(USE_BY_A) and model.has_relationship(USE_BY_B)
    assert errors(model) == []

    deciding = {c.id: (THEIRS if c.kind is ConflictKind.BOTH_CHANGED else c.deleted_by)
                for c in merge.conflicts}  # their name, and both deletions go ahead
    decided = merge.result(deciding)
    model = load_merged(decided)
    assert_every_edit_kept(model, expected)
    assert model.element(CLASH).name == RENAME_B
    assert not model.has_element(DELETED_BY_A) and not model.has_element(DELETED_BY_B)
    assert sorted(r.key for r in decided.repairs) == sorted([USE_BY_A, USE_BY_B])
    assert errors(model) == []


def test_the_same_week_through_two_clones_of_a_shared_folder(large, tmp_path):
    first = tmp_path / "a" / "kien-truc.egov"
    first.parent.mkdir()
    native.save(large, first)
    (tmp_path / "chung").mkdir()
    expected = Expected()
    shared = str(tmp_path / "chung" / "kien-truc.git")
    from egov_modeler.repository.store import ModelRepository

    with ModelRepository.init(first, UNIT_A) as a:
        remote.push(a, shared)
        with remote.clone(shared, tmp_path / "b", UNIT_B) as b:
            model = native.load(a.model_file)
            edit_as_unit_a(model, expected)
            native.save(model, a.model_file)
            a.commit("Sở KH&CN: cập nhật tuần 12")
            remote.push(a)
            model = native.load(b.model_file)
            edit_as_unit_b(model, expected)
            native.save(model, b.model_file)
            b.commit("Trung tâm dữ liệu: cập nhật tuần 12")

            result = remote.pull(b)
            assert result.state is PullState.CONFLICTS and result.pending is not None
            assert len(result.pending.conflicts) == 3
            done = result.pending.complete(result.pending.merge.proposed_decisions())
            assert done.state is PullState.MERGED
            merged = native.load(b.model_file)
            assert merged.load_report == []
            assert_every_edit_kept(merged, expected)
            assert merged.element(CLASH).name == RENAME_B  # for B, its own name is "ours"
            assert errors(merged) == []
            remote.push(b)
            assert remote.pull(a).state is PullState.FAST_FORWARD
            assert a.model_file.read_bytes() == b.model_file.read_bytes()
