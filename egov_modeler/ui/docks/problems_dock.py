"""The Problems panel: what validation finds (ArchiMate rules and framework warnings).

It only shows a list; the window decides when to validate (shortly after each edit) and
what a double-click does (select the elements on the diagram).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QStyle, QTreeWidget, QTreeWidgetItem, QWidget

from ...model.problems import Problem, Severity
from ..plain_text import tooltip

IDS_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsDock(QDockWidget):
    """A list of problems with their severity, message and rule id."""

    #: The user asked to see the model items a problem concerns.
    problemActivated = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Problems"), parent)
        self.setObjectName("problems_dock")
        self.list = QTreeWidget(self)
        self.list.setObjectName("problems")
        self.list.setColumnCount(3)
        self.list.setHeaderLabels([self.tr("Severity"), self.tr("Message"), self.tr("Rule")])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setColumnWidth(0, 90)
        self.list.setColumnWidth(1, 700)
        self.setWidget(self.list)
        self.list.itemActivated.connect(self._activated)
        self.problems: list[Problem] = []

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.list.clear()
        style = self.style()
        error_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        warning_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in problems:
            is_error = problem.severity == Severity.ERROR
            item = QTreeWidgetItem([
                self.tr("Error") if is_error else self.tr("Warning"), problem.message,
                problem.rule])
            item.setIcon(0, error_icon if is_error else warning_icon)
            item.setToolTip(1, tooltip(problem.message))
            item.setData(0, IDS_ROLE, tuple(problem.ids))
            self.list.addTopLevelItem(item)
        errors = sum(1 for p in problems if p.severity == Severity.ERROR)
        warnings = len(problems) - errors
        self.setWindowTitle(self.tr("Problems ({errors} errors, {warnings} warnings)").format(
            errors=errors, warnings=warnings))

    def _activated(self, item: QTreeWidgetItem) -> None:
        self.problemActivated.emit(tuple(item.data(0, IDS_ROLE) or ()))
