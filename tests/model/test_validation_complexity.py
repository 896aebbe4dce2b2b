"""Validation stays linear in the model, and an edit is re-checked in steps that do not grow
with the model (issue 19).

Nothing here is timed: validation counts its steps (one per rule judged on a relationship,
element or node, one per relationship followed in a search, one per element, node or
relationship the ArchiMate and upkeep checks look at), and the counts are compared on the
national model of ``tests/helpers/national_model.py`` at 1,000 and 4,000 elements. One LDOP
hub carries a relationship from every system in both, so a check that searched through the
hub once per system would take sixteen times the steps at four times the size.
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
from egov_modeler.model.hygiene import DUPLICATE_NAME_RULE, hygiene_problems
from egov_modeler.model.incremental_validation import IncrementalValidator
from egov_modeler.model.validation import validate_model
from tests.helpers.national_model import build_national_model, unit_eid

SMALL, LARGE = 1000, 4000


def _steps(action) -> int:
    before = WORK.steps
    action()
    return WORK.steps - before


def _model(size: int):
    return build_national_model(size, view_nodes=size // 2)


def _linear(small_steps: int, large_steps: int, small, large) -> bool:
    """Whether the steps grew as the model did (within a fifth either way)."""
    growth = (len(large.elements) + len(large.relationships)) / (
        len(small.elements) + len(small.relationships))
    return 0.8 * growth <= large_steps / small_steps <= 1.2 * growth


def test_full_validation_takes_four_times_the_steps_for_four_times_the_model():
    small, large = _model(SMALL), _model(LARGE)
    assert len(large.relationships) >= 3.8 * len(small.relationships)
    counts = [_steps(lambda: validate_model(small)), _steps(lambda: validate_model(large))]
    assert _linear(*counts, small, large), counts


def _with_duplicates(size: int):
    """The national model with one element in three renamed to one of a few names
    (typed with and without diacritics, in any case): groups of hundreds of duplicates."""
    model = _model(size)
    history = History(model)
    names = ["Hệ thống một cửa", "HE THONG MOT CUA", "Kho dữ liệu", "kho du lieu"]
    for k, element in enumerate(model.elements):
        if k % 3 == 0:
            history.do(RenameElementCommand(element.id, names[k % 4]))
    return model


@pytest.mark.parametrize("build", [_model, _with_duplicates], ids=["national", "duplicates"])
def test_the_upkeep_checks_are_counted_and_linear(build):
    small, large = build(SMALL), build(LARGE)
    counts = [_steps(lambda: hygiene_problems(small)), _steps(lambda: hygiene_problems(large))]
    # each element is looked at by both checks (on a view? its name?)
    assert counts[0] >= 2 * len(small.elements)
    assert _linear(*counts, small, large), counts
    if build is _with_duplicates:
        groups = [p for p in hygiene_problems(large) if p.rule == DUPLICATE_NAME_RULE]
        assert max(len(p.ids) for p in groups) > 100


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
