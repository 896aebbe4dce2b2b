"""Dialog sizes that fit the screen they open on.

Why: the architects' office PCs have 1366×768 screens, with a 40 px taskbar below the
window and a 30 px title bar above the dialog's contents; a dialog asked for 760 px of
contents opened with its buttons under the taskbar. Qt does not shrink a dialog given an
explicit size to the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: The window frame's title bar above the contents (Windows 10/11 at 100 %).
TITLE_BAR_HEIGHT = 32


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen (else the primary screen) windows may use."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` × ``height``, or less where its screen's free area
    (minus a title bar) is smaller, never below what its layout needs."""
    area = available_area(widget)
    least = widget.minimumSizeHint()
    widget.resize(max(least.width(), min(width, area.width())),
                  max(least.height(), min(height, area.height() - TITLE_BAR_HEIGHT)))
