"""The window's side of profiles, widget by widget (the window wires them): the palette
follows the model's profile and says where each component comes from, the Properties panel
names the English type, File > New asks for profile and template, a 2.0 file is offered
migration once, migration is one undo step, the status bar names the profile."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from egov_modeler.model import Model
from egov_modeler.model.catalog import (
    catalog_for,
    clear_user_catalogs,
    element_from_component,
    profile_catalog,
)
from egov_modeler.model.commands import AddElementCommand, PlaceNodeCommand
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Node
from egov_modeler.storage.templates import load_template
from egov_modeler.ui.dialogs.migration import (
    MigrateDialog,
    MigrationOffer,
    MigrationReportDialog,
    migration_target,
    run_migration,
)
from egov_modeler.ui.dialogs.new_model import NewModelDialog
from egov_modeler.ui.dialogs.profile_file import add_profile_from
from egov_modeler.ui.docks.palette_dock import PAYLOAD_ROLE, PaletteDock
from egov_modeler.ui.docks.profile_status import ProfileStatusLabel
from egov_modeler.ui.docks.properties_dock import PropertiesDock
from egov_modeler.ui.editor import Editor


@pytest.fixture(autouse=True)
def _builtin_only(qapp):
    from egov_modeler.ui.translator import install_translator

    install_translator("vi")  # as the window does: Vietnamese first
    clear_user_catalogs()
    yield
    clear_user_catalogs()


def _top_sections(dock: PaletteDock) -> list[str]:
    root = dock.source_model.invisibleRootItem()
    return [root.child(i).text() for i in range(root.rowCount())]


def _item(dock: PaletteDock, payload: str):
    matches = dock.source_model.match(dock.source_model.index(0, 0), PAYLOAD_ROLE, payload, 1,
                                      Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert matches, payload
    return dock.source_model.itemFromIndex(matches[0])


# ------------------------------------------------------------------------------- palette
def test_the_palette_follows_the_models_profile(qtbot):
    dock = PaletteDock()
    qtbot.addWidget(dock)
    assert _top_sections(dock)[0] == "Người sử dụng"  # no model yet: the 2.0 catalog
    dock.show_catalog(catalog_for(load_template("provincial-2026")))
    sections = _top_sections(dock)
    assert sections[:5] == ["Người sử dụng (người thụ hưởng)",
                            "Kênh tương tác và đo lường hiệu quả",
                            "Ứng dụng và nghiệp vụ dùng chung", "Dữ liệu và nền tảng cốt lõi",
                            "Hạ tầng số và an ninh mạng dùng chung"]
    assert _item(dock, "l2_ndop").text() == "Nền tảng chia sẻ, điều phối dữ liệu (NDOP)"
    dock.show_catalog(catalog_for(load_template("provincial-2020")))
    assert _top_sections(dock)[0] == "Người sử dụng"


def test_a_component_tooltip_gives_its_source_and_confidence(qtbot):
    dock = PaletteDock()
    qtbot.addWidget(dock)
    dock.show_catalog(profile_catalog("vn-digital-2025"))
    ndop = _item(dock, "l2_ndop").toolTip()
    assert "Nguồn:" in ndop and "vietbao.vn" in ndop
    assert "Độ tin cậy: đã có nguồn xác nhận" in ndop
    assert "Bộ Công an (Trung tâm Dữ liệu quốc gia)" in ndop
    assert "Thành phần ứng dụng (Application Component)" in ndop  # English type beside
    zalo = _item(dock, "l4_zalo").toolTip()
    assert "Độ tin cậy: suy luận (chưa có nguồn xác nhận)" in zalo


def test_an_archimate_type_in_the_palette_shows_its_english_name(qtbot):
    dock = PaletteDock()
    qtbot.addWidget(dock)
    assert _item(dock, "type:Artifact").toolTip() == "Tạo tác (Artifact)"
    assert _item(dock, "type:Plateau").toolTip() == (
        "Trạng thái kiến trúc (Plateau)\nplateau: hiện trạng, chuyển tiếp, mục tiêu")


def _profile_file(tmp_path, broken: bool = False):
    data = {
        "format": "egov-modeler-catalog", "format_version": 1, "id": "tinh-x",
        "profile": {"id": "tinh-x", "version": "1.0", "title_vi": "Khung kiến trúc số tỉnh X",
                    "title_en": "Province X framework", "status": "bad" if broken else "current",
                    "decisions": [], "valid_from": None, "valid_until": None,
                    "extends": "vn-digital-2025"},
        "components": [{"id": "x_ldop", "name_vi": "LDOP tỉnh X", "name_en": "X LDOP",
                        "layer": "l2_du_lieu_nen_tang", "archimate_type": "ApplicationComponent",
                        "parent": "l2_ldop_tinh", "description_vi": "Nền tảng của tỉnh X.",
                        "description_en": "X's platform.", "sources": ["QĐ 1/QĐ-UBND tỉnh X"],
                        "inferred": False, "scope": "tỉnh"}]}
    path = tmp_path / "tinh-x.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_user_loaded_profile_drives_the_palette(qtbot, tmp_path):
    catalog = add_profile_from(None, str(_profile_file(tmp_path)))
    assert catalog is not None
    dock = PaletteDock()
    qtbot.addWidget(dock)
    model = Model()
    model.properties = [("profile", "tinh-x")]
    dock.show_catalog(catalog_for(model))
    item = _item(dock, "x_ldop")
    assert item.text() == "LDOP tỉnh X"
    assert item.parent().data(PAYLOAD_ROLE) == "l2_ldop_tinh"  # under the national component
    assert "QĐ 1/QĐ-UBND tỉnh X" in item.toolTip()


def test_a_broken_profile_file_is_explained_and_nothing_loads(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert add_profile_from(None, str(_profile_file(tmp_path, broken=True))) is None
    assert len(shown) == 1 and "'status'" in shown[0] and shown[0].startswith("tinh-x.json")
    with pytest.raises(Exception):  # noqa: B017 -- not loaded at all
        profile_catalog("tinh-x")


# ---------------------------------------------------------------------- properties dock
def test_the_properties_panel_names_the_english_type_and_the_components_source(qtbot):
    model = load_template("provincial-2026")
    artifact = model.add_element("Artifact", "Gói cài đặt")
    view = model.views[0]
    model.execute(PlaceNodeCommand(view.id, Node("id-art", 10, 10, 120, 55,
                                                 element_id=artifact.id)))
    editor = Editor(model, QUndoStack())
    dock = PropertiesDock()
    qtbot.addWidget(dock)
    dock.show_selection(editor, view.id, ["id-art"], [])
    assert dock.kind.text() == "Tạo tác (Artifact)"
    assert "Artifact" in dock.kind.toolTip()
    ndop = next(n for n in view.nodes.values() if n.element_id
                and model.element(n.element_id).catalog_ref == "l2_ndop")
    dock.show_selection(editor, view.id, [ndop.id], [])
    origin = dock.origin.text()
    assert "Độ tin cậy: đã có nguồn xác nhận" in origin and "Bộ Công an" in origin


# ---------------------------------------------------------------------------- File > New
def test_new_asks_for_profile_and_template(qtbot):
    dialog = NewModelDialog()
    qtbot.addWidget(dialog)
    assert dialog.chosen_profile() == "vn-digital-2025"  # the current framework first
    names = [dialog.templates.item(i).data(Qt.ItemDataRole.UserRole)
             for i in range(dialog.templates.count())]
    assert names == ["provincial-2026", "national-2025", "empty-2025"]
    texts = [dialog.templates.item(i).text() for i in range(dialog.templates.count())]
    assert texts[0].startswith("Khung kiến trúc số tỉnh Gia Lai")  # what it is, not its id
    assert not any(text.startswith(tuple(names)) for text in texts)
    assert "--template provincial-2026" in dialog.templates.item(0).toolTip()
    assert dialog.chosen_template() == "empty-2025"
    dialog.profiles.setCurrentIndex(dialog.profiles.findData("vn-egov-2.0"))
    assert "29/12/2023" in dialog.status.text()  # superseded: says since when
    archive = dialog.templates.item(0)
    assert archive.data(Qt.ItemDataRole.UserRole) == "provincial-2020"
    assert "lưu trữ" in archive.text()
    dialog.templates.setCurrentRow(0)
    model = dialog.create_model()
    assert dict(model.properties)["profile"] == "vn-egov-2.0"
    assert model.name == "Kiến trúc Chính quyền điện tử tỉnh Gia Lai phiên bản 2.0"


def test_new_offers_a_users_profile_with_the_templates_it_extends(qtbot, tmp_path):
    add_profile_from(None, str(_profile_file(tmp_path)))
    dialog = NewModelDialog(profile="tinh-x")
    qtbot.addWidget(dialog)
    assert dialog.chosen_profile() == "tinh-x"
    dialog.templates.setCurrentRow(0)
    model = dialog.create_model()
    assert dict(model.properties)["profile"] == "tinh-x"


# ------------------------------------------------------------------------------ migration
def test_a_2_0_file_is_offered_migration_once_and_stays_2_0(qtbot, monkeypatch):
    offer = MigrationOffer()
    old = load_template("provincial-2020")
    before = model_to_dict(old)
    assert migration_target(old) == "vn-digital-2025"
    assert offer.should_offer(old, "/tmp/gia-lai.egov")
    assert not offer.should_offer(old, "/tmp/gia-lai.egov")  # once
    assert not offer.should_offer(load_template("provincial-2026"), "/tmp/moi.egov")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)  # the user closes it
    assert MigrationOffer.ask(None, old) is False
    assert model_to_dict(old) == before


def test_migration_is_one_undo_step(qtbot):
    model = load_template("provincial-2020")
    before = model_to_dict(model)
    stack = QUndoStack()
    dialog = MigrateDialog(model)
    qtbot.addWidget(dialog)
    dialog.set_date.setChecked(True)
    report = run_migration(stack, model, dialog.target, dialog.architecture_date())
    assert stack.count() == 1 and dict(model.properties)["profile"] == "vn-digital-2025"
    assert "architecture_date" in dict(model.properties)
    stack.undo()
    assert model_to_dict(model) == before
    stack.redo()
    assert dict(model.properties)["profile"] == "vn-digital-2025"
    shown = MigrationReportDialog(report)
    qtbot.addWidget(shown)
    assert "Bộ phận Một cửa cấp huyện" in shown.text.toPlainText()


# ----------------------------------------------------------------------------- status bar
def test_the_status_bar_names_the_profile(qtbot):
    label = ProfileStatusLabel()
    qtbot.addWidget(label)
    label.show_model(load_template("provincial-2020"))
    assert "Khung Kiến trúc CPĐT 2.0 (2019)" in label.text()
    assert "đã được thay thế" in label.text() and "29/12/2023" in label.toolTip()
    label.show_model(load_template("provincial-2026"))
    assert "Khung kiến trúc số 2025 (KTTTQGS) 1.0.0" in label.text()
    unknown = Model()
    unknown.properties = [("profile", "tinh-y")]
    label.show_model(unknown)
    assert "tinh-y" in label.text()


def test_placing_a_component_uses_the_models_profile(qtbot):
    from egov_modeler.ui.canvas.tools.place import element_for_payload

    model = load_template("provincial-2026")
    element = element_for_payload("l2_ndop", model)
    assert element is not None and element.layer == "l2_du_lieu_nen_tang"
    assert element_for_payload("i_lgsp_tinh", model) is None  # a 2.0 component: not here
    model.execute(AddElementCommand(element_from_component(
        "l2_vneid", catalog=catalog_for(model))))
