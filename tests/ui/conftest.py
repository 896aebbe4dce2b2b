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
def window(qtbot, tmp_path):
    """:func:`~tests.helpers.ui.editor_window`, marked clean on teardown so closing asks
    nothing."""
    win = editor_window(qtbot, tmp_path)
    yield win
    win.document.undo_stack.setClean()
