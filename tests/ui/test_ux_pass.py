"""Small defects an architect sees on a 1366×768 office screen, in Vietnamese or English
(found by walking the window under Xvfb, ux-pass): English or Vietnamese text in the other
language's interface, texts cut off, technical messages, missing shortcuts
(pytest-qt, offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from egov_modeler.model.views import Node


def _appearance_types_with_an_actor(window) -> list[str]:
    """The Appearance section's "For type" entries once a business actor is on the view."""
    model = window.current_model()
    view = model.views[0]
    actor = model.add_element("BusinessActor", "Người dân")
    model.load_node(view.id, Node("id-actor", 40, 40, 120, 55, element_id=actor.id))
    window.document.replace(model, None)
    window.current_canvas().diagram().select_ids([])
    combo = window.formats.appearance.default_type
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_appearance_types_speak_english_in_the_english_interface(english, window):
    labels = _appearance_types_with_an_actor(window)
    assert "Business Actor" in labels
    assert not any("Tác nhân" in label for label in labels)


def test_the_appearance_types_are_bilingual_in_the_vietnamese_interface(window):
    labels = _appearance_types_with_an_actor(window)
    assert "Tác nhân nghiệp vụ (Business Actor)" in labels


def _office_screen(window, qtbot) -> None:
    """The window as big as a 1366×768 screen leaves it (the taskbar takes 30 px)."""
    from PySide6.QtWidgets import QApplication

    window.resize(1366, 738)
    qtbot.waitUntil(lambda: window.width() == 1366)
    QApplication.processEvents()


def test_the_problems_filters_are_readable_on_a_1366_screen(window, qtbot):
    from PySide6.QtWidgets import QApplication

    window.files.new_from_template("national-2025")
    _office_screen(window, qtbot)
    problems = window.problems
    qtbot.waitUntil(lambda: problems.view_filter.count() > 2)  # the template's views listed
    QApplication.processEvents()
    problems.widget().layout().activate()  # as the next paint lays the bar out
    for combo in (problems.severity_filter, problems.rule_filter):
        assert combo.width() >= combo.sizeHint().width(), combo.currentText()
    rule = problems.rule_filter
    shown = rule.fontMetrics().horizontalAdvance(rule.currentText())
    assert rule.currentText() == "Mọi quy tắc" and rule.width() > shown + 20
    assert problems.view_filter.isVisible() and problems.view_filter.width() >= 79


def _palette_type_item(window, type_name: str):
    from egov_modeler.ui.docks.palette_dock import PAYLOAD_ROLE

    source = window.palette_dock.source_model
    (index,) = source.match(source.index(0, 0), PAYLOAD_ROLE, f"type:{type_name}", 1,
                            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    return source.itemFromIndex(index)


def test_the_palettes_archimate_types_have_english_tooltips_in_english(english, window):
    window.palette_dock.reload()
    tip = _palette_type_item(window, "Plateau").toolTip()
    assert tip == "Plateau"


def test_the_palettes_archimate_types_keep_their_vietnamese_hint(window):
    window.palette_dock.reload()
    tip = _palette_type_item(window, "Plateau").toolTip()
    assert tip.startswith("Trạng thái kiến trúc (Plateau)") and "hiện trạng" in tip


def test_the_properties_type_tooltip_is_english_in_english(english, window):
    model = window.current_model()
    view = model.views[0]
    plateau = model.add_element("Plateau", "2030")
    model.load_node(view.id, Node("id-plateau", 40, 40, 120, 55, element_id=plateau.id))
    window.document.replace(model, None)
    window.current_canvas().diagram().select_ids(["id-plateau"])
    kind = window.properties.kind
    assert kind.text() == "Plateau"
    assert kind.toolTip() == "ArchiMate: Plateau"


def test_the_word_export_dialog_says_word_not_pdf(window):
    from egov_modeler.ui.dialogs.pdf_export import PdfExportDialog

    window.dialogs.dialog_answer = False  # look at the options, then cancel
    assert not window.exports.export_docx()
    (dialog,) = window.dialogs.dialogs_shown
    assert isinstance(dialog, PdfExportDialog)
    assert dialog.windowTitle() == "Xuất tài liệu Word"


def test_the_pdf_export_dialog_still_says_pdf(window):
    window.dialogs.dialog_answer = False
    assert not window.exports.export_pdf()
    (dialog,) = window.dialogs.dialogs_shown
    assert dialog.windowTitle() == "Xuất hồ sơ PDF"


def test_opening_a_missing_file_says_why_in_vietnamese(window, tmp_path):
    before = window.current_model()
    assert not window.files.open_path(str(tmp_path / "khong-co.egov"), ask_to_save=False)
    ((title, text, details),) = window.dialogs.errors
    assert title == "Không mở được tệp"
    assert details.endswith("tệp hoặc thư mục không tồn tại")
    assert "No such file" not in details
    assert window.current_model() is before


def test_opening_a_folder_named_like_a_model_says_it_is_a_folder(window, tmp_path):
    (tmp_path / "thu-muc.egov").mkdir()
    assert not window.files.open_path(str(tmp_path / "thu-muc.egov"), ask_to_save=False)
    ((_title, _text, details),) = window.dialogs.errors
    assert details.endswith("đó là một thư mục, không phải tệp")


def test_saving_into_a_missing_folder_says_why_without_the_temporary_file(window, tmp_path):
    window.dialogs.save_answer = str(tmp_path / "khong-co" / "mo-hinh.egov")
    assert not window.files.save_as()
    ((title, text, details),) = window.dialogs.errors
    assert title == "Không lưu được"
    assert details == "tệp hoặc thư mục không tồn tại"
    assert not (tmp_path / "khong-co").exists()


def test_importing_a_missing_inventory_workbook_says_why_in_vietnamese(window, tmp_path):
    assert not window.inventory.import_workbook(str(tmp_path / "kiem-ke.xlsx"))
    ((title, _text, details),) = window.dialogs.errors
    assert title == "Không nhập sổ kiểm kê"
    assert "tệp hoặc thư mục không tồn tại" in details and "No such file" not in details


def test_a_reason_the_program_wrote_itself_is_kept():
    import errno

    from egov_modeler.i18n import os_reason

    assert os_reason(OSError(errno.EBUSY, "Khóa của ‘a.egov’ liên tục thay đổi")) == (
        "Khóa của ‘a.egov’ liên tục thay đổi")
    assert os_reason(OSError(errno.EACCES, "Permission denied (read-only)")) == (
        "Permission denied (read-only)")


#: What a 1366×768 Windows screen leaves for windows above its 40 px taskbar.
OFFICE_SCREEN = (1366, 728)


@pytest.fixture
def office_screen(monkeypatch):
    """Dialogs open on a 1366×768 screen (the tests' offscreen screen is 800×800)."""
    from PySide6.QtCore import QRect

    from egov_modeler.ui.dialogs import screen_fit

    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: QRect(0, 0,
                                                                             *OFFICE_SCREEN))


def test_the_print_preview_fits_a_768_pixel_screen(window, office_screen):
    from egov_modeler.ui.dialogs.screen_fit import TITLE_BAR_HEIGHT

    window.files.new_from_template("provincial-2026")
    window.dialogs.dialog_answer = False
    window.exports.print_dossier()
    (dialog,) = window.dialogs.dialogs_shown
    assert dialog.height() + TITLE_BAR_HEIGHT <= OFFICE_SCREEN[1]
    assert dialog.width() <= OFFICE_SCREEN[0]
    dialog.show()
    button = dialog.print_button
    bottom = button.mapTo(dialog, button.rect().bottomLeft()).y()
    assert bottom <= dialog.height()  # the Print button is on the screen, not under it
    dialog.close()


def test_the_pdf_dialog_fits_a_768_pixel_screen_with_its_fields_readable(window,
                                                                        office_screen):
    from PySide6.QtWidgets import QDialogButtonBox

    from egov_modeler.ui.dialogs.screen_fit import TITLE_BAR_HEIGHT

    window.files.new_from_template("provincial-2026")
    window.dialogs.dialog_answer = False
    window.exports.export_pdf()
    (dialog,) = window.dialogs.dialogs_shown
    dialog.show()
    free = OFFICE_SCREEN[1] - TITLE_BAR_HEIGHT
    assert dialog.minimumSizeHint().height() <= free
    assert dialog.height() <= free and dialog.width() <= OFFICE_SCREEN[0]
    export = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert export.text() == "Xuất…"
    assert export.mapTo(dialog, export.rect().bottomLeft()).y() <= dialog.height()
    agency = dialog.field_edits["agency"]
    assert agency.text() == "Ủy ban nhân dân tỉnh Gia Lai"
    assert agency.fontMetrics().horizontalAdvance(agency.text()) < agency.width() - 8
    tabs = dialog.fields_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Hồ sơ (lưu trong mô hình)", "Bằng tiếng Anh (cho hồ sơ tiếng Anh)"]
    dialog.close()


HOSTILE_EXCHANGE = """<?xml version="1.0"?>
<!DOCTYPE model [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="id-m">&x;</model>
"""

HOSTILE_ARCHI = """<?xml version="1.0"?>
<!DOCTYPE m [<!ENTITY x "aaaaaaaaaa">]>
<archimate:model xmlns:archimate="http://www.archimatetool.com/archimate" name="&x;"/>
"""


@pytest.mark.parametrize("name, text", [("hostile.xml", HOSTILE_EXCHANGE),
                                        ("hostile.archimate", HOSTILE_ARCHI)])
def test_opening_a_file_with_a_doctype_says_the_doctype_is_refused(window, tmp_path, name,
                                                                   text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    before = window.current_model()
    assert not window.files.open_path(str(path), ask_to_save=False)
    ((title, _text, details),) = window.dialogs.errors
    assert title == "Không mở được tệp"
    assert "DOCTYPE" in details and "không phải tệp chương trình mở được" not in details
    assert window.current_model() is before


@pytest.mark.parametrize("into", [2, 3], ids=["after-a-letter", "inside-a-letter"])
def test_opening_a_model_cut_inside_a_name_says_it_is_truncated(window, tmp_path, into):
    from egov_modeler.storage import native

    model = window.current_model()
    whole = tmp_path / "whole.egov"
    native.save(model, str(whole))
    data = whole.read_bytes()
    start = data.index("Người sử dụng".encode())  # a band's name: "Ng", then "ư" (2 bytes)
    broken = tmp_path / "broken.egov"
    broken.write_bytes(data[:start + into])
    assert not window.files.open_path(str(broken), ask_to_save=False)
    ((_title, _text, details),) = window.dialogs.errors
    line = data[:start].count(b"\n") + 1
    assert details.endswith(f"kết thúc đột ngột ở dòng {line}: tệp bị cắt cụt"), details
    assert window.current_model() is model


def test_a_diagram_tabs_close_button_speaks_vietnamese(window):
    from PySide6.QtWidgets import QTabBar

    tabs = window.views.tabs
    button = tabs.tabBar().tabButton(0, QTabBar.ButtonPosition.RightSide)
    assert button is not None and button.toolTip() == "Đóng thẻ"


def _toolbar_tips(window) -> dict[str, str]:
    from PySide6.QtWidgets import QToolBar

    bar = window.findChild(QToolBar, "main_toolbar")
    return {action.text(): action.toolTip() for action in bar.actions() if action.text()}


def test_the_toolbar_tooltips_name_the_shortcuts(window):
    tips = _toolbar_tips(window)
    assert tips["&Mở…"] == "Mở (Ctrl+O)"
    assert tips["&Lưu"] == "Lưu (Ctrl+S)"
    assert tips["Hoàn tác"] == "Hoàn tác (Ctrl+Z)"
    assert tips["&Vừa cửa sổ"] == "Vừa cửa sổ (Ctrl+Shift+0)"
    # a tooltip that explains more keeps its words
    assert tips["Chọn"] == "Chọn, di chuyển và đổi kích thước (V)"


def test_the_undo_buttons_tooltip_names_the_step_and_the_shortcut(window):
    from egov_modeler.model.commands.view import RenameViewCommand

    view = window.current_model().views[0]
    window.document.editor.run(RenameViewCommand(view.id, "Sơ đồ tổng thể"))
    tips = _toolbar_tips(window)
    assert tips["Hoàn tác"] == "Hoàn tác Đổi tên sơ đồ thành ‘Sơ đồ tổng thể’ (Ctrl+Z)"
    window.edits.tool_undo.trigger()
    redo = _toolbar_tips(window)["Làm lại"]  # Ctrl+Y or Ctrl+Shift+Z, as the system has it
    assert redo.startswith("Làm lại Đổi tên sơ đồ thành ‘Sơ đồ tổng thể’ (Ctrl+")


def test_the_properties_panel_is_not_wider_than_its_dock_on_a_1366_screen(window, qtbot):
    """The owner and operator lists held every agency's name: the panel was 821 px wide in
    its 330 px dock, the name field and the origin cut at the right edge."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    window.files.new_from_template("provincial-2026")
    _office_screen(window, qtbot)
    model = window.current_model()
    view = model.view(window.current_view_id())
    node = next(n for n in view.nodes.values() if n.element_id
                and model.element(n.element_id).type == "ApplicationComponent")
    window.current_canvas().diagram().select_ids([node.id])
    QApplication.processEvents()
    owner = window.properties.inventory_fields.editors["owner"]
    assert owner.isVisible() and owner.count() > 5  # the agencies are listed
    scroll = window.properties.findChild(QScrollArea)
    body = scroll.widget()
    body.layout().activate()
    assert body.minimumSizeHint().width() <= scroll.viewport().width()
    assert owner.mapTo(body, owner.rect().topRight()).x() <= scroll.viewport().width()


def test_the_sign_dialog_shows_a_windows_path_whole(qtbot):
    from egov_modeler.ui.dialogs.sign import SignDialog

    path = r"C:\Users\kientruc\Documents\Ho so\kien-truc-so-gia-lai.pdf"
    dialog = SignDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.pdf_edit
    assert edit.fontMetrics().horizontalAdvance(path) < edit.width() - 8
    assert dialog.width() <= OFFICE_SCREEN[0]


def test_the_word_export_dialog_offers_only_what_the_word_document_has(window):
    """Paper, orientation, tiling, the smallest text, the cover switch, PDF/A and the page
    count are the PDF's: the Word dialog left them in, where they did nothing."""
    window.dialogs.dialog_answer = False
    assert not window.exports.export_docx()
    assert not window.exports.export_pdf()
    word, pdf = window.dialogs.dialogs_shown
    pdf_only = ("paper", "orientation", "tile", "min_text", "cover", "pdfa")
    assert [name for name in pdf_only if getattr(word, name).isHidden()] == list(pdf_only)
    assert [name for name in pdf_only if getattr(pdf, name).isHidden()] == []
    for kept in ("language", "appendix", "views"):
        assert not getattr(word, kept).isHidden()
    assert word.page_count_label.text() == "" and pdf.page_count_label.text() != ""
    assert "giấy" not in word.language.parentWidget().title()  # "Nội dung", not paper
    assert word.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
