"""Small helpers the controllers share to define their menu entries: an action with its
shortcut and tip, the keys for Redo and Zoom in, and the context-menu point watcher."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QAction, QKeySequence

Shortcut = QKeySequence | QKeySequence.StandardKey | Sequence[QKeySequence] | None


def make_action(parent: QObject, text: str, slot: Callable[[], object],
                shortcut: Shortcut = None, tip: str = "") -> QAction:
    """A menu entry running ``slot`` (its return value ignored), with its shortcut(s) and
    a tip shown in the status bar and as tooltip."""
    action = QAction(text, parent)
    if isinstance(shortcut, (QKeySequence, QKeySequence.StandardKey)):
        action.setShortcut(shortcut)
    elif shortcut is not None:
        action.setShortcuts(list(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def with_keys(standard: QKeySequence.StandardKey, *extra: str) -> list[QKeySequence]:
    """The platform's keys for ``standard`` followed by ``extra`` ones it lacks."""
    keys = list(QKeySequence.keyBindings(standard))
    for text in extra:
        key = QKeySequence(text)
        if key not in keys:
            keys.append(key)
    return keys


def redo_keys(platform: list[QKeySequence] | None = None) -> list[QKeySequence]:
    """The platform's Redo keys (``platform``, default Qt's) plus Ctrl+Y and Ctrl+Shift+Z:
    on X11 Qt's standard is only Ctrl+Shift+Z, but architects coming from Word, Visio or
    Archi on Windows press Ctrl+Y."""
    if platform is None:
        platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    keys = list(platform)
    for extra in (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")):
        if extra not in keys:
            keys.append(extra)
    return keys


class ContextPointWatcher(QObject):
    """Notes, in the context menu's Paste entries, the scene point where the menu was
    opened: a paste from the menu lands under the mouse, as in Archi and Visio."""

    def __init__(self, canvas, *actions: QAction) -> None:
        super().__init__(canvas)
        self._canvas = canvas
        self._actions = actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu:
            point = QPointF(self._canvas.mapToScene(event.pos()))  # type: ignore[attr-defined]
            for action in self._actions:
                action.setData(point)
        return False
