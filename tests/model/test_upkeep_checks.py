"""The upkeep checks of validation (elements on no view, duplicate names), accepted
warnings kept as model properties, and the types an element may be changed to."""

from __future__ import annotations

import pytest

from egov_modeler.model import History, Model
from egov_modeler.model.accepted import (
    ACCEPTED_KEY,
    accept_command,
    accepted_reason,
    reopen_command,
    split_accepted,
)
from egov_modeler.model.hygiene import DUPLICATE_NAME_RULE, UNUSED_ELEMENT_RULE
from egov_modeler.model.problems import Problem, Severity
from egov_modeler.model.retype import no_retype_reason, retype_options
from egov_modeler.model.validation import validate_model
from egov_modeler.model.views import Node


@pytest.fixture
def model() -> Model:
    model = Model("Tỉnh")
    model.add_element("ApplicationComponent", "Cổng Dịch vụ công", id="id-a")
    model.add_element("ApplicationComponent", "cong dich  vu CONG", id="id-b")
    model.add_element("BusinessService", "Cổng dịch vụ công", id="id-c")
    model.add_element("AndJunction", "", id="id-j")
    view = model.add_view("Sơ đồ", id="id-view")
    model.load_node(view.id, Node("id-n", 0, 0, 120, 55, element_id="id-a"))
    return model


def by_rule(problems: list[Problem], rule: str) -> list[Problem]:
    return [p for p in problems if p.rule == rule]


def test_elements_on_no_view_are_warned_about_but_junctions_are_not(model):
    unused = by_rule(validate_model(model), UNUSED_ELEMENT_RULE)
    assert [(p.severity, p.ids) for p in unused] == [
        (Severity.WARNING, ("id-b",)), (Severity.WARNING, ("id-c",))]
    assert "cong dich  vu CONG" in unused[0].message


def test_a_model_without_views_is_not_judged_for_unused_elements():
    model = Model("Kho")
    model.add_element("ApplicationComponent", "Hệ thống", id="id-x")
    assert by_rule(validate_model(model), UNUSED_ELEMENT_RULE) == []


def test_same_type_and_same_folded_name_is_a_duplicate(model):
    (duplicate,) = by_rule(validate_model(model), DUPLICATE_NAME_RULE)
    assert duplicate.severity == Severity.WARNING
    assert duplicate.ids == ("id-a", "id-b")  # the service of another type is not counted
    assert "Cổng Dịch vụ công" in duplicate.message and "2" in duplicate.message


def test_an_accepted_warning_is_kept_with_its_reason_and_can_be_reopened(model):
    history = History(model)
    (warning,) = by_rule(validate_model(model), DUPLICATE_NAME_RULE)
    history.do(accept_command(model, warning, "Hai huyện,\n hai hệ thống riêng"))
    assert accepted_reason(model, warning) == "Hai huyện, hai hệ thống riêng"
    assert (ACCEPTED_KEY, f"{DUPLICATE_NAME_RULE} | id-a id-b | Hai huyện, hai hệ thống "
            "riêng") in model.properties
    open_problems, accepted = split_accepted(model, validate_model(model))
    assert warning not in open_problems and accepted == [(warning, "Hai huyện, hai hệ thống "
                                                                   "riêng")]
    # Accepting again replaces the reason rather than adding a second entry.
    history.do(accept_command(model, warning, "Lý do mới"))
    assert [k for k, _ in model.properties].count(ACCEPTED_KEY) == 1
    history.do(reopen_command(model, warning))
    assert accepted_reason(model, warning) is None
    for _ in range(3):
        history.undo()
    assert ACCEPTED_KEY not in dict(model.properties)


def test_an_accepted_warning_stays_accepted_after_save_and_reopen(tmp_path):
    """A warning lists its ids in the model's order; a reopened model has the file's order
    (sorted by id), so the acceptance must not depend on it."""
    from egov_modeler.storage.native import load, save

    model = Model("Tỉnh")
    model.add_element("ApplicationComponent", "Hệ thống một cửa", id="id-z")
    model.add_element("ApplicationComponent", "He thong mot cua", id="id-a")
    (warning,) = by_rule(validate_model(model), DUPLICATE_NAME_RULE)
    assert warning.ids == ("id-z", "id-a")
    model.execute(accept_command(model, warning, "Hai đơn vị, hai hệ thống"))
    save(model, tmp_path / "tinh.egov")
    reopened = load(tmp_path / "tinh.egov")
    (again,) = by_rule(validate_model(reopened), DUPLICATE_NAME_RULE)
    assert again.ids == ("id-a", "id-z")
    open_problems, accepted = split_accepted(reopened, validate_model(reopened))
    assert again not in open_problems
    assert accepted == [(again, "Hai đơn vị, hai hệ thống")]


def test_errors_cannot_be_accepted_and_a_reason_is_required(model):
    error = Problem(Severity.ERROR, "archimate", "x", ("id-a",))
    with pytest.raises(ValueError):
        accept_command(model, error, "vì")
    warning = Problem(Severity.WARNING, "r", "x", ("id-a",))
    with pytest.raises(ValueError):
        accept_command(model, warning, "   ")


def test_a_hand_edited_property_that_is_not_an_acceptance_is_ignored(model):
    model.properties.append((ACCEPTED_KEY, "no separators here"))
    problems = validate_model(model)
    assert split_accepted(model, problems) == (problems, [])


def test_change_type_offers_only_types_the_relationships_allow():
    model = Model("M")
    model.add_element("BusinessActor", "Người dân", id="id-actor")
    model.add_element("BusinessRole", "Vai trò", id="id-role")
    model.relate("id-actor", "Assignment", "id-role")
    options = retype_options(model, "id-actor")
    assert "BusinessActor" not in options and "AndJunction" not in options
    assert "BusinessCollaboration" in options  # may be assigned to a role too
    assert "ApplicationComponent" not in options  # an application is not assigned to a role
    assert retype_options(model, "id-actor")[0] != "id-actor"


def test_with_no_type_left_the_reason_says_so():
    model = Model("M")
    model.add_element("Grouping", "Nhóm năng lực", id="id-g")
    model.add_element("Resource", "Nguồn lực", id="id-r")
    model.add_element("Capability", "Năng lực", id="id-c")
    model.relate("id-g", "Specialization", "id-r")
    model.relate("id-g", "Specialization", "id-c")
    assert retype_options(model, "id-g") == []
    reason = no_retype_reason(model, "id-g")
    assert "Nhóm năng lực" in reason and "2" in reason
