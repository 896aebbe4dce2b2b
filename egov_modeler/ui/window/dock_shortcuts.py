"""Keyboard shortcuts that bring a dock to the front: the key is set on the dock's own
menu entry (its toggle action), so the menu shows it beside the entry's name.

Why not the plain toggle: the bottom docks (Problems, Find, Inventory) are tabs of one
area, and a tab behind another is still "shown" for Qt, so the toggle would hide it when
the user asked to see it. Here the key raises a dock that is shown but covered, shows
(and raises) a hidden one and hides only the dock that is in front. A click in the menu
toggles as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget

__all__ = ["DockShortcut"]


class DockShortcut(QObject):
    """``key`` on ``dock``'s menu entry, bringing the dock to the front (see the module)."""

    def __init__(self, dock: QDockWidget, key: str) -> None:
        super().__init__(dock)
        self.dock = dock
        self.action = dock.toggleViewAction()
        self.action.setShortcut(QKeySequence(key))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.installEventFilter(self)
        self.action.triggered.connect(self._shown)

    def covered(self) -> bool:
        """Shown but not seen: a tab behind another dock's tab."""
        return self.dock.isVisible() and self.dock.visibleRegion().isEmpty()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.action and event.type() == QEvent.Type.Shortcut \
                and self.covered():
            self.dock.raise_()
            return True  # seen now: not toggled off
        return False

    def _shown(self, checked: bool) -> None:
        if checked:  # a dock shown again comes to the front of its tabs
            self.dock.raise_()
