"""The Problems panel: what validation finds (ArchiMate rules, framework rules, upkeep
checks), filtered by severity, rule and view, with accepted warnings set apart.

It only shows a list (made row by row as it is scrolled: see :mod:`.problem_rows`; a
national model has tens of thousands of findings); the window decides when to validate
(shortly after each edit) and what a double-click does (select the elements on the
diagram). Accepting a warning (with a reason) or reopening one is asked of the window
(:class:`~egov_modeler.ui.window.problems_controller.ProblemsController`), which records
it in the model (:mod:`egov_modeler.model.accepted`); an accepted warning leaves the list
unless "Show accepted" is ticked, and then shows its reason.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...model.accepted import split_accepted
from ...model.model import Model
from ...model.problems import Problem, Severity
from ..plain_text import menu_text
from .filter_combo import refill_combo
from .problem_rows import IDS_ROLE, PROBLEM_ROLE, ProblemRows

__all__ = ["CURRENT_VIEW", "IDS_ROLE", "PROBLEM_ROLE", "ProblemsDock"]
#: The view filter's entry that follows the diagram tab shown.
CURRENT_VIEW = "\x00current"
COMBO_MAX_WIDTH = 260


class ProblemsDock(QDockWidget):
    """A filtered list of problems with their severity, message, rule and, for accepted
    warnings, the reason."""

    #: The user asked to see the model items a problem concerns.
    problemActivated = Signal(tuple)
    #: "Accept…" on an open warning.
    acceptRequested = Signal(object)
    #: "Reopen" on an accepted warning.
    reopenRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Problems"), parent)
        self.setObjectName("problems_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        bar = QHBoxLayout()
        self.severity_filter = self._combo(body, "problems_severity", self.tr("Severity"))
        for label, value in ((self.tr("Errors and warnings"), ""),
                             (self.tr("Errors"), Severity.ERROR.value),
                             (self.tr("Warnings"), Severity.WARNING.value)):
            self.severity_filter.addItem(label, value)
        self.rule_filter = self._combo(body, "problems_rule", self.tr("Rule"))
        self.view_filter = self._combo(body, "problems_view", self.tr("View"))
        self.show_accepted = QCheckBox(self.tr("Show accepted"), body)
        self.show_accepted.setObjectName("problems_show_accepted")
        self.show_accepted.setToolTip(self.tr("Also list the warnings accepted with a reason"))
        self.accept_button = QPushButton(self.tr("Accept…"), body)
        self.accept_button.setObjectName("problems_accept")
        self.accept_button.setToolTip(self.tr(
            "Accept the selected warning with a reason: it leaves the list and the dossier "
            "lists it as accepted"))
        for widget in (self.severity_filter, self.rule_filter, self.view_filter,
                       self.show_accepted, self.accept_button):
            bar.addWidget(widget)
        # On a 1366 px screen the bar is narrower than its widgets: the view list (long
        # view names) gives up its width, never the short severity and rule lists.
        for combo in (self.severity_filter, self.rule_filter):
            combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        bar.addStretch(1)
        layout.addLayout(bar)
        style = self.style()
        self.rows = ProblemRows(
            [self.tr("Severity"), self.tr("Message"), self.tr("Rule"),
             self.tr("Reason accepted")],
            {"error": self.tr("Error"), "warning": self.tr("Warning"),
             "accepted": self.tr("Accepted")},
            {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
             "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
             "accepted": style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)},
            QBrush(self.palette().color(QPalette.ColorGroup.Disabled,
                                        QPalette.ColorRole.Text)), self)
        self.list = QTreeView(body)
        self.list.setObjectName("problems")
        self.list.setModel(self.rows)
        self.list.setRootIsDecorated(False)
        self.list.setItemsExpandable(False)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        # The message takes the width there is (its full text is in the tooltip); the
        # severity, rule and reason fit their contents, so on a 1366 px screen the rule
        # stays on screen (a fixed 700 px message pushed it off).
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in range(self.rows.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout.addWidget(self.list, 1)
        self.setWidget(body)
        self.list.activated.connect(self._activated)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.selectionModel().currentChanged.connect(self._update_button)
        self.accept_button.clicked.connect(self._accept_current)
        for combo in (self.severity_filter, self.rule_filter, self.view_filter):
            combo.activated.connect(self._refill)
        self.show_accepted.toggled.connect(self._refill)
        self.problems: list[Problem] = []
        self.accepted: dict[Problem, str] = {}
        self.model: Model | None = None
        self.current_view: str | None = None
        self._update_button()

    @staticmethod
    def _combo(parent: QWidget, name: str, tip: str) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaximumWidth(COMBO_MAX_WIDTH)  # a long view name must not push the rest off
        return combo

    # ---------------------------------------------------------------- content
    def show_problems(self, problems: list[Problem], model: Model | None = None) -> None:
        """Show a validation's findings; ``model`` tells which are accepted and which
        views show what they concern."""
        self.problems = list(problems)
        self.model = model
        self.accepted = dict(split_accepted(model, self.problems)[1]) if model else {}
        self._fill_filters()
        self._refill()

    def set_current_view(self, view_id: str | None) -> None:
        """The diagram shown changed: the "Current view" filter follows it."""
        self.current_view = view_id
        if self.view_filter.currentData() == CURRENT_VIEW:
            self._refill()

    def _fill_filters(self) -> None:
        rules = sorted({p.rule for p in self.problems})
        refill_combo(self.rule_filter, [(self.tr("All rules"), "")]
                      + [(rule, rule) for rule in rules])
        views = [(menu_text(v.name or self.tr("(unnamed view)")), v.id)
                 for v in (self.model.views if self.model is not None else [])]
        refill_combo(self.view_filter, [(self.tr("All views"), ""),
                                         (self.tr("Current view"), CURRENT_VIEW), *views])

    def shown(self) -> list[Problem]:
        """The problems the filters let through, in validation order."""
        severity = self.severity_filter.currentData()
        rule = self.rule_filter.currentData()
        concerned = self._view_ids()
        everything = self.show_accepted.isChecked() or not self.accepted
        return [p for p in self.problems
                if (not severity or p.severity.value == severity)
                and (not rule or p.rule == rule)
                and (concerned is None or concerned.intersection(p.ids))
                and (everything or p not in self.accepted)]

    def _view_ids(self) -> set[str] | None:
        """What the chosen view shows (elements, relationships, nodes, itself); ``None``
        for every view."""
        chosen = self.view_filter.currentData()
        if chosen == CURRENT_VIEW:
            chosen = self.current_view or "\x00none"
        if not chosen:
            return None
        model = self.model
        if model is None or not model.has_view(chosen):
            return set()
        view = model.view(chosen)
        ids = {view.id, *view.nodes, *view.connections}
        ids |= {n.element_id for n in view.nodes.values() if n.element_id}
        ids |= {c.relationship_id for c in view.connections.values() if c.relationship_id}
        return ids

    def _refill(self, *_args: object) -> None:
        accepted = self.accepted  # hashing tens of thousands of problems: only when needed
        self.rows.show(self.shown(), {id(p): i for i, p in enumerate(self.problems)},
                       accepted)
        open_problems = ([p for p in self.problems if p not in accepted] if accepted
                         else self.problems)
        errors = sum(1 for p in open_problems if p.severity == Severity.ERROR)
        warnings = len(open_problems) - errors
        counts = {"errors": self.tr("%n error(s)", "", errors),
                  "warnings": self.tr("%n warning(s)", "", warnings)}
        if self.accepted:
            title = self.tr("Problems ({errors}, {warnings}, {accepted})").format(
                accepted=self.tr("%n accepted", "", len(self.accepted)), **counts)
        else:
            title = self.tr("Problems ({errors}, {warnings})").format(**counts)
        self.setWindowTitle(title)
        self._update_button()

    # ---------------------------------------------------------------- the user
    def problem_of(self, index: QModelIndex | QPersistentModelIndex | None
                   ) -> Problem | None:
        """The problem of a row (any column's index), or None."""
        if index is None or not index.isValid():
            return None
        number = self.rows.problem_index(index.row())
        return self.problems[number] if number is not None and number < len(
            self.problems) else None

    def row_index(self, row: int) -> QModelIndex:
        """The index of the ``row``-th row shown (for selecting it)."""
        return self.rows.index(row, 0)

    def _activated(self, index: QModelIndex) -> None:
        self.problemActivated.emit(tuple(self.rows.index(index.row(), 0).data(IDS_ROLE)
                                         or ()))

    def _can_accept(self, problem: Problem | None) -> bool:
        return problem is not None and problem.severity == Severity.WARNING \
            and problem not in self.accepted

    def _update_button(self, *_args: object) -> None:
        self.accept_button.setEnabled(self._can_accept(self.problem_of(
            self.list.currentIndex())))

    def _accept_current(self) -> None:
        problem = self.problem_of(self.list.currentIndex())
        if self._can_accept(problem):
            self.acceptRequested.emit(problem)

    def context_menu(self, index: QModelIndex | None) -> QMenu:
        """The menu of one row: show on the diagram, accept a warning or reopen it."""
        menu = QMenu(self)
        problem = self.problem_of(index)
        if index is None or problem is None:
            return menu
        row = QModelIndex(index)
        menu.addAction(self.tr("Show on diagram"), lambda: self._activated(row))
        if self._can_accept(problem):
            menu.addAction(self.tr("Accept warning…"),
                           lambda: self.acceptRequested.emit(problem))
        elif problem in self.accepted:
            menu.addAction(self.tr("Reopen warning"),
                           lambda: self.reopenRequested.emit(problem))
        return menu

    def _menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        menu = self.context_menu(index if index.isValid() else None)
        if not menu.isEmpty():
            menu.exec(self.list.viewport().mapToGlobal(pos))
        menu.deleteLater()

