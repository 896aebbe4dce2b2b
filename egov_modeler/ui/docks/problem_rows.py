"""The Problems panel's rows as an item model: severity, message, rule, reason accepted.

Why a model of its own rather than a ``QTreeWidget``: a national model imported with its
inventory has tens of thousands of findings (18,000 elements on no view alone), and a
widget item per finding cost half a second to make and again to clear after every
validation. Here a validation only swaps the list; a row's texts, icon and tooltip are
made when the view shows it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QIcon

from ...model.problems import Problem, Severity
from ..plain_text import tooltip

IDS_ROLE = Qt.ItemDataRole.UserRole + 1
#: The problem a row stands for (its index in the panel's list of problems).
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 2
_NO_PARENT = QModelIndex()


class ProblemRows(QAbstractTableModel):
    """The problems the panel's filters let through, one row each."""

    def __init__(self, headers: list[str], words: dict[str, str], icons: dict[str, QIcon],
                 grey: QBrush, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = headers
        #: "error", "warning", "accepted" -> the severity column's word and icon
        self._words = words
        self._icons = icons
        self._grey = grey
        #: The problems shown, each row's index in the panel's list, and the reasons of
        #: the accepted ones (no object per row: tens of thousands of them would be
        #: walked by the garbage collector for as long as they are shown).
        self._rows: list[Problem] = []
        self._numbers: dict[int, int] = {}
        self._accepted: dict[Problem, str] = {}

    def show(self, rows: list[Problem], numbers: dict[int, int],
             accepted: dict[Problem, str]) -> None:
        """List ``rows`` instead (what a validation or a filter lets through);
        ``numbers`` maps ``id(problem)`` to its index in the panel's list."""
        self.beginResetModel()
        self._rows, self._numbers, self._accepted = rows, numbers, accepted
        self.endResetModel()

    def problem_index(self, row: int) -> int | None:
        if not 0 <= row < len(self._rows):
            return None
        return self._numbers.get(id(self._rows[row]))

    # ---------------------------------------------------------------- Qt
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        problem = self._rows[index.row()]
        reason = self._accepted.get(problem) if self._accepted else None
        column = index.column()
        state = ("accepted" if reason is not None
                 else "error" if problem.severity == Severity.ERROR else "warning")
        if role == Qt.ItemDataRole.DisplayRole:
            return (self._words[state], problem.message, problem.rule, reason or "")[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._icons[state]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return tooltip(problem.message)
            if column == 3 and reason is not None:
                return tooltip(reason)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and reason is not None:
            return self._grey
        if role == IDS_ROLE:
            return tuple(problem.ids)
        if role == PROBLEM_ROLE:
            return self._numbers.get(id(problem))
        return None
