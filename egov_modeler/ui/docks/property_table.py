"""An ordered key/value table of the user properties of one model object, or of the
properties several objects share (bulk edit).

The owner is an element, a relationship, a view or the model itself (its properties hold
the dossier fields the PDF prints, ``dossier:title`` and so on). Every edit is one undo step
made of :class:`~egov_modeler.model.commands.SetPropertyCommand`: add a row, change a
value, rename a key (the row keeps its place), remove a row. The table holds no state of its
own: :meth:`PropertyTable.refresh` re-reads the model, and the Properties dock calls it on
every model event, so undo and redo show at once.

With several owners (:meth:`PropertyTable.show_owners`) the rows are the keys every owner
has, in the first owner's order; a value the owners do not share shows empty, marked
"different values". Setting a value, adding, renaming or removing a key then does it for
every owner, as one undo step.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...model.commands import Command, SetPropertyCommand
from ...model.model import Model
from ..editor import Editor
from ..plain_text import tooltip

log = logging.getLogger(__name__)

#: Background of a value the selected objects do not share.
MIXED_COLOR = QColor("#fff4ce")
#: Rows shown before the table scrolls (the dock stays compact).
MAX_VISIBLE_ROWS = 8
#: Rows of height kept even for an empty table, so "add" has somewhere to appear.
MIN_VISIBLE_ROWS = 1


def owner_properties(model: Model, owner_id: str) -> list[tuple[str, str]] | None:
    """The properties of ``owner_id`` (model, element, relationship or view), or ``None``
    when nothing with that id exists any more."""
    if owner_id == model.id:
        return list(model.properties)
    for has, get in ((model.has_element, model.element),
                     (model.has_relationship, model.relationship),
                     (model.has_view, model.view)):
        if has(owner_id):
            return list(get(owner_id).properties)
    return None


def apply_property_edit(properties: list[tuple[str, str]], key: str, value: str | None
                        ) -> list[tuple[str, str]]:
    """What :class:`SetPropertyCommand` does to a property list (first ``key`` replaced in
    place or removed; a new key appended), used to check a rename before running it."""
    props = list(properties)
    index = next((i for i, (k, _) in enumerate(props) if k == key), None)
    if value is None:
        if index is not None:
            props.pop(index)
    elif index is None:
        props.append((key, value))
    else:
        props[index] = (key, value)
    return props


def shared_properties(lists: list[list[tuple[str, str]]]
                      ) -> tuple[list[tuple[str, str]], set[str]]:
    """The keys every list has (first rows only, in the first list's order) with their
    value when all lists agree, else ``""``; and the set of keys whose values differ."""
    if not lists:
        return [], set()
    firsts = [dict(reversed(props)) for props in lists]  # a key's first value wins
    shared: list[tuple[str, str]] = []
    mixed: set[str] = set()
    seen: set[str] = set()
    for key, _value in lists[0]:
        if key in seen or not all(key in values for values in firsts):
            continue
        seen.add(key)
        values = {values[key] for values in firsts}
        if len(values) == 1:
            shared.append((key, values.pop()))
        else:
            shared.append((key, ""))
            mixed.add(key)
    return shared, mixed


def first_rows(properties: list[tuple[str, str]]) -> set[int]:
    """Rows whose key has not appeared above them. An imported file may repeat a key;
    a command addresses a key's first row, so only those rows are editable here."""
    seen: set[str] = set()
    rows = set()
    for row, (key, _) in enumerate(properties):
        if key not in seen:
            rows.add(row)
            seen.add(key)
    return rows


def rename_key_commands(owner_id: str, properties: list[tuple[str, str]], row: int,
                        new_key: str) -> list[Command] | None:
    """Commands that rename the key of ``properties[row]`` and keep every row in place.

    :class:`SetPropertyCommand` appends a new key at the end, so the renamed row and every
    row after it are taken out and put back in order (one undo step when run together).
    Returns ``None`` when a repeated key later in the list would make the result differ
    from a plain rename (the caller refuses the edit rather than reorder the list).
    """
    old_key, value = properties[row]
    commands: list[SetPropertyCommand] = [SetPropertyCommand(owner_id, old_key, None),
                                          SetPropertyCommand(owner_id, new_key, value)]
    for key, later_value in properties[row + 1:]:
        commands += [SetPropertyCommand(owner_id, key, None),
                     SetPropertyCommand(owner_id, key, later_value)]
    result = list(properties)
    for command in commands:
        result = apply_property_edit(result, command.key, command.value)
    wanted = [*properties[:row], (new_key, value), *properties[row + 1:]]
    return list(commands) if result == wanted else None


class _RowsTable(QTableWidget):
    """The rows: the Delete key removes the selected row here, instead of reaching the
    window's "Delete" shortcut (which would delete what is selected on the diagram)."""

    def __init__(self, owner: PropertyTable) -> None:
        super().__init__(0, 2, owner)
        self._owner = owner

    def _is_delete(self, event) -> bool:
        return (event.key() == Qt.Key.Key_Delete
                and self.state() != QAbstractItemView.State.EditingState)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._is_delete(event):
            event.accept()
            return True
        return super().event(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._owner._fit_key_column()

    def keyPressEvent(self, event) -> None:
        if self._is_delete(event):
            self._owner.remove_selected()
            event.accept()
            return
        super().keyPressEvent(event)


class PropertyTable(QWidget):
    """Key/value rows of one owner's properties, with add and remove buttons."""

    def __init__(self, parent: QWidget | None = None, object_name: str = "property_table"
                 ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.editor: Editor | None = None
        #: Whose properties are shown: one owner, or several (bulk edit).
        self.owner_ids: list[str] = []
        self._mixed: set[str] = set()
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.table = _RowsTable(self)
        self.table.setObjectName(f"{object_name}_rows")
        self.table.setHorizontalHeaderLabels([self.tr("Property"), self.tr("Value")])
        self.table.verticalHeader().setVisible(False)
        row_height = self.fontMetrics().height() + 8
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.verticalHeader().setMinimumSectionSize(row_height)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 110)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(2)
        self.add_button = QToolButton(self)
        self.add_button.setObjectName(f"{object_name}_add")
        self.add_button.setText("+")
        self.add_button.setToolTip(self.tr("Add a property"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName(f"{object_name}_remove")
        self.remove_button.setText("−")
        self.remove_button.setToolTip(self.tr("Remove the selected property"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.count_label = QLabel(self)
        self.count_label.setEnabled(False)  # greyed: a hint, not a field
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)
        self._update_height()
        self._update_buttons()

    # ---------------------------------------------------------------- showing
    @property
    def owner_id(self) -> str | None:
        """The one owner shown (the first of several in a bulk edit), or None."""
        return self.owner_ids[0] if self.owner_ids else None

    def show_owner(self, editor: Editor | None, owner_id: str | None) -> None:
        """Show the properties of ``owner_id`` (``None``: an empty, disabled table)."""
        self.show_owners(editor, [owner_id] if owner_id is not None else [])

    def show_owners(self, editor: Editor | None, owner_ids: list[str]) -> None:
        """Show the properties ``owner_ids`` share (one owner: all of its properties)."""
        if (editor, owner_ids) != (self.editor, self.owner_ids):
            self.table.clearSelection()
        self.editor = editor
        self.owner_ids = list(owner_ids)
        self.refresh()

    def _live_owners(self) -> list[str]:
        if self.editor is None:
            return []
        model = self.editor.model
        return [o for o in self.owner_ids if owner_properties(model, o) is not None]

    def properties(self) -> list[tuple[str, str]]:
        """The owner's properties as the model has them now ([] when there is no owner);
        with several owners, those they share (see :func:`shared_properties`)."""
        if self.editor is None or not self.owner_ids:
            return []
        if len(self.owner_ids) == 1:
            return owner_properties(self.editor.model, self.owner_ids[0]) or []
        lists = [owner_properties(self.editor.model, o) or [] for o in self._live_owners()]
        shared, self._mixed = shared_properties(lists)
        return shared

    def is_bulk(self) -> bool:
        return len(self.owner_ids) > 1

    def refresh(self) -> None:
        """Re-read the rows from the model, changing only the cells that differ (safe to
        call while a cell's change is being handled)."""
        props = self.properties()
        active = bool(self.owner_ids) and len(self._live_owners()) == len(self.owner_ids)
        self._filling = True
        try:
            if self.table.rowCount() != len(props):
                self.table.setRowCount(len(props))
            editable = first_rows(props)
            for row, (key, value) in enumerate(props):
                self._set_cell(row, 0, key, row in editable)
                self._set_cell(row, 1, value, row in editable,
                               mixed=self.is_bulk() and key in self._mixed)
        finally:
            self._filling = False
        self.table.setEnabled(active)
        self.add_button.setEnabled(active)
        if self.is_bulk():
            self.count_label.setText(self.tr("{count} shared by all {owners}").format(
                count=len(props), owners=len(self.owner_ids)))
        else:
            self.count_label.setText(self.tr("{count} properties").format(count=len(props))
                                     if props else "")
        self._fit_key_column()
        self._update_height()
        self._update_buttons()

    def _fit_key_column(self) -> None:
        """Keys as wide as the longest (``dossier:prepared_by``) within limits, so the
        values keep most of a narrow dock; a cut key shows whole in its tooltip."""
        wanted = max(self.table.sizeHintForColumn(0), 70) + 8
        limit = max(90, int(self.table.width() * 0.45))
        self.table.horizontalHeader().resizeSection(0, min(wanted, limit))

    def _set_cell(self, row: int, column: int, text: str, editable: bool = True,
                  mixed: bool = False) -> None:
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem(text)
            self.table.setItem(row, column, item)
        elif item.text() != text:
            item.setText(text)
        flags = item.flags()
        flags = (flags | Qt.ItemFlag.ItemIsEditable if editable
                 else flags & ~Qt.ItemFlag.ItemIsEditable)
        if item.flags() != flags:
            item.setFlags(flags)
        tip = text if editable else "\n".join(
            (text, self.tr("This name is repeated: only its first row can be edited here.")))
        if mixed:
            tip = self.tr("Different values: typing a value sets it for all of them")
        tip = tooltip(tip)
        if item.toolTip() != tip:
            item.setToolTip(tip)
        brush = QBrush(MIXED_COLOR) if mixed else QBrush()
        if item.background() != brush:
            item.setBackground(brush)

    def _update_height(self) -> None:
        """As tall as its rows (up to :data:`MAX_VISIBLE_ROWS`), so the dock stays compact
        and a long list scrolls inside the table instead of stretching the dock."""
        rows = min(max(self.table.rowCount(), MIN_VISIBLE_ROWS), MAX_VISIBLE_ROWS)
        height = (self.table.horizontalHeader().sizeHint().height()
                  + rows * self.table.verticalHeader().defaultSectionSize()
                  + 2 * self.table.frameWidth() + 2)
        self.table.setFixedHeight(height)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.isEnabled()
                                      and self.selected_row() is not None)

    def selected_row(self) -> int | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows:
            current = self.table.currentRow()
            rows = {current} if self.table.currentItem() is not None and current >= 0 else set()
        row = min(rows) if rows else None
        return row if row is not None and row < len(self.properties()) else None

    # ---------------------------------------------------------------- editing
    def _run(self, command: Command) -> bool:
        return self.editor is not None and self.editor.run(command)

    def _run_all(self, label: str, commands: list[Command]) -> bool:
        return self.editor is not None and bool(commands) and self.editor.run_many(
            label, commands)

    def _say(self, message: str) -> None:
        if self.editor is not None:
            self.editor.status.emit(message)

    def add_row(self) -> None:
        """Add a property with a new, unused name and an empty value (one undo step), then
        open its name for typing."""
        if self.editor is None or not self.owner_ids:
            return
        keys = {key for owner in self.owner_ids
                for key, _ in owner_properties(self.editor.model, owner) or []}
        base = self.tr("property")
        key, number = base, 1
        while key in keys:
            number += 1
            key = f"{base} {number}"
        if self._run_all(self.tr("Set property ‘{key}’").format(key=key),
                         [SetPropertyCommand(o, key, "") for o in self.owner_ids]):
            self.refresh()
            row = next((i for i, (k, _) in enumerate(self.properties()) if k == key), None)
            if row is not None:
                self.table.setCurrentCell(row, 0)
                cell = self.table.item(row, 0)
                if cell is not None:
                    self.table.editItem(cell)

    def remove_selected(self) -> None:
        """Remove the selected property (one undo step)."""
        row = self.selected_row()
        if row is None or not self.owner_ids:
            return
        props = self.properties()
        if row not in first_rows(props):
            self._say(self.tr("This name is repeated: only its first row can be edited here."))
            return
        key = props[row][0]
        self._run_all(self.tr("Set property ‘{key}’").format(key=key),
                      [SetPropertyCommand(o, key, None) for o in self.owner_ids])
        self.refresh()

    def set_value(self, row: int, value: str) -> bool:
        """Change the value of row ``row`` (what editing the cell does)."""
        props = self.properties()
        if (not self.owner_ids or not 0 <= row < len(props) or row not in first_rows(props)
                or (props[row][1] == value and props[row][0] not in self._mixed)
                or (self.is_bulk() and props[row][0] in self._mixed and not value)):
            return False
        key = props[row][0]
        return self._run_all(self.tr("Set property ‘{key}’").format(key=key),
                             [SetPropertyCommand(o, key, value) for o in self.owner_ids])

    def rename_key(self, row: int, new_key: str) -> bool:
        """Rename the key of row ``row``; the row keeps its place. An empty or taken name
        is refused with a message on the status bar."""
        props = self.properties()
        if not self.owner_ids or not 0 <= row < len(props) or row not in first_rows(props):
            return False
        new_key = new_key.strip()
        old_key = props[row][0]
        if new_key == old_key:
            return False
        if not new_key:
            self._say(self.tr("A property needs a name; ‘{key}’ was kept.").format(
                key=old_key))
            return False
        model = self.editor.model if self.editor is not None else None
        lists = {o: (owner_properties(model, o) or []) if model is not None else props
                 for o in self.owner_ids}
        if any(key == new_key for owned in lists.values() for key, _ in owned):
            self._say(self.tr("There is already a property named ‘{key}’.").format(
                key=new_key))
            return False
        commands: list[Command] = []
        for owner, owned in lists.items():
            at = next(i for i, (k, _) in enumerate(owned) if k == old_key)
            some = rename_key_commands(owner, owned, at, new_key)
            if some is None:
                self._say(self.tr("Repeated property names below this row: renaming it "
                                  "here would reorder them, so nothing was changed."))
                return False
            commands.extend(some)
        return self.editor is not None and self.editor.run_many(
            self.tr("Rename property ‘{old}’ to ‘{new}’").format(old=old_key, new=new_key),
            commands)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        row, column = item.row(), item.column()
        if column == 0:
            self.rename_key(row, item.text())
        else:
            self.set_value(row, item.text())
        self.refresh()  # a refused edit shows the model's value again

