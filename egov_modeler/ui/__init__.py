"""The desktop window (PySide6). The only package that imports Qt.

Automation contract: :func:`open_window` returns the main window; ``window.current_model()``
is the model shown; the palette is the item view named ``"palette"``; the diagram's
``QGraphicsView`` is named ``"canvas"``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .window.main_window import MainWindow


def open_window(path: str | None = None) -> MainWindow:
    """Make the main window on ``path`` (a ``.egov`` file) or, without one, on the national
    template as an untitled model. A ``QApplication`` must already exist. The window is
    returned unshown so tests can drive it offscreen; ``run_app`` shows it."""
    from .app import prepare_application
    from .window.main_window import MainWindow

    prepare_application()
    window = MainWindow()
    if not (path and window.open_path(path, ask_to_save=False)):
        window.new_from_template("national")
    return window


__all__ = ["open_window"]
