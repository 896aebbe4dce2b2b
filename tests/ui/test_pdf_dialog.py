"""The PDF export dialog: options, dossier fields saved as undoable edits, live page count."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from egov_modeler.export.pdf.dossier import DossierOptions, count_pages, dossier_fields
from egov_modeler.model import Model
from egov_modeler.ui.dialogs.pdf_export import PdfExportDialog
from tests.helpers import place


@pytest.fixture
def model():
    m = Model("Kiến trúc CQĐT tỉnh Gia Lai")
    portal = m.add_element("ApplicationComponent", "Cổng Dịch vụ công tỉnh")
    wide = m.add_view("Sơ đồ khái quát")
    for i in range(8):  # wide enough to need several A4 sheets when tiled
        place(m, wide.id, portal.id, 40 + i * 400, 40, 300, 60)
    m.add_view("Hạ tầng kỹ thuật")
    return m


@pytest.fixture
def dialog(qtbot, model):
    dlg = PdfExportDialog(model, current_view_id=model.views[1].id)
    qtbot.addWidget(dlg)
    return dlg


def _shown_pages(dialog) -> int:
    return int("".join(ch for ch in dialog.page_count_label.text() if ch.isdigit()))


def test_shows_the_page_count_of_the_default_options(dialog, model):
    expected = count_pages(model, dialog.options())
    assert dialog.page_count() == expected == _shown_pages(dialog)
    assert dialog.options().views is None  # every view ticked: the whole model


def test_page_count_follows_the_options(dialog, model, qtbot):
    before = dialog.page_count()
    dialog.paper.setCurrentIndex(dialog.paper.findData("A4"))
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("portrait"))
    dialog.tile.setChecked(True)
    options = dialog.options()
    assert (options.paper, options.orientation, options.tile) == ("A4", "portrait", True)
    expected = count_pages(model, options)
    # Each change restarts the debounced count; wait for the one of the final options.
    qtbot.waitUntil(lambda: dialog.page_count() == expected == _shown_pages(dialog),
                    timeout=3000)
    assert expected > before


def test_current_view_only(dialog, model, qtbot):
    all_views = dialog.page_count()
    dialog.current_button.click()
    one_view = count_pages(model, DossierOptions(views=[model.views[1].id]))
    qtbot.waitUntil(lambda: dialog.page_count() == one_view, timeout=3000)
    assert one_view < all_views
    assert dialog.options().views == [model.views[1].id]


def test_nothing_to_print_disables_export(dialog, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    for row in range(dialog.views.count()):
        dialog.views.item(row).setCheckState(Qt.CheckState.Unchecked)
    dialog.appendix.setChecked(False)
    dialog.cover.setChecked(False)
    dialog.update_page_count()
    assert dialog.page_count() is None
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_dossier_fields_become_undoable_property_edits(dialog, model):
    dialog.field_edits["agency"].setText("Ủy ban nhân dân tỉnh Gia Lai")
    dialog.field_edits["approved_by"].setText("Chủ tịch UBND tỉnh")
    commands = dialog.commands()
    assert {c.key for c in commands} == {"dossier:agency", "dossier:approved_by"}
    for command in commands:
        model.execute(command)
    assert dossier_fields(model)["agency"] == "Ủy ban nhân dân tỉnh Gia Lai"
    for command in reversed(commands):
        command.revert(model)
    assert dossier_fields(model)["agency"] == ""


def test_accept_hands_the_commands_to_the_callback(qtbot, model):
    received = []
    dlg = PdfExportDialog(model, apply_commands=received.extend,
                          options=DossierOptions(paper="A2", lang="en"))
    qtbot.addWidget(dlg)
    assert dlg.options().paper == "A2" and dlg.options().lang == "en"
    dlg.field_edits["version"].setText("2.0")
    dlg.accept()
    assert [c.key for c in received] == ["dossier:version"]
    assert dict(model.properties) == {}  # the dialog itself changed nothing


def test_long_dossier_fields_show_their_beginning(qtbot, model):
    from egov_modeler.export.pdf.dossier import set_dossier_fields

    set_dossier_fields(model, {"agency": "Ủy ban nhân dân tỉnh Gia Lai — Sở Thông tin và "
                                         "Truyền thông, Trung tâm Công nghệ thông tin"})
    dlg = PdfExportDialog(model, current_view_id=model.views[0].id)
    qtbot.addWidget(dlg)
    agency = dlg.field_edits["agency"]
    assert agency.text().startswith("Ủy ban nhân dân tỉnh Gia Lai")
    assert agency.cursorPosition() == 0


def test_every_dossier_field_has_a_labelled_edit_including_the_place(qtbot, model):
    from PySide6.QtWidgets import QFormLayout, QLabel

    from egov_modeler.export.pdf.dossier import (
        DOSSIER_FIELDS,
        ENGLISH_FIELDS,
        set_dossier_fields,
    )

    set_dossier_fields(model, {"place": "Gia Lai"})
    dlg = PdfExportDialog(model)
    qtbot.addWidget(dlg)
    english = {f"{name}:en" for name in ENGLISH_FIELDS}
    assert set(dlg.field_edits) == set(DOSSIER_FIELDS) | english
    assert set(DOSSIER_FIELDS) >= {"place", "issuer", "decision"}
    form = dlg.field_edits["place"].parentWidget().layout()
    assert isinstance(form, QFormLayout)
    labels = {name: edit.parentWidget().layout().labelForField(edit)
              for name, edit in dlg.field_edits.items()}
    assert all(isinstance(label, QLabel) and label.text() for label in labels.values())
    assert labels["place"].text() in ("Place:", "Địa danh:")  # as the translator has it
    assert dlg.field_edits["place"].text() == "Gia Lai"
    dlg.field_edits["place"].setText("Pleiku")
    commands = dlg.commands()
    assert [(c.key, c.value) for c in commands] == [("dossier:place", "Pleiku")]
    model.execute(commands[0])
    assert dossier_fields(model)["place"] == "Pleiku"


def test_the_dialog_shows_the_smallest_text_and_proposes_a_paper(qtbot):
    from egov_modeler.export.pdf.dossier import plan_dossier
    from egov_modeler.storage.templates import load_template

    model = load_template("provincial")
    dialog = PdfExportDialog(model)
    qtbot.addWidget(dialog)
    assert dialog.min_text.value() == 6.0 and dialog.options().min_text == 6.0
    summary = plan_dossier(model, dialog.options())
    shown = dialog.smallest_text_label.text()
    assert f"{summary.smallest_text:.1f}" in shown
    assert summary.fitting_paper and summary.fitting_paper[0] in dialog.paper_hint_label.text()
    assert not dialog.use_paper_button.isHidden()
    dialog.use_fitting_paper()
    assert (dialog.options().paper, dialog.options().orientation) == summary.fitting_paper
    assert dialog.summary().detailed_views == []
    assert dialog.use_paper_button.isHidden()
    dialog.min_text.setValue(0)  # no minimum: one fitted page per view on any paper
    dialog.update_page_count()
    assert dialog.options().min_text == 0


def test_a_large_model_is_counted_when_asked(qtbot, model, monkeypatch):
    """Counting a national model takes as long as printing it: the dialog opens without
    counting, says so, and "Count pages" counts (beside the window) and shows the
    count; a change of options is again counted when asked."""
    from egov_modeler.ui.dialogs import pdf_export

    monkeypatch.setattr(pdf_export, "LIVE_COUNT_CONCEPTS", 0)
    dlg = PdfExportDialog(model)
    qtbot.addWidget(dlg)
    assert dlg.page_count() is None
    assert dlg.page_count_label.text() == dlg.tr("Pages: not counted (a large model)")
    assert not dlg.count_button.isHidden()
    assert dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()
    dlg.count_button.click()
    expected = count_pages(model, dlg.options())
    assert dlg.page_count() == expected == _shown_pages(dlg)
    assert dlg.count_button.isHidden()
    dlg.paper.setCurrentIndex(dlg.paper.findData("A4"))
    dlg.update_page_count()  # what the debounce timer does
    assert dlg.page_count() is None and not dlg.count_button.isHidden()


def test_a_count_slower_than_a_second_ends_counting_as_options_change(qtbot, model,
                                                                       monkeypatch):
    from egov_modeler.ui.dialogs import pdf_export

    monkeypatch.setattr(pdf_export, "LIVE_COUNT_SECONDS", -1.0)  # every count is "slow"
    dlg = PdfExportDialog(model)
    qtbot.addWidget(dlg)
    assert dlg.page_count() == count_pages(model, dlg.options())  # the first: counted
    dlg.tile.setChecked(True)
    dlg.update_page_count()
    assert dlg.page_count() is None and not dlg.count_button.isHidden()
