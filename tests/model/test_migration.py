"""Migrating 2.0 models to the 2025 profile: both 2.0 templates and a hand-made model."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

import egov_modeler
from egov_modeler.model import Model
from egov_modeler.model.catalog import (
    add_user_catalog,
    catalog_for,
    clear_user_catalogs,
    element_from_component,
    load_builtin_profile,
    profile_catalog,
)
from egov_modeler.model.commands import (
    AddElementCommand,
    CreateViewCommand,
    PlaceNodeCommand,
    RelateCommand,
    command_from_dict,
)
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.migration import (
    PROP_OLD_COMPONENT,
    MigrationError,
    migrate,
    plan_migration,
)
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Node, View
from egov_modeler.storage.templates import load_template

TODAY = dt.date(2026, 11, 29)
V25 = "vn-digital-2025"


@pytest.fixture(autouse=True)
def _builtin_only():
    clear_user_catalogs()
    yield
    clear_user_catalogs()


def _problem_keys(model: Model) -> set[tuple[str, tuple[str, ...]]]:
    return {(p.rule, p.ids) for p in egov_modeler.validate(model)}


def _decision_keys(report) -> set[tuple[str, tuple[str, ...]]]:
    keys = set()
    for entry in report.decisions:
        rule = entry.message.split(":", 1)[0]
        keys.add((rule, entry.ids))
    return keys


@pytest.mark.parametrize("name", ["provincial-2020", "national-2019"])
def test_a_2_0_template_migrates_to_a_model_whose_only_problems_are_the_flagged_items(name):
    model = load_template(name)
    before = model_to_dict(model)
    plan = plan_migration(model, V25, today=TODAY)
    assert model_to_dict(model) == before  # planning changes nothing
    model.execute(plan.command)
    problems = _problem_keys(model)
    assert problems <= _decision_keys(plan.report)
    assert not [p for p in egov_modeler.validate(model) if p.severity.value == "error"]
    # nothing deleted: every element and relationship is still there, with its id
    assert [e["id"] for e in model_to_dict(model)["elements"]] == [
        e["id"] for e in before["elements"]]
    assert [r["id"] for r in model_to_dict(model)["relationships"]] == [
        r["id"] for r in before["relationships"]]


def test_migrating_provincial_2020_flags_the_district_items_and_renames_the_department():
    model = load_template("provincial-2020")
    report = migrate(model, V25, today=TODAY)
    assert dict(model.properties)["profile"] == V25
    assert catalog_for(model).profile.id == V25
    district = [e for e in model.elements if dict(e.properties).get(PROP_OLD_COMPONENT)]
    assert sorted(e.name for e in district) == ["Bộ phận Một cửa cấp huyện",
                                                "Hội nghị trực tuyến: điểm cầu huyện"]
    assert all(e.catalog_ref is None for e in district)
    flagged = {i for entry in report.decisions for i in entry.ids}
    assert {e.id for e in district} <= flagged
    names = {e.name for e in model.elements}
    assert "Sở Khoa học và Công nghệ tỉnh Gia Lai" in names
    assert "Cán bộ, công chức, viên chức tỉnh, xã" in names  # "huyện, " dropped by name
    assert not any("Thông tin và Truyền thông" in value for _k, value in model.properties)
    assert model.metadata["creator"] == "Sở Khoa học và Công nghệ tỉnh Gia Lai"
    # the one-stop system and the provincial portal now are one kind: a decision to take
    merge = [e for e in report.decisions if e.kind == "merge"]
    assert len(merge) == 1 and "Cổng Dịch vụ công tỉnh Gia Lai" in merge[0].message
    # the report lists every change
    assert any("dossier:prepared_by" in e.message for e in report.changes)
    assert "Migrated from vn-egov-2.0" not in model.documentation  # in the model's language
    assert "Chuyển từ vn-egov-2.0 sang vn-digital-2025" in model.documentation


def test_nodes_move_into_the_new_bands_keeping_their_order():
    model = load_template("provincial-2020")
    view = model.views[0]
    old_security = [view.nodes[n.id] for n in view.nodes.values()
                    if n.parent and view.nodes[n.parent].layer == "an_toan_thong_tin"]
    security_order = [n.id for n in sorted(old_security, key=lambda n: n.y)]
    old_apps_row = sorted((n for n in view.nodes.values() if n.kind == "element"
                           and n.parent and view.nodes[n.parent].layer == "ung_dung_csdl"
                           and model.element(n.element_id).type == "ApplicationComponent"),
                          key=lambda n: (n.y, n.x))
    migrate(model, V25, today=TODAY)
    view = model.views[0]
    bands = {n.layer: n for n in view.nodes.values() if n.kind == "container" and n.layer}
    catalog = load_builtin_profile(V25)
    stack = [bands[layer.id] for layer in catalog.layers
             if layer.kind == "overview" and not layer.cross_cutting]
    assert [b.y for b in stack] == sorted(b.y for b in stack)  # users on top, layer 1 last
    assert "an_toan_thong_tin" not in bands and "cong_dich_vu" not in bands  # merged away
    for node in view.nodes.values():
        if node.kind == "element" and node.parent:
            band = view.nodes[node.parent]
            assert band.layer == model.element(node.element_id).layer
            assert band.x <= node.x and node.x + node.w <= band.x + band.w
            assert band.y < node.y and node.y + node.h <= band.y + band.h
    # the security elements are in layer 1 now, left to right in their old top-down order
    moved = sorted((view.nodes[i] for i in security_order), key=lambda n: n.x)
    assert [n.id for n in moved] == security_order
    assert all(view.nodes[i].parent == bands["l1_ha_tang_so_anm"].id for i in security_order)
    # an old row keeps its left-to-right order
    first_row = [n.id for n in old_apps_row if n.y == old_apps_row[0].y]
    assert [n.id for n in sorted((view.nodes[i] for i in first_row), key=lambda n: n.x)] == (
        first_row)
    elements = [n for n in view.nodes.values() if n.kind == "element"]
    for i, a in enumerate(elements):
        for b in elements[i + 1:]:
            assert (a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y
                    or b.y + b.h <= a.y), (a.id, b.id)


def test_the_migration_is_one_undoable_step_that_replays_from_the_journal():
    model = load_template("provincial-2020")
    before = model_to_dict(model)
    plan = plan_migration(model, V25, today=TODAY)
    replay = copy.deepcopy(model)
    model.execute(plan.command)
    after = model_to_dict(model)
    assert after != before
    plan.command.revert(model)
    assert model_to_dict(model) == before  # undo gives the 2.0 model back exactly
    plan.command.apply(model)
    assert model_to_dict(model) == after  # and redo the migrated one
    # the journal stores commands as dicts: the migration replays from its dict form
    replayed = command_from_dict(json.loads(json.dumps(plan.command.to_dict())))
    replayed.apply(replay)
    assert model_to_dict(replay) == after


def _hand_made() -> tuple[Model, dict[str, str]]:
    """A 2.0 model as an architect drew it: renamed components, an owner typed by hand,
    an element of no catalog, a BRM item, a province's own component, two bands."""
    catalog = profile_catalog("vn-egov-2.0")  # with the province's own catalog
    model = Model("Kiến trúc CQĐT tỉnh X")
    ids = {}

    def add(key, component=None, **fields):
        if component:
            element = element_from_component(component, id=f"id-{key}", catalog=catalog)
            for name, value in fields.items():
                setattr(element, name, value)
        else:
            element = Element(f"id-{key}", **fields)
        model.execute(AddElementCommand(element))
        ids[key] = element.id
        return element

    add("portal", "c_cong_dvc_tinh", name="Cổng Dịch vụ công tỉnh X")
    add("web", "k_web")
    lgsp = add("lgsp", "i_lgsp_tinh")
    lgsp.properties = [(k, "Sở Thông tin và Truyền thông tỉnh X" if k == "Cơ quan chủ quản"
                        else v) for k, v in lgsp.properties]
    lgsp.properties.append(("Cơ quan chủ quản", "Sở Thông tin và Truyền thông tỉnh X"))
    add("db", type="DataObject", name="CSDL đất đai tỉnh X", layer="ung_dung_csdl")
    add("brm", "brm_root")
    add("dept", type="BusinessActor", name="Sở Thông tin và Truyền thông tỉnh X",
        layer="chi_dao_chinh_sach")
    add("own", "gl_mot_cua")
    model.execute(RelateCommand(Relationship("id-r1", "Serving", ids["portal"], ids["web"])))
    view = View("id-v", "Sơ đồ")
    model.execute(CreateViewCommand(view))
    for band_id, layer, y in (("id-b-channels", "kenh_giao_tiep", 0),
                              ("id-b-portals", "cong_dich_vu", 200),
                              ("id-b-apps", "ung_dung_csdl", 400)):
        model.execute(PlaceNodeCommand(view.id, Node(band_id, 0, y, 1000, 180,
                                                     kind="container", layer=layer)))
    for node_id, key, band, x in (("id-n-web", "web", "id-b-channels", 20),
                                  ("id-n-portal", "portal", "id-b-portals", 300),
                                  ("id-n-db", "db", "id-b-apps", 20),
                                  ("id-n-own", "own", "id-b-apps", 300)):
        y = {"id-b-channels": 40, "id-b-portals": 240, "id-b-apps": 440}[band]
        model.execute(PlaceNodeCommand(view.id, Node(node_id, x, y, 160, 70,
                                                     element_id=ids[key], parent=band)))
    return model, ids


def test_a_hand_made_model_keeps_the_users_names_and_values(tmp_path):
    path = tmp_path / "tinh-x.json"
    path.write_text(json.dumps({
        "format": "egov-modeler-catalog", "format_version": 1,
        "components": [{"id": "gl_mot_cua", "name_vi": "Một cửa tỉnh X",
                        "name_en": "X one-stop", "layer": "ung_dung_csdl",
                        "archimate_type": "ApplicationComponent",
                        "parent": "a_mot_cua_dien_tu"}]}, ensure_ascii=False),
        encoding="utf-8")
    add_user_catalog(path)
    model, ids = _hand_made()
    report = migrate(model, V25, today=TODAY)
    portal = model.element(ids["portal"])
    assert portal.name == "Cổng Dịch vụ công tỉnh X"  # the user's name stays
    assert portal.catalog_ref == "l3_httt_gq_tthc"
    web = model.element(ids["web"])
    assert web.name == "Ứng dụng web, trình duyệt"  # still the catalog's name: follows it
    owners = [v for k, v in model.element(ids["lgsp"]).properties if k == "Cơ quan chủ quản"]
    assert owners and all(v == "Sở Khoa học và Công nghệ tỉnh X" for v in owners)
    assert model.element(ids["db"]).layer == "l2_du_lieu_nen_tang"  # DataObject: layer 2
    brm = model.element(ids["brm"])
    assert brm.catalog_ref is None and dict(brm.properties)[PROP_OLD_COMPONENT] == "brm_root"
    assert any(ids["brm"] in e.ids for e in report.decisions)
    assert model.element(ids["dept"]).name == "Sở Khoa học và Công nghệ tỉnh X"
    assert model.element(ids["dept"]).layer == "quan_tri_the_che"
    own = model.element(ids["own"])  # a province's component: through its catalog parent
    assert own.catalog_ref == "l3_httt_gq_tthc"
    view = model.views[0]
    bands = [n for n in view.nodes.values() if n.kind == "container"]
    assert {b.layer for b in bands} == {"l4_kenh_do_luong", "l3_ung_dung_nghiep_vu",
                                       "l2_du_lieu_nen_tang"}
    assert view.nodes["id-n-portal"].parent == view.nodes["id-n-own"].parent  # both layer 3
    assert view.nodes[view.nodes["id-n-db"].parent].layer == "l2_du_lieu_nen_tang"
    assert model.has_relationship("id-r1")


def test_a_model_already_under_the_profile_or_without_a_mapping_is_refused():
    with pytest.raises(MigrationError, match="vn-digital-2025"):
        plan_migration(load_template("provincial-2026"), V25)
    with pytest.raises(MigrationError, match="không có bảng chuyển đổi"):
        plan_migration(load_template("provincial-2026"), "vn-egov-2.0")


def test_the_report_becomes_problems_for_the_problems_panel():
    plan = plan_migration(load_template("provincial-2020"), V25, today=TODAY)
    problems = plan.report.problems()
    assert len(problems) == len(plan.report.decisions) > 0
    assert {p.rule for p in problems} == {"migration"}
    text = plan.report.as_text()
    assert "Cần quyết định" in text and "Bộ phận Một cửa cấp huyện" in text
