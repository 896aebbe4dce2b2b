"""The inventory read from the model: typed fields of the 2025 profile, derived values,
bulk edits as one undo step, duplicates after the merger, the gap analysis between plateaus
and the roadmap."""

from __future__ import annotations

import datetime as dt

import pytest

from egov_modeler.model import serialization as ser
from egov_modeler.model.catalog import profile_catalog
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.history import History
from egov_modeler.model.inventory.duplicates import duplicate_groups
from egov_modeler.model.inventory.edits import set_field_command
from egov_modeler.model.inventory.gaps import (
    ADDED,
    MERGED,
    analyse_gap,
    find_plateau,
    gap_tasks_command,
    plateaus_from_states_command,
)
from egov_modeler.model.inventory.roadmap import Quarter, build_roadmap, parse_quarter
from egov_modeler.model.inventory.rows import Inventory, plateau_members
from egov_modeler.model.inventory.schema import FieldValueError, InventorySchema
from egov_modeler.storage.templates import load_template
from tests.helpers.inventory import inventory_model


@pytest.fixture(scope="module")
def schema() -> InventorySchema:
    return InventorySchema(profile_catalog("vn-digital-2025"))


def test_the_profile_defines_the_issue_s_columns(schema):
    ids = {f.id for f in schema.fields}
    assert {"code", "owner", "operator", "object_kind", "scope_level", "state",
            "handling_option", "legal_basis", "evidence", "security_level", "hosting",
            "year_in_operation", "former_admin_unit", "budget", "funding_source",
            "lead_unit", "start", "deadline", "verification", "progress",
            "completed_on"} <= ids
    assert schema.field("handling_option").applies("WorkPackage")
    assert not schema.field("security_level").applies("ApplicationService")
    assert [f.id for f in schema.common_fields(["Node", "DataObject"])][:3] == [
        "code", "owner", "operator"]


def test_a_choice_is_stored_in_vietnamese_whichever_way_it_is_typed(schema):
    option = schema.field("handling_option")
    for typed in ("Hợp nhất, tổ chức lại", "hop_nhat_to_chuc_lai", "Merge, reorganise",
                  "  hợp nhất,  tổ chức lại "):
        assert option.parse(typed) == "Hợp nhất, tổ chức lại"
    assert option.display("Hợp nhất, tổ chức lại", "en") == "Merge, reorganise"
    with pytest.raises(FieldValueError, match="Gộp lại"):
        option.parse("Gộp lại")
    scope = schema.field("scope_level")
    assert scope.parse("cấp tỉnh") == "tỉnh"
    layers = schema.field("data_layers")
    assert layers.parse("Dữ liệu chủ; Dữ liệu danh mục") == "Dữ liệu chủ; Dữ liệu danh mục"


def test_numbers_money_dates_and_quarters_are_checked(schema):
    year = schema.field("year_in_operation")
    assert year.parse(2019) == "2019" and year.parse(2019.0) == "2019"
    for bad in ("hai nghìn", 1800, "2019.5"):
        with pytest.raises(FieldValueError):
            year.parse(bad)
    budget = schema.field("budget")
    assert budget.parse("1.500.000.000") == budget.parse("1,500,000,000") == "1500000000"
    assert budget.parse(2_000_000) == "2000000"
    with pytest.raises(FieldValueError):
        budget.parse(-5)
    done = schema.field("completed_on")
    assert done.parse("31/12/2026") == done.parse(dt.date(2026, 12, 31)) == "2026-12-31"
    with pytest.raises(FieldValueError):
        done.parse("31/02/2026")
    deadline = schema.field("deadline")
    assert deadline.parse("Quý IV/2026") == "Quý IV/2026"
    with pytest.raises(FieldValueError, match="Quý IV/2026"):
        deadline.parse("cuối năm")


def test_values_the_model_implies_are_shown_when_no_property_says(schema):
    model = load_template("provincial-2026")
    inventory = Inventory(model)
    task = next(e for e in inventory.tasks() if e.name.startswith("Hợp nhất LGSP"))
    assert inventory.value(task, schema.field("lead_unit")) == \
        "Sở Khoa học và Công nghệ tỉnh Gia Lai"  # the agency assigned to it
    portal = next(e for e in model.elements if e.catalog_ref == "l4_cong_dvcqg")
    assert inventory.value(portal, schema.field("object_kind")) == "Nền tảng số"
    database = next(e for e in model.elements if e.type == "DataObject")
    assert inventory.value(database, schema.field("object_kind")) == "Cơ sở dữ liệu"


def test_one_field_of_many_objects_is_one_undo_step(schema):
    model = inventory_model(10, 10, 2)
    before = ser.model_to_dict(model)
    ids = [e.id for e in Inventory(model).objects()][:6]
    history = History(model)
    command = set_field_command(model, ids, schema.field("hosting"), "Government cloud")
    history.do(command)
    inventory = Inventory(model)
    assert {inventory.value(model.element(i), schema.field("hosting")) for i in ids if
            schema.field("hosting").applies(model.element(i).type)} == {"Đám mây Chính phủ"}
    history.undo()
    assert ser.model_to_dict(model) == before
    with pytest.raises(FieldValueError):
        set_field_command(model, ids, schema.field("hosting"), "Trên mây")


def test_duplicates_after_the_merger_are_same_kind_and_function_from_two_units():
    model = load_template("provincial-2026")
    groups = duplicate_groups(Inventory(model))
    names = sorted(sorted(e.name for e in group) for group in groups)
    assert names == [
        ["HTTT giải quyết TTHC tỉnh Bình Định (cũ)", "HTTT giải quyết TTHC tỉnh Gia Lai (cũ)"],
        ["LGSP Bình Định (cũ)", "LGSP Gia Lai (cũ)"],
        ["Trung tâm dữ liệu tỉnh Bình Định (cũ)", "Trung tâm dữ liệu tỉnh Gia Lai (cũ)"]]


def test_without_a_catalog_component_the_name_says_the_function():
    model = inventory_model(50, 0, 0)
    groups = duplicate_groups(Inventory(model))
    assert len(groups) == 4
    for group in groups:
        units = {dict(e.properties)["Đơn vị hành chính cũ"] for e in group}
        assert units == {"tỉnh Gia Lai", "tỉnh Bình Định"}


def _plateau_model():
    """Current: two LGSPs of the former provinces, an old portal to retire, a system kept
    and one to upgrade; target: the merged LGSP, the kept and upgraded systems, a new one."""
    model = inventory_model(0, 0, 0)
    now = Element("p-now", "Plateau", "Hiện trạng")
    target = Element("p-target", "Plateau", "Mục tiêu")

    def obj(key, name, **props):
        element = Element(key, "ApplicationComponent", name, catalog_ref=props.pop("ref", None),
                          properties=list(props.items()))
        model.load_element(element)
        return element

    for plateau in (now, target):
        model.load_element(plateau)
    lgsp_a = obj("lgsp-a", "LGSP Gia Lai (cũ)", ref="l2_ldop_tinh")
    lgsp_b = obj("lgsp-b", "LGSP Bình Định (cũ)", ref="l2_ldop_tinh")
    lgsp = obj("lgsp", "LGSP/LDOP tỉnh Gia Lai", ref="l2_ldop_tinh",
               **{"Cơ quan chủ quản": "Sở Khoa học và Công nghệ tỉnh Gia Lai"})
    old = obj("old", "Cổng cũ", **{"Phương án xử lý": "Thay thế, kết thúc sử dụng"})
    kept = obj("kept", "Hệ thống giữ nguyên", **{"Phương án xử lý": "Tiếp tục sử dụng"})
    upgraded = obj("up", "Hệ thống nâng cấp", **{"Phương án xử lý": "Nâng cấp, mở rộng"})
    new = obj("new", "Trợ lý ảo")
    for member in (lgsp_a, lgsp_b, old, kept, upgraded):
        model.load_relationship(Relationship(f"m-now-{member.id}", "Aggregation", now.id,
                                             member.id))
    for member in (lgsp, kept, upgraded, new):
        model.load_relationship(Relationship(f"m-t-{member.id}", "Aggregation", target.id,
                                             member.id))
    return model


def test_the_gap_analysis_lists_added_removed_changed_and_merged():
    model = _plateau_model()
    analysis = analyse_gap(model, "p-now", "p-target")
    found = {(d.kind, tuple(d.element_ids), d.successor_id, d.handling)
             for d in analysis.differences}
    assert found == {
        ("merged", ("lgsp-a", "lgsp-b"), "lgsp", "Hợp nhất, tổ chức lại"),
        ("removed", ("old",), None, "Thay thế, kết thúc sử dụng"),
        ("changed", ("up",), None, "Nâng cấp, mở rộng"),
        ("added", ("new",), None, "Bổ sung mới"),
    }


def test_each_difference_becomes_a_task_row_in_one_undo_step():
    model = _plateau_model()
    before = ser.model_to_dict(model)
    analysis = analyse_gap(model, "p-now", "p-target")
    history = History(model)
    history.do(gap_tasks_command(model, analysis))
    inventory = Inventory(model)
    tasks = inventory.tasks()
    assert len(tasks) == 4
    merge = next(t for t in tasks if t.name.startswith("Hợp nhất, tổ chức lại"))
    props = dict(merge.properties)
    assert props["Phương án xử lý"] == "Hợp nhất, tổ chức lại"
    assert props["Đơn vị chủ trì"] == "Sở Khoa học và Công nghệ tỉnh Gia Lai"
    assert props["Tiến độ"] == "Chưa bắt đầu"
    assert {o.id for o in inventory.task_objects(merge)} == {"lgsp", "lgsp-a", "lgsp-b"}
    assert merge.names["en"].startswith("Merge, reorganise: ")
    gap = inventory.task_gaps(merge)[0]
    assert {r.target for r in model.relationships_of(gap.id) if r.source == gap.id} == {
        "p-now", "p-target"}
    assert gap_tasks_command(model, analyse_gap(model, "p-now", "p-target")) is None
    history.undo()
    assert ser.model_to_dict(model) == before


def test_the_template_s_gaps_are_already_handled_by_its_tasks():
    model = load_template("provincial-2026")
    source = find_plateau(model, "Hiện trạng 2025 (sau hợp nhất)")
    target = find_plateau(model, "mục tiêu 2026")
    analysis = analyse_gap(model, source.id, target.id)
    assert [d.kind for d in analysis.differences].count(MERGED) == 3
    assert [d.kind for d in analysis.differences].count(ADDED) == 1
    assert gap_tasks_command(model, analysis) is None


def test_plateaus_follow_the_current_target_column():
    model = inventory_model(20, 0, 0)
    history = History(model)
    history.do(plateaus_from_states_command(model))
    inventory = Inventory(model)
    spec = inventory.schema.field("state")
    now, target = find_plateau(model, "Hiện trạng"), find_plateau(model, "Mục tiêu")
    assert find_plateau(model, "Chuyển tiếp") is not None
    for element in inventory.objects():
        state = inventory.value(element, spec)
        assert (element.id in plateau_members(model, now.id)) == ("Hiện trạng" in state)
        assert (element.id in plateau_members(model, target.id)) == ("mục tiêu" in state.lower())
    assert plateaus_from_states_command(model) is None


def test_quarters_are_read_as_architects_write_them():
    assert parse_quarter("Quý IV/2026") == Quarter(2026, 4)
    assert parse_quarter("Q2 2027") == Quarter(2027, 2)
    assert parse_quarter("2026") == Quarter(2026, 1)
    assert parse_quarter("2026", end=True) == Quarter(2026, 4)
    assert parse_quarter("cuối năm") is None
    assert Quarter(2026, 4).next() == Quarter(2027, 1)


def test_the_roadmap_groups_by_lead_unit_and_totals_the_budget():
    model = inventory_model(10, 0, 30)
    roadmap = build_roadmap(Inventory(model))
    assert len(roadmap.tasks) == 30
    for unit, tasks in roadmap.units:
        assert {t.lead_unit for t in tasks} == {unit}
        assert [t.start for t in tasks] == sorted(t.start for t in tasks)
    assert roadmap.quarters[0] == Quarter(2026, 1) and roadmap.quarters[-1] == Quarter(2029, 4)
    expected: dict = {}
    for task in Inventory(model).tasks():
        props = dict(task.properties)
        year = int(props["Thời hạn"][-4:])
        key = (year, props["Nguồn vốn"])
        expected[key] = expected.get(key, 0) + int(props["Kinh phí"])
    assert roadmap.totals == expected
    assert roadmap.total() == sum(expected.values())
