"""The three-way model merge: what combines, what is a conflict, what a decision gives."""

from __future__ import annotations

import pytest

from egov_modeler.model.commands import (
    DeleteElementCommand,
    DeleteViewCommand,
    MoveNodeCommand,
    PlaceNodeCommand,
    RemoveNodeCommand,
    RenameElementCommand,
    ReparentNodeCommand,
    RetypeElementCommand,
    SetElementFieldsCommand,
    SetNodeFieldsCommand,
    SetPropertyCommand,
)
from egov_modeler.model.views import Node, Style
from egov_modeler.repository.conflicts import (
    OURS,
    THEIRS,
    ConflictKind,
    UndecidedConflicts,
)
from egov_modeler.repository.integrity import (
    CLEARED_FOLDER_ENTRY,
    REMOVED_BY_RULES,
    REMOVED_MISSING,
    UNNESTED,
)
from tests.helpers.repository import (
    VIEW,
    decide_all,
    errors,
    load_merged,
    merge_edits,
    small_model,
)


@pytest.fixture
def base():
    return small_model()


def test_edits_that_do_not_touch_each_other_all_combine(base):
    def ours(m):
        m.execute(RenameElementCommand("id-portal", "Cổng DVC tỉnh Gia Lai"))
        m.execute(MoveNodeCommand(VIEW, "id-n-lgsp", 230, 60))
        m.execute(SetPropertyCommand("id-db", "Đơn vị chủ quản", "Bộ Công an"))

    def theirs(m):
        m.execute(RenameElementCommand("id-lgsp", "Nền tảng LGSP Gia Lai"))
        m.add_element("ApplicationComponent", "Hệ thống giám sát", id="id-soc")
        m.relate("id-soc", "Serving", "id-lgsp", id="id-soc-lgsp")
        m.execute(SetElementFieldsCommand("id-db", {"names": {"en": "National population DB"}}))
        m.execute(SetNodeFieldsCommand(VIEW, "id-n-onestop", {"style": Style(fill="#ffd966")}))

    merge = merge_edits(base, ours, theirs)
    assert merge.conflicts == []
    model = load_merged(merge.result())
    assert model.element("id-portal").name == "Cổng DVC tỉnh Gia Lai"
    assert model.element("id-lgsp").name == "Nền tảng LGSP Gia Lai"
    assert (model.node(VIEW, "id-n-lgsp").x, model.node(VIEW, "id-n-lgsp").y) == (230, 60)
    assert model.element("id-db").properties == [("Đơn vị chủ quản", "Bộ Công an")]
    assert model.element("id-db").names == {"en": "National population DB"}
    assert model.relationship("id-soc-lgsp").source == "id-soc"
    assert model.node(VIEW, "id-n-onestop").style.fill == "#ffd966"
    assert errors(model) == []


def test_the_same_change_on_both_sides_is_not_a_conflict(base):
    def rename(m):
        m.execute(RenameElementCommand("id-portal", "Cổng DVC"))

    merge = merge_edits(base, rename, rename)
    assert merge.conflicts == []
    assert load_merged(merge.result()).element("id-portal").name == "Cổng DVC"


def test_a_rename_clash_is_one_conflict_and_the_decision_picks_the_name(base):
    merge = merge_edits(
        base, lambda m: m.execute(RenameElementCommand("id-portal", "Cổng A")),
        lambda m: m.execute(RenameElementCommand("id-portal", "Cổng B")))
    [conflict] = merge.conflicts
    assert (conflict.kind, conflict.key, conflict.field) == (
        ConflictKind.BOTH_CHANGED, "id-portal", "name")
    assert (conflict.base, conflict.ours, conflict.theirs) == (
        "Cổng dịch vụ công", "Cổng A", "Cổng B")
    assert load_merged(merge.result({conflict.id: OURS})).element("id-portal").name == "Cổng A"
    assert load_merged(merge.result({conflict.id: THEIRS})).element("id-portal").name == "Cổng B"


def test_properties_and_names_merge_key_by_key(base):
    def ours(m):
        m.execute(SetPropertyCommand("id-lgsp", "Chủ quản", "Sở KH&CN"))
        m.execute(SetPropertyCommand("id-lgsp", "Trạng thái", "Đang vận hành"))
        m.execute(SetElementFieldsCommand("id-lgsp", {"names": {"en": "LGSP"}}))

    def theirs(m):
        m.execute(SetPropertyCommand("id-lgsp", "Vận hành", "Trung tâm dữ liệu"))
        m.execute(SetPropertyCommand("id-lgsp", "Trạng thái", "Nâng cấp"))
        m.execute(SetElementFieldsCommand("id-lgsp", {"names": {"fr": "Plateforme"}}))

    merge = merge_edits(base, ours, theirs)
    [conflict] = merge.conflicts
    assert conflict.field == "properties.Trạng thái"
    model = load_merged(merge.result({conflict.id: THEIRS}))
    assert dict(model.element("id-lgsp").properties) == {
        "Chủ quản": "Sở KH&CN", "Trạng thái": "Nâng cấp", "Vận hành": "Trung tâm dữ liệu"}
    assert model.element("id-lgsp").names == {"en": "LGSP", "fr": "Plateforme"}


def test_a_node_moved_two_ways_is_one_conflict(base):
    merge = merge_edits(base, lambda m: m.execute(MoveNodeCommand(VIEW, "id-n-db", 500, 90)),
                        lambda m: m.execute(MoveNodeCommand(VIEW, "id-n-db", 460, 150)))
    [conflict] = merge.conflicts
    assert conflict.kind is ConflictKind.MOVED_BOTH
    assert (conflict.ours, conflict.theirs) == ([500, 90], [460, 150])
    node = load_merged(merge.result({conflict.id: THEIRS})).node(VIEW, "id-n-db")
    assert (node.x, node.y, node.w, node.h) == (460, 150, 120, 55)


def test_deleting_what_the_other_side_relates_is_one_conflict_at_the_deleted_element(base):
    def ours(m):
        m.execute(DeleteElementCommand("id-db"))  # its relationship, node and line go too

    def theirs(m):
        m.relate("id-onestop", "Flow", "id-db", id="id-onestop-db")

    merge = merge_edits(base, ours, theirs)
    [conflict] = merge.conflicts
    assert conflict.kind is ConflictKind.DELETED_USED
    assert (conflict.key, conflict.deleted_by) == ("id-db", OURS)
    assert [u.key for u in conflict.uses] == ["id-onestop-db"]
    assert set(merge.deleted_with(conflict)) == {"id-lgsp-db", "id-n-db", "id-c-lgsp-db"}
    assert conflict.proposed == THEIRS  # keep it: nobody's work is lost

    kept = load_merged(merge.result({conflict.id: THEIRS}))
    assert kept.has_element("id-db") and kept.has_relationship("id-onestop-db")
    assert kept.has_relationship("id-lgsp-db")  # what was deleted with it comes back
    assert "id-c-lgsp-db" in kept.view(VIEW).connections
    assert errors(kept) == []

    result = merge.result({conflict.id: OURS})
    deleted = load_merged(result)
    assert not deleted.has_element("id-db")
    assert not deleted.has_relationship("id-onestop-db")
    assert [(r.key, r.reason) for r in result.repairs] == [("id-onestop-db", REMOVED_MISSING)]
    assert errors(deleted) == []


def test_deleting_what_the_other_side_renamed_is_a_conflict(base):
    merge = merge_edits(base, lambda m: m.execute(DeleteElementCommand("id-portal")),
                        lambda m: m.execute(RenameElementCommand("id-portal", "Cổng mới")))
    [conflict] = merge.conflicts
    assert conflict.kind is ConflictKind.DELETED_CHANGED
    assert conflict.key == "id-portal"
    assert load_merged(merge.result({conflict.id: THEIRS})).element("id-portal").name == (
        "Cổng mới")
    assert not load_merged(merge.result({conflict.id: OURS})).has_element("id-portal")


def test_a_deleted_view_conflicts_with_a_node_moved_on_it(base):
    merge = merge_edits(base, lambda m: m.execute(DeleteViewCommand(VIEW)),
                        lambda m: m.execute(MoveNodeCommand(VIEW, "id-n-portal", 30, 70)))
    [conflict] = merge.conflicts
    assert (conflict.key, conflict.object_kind, conflict.deleted_by) == (VIEW, "view", OURS)
    assert load_merged(merge.result({conflict.id: OURS})).views == []
    kept = load_merged(merge.result({conflict.id: THEIRS}))
    assert kept.node(VIEW, "id-n-portal").x == 30
    assert len(kept.view(VIEW).nodes) == 5


def test_a_deleted_group_conflicts_with_a_node_placed_in_it(base):
    def ours(m):
        m.execute(RemoveNodeCommand(VIEW, "id-band"))

    def theirs(m):
        m.add_element("ApplicationComponent", "Hệ thống mới", id="id-new")
        m.execute(PlaceNodeCommand(VIEW, Node("id-n-new", 700, 200, 120, 55,
                                              element_id="id-new", parent="id-band")))

    merge = merge_edits(base, ours, theirs)
    [conflict] = merge.conflicts
    assert (conflict.key, conflict.kind) == ("id-band", ConflictKind.DELETED_USED)
    deleted = load_merged(merge.result({conflict.id: OURS}))
    assert deleted.has_element("id-new") and deleted.view(VIEW).nodes == {}


def test_deleting_on_both_sides_is_not_a_conflict(base):
    def delete(m):
        m.execute(DeleteElementCommand("id-db"))

    merge = merge_edits(base, delete, delete)
    assert merge.conflicts == []
    assert not load_merged(merge.result()).has_element("id-db")


def test_a_type_change_conflicts_with_a_relationship_the_new_type_forbids(base):
    base.add_element("ApplicationComponent", "Kho dữ liệu", id="id-store")

    def theirs(m):
        m.relate("id-store", "Serving", "id-lgsp", id="id-store-lgsp")

    merge = merge_edits(base, lambda m: m.execute(RetypeElementCommand("id-store",
                                                                       "DataObject")), theirs)
    [conflict] = merge.conflicts
    assert conflict.kind is ConflictKind.RETYPED_USED
    assert conflict.drops == {OURS: ("id-store-lgsp",), THEIRS: ()}
    kept_type = load_merged(merge.result({conflict.id: THEIRS}))
    assert kept_type.element("id-store").type == "ApplicationComponent"
    assert kept_type.has_relationship("id-store-lgsp")
    assert errors(kept_type) == []
    result = merge.result({conflict.id: OURS})
    new_type = load_merged(result)
    assert new_type.element("id-store").type == "DataObject"
    assert not new_type.has_relationship("id-store-lgsp")
    assert ("id-store-lgsp", REMOVED_BY_RULES) in [(r.key, r.reason) for r in result.repairs]
    assert errors(new_type) == []


def test_two_nodes_nested_in_each_other_are_untangled(base):
    merge = merge_edits(base,
                        lambda m: m.execute(ReparentNodeCommand(VIEW, "id-n-portal", "id-n-lgsp")),
                        lambda m: m.execute(ReparentNodeCommand(VIEW, "id-n-lgsp", "id-n-portal")))
    assert merge.conflicts == []
    result = merge.result()
    model = load_merged(result)
    assert [r.reason for r in result.repairs] == [UNNESTED]
    assert model.node(VIEW, "id-n-portal").parent == "id-n-lgsp"
    assert model.node(VIEW, "id-n-lgsp").parent is None  # the cycle broken at one node


def test_nodes_added_on_both_sides_are_all_drawn(base):
    def place(key):
        def edit(m):
            m.add_element("ApplicationComponent", f"Hệ thống {key}", id=f"id-{key}")
            m.execute(PlaceNodeCommand(VIEW, Node(f"id-n-{key}", 40, 200, 120, 55,
                                                  element_id=f"id-{key}", parent="id-band")))
            m.execute(PlaceNodeCommand(VIEW, Node(f"id-n-{key}-note", 50, 210, 60, 20,
                                                  kind="label", label="ghi chú",
                                                  parent=f"id-n-{key}")))
        return edit

    merge = merge_edits(base, place("a"), place("b"))
    assert merge.conflicts == []
    nodes = load_merged(merge.result()).view(VIEW).nodes
    assert {"id-n-a", "id-n-b", "id-n-a-note", "id-n-b-note"} <= set(nodes)


def test_the_merge_waits_for_every_decision_and_keeps_its_inputs(base):
    merge = merge_edits(
        base, lambda m: m.execute(RenameElementCommand("id-portal", "Cổng A")),
        lambda m: m.execute(RenameElementCommand("id-portal", "Cổng B")))
    with pytest.raises(UndecidedConflicts):
        merge.result({})
    first = load_merged(merge.result(decide_all(merge, THEIRS)))
    again = load_merged(merge.result(decide_all(merge, OURS)))
    assert (first.element("id-portal").name, again.element("id-portal").name) == (
        "Cổng B", "Cổng A")


def test_model_fields_and_folders_merge_too(base):
    from egov_modeler.model.commands import SetModelFieldsCommand
    from egov_modeler.model.concepts import Folder

    base.folders = [Folder("Ứng dụng", id="id-folder-app", refs=["id-portal", "id-lgsp"]),
                    Folder("Quan hệ", refs=["id-portal-lgsp"])]

    def ours(m):
        m.execute(SetPropertyCommand(m.id, "dossier:agency", "ỦY BAN NHÂN DÂN TỈNH GIA LAI"))
        m.folders[0].refs.append("id-db")

    def theirs(m):
        m.execute(SetModelFieldsCommand({"name": "Kiến trúc số tỉnh Gia Lai 2025"}))
        m.folders[0].label = "Ứng dụng cấp tỉnh"
        m.folders[0].refs.insert(0, "id-onestop")
        m.folders[1].refs.remove("id-portal-lgsp")

    merge = merge_edits(base, ours, theirs)
    assert merge.conflicts == []
    model = load_merged(merge.result())
    assert model.name == "Kiến trúc số tỉnh Gia Lai 2025"
    assert model.properties == [("dossier:agency", "ỦY BAN NHÂN DÂN TỈNH GIA LAI")]
    app, rels = model.folders
    assert app.label == "Ứng dụng cấp tỉnh"
    assert app.refs == ["id-onestop", "id-portal", "id-lgsp", "id-db"]
    assert (rels.label, rels.refs) == ("Quan hệ", [])


def test_a_folder_entry_for_what_the_merge_deleted_goes_with_it(base):
    from egov_modeler.model.concepts import Folder

    base.folders = [Folder("Ứng dụng", id="id-folder-app", refs=["id-portal"])]

    def theirs(m):
        m.folders[0].refs.append("id-db")

    merge = merge_edits(base, lambda m: m.execute(DeleteElementCommand("id-db")), theirs)
    assert merge.conflicts == []  # filing something in a folder does not need it kept
    result = merge.result()
    assert [(r.reason, r.ref) for r in result.repairs] == [(CLEARED_FOLDER_ENTRY, "id-db")]
    assert load_merged(result).folders[0].refs == ["id-portal"]
