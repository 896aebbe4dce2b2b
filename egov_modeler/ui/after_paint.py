"""Run work once a widget has been painted: what the user waits for first.

Why: opening a national model, the window has two jobs that can wait until the diagram
is on screen (the first full validation, the memory settling of
:func:`~egov_modeler.ui.document.settle_memory`). A zero-delay timer alone is not enough:
Qt may run it before the posted paint of a newly shown tab, so the wait is until the
widget's first paint event, then the next turn of the event loop (issue 19).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: A widget not painted by then (minimised, covered) does not hold the work back longer.
LATEST_MS = 1000


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], object], owner: QObject) -> None:
        super().__init__(owner)  # not the widget: a widget deleted unpainted drops no work
        self._work: Callable[[], object] | None = work
        widget.installEventFilter(self)
        QTimer.singleShot(LATEST_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            work()
            self.deleteLater()


def after_first_paint(widget: QWidget | None, work: Callable[[], object],
                      owner: QObject) -> None:
    """Run ``work`` on the turn of the event loop after ``widget`` is next painted (on the
    next turn when there is no widget shown; at the latest after :data:`LATEST_MS`), unless
    ``owner`` is deleted first."""
    if widget is None or not widget.isVisible():
        QTimer.singleShot(0, owner, work)
        return
    _AfterPaint(widget, work, owner)
