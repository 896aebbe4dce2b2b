"""Help > About: version, the framework profiles and their status, every licence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from egov_modeler.model.catalog import Catalog, FrameworkEdition, load_builtin_catalog
from egov_modeler.ui.dialogs.about import AboutDialog, framework_rows
from egov_modeler.version import __version__


@pytest.fixture(autouse=True)
def _translator(qtbot):
    """The application's translator, as the window installs it."""
    from egov_modeler.ui.app import prepare_application

    prepare_application()


@pytest.fixture
def about(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    return dialog


def _table(dialog) -> list[list[str]]:
    table = dialog.frameworks_table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_shows_the_version_and_that_all_rights_are_reserved(about):
    text = about.program_label.text()
    assert f"Phiên bản {__version__}" in text
    assert "Bảo lưu mọi quyền." in text
    assert about.tabs.tabText(2) == "Giấy phép"


def test_lists_the_built_in_frameworks_with_their_decisions_and_status(about):
    old, current = _table(about)
    assert old[0] == load_builtin_catalog().title_vi
    assert old[1] == "2.0"
    assert old[2] == "QĐ 2323/QĐ-BTTTT ngày 31/12/2019"
    assert old[3].startswith("Đã được thay thế bởi QĐ 2568/QĐ-BTTTT")
    assert "QĐ 3090/QĐ-BKHCN" in old[3]
    assert "QĐ 3090/QĐ-BKHCN" in current[2]
    assert current[3] == "Đang có hiệu lực"


def test_frameworks_come_from_the_catalogs_given(qtbot):
    current = Catalog(title_vi="Khung kiến trúc số tỉnh", title_en="Provincial digital framework",
                      framework=FrameworkEdition("4.0", "QĐ 3090/QĐ-BKHCN"))
    unnamed = Catalog(title_vi="Danh mục của tỉnh")  # a user catalog: no framework, no row
    dialog = AboutDialog(catalogs=[load_builtin_catalog(), current, unnamed])
    qtbot.addWidget(dialog)
    rows = _table(dialog)
    assert [row[0] for row in rows] == [load_builtin_catalog().title_vi, "Khung kiến trúc số tỉnh"]
    assert rows[1][3] == "Đang có hiệu lực"
    assert framework_rows([current], language="en")[0].title == "Provincial digital framework"


def test_lists_every_bundled_part_with_its_licence(about):
    labels = [about.licenses_list.item(i).text() for i in range(about.licenses_list.count())]
    assert labels[0] == "egov-modeler: bảo lưu mọi quyền"
    joined = "\n".join(labels)
    for expected in ("Qt 6", "LGPL-3.0-only", "lxml", "BSD-3-Clause", "ReportLab", "NetworkX",
                     "Pillow", "Be Vietnam Pro", "OFL-1.1"):
        assert expected in joined
    assert any("Python" in label and "chỉ trong bộ cài đặt" in label for label in labels)


def test_shows_the_full_text_of_the_selected_licence(about):
    assert "All rights reserved." in about.license_view.toPlainText()  # the first, selected
    assert about.select_license("Be Vietnam Pro")
    assert "SIL OPEN FONT LICENSE Version 1.1" in about.license_view.toPlainText()
    assert about.select_license("Qt 6")
    text = about.license_view.toPlainText()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "GNU GENERAL PUBLIC LICENSE" in text
    assert not about.select_license("no such part")


def test_speaks_english_when_the_program_does(qtbot):
    from egov_modeler.i18n import set_language
    from egov_modeler.ui.translator import install_translator

    set_language("en")
    install_translator("en")
    try:
        dialog = AboutDialog()
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "About egov-modeler"
        assert _table(dialog)[0][0] == load_builtin_catalog().title_en
        item = dialog.licenses_list.item(0)
        assert item.data(Qt.ItemDataRole.UserRole).name == "egov-modeler"
        assert item.text() == "egov-modeler: all rights reserved"
    finally:
        set_language("vi")
        install_translator("vi")
