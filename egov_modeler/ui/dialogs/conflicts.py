"""The conflict panel: what a merge could not decide, in words, for a person to decide.

Conflicts are grouped by the view or the element they concern. Each shows both versions as
sentences (never JSON) and the program's proposal, already selected; the user confirms it
or picks the other side. The merge can be finished only when every conflict is decided;
closing the panel abandons the merge, leaving the model file and the repository as they
were (the caller does nothing on reject).

The panel decides nothing and writes nothing itself: the caller reads :meth:`decisions`
after the dialog is accepted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...repository.conflicts import OURS, THEIRS, Conflict
from ...repository.wording import ConflictText, decision_words

__all__ = ["ConflictDialog"]

CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMN_TITLE, COLUMN_OURS, COLUMN_THEIRS, COLUMN_DECISION = range(4)


class ConflictDialog(QDialog):
    """Decide each conflict of a merge (see the module docstring)."""

    #: The ids a conflict concerns, for the window to select on the diagram.
    highlightRequested = Signal(tuple)

    def __init__(self, items: list[tuple[Conflict, ConflictText]], source: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Merge conflicts"))
        self.resize(1100, 640)
        self._items = items
        self._texts = {conflict.id: text for conflict, text in items}
        self._conflicts = {conflict.id: conflict for conflict, _ in items}
        self._decided: dict[str, str] = {}
        self._choosers: dict[str, QComboBox] = {}
        self._rows: dict[str, QTreeWidgetItem] = {}

        intro = QLabel(self.tr(
            "{count} changes clash between your version and the one from {source}. Each "
            "shows the program's proposal: confirm it or choose the other side. The merge "
            "is recorded only when every conflict is decided; Abandon leaves your model and "
            "the repository as they were.").format(count=len(items),
                                                   source=source or self.tr("the other unit")))
        intro.setWordWrap(True)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("conflicts")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Conflict"), self.tr("Your version"),
                                   self.tr("Their version"), self.tr("Choice")])
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        for column, width in ((COLUMN_TITLE, 380), (COLUMN_OURS, 230), (COLUMN_THEIRS, 230)):
            self.tree.setColumnWidth(column, width)
        self._fill()

        self.details = QTextBrowser(self)
        self.details.setObjectName("conflict_details")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setSizes([460, 140])

        self.confirm_button = QPushButton(self.tr("&Confirm the proposal"), self)
        self.confirm_all_button = QPushButton(self.tr("Confirm &all remaining proposals"),
                                              self)
        self.status = QLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton(self.tr("&Merge"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.abandon_button = self.buttons.addButton(self.tr("A&bandon the merge"),
                                                     QDialogButtonBox.ButtonRole.RejectRole)
        row = QHBoxLayout()
        row.addWidget(self.confirm_button)
        row.addWidget(self.confirm_all_button)
        row.addStretch(1)
        row.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)

        self.confirm_button.clicked.connect(self.confirm_selected)
        self.confirm_all_button.clicked.connect(self.confirm_all)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.currentItemChanged.connect(self._current_changed)
        first = next(iter(self._rows.values()), None)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._update()

    # ------------------------------------------------------------------ building
    def _fill(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for conflict, text in self._items:
            group = groups.get(text.group_key)
            if group is None:
                group = QTreeWidgetItem([text.group])
                font = group.font(COLUMN_TITLE)
                font.setBold(True)
                group.setFont(COLUMN_TITLE, font)
                group.setFirstColumnSpanned(True)
                self.tree.addTopLevelItem(group)
                group.setExpanded(True)
                groups[text.group_key] = group
            row = QTreeWidgetItem(group, [text.title, text.ours, text.theirs])
            row.setData(COLUMN_TITLE, CONFLICT_ROLE, conflict.id)
            for column in (COLUMN_TITLE, COLUMN_OURS, COLUMN_THEIRS):
                row.setToolTip(column, row.text(column))
            chooser = QComboBox(self.tree)
            chooser.addItem(decision_words(conflict, OURS), OURS)
            chooser.addItem(decision_words(conflict, THEIRS), THEIRS)
            chooser.setCurrentIndex(chooser.findData(conflict.proposed))
            chooser.setToolTip(text.proposed)
            chooser.activated.connect(
                lambda _index, cid=conflict.id: self.choose(cid, self._choosers[cid]
                                                            .currentData()))
            self.tree.setItemWidget(row, COLUMN_DECISION, chooser)
            self._choosers[conflict.id] = chooser
            self._rows[conflict.id] = row
            group.setExpanded(True)

    # ------------------------------------------------------------------ deciding
    def choose(self, conflict_id: str, side: str) -> None:
        """Decide a conflict for ``side`` (``ours`` or ``theirs``)."""
        chooser = self._choosers[conflict_id]
        chooser.setCurrentIndex(chooser.findData(side))
        self._decided[conflict_id] = side
        self._update()

    def confirm_selected(self) -> None:
        """Take the proposal of the selected conflict."""
        conflict_id = self.current_conflict_id()
        if conflict_id is not None:
            self.choose(conflict_id, self._choosers[conflict_id].currentData())
            self._select_next_undecided()

    def confirm_all(self) -> None:
        """Take what every undecided conflict shows (its proposal unless changed)."""
        for conflict_id, chooser in self._choosers.items():
            if conflict_id not in self._decided:
                self._decided[conflict_id] = chooser.currentData()
        self._update()

    def undecided(self) -> list[str]:
        return [cid for cid in self._choosers if cid not in self._decided]

    def decisions(self) -> dict[str, str]:
        """``{conflict id: "ours" | "theirs"}`` for every decided conflict."""
        return dict(self._decided)

    def accept(self) -> None:
        if self.undecided():  # the Merge button is disabled; Enter must not slip through
            return
        super().accept()

    # ------------------------------------------------------------------ showing
    def current_conflict_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(COLUMN_TITLE, CONFLICT_ROLE) if item is not None else None

    def _select_next_undecided(self) -> None:
        remaining = self.undecided()
        if remaining:
            self.tree.setCurrentItem(self._rows[remaining[0]])

    def _current_changed(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        conflict_id = item.data(COLUMN_TITLE, CONFLICT_ROLE) if item is not None else None
        if conflict_id is None:
            self.details.clear()
            self._update()
            return
        text = self._texts[conflict_id]
        conflict = self._conflicts[conflict_id]
        self.details.setHtml(
            f"<p><b>{_escape(text.title)}</b></p>"
            f"<p>{_escape(self.tr('Your version:'))} {_escape(text.ours)}</p>"
            f"<p>{_escape(self.tr('Their version:'))} {_escape(text.theirs)}</p>"
            f"<p><i>{_escape(text.proposed)}</i></p>")
        self.highlightRequested.emit((conflict.key, *(u.key for u in conflict.uses)))
        self._update()

    def _update(self) -> None:
        for conflict_id, row in self._rows.items():
            decided = conflict_id in self._decided
            row.setIcon(COLUMN_TITLE, self.style().standardIcon(
                QStyle.StandardPixmap.SP_DialogApplyButton if decided
                else QStyle.StandardPixmap.SP_MessageBoxQuestion))
            row.setStatusTip(COLUMN_TITLE, self.tr("Decided") if decided
                             else self.tr("To decide"))
        remaining = len(self.undecided())
        self.status.setText(self.tr("{count} of {total} decided").format(
            count=len(self._decided), total=len(self._choosers)))
        self.merge_button.setEnabled(remaining == 0)
        self.confirm_all_button.setEnabled(remaining > 0)
        current = self.current_conflict_id()
        self.confirm_button.setEnabled(current is not None and current not in self._decided)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
