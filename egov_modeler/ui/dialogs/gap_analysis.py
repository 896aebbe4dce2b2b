"""The gap analysis between two plateaus: pick the earlier and the later state, see what
is added, removed, changed and merged, each with its handling option and the task it
becomes; "Create tasks" adds them as one undo step. A model without plateaus can make the
three ("Hiện trạng", "Chuyển tiếp", "Mục tiêu") from its current/target column first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...model.inventory.gaps import GapAnalysis, analyse_gap
from ...model.inventory.rows import plateaus
from ...model.model import Model
from ..plain_text import plain_label


class GapAnalysisDialog(QDialog):
    """Choose two plateaus and see their differences as task rows."""

    def __init__(self, model: Model, make_plateaus: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gap_analysis")
        self.setWindowTitle(self.tr("Gap analysis"))
        self.resize(900, 520)
        self.model = model
        self._make_plateaus = make_plateaus
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.source = QComboBox(self)
        self.source.setObjectName("gap_source")
        self.target = QComboBox(self)
        self.target.setObjectName("gap_target")
        form.addRow(self.tr("From (earlier state):"), self.source)
        form.addRow(self.tr("To (later state):"), self.target)
        layout.addLayout(form)
        self.make = QPushButton(self.tr("Make the plateaus Hiện trạng, Chuyển tiếp, Mục tiêu "
                                        "from the current/target column"), self)
        self.make.setObjectName("gap_make_plateaus")
        self.make.clicked.connect(self._make)
        layout.addWidget(self.make)
        self.differences = QTreeWidget(self)
        self.differences.setObjectName("gap_differences")
        self.differences.setRootIsDecorated(False)
        self.differences.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.differences.setHeaderLabels([self.tr("Difference"), self.tr("Handling option"),
                                          self.tr("Task")])
        self.differences.setColumnWidth(0, 110)
        self.differences.setColumnWidth(1, 200)
        layout.addWidget(self.differences, 1)
        self.note = plain_label(QLabel(self))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(self)
        self.create_button = buttons.addButton(self.tr("Create tasks"),
                                        QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.analysis: GapAnalysis | None = None
        self.source.currentIndexChanged.connect(self.refresh)
        self.target.currentIndexChanged.connect(self.refresh)
        self.fill()

    def fill(self) -> None:
        """The plateaus in the lists: the first as the earlier, the last as the later."""
        found = plateaus(self.model)
        for box in (self.source, self.target):
            box.blockSignals(True)
            box.clear()
            for plateau in found:
                box.addItem(plateau.name or plateau.id, plateau.id)
            box.blockSignals(False)
        if found:
            self.target.setCurrentIndex(len(found) - 1)
        self.refresh()

    def _make(self) -> None:
        if self._make_plateaus():
            self.fill()

    def refresh(self) -> None:
        labels = {"added": self.tr("added"), "removed": self.tr("removed"),
                  "changed": self.tr("changed"), "merged": self.tr("merged")}
        self.differences.clear()
        source, target = self.source.currentData(), self.target.currentData()
        if not source or not target or source == target:
            self.analysis = None
            self.note.setText(self.tr("Choose two different plateaus (the model needs at "
                                      "least two)."))
            self.create_button.setEnabled(False)
            return
        self.analysis = analyse_gap(self.model, source, target)
        for difference in self.analysis.differences:
            vi, en = difference.task_names(self.model)
            self.differences.addTopLevelItem(QTreeWidgetItem(
                [labels[difference.kind], difference.handling, vi]))
        self.note.setText(self.tr("{count} differences. Each becomes a task (work package) "
                                  "unless a task already handles it.").format(
                                      count=len(self.analysis.differences)))
        self.create_button.setEnabled(bool(self.analysis.differences))
