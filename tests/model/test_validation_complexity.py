"""Validation stays linear in the model, and an edit is re-checked in steps that do not grow
with the model (issue 19).

Nothing here is timed: the framework checks count their steps (one per rule judged on a
relationship, element or node, one per relationship followed in a search), and the counts
are compared on the national model of ``tests/helpers/national_model.py`` at two sizes.
One LDOP hub carries a relationship from every system in both, so a check that searched
through the hub once per system would take four times the steps at twice the size.
"""

from __future__ import annotations

import pytest

from egov_modeler.model import History
from egov_modeler.model.commands import (
    AddElementCommand,
    DeleteElementCommand,
    RelateCommand,
    RenameElementCommand,
    SetPropertyCommand,
    UnrelateCommand,
)
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.framework_rules.work import WORK
from egov_modeler.model.incremental_validation import IncrementalValidator
from egov_modeler.model.validation import validate_model
from tests.helpers.national_model import build_national_model, unit_eid

SMALL, LARGE = 2000, 4000


def _steps(action) -> int:
    before = WORK.steps
    action()
    return WORK.steps - before


def _model(size: int):
    return build_national_model(size, view_nodes=size // 2)


def test_full_validation_takes_twice_the_steps_for_twice_the_model():
    small, large = _model(SMALL), _model(LARGE)
    assert len(large.relationships) >= 1.9 * len(small.relationships)
    ratio = _steps(lambda: validate_model(large)) / _steps(lambda: validate_model(small))
    assert 1.6 <= ratio <= 2.4


def _systems(model):
    return [e.id for e in model.elements if e.catalog_ref == "l3_chuyen_nganh"]


EDITS = {
    "rename a system": lambda m, s: RenameElementCommand(s[3], "Hệ thống đổi tên"),
    "set a system's scope": lambda m, s: SetPropertyCommand(s[4], "Phạm vi", "huyện"),
    "add a system": lambda m, s: AddElementCommand(Element(
        "id-new", "ApplicationComponent", "Hệ thống mới", catalog_ref="l3_httt_gq_tthc")),
    "relate a system to the hub": lambda m, s: RelateCommand(Relationship(
        "id-new-flow", "Flow", s[5], unit_eid(0, "hub"))),
    "remove a system's link to the hub": lambda m, s: UnrelateCommand(next(
        r.id for r in m.relationships_of(s[6]) if r.target == unit_eid(0, "hub"))),
    "delete a system": lambda m, s: DeleteElementCommand(s[7]),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_is_rechecked_in_steps_that_do_not_grow_with_the_model(edit):
    counts = []
    for size in (SMALL, LARGE):
        model = _model(size)
        validator = IncrementalValidator(model)
        validator.problems()
        History(model).do(EDITS[edit](model, _systems(model)))
        counts.append(_steps(validator.problems))
        assert validator.problems() == validate_model(model)
    assert counts[1] <= counts[0] * 1.2 + 10, counts
