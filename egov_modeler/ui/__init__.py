"""The desktop window (PySide6). The only package that imports Qt.

Automation contract: :func:`open_window` returns the main window; ``window.current_model()``
is the model shown; the palette is the item view named ``"palette"``; the diagram's
``QGraphicsView`` is named ``"canvas"``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from .dialogs.file_actions import Dialogs
    from .window.main_window import MainWindow


def open_window(path: str | None = None, settings: QSettings | None = None,
                dialogs: Dialogs | None = None) -> MainWindow:
    """Make the main window on ``path`` (a model file) or, without one, on the national
    template of the current framework as an untitled model. A ``QApplication`` must
    already exist. The window is returned unshown so tests can drive it offscreen;
    ``run_app`` shows it. ``settings`` and ``dialogs`` replace the user's settings and
    the real dialogs (tests answer in advance)."""
    from .app import prepare_application
    from .window.main_window import MainWindow

    prepare_application()
    window = MainWindow(settings, dialogs)
    if not (path and window.files.open_path(path, ask_to_save=False)):
        window.files.new_from_template("national-2025")
    return window


__all__ = ["open_window"]
