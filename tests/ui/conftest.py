"""Fixtures of the window tests: Qt settings kept in each test's own folder, and a window."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.helpers.ui import editor_window, isolate_settings


@pytest.fixture(autouse=True)
def private_settings(tmp_path):
    """Qt's default settings (recent files, window layout) and the crash journals in this
    test's folder, never the user's."""
    isolate_settings(tmp_path / "qt-settings")


@pytest.fixture
def english():
    """The interface in English for one test, Vietnamese again after it."""
    from egov_modeler.i18n import set_language
    from egov_modeler.ui.translator import install_translator

    set_language("en")
    install_translator("en")
    yield
    set_language("vi")
    install_translator("vi")


@pytest.fixture
def window(qtbot, tmp_path):
    """:func:`~tests.helpers.ui.editor_window`, marked clean on teardown so closing asks
    nothing."""
    win = editor_window(qtbot, tmp_path)
    yield win
    win.document.undo_stack.setClean()
