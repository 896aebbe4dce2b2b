"""The Inventory dock: the model's digital objects, connections and tasks as tables.

The tables are views of the model, not a copy: a row is an element or a relationship, a
column a name or an inventory field of the profile (the same columns as the workbook,
:mod:`egov_modeler.exchange.xlsx_inventory_layout`). Sort by clicking a header; the filter
box keeps the rows containing every word typed, with or without Vietnamese diacritics; on
the objects tab "Duplicates after the merger" keeps the systems of the same kind and function
inherited from different former units. A cell is edited in place (a list for a choice) and
each edit is one undo step. Selecting rows selects what shows them on the diagram and in the
model tree, and a selection there selects the rows here.

Why the tables are built late and a row at a time: the dock is a tab behind Problems, and a
national model has some 30,000 rows. The tables are read only while the dock is shown (a
hidden dock notes which rows the model's changes touched and brings them up to date when
shown again; another model is read when shown), a row's cells are worked out when
something asks for them (the rows on screen, a sort, a filter), and a row is found by its
id in a dictionary, so selecting 200 nodes on the diagram looks up 200 rows (issue 19).
Sorting and filtering are plain lists of rows (:mod:`.inventory_filter`), and the folded
search text of every row of the table on screen is made while the window is idle after
the tables are read, so a click on a header or a keystroke in the filter box does not
freeze a 20,000-element model.

Why an edit does not read the tables again: at 20,000 elements, sorted and filtered, that
took a third of a second after every edit, undo and redo (every row's sort key and search
text made anew). The model's events say which concepts changed; :mod:`.inventory_changes`
turns them into the rows they touch, the table works those out again, adds or takes away
rows (:meth:`InventoryTableModel.update`) and the filter places them in the order and the
filter (:meth:`InventoryFilter.rows_changed`): an edit costs the rows it touched.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...exchange.xlsx_inventory_layout import (
    CONNECTIONS_SHEET,
    OBJECTS_SHEET,
    TASKS_SHEET,
    Column,
    Sheet,
    sheet_rows,
    workbook_layout,
)
from ...i18n import current_language
from ...model import events as ev
from ...model.catalog import rename_element_command
from ...model.commands import Command, SetElementFieldsCommand, SetRelationshipFieldsCommand
from ...model.concepts import Element, Relationship
from ...model.inventory.duplicates import duplicate_ids
from ...model.inventory.edits import set_field_command
from ...model.inventory.roadmap import format_money
from ...model.inventory.rows import Inventory
from ...model.inventory.schema import CONNECTIONS, OBJECTS, WORK, FieldValueError
from ..editor import Editor
from ..idle_slices import IdleSlices
from ..model_listener import ModelListener
from ..plain_text import tooltip
from ..undo import edit_burst
from .inventory_changes import TouchedRows
from .inventory_filter import InventoryFilter, RowChange
from .search_tree import fold

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
#: Columns edited in place besides the inventory fields.
EDITABLE_KEYS = ("name", "name_en", "documentation")
#: Rows a column is fitted to (besides those on screen): Qt's default of 1,000 made the
#: first look at a 20,000-object inventory take most of a second for a few pixels.
SIZED_FROM_ROWS = 200
#: Rows an edit may touch before the tables are read again instead (a paste of thousands
#: of elements, an import): at least this many, or half the rows.
MANY_TOUCHED = 2000
_ROOT = QModelIndex()
TABLES = ((OBJECTS_SHEET, "inventory_objects"), (CONNECTIONS_SHEET, "inventory_connections"),
          (TASKS_SHEET, "inventory_tasks"))


@lru_cache(maxsize=1 << 16)
def folded(text: str) -> str:
    """:func:`fold` remembered per text: the same status, owner or year fills thousands of
    cells, and sorting folds every cell of a column."""
    return fold(text)


def cell_display(value: Any, column: Column, language: str) -> str:
    """A cell value as the table shows it (amounts with separators, dates dd/mm/yyyy)."""
    if value is None:
        return ""
    if column.spec is not None and column.spec.type == "money" and isinstance(value, int):
        return format_money(value, language)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


class InventoryTableModel(QAbstractTableModel):
    """One table (objects, connections or tasks) of the shown model.

    The rows are known at once (the concepts, in the workbook's order); a row's cells are
    worked out the first time they are asked for (:meth:`row_cells`). After an edit only
    the rows it touched are worked out again (:meth:`update`)."""

    #: Some rows were worked out again, added or taken away (a :class:`RowChange`): the
    #: table is shown only through its :class:`InventoryFilter`, which follows it.
    rowsRewritten = Signal(object)

    def __init__(self, sheet_key: str, parent=None) -> None:
        super().__init__(parent)
        self.sheet_key = sheet_key
        self.editor: Editor | None = None
        self.sheet: Sheet | None = None
        self.columns: list[Column] = []
        self.concepts: list[Any] = []
        #: The row of each concept, by id.
        self.rows_by_id: dict[str, int] = {}
        self._values: list[list[Any] | None] = []
        self._cells: list[list[str] | None] = []
        self._search: list[str | None] = []
        self._language = "vi"
        self.inventory: Inventory | None = None
        #: How many rows had their cells worked out (since the table was created).
        self.rows_made = 0
        #: How many rows had their search text worked out (since the table was created).
        self.search_texts_made = 0

    def show(self, editor: Editor | None) -> None:
        self.editor = editor
        self.rebuild()

    def clear(self) -> None:
        """No rows (the dock is hidden: the model is read when it is shown)."""
        self.beginResetModel()
        self.editor = None
        self._reset_rows([])
        self.endResetModel()

    def _reset_rows(self, concepts: list[Any]) -> None:
        self.concepts = concepts
        self.rows_by_id = {concept.id: row for row, concept in enumerate(concepts)}
        self._values = [None] * len(concepts)
        self._cells = [None] * len(concepts)
        self._search = [None] * len(concepts)

    def belongs(self, concept: Any) -> bool:
        """Whether ``concept`` is a row of this table (what :func:`sheet_rows` keeps)."""
        inventory = self.inventory
        assert inventory is not None
        schema = inventory.schema
        if self.sheet_key == CONNECTIONS_SHEET:
            return isinstance(concept, Relationship) and schema.in_group(
                CONNECTIONS, concept.type) and inventory.is_object(concept.source) \
                and inventory.is_object(concept.target)
        group = WORK if self.sheet_key == TASKS_SHEET else OBJECTS
        return isinstance(concept, Element) and schema.in_group(group, concept.type)

    def update(self, ids: list[str]) -> None:
        """Work the rows of these concepts out again, take away those no longer rows and
        add those that became rows (in the model's order), leaving every other row and
        what is known of it as it is; then say so with :attr:`rowsRewritten`."""
        if self.editor is None or self.inventory is None:
            return
        model = self.editor.model
        rows_by_id, concepts = self.rows_by_id, self.concepts
        gone: set[int] = set()
        changed: list[int] = []
        new: list[Any] = []
        for concept_id in ids:
            concept: Element | Relationship | None = model.find_element(concept_id)
            if concept is None and model.has_relationship(concept_id):
                concept = model.relationship(concept_id)
            member = concept is not None and self.belongs(concept)
            row = rows_by_id.get(concept_id)
            if row is None:
                if member:
                    new.append(concept)
            elif member:
                concepts[row] = concept
                self._values[row] = self._cells[row] = self._search[row] = None
                changed.append(row)
            else:
                gone.add(row)
        if not gone and not new:
            self.rowsRewritten.emit(RowChange(None, changed))
            return
        remap = self._restructure(gone, new, model)
        touched = [remap[row] for row in changed if remap[row] >= 0]
        touched += [self.rows_by_id[concept.id] for concept in new]
        self.rowsRewritten.emit(RowChange(remap, touched))

    def _restructure(self, gone: set[int], new: list[Any], model: Any) -> list[int]:
        """Take rows ``gone`` away and put ``new`` concepts in at their place in the
        model's order; the caches follow their rows. Returns old row -> new row (-1:
        gone)."""
        old_concepts = self.concepts
        kept = [row for row in range(len(old_concepts)) if row not in gone] if gone \
            else list(range(len(old_concepts)))
        concepts = [old_concepts[row] for row in kept]
        values = [self._values[row] for row in kept]
        cells = [self._cells[row] for row in kept]
        search = [self._search[row] for row in kept]
        if new:
            order = dict(zip(model.element_index if self.sheet_key != CONNECTIONS_SHEET
                             else (r.id for r in model.relationships),
                             range(1 << 62), strict=False))
            for concept in sorted(new, key=lambda c: order[c.id]):
                at = bisect.bisect_left(concepts, order[concept.id],
                                        key=lambda c: order[c.id])
                concepts.insert(at, concept)
                values.insert(at, None)
                cells.insert(at, None)
                search.insert(at, None)
        self.concepts, self._values, self._cells, self._search = concepts, values, cells, \
            search
        self.rows_by_id = rows_by_id = {c.id: row for row, c in enumerate(concepts)}
        return [rows_by_id.get(c.id, -1) if row not in gone else -1
                for row, c in enumerate(old_concepts)]

    def rebuild(self) -> None:
        self.beginResetModel()
        concepts: list[Any] = []
        if self.editor is not None:
            self._language = current_language()
            inventory = Inventory(self.editor.model)
            self.inventory = inventory
            self.sheet = next(s for s in workbook_layout(inventory) if s.key == self.sheet_key)
            self.columns = [c for c in self.sheet.columns if c.key not in ("id", "source_id",
                                                                            "target_id")]
            concepts = list(sheet_rows(inventory, self.sheet))
        self._reset_rows(concepts)
        self.endResetModel()

    def row_cells(self, row: int) -> list[str]:
        """The texts of a row's cells, worked out on first use."""
        cells = self._cells[row]
        if cells is None:
            values, cells = self._work_out(row)
            self._values[row], self._cells[row] = values, cells
            self.rows_made += 1
        return cells

    def _work_out(self, row: int) -> tuple[list[Any], list[str]]:
        """A row's cell values and the texts the table shows for them."""
        assert self.inventory is not None
        concept, language = self.concepts[row], self._language
        values = [c.get(self.inventory, concept, language) for c in self.columns]
        return values, [cell_display(v, c, language)
                        for v, c in zip(values, self.columns, strict=True)]

    def sort_key(self, row: int, column: int) -> Any:
        """What a cell sorts by: its number, else its text folded."""
        text = self.row_cells(row)[column]
        values = self._values[row]
        assert values is not None
        return _sort_key(values[column], text)

    def column_sort_keys(self, column: int) -> list[Any]:
        """Every row's :meth:`sort_key` for ``column``; a row whose cells are not made yet
        has only that cell worked out (a sort reads one column of every row, the screen
        the whole of a few)."""
        keys: list[Any] = []
        inventory, language = self.inventory, self._language
        spec = self.columns[column]
        for row, cells in enumerate(self._cells):
            if cells is not None or inventory is None:
                keys.append(self.sort_key(row, column))
                continue
            value = spec.get(inventory, self.concepts[row], language)
            keys.append(_sort_key(value, cell_display(value, spec, language)))
        return keys

    def search_text_made(self, row: int) -> bool:
        """Whether the row's :meth:`search_text` is made (testing it costs nothing)."""
        return self._search[row] is not None

    def search_text(self, row: int) -> str:
        """The row's cells folded, what the filter looks for words in."""
        text = self._search[row]
        if text is None:
            cells = self._cells[row]
            if cells is None:  # worked out, not kept: the rows on screen keep theirs
                cells = self._work_out(row)[1]
            text = self._search[row] = fold(" ".join(cells))
            self.search_texts_made += 1
        return text

    def warm_search_texts(self) -> Iterator[None]:
        """Work out every row's :meth:`search_text`, fifty rows per step (run while the
        window is idle, so the first filter keystroke finds them made). Stops when the
        table is read again: its rows are then other ones."""
        texts = self._search
        for start in range(0, len(texts), 50):
            for row in range(start, min(start + 50, len(texts))):
                if self._search is not texts:
                    return
                if texts[row] is None:
                    self.search_text(row)
            yield

    # ---------------------------------------------------------------- Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.concepts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.header(current_language())
            if role == Qt.ItemDataRole.ToolTipRole and column.spec is not None:
                return tooltip(column.spec.field.note or column.spec.label())
        return super().headerData(section, orientation, role)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.row_cells(row)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self.row_cells(row)[col]) or None
        if role == ID_ROLE:
            return self.concepts[row].id
        if role == SORT_ROLE:
            return self.sort_key(row, col)
        return None

    def editable(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        column = self.columns[index.column()]
        concept = self.concepts[index.row()]
        if column.read_only:
            return False
        if column.spec is not None:
            return column.spec.applies(concept.type)
        return column.key in EDITABLE_KEYS

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.editor is None or not self.editable(index):
            return False
        if str(value) == self.row_cells(index.row())[index.column()]:
            return False
        try:
            command = self.command(self.concepts[index.row()], self.columns[index.column()],
                                   value)
        except FieldValueError as exc:
            self.editor.status.emit(str(exc))
            return False
        return command is not None and self.editor.run(command)

    def command(self, concept: Any, column: Column, value: Any) -> Command | None:
        """The edit of one cell as a command (``None`` when nothing changes)."""
        assert self.editor is not None
        model = self.editor.model
        text = str(value).strip() if value is not None else ""
        if column.spec is not None:
            if column.spec.type == "money":
                text = text.replace(" ", "")
            return set_field_command(model, [concept.id], column.spec, text)
        fields = SetElementFieldsCommand if isinstance(concept, Element) else \
            SetRelationshipFieldsCommand
        if column.key == "name":
            if isinstance(concept, Element):
                return rename_element_command(model, concept.id, text) if text else None
            return fields(concept.id, {"name": text})
        if column.key == "name_en":
            names = dict(concept.names)
            if text:
                names["en"] = text
            else:
                names.pop("en", None)
            return fields(concept.id, {"names": names})
        if column.key == "documentation":
            return fields(concept.id, {"documentation": text})
        return None


def _sort_key(value: Any, text: str) -> Any:
    """What a cell sorts by: its number, else its text folded."""
    return value if isinstance(value, int) else folded(text)


class ChoiceDelegate(QStyledItemDelegate):
    """A list for choice cells, an editable list of the model's agencies for references."""

    def _column(self, index: QModelIndex | QPersistentModelIndex) -> tuple[
            InventoryTableModel, Column] | None:
        proxy = index.model()
        source = proxy.sourceModel() if isinstance(proxy, QAbstractProxyModel) else proxy
        if not isinstance(source, InventoryTableModel):
            return None
        return source, source.columns[index.column()]

    def createEditor(self, parent: QWidget, option, index) -> QWidget:
        found = self._column(index)
        spec = found[1].spec if found else None
        if found and spec is not None and spec.type == "choice" and not spec.multiple:
            box = QComboBox(parent)
            box.addItem("")
            box.addItems([c.label() for c in spec.choices])
            return box
        if found and spec is not None and spec.type == "reference" and found[0].editor:
            box = QComboBox(parent)
            box.setEditable(True)
            box.addItem("")
            box.addItems(sorted({e.name for e in found[0].editor.model.elements
                                 if e.type == "BusinessActor" and e.name}))
            return box
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index) -> None:
        if isinstance(editor, QComboBox):
            text = str(index.data(Qt.ItemDataRole.EditRole) or "")
            position = editor.findText(text)
            if position >= 0:
                editor.setCurrentIndex(position)
            elif editor.isEditable():
                editor.setEditText(text)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class InventoryDock(QDockWidget):
    """Objects, connections and tasks of the model, sortable, filterable, editable."""

    #: Rows were selected: the elements or relationships they are (select them elsewhere).
    conceptsSelected = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Inventory"), parent)
        self.setObjectName("inventory_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.filter = QLineEdit(body)
        self.filter.setObjectName("inventory_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter rows (name, owner, status…)"))
        self.duplicates = QCheckBox(self.tr("Duplicates after the merger"), body)
        self.duplicates.setObjectName("inventory_duplicates")
        self.duplicates.setToolTip(self.tr(
            "Systems of the same kind and function inherited from different former "
            "administrative units"))
        self.count = QLabel(body)
        self.count.setObjectName("inventory_count")
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.duplicates)
        bar.addWidget(self.count)
        layout.addLayout(bar)
        self.tabs = QTabWidget(body)
        self.tabs.setObjectName("inventory_tabs")
        layout.addWidget(self.tabs)
        self.setWidget(body)
        self.models: dict[str, InventoryTableModel] = {}
        self.proxies: dict[str, InventoryFilter] = {}
        self.tables: dict[str, QTableView] = {}
        titles = {OBJECTS_SHEET: self.tr("Objects"), CONNECTIONS_SHEET: self.tr("Connections"),
                  TASKS_SHEET: self.tr("Tasks")}
        self._delegate = ChoiceDelegate(self)
        for key, name in TABLES:
            model = InventoryTableModel(key, self)
            proxy = InventoryFilter(self)
            proxy.setSourceModel(model)
            table = QTableView(body)
            table.setObjectName(name)
            table.setModel(proxy)
            table.setSortingEnabled(True)
            table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
            table.setItemDelegate(self._delegate)
            table.setAlternatingRowColors(True)
            table.setWordWrap(False)
            table.verticalHeader().setDefaultSectionSize(22)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            table.horizontalHeader().setResizeContentsPrecision(SIZED_FROM_ROWS)
            table.selectionModel().selectionChanged.connect(self._selection_changed)
            self.models[key], self.proxies[key], self.tables[key] = model, proxy, table
            self.tabs.addTab(table, titles[key])
        self.editor: Editor | None = None
        self._listener = ModelListener()
        #: The rows the model's changes touched since the tables were last brought up to
        #: date (see :mod:`.inventory_changes`).
        self.touched = TouchedRows()
        #: Brings the tables up to date once the events of a change made outside an undo
        #: step are out (an edit's are handled when the edit is over).
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.apply_changes)
        self._selecting = False
        #: The model changed (or another was shown) while the dock was hidden.
        self._stale = False
        #: What the diagram or the model tree selected while the dock was hidden.
        self._wanted: list[str] = []
        #: Each table's number of columns when they were last fitted to their contents:
        #: fitted again only for another model or other columns, so a width the user set
        #: survives another read of the tables.
        self._sized: dict[str, int] = {}
        #: Whether the user can see the dock: a tab behind Problems is "visible" to
        #: ``isVisible()`` (Qt moves it off screen), so Qt's visibilityChanged tells.
        self.on_screen = False
        self.visibilityChanged.connect(self._visibility_changed)
        self.filter.textChanged.connect(self._refilter)
        self.duplicates.toggled.connect(self._refilter)
        self.tabs.currentChanged.connect(self._tab_changed)
        for proxy in self.proxies.values():
            proxy.rowsShownChanged.connect(self._count)
        #: Works out the rows' search texts while the window is idle (see rebuild).
        self.warm_up = IdleSlices(self)
        self.destroyed.connect(lambda *_: self._listener.stop())

    # ---------------------------------------------------------------- the model
    def show_model(self, editor: Editor) -> None:
        """Show the model ``editor`` edits and follow its changes."""
        self.editor = editor
        self._sized.clear()
        self._listener.follow(editor.model, self._on_event)
        if self.on_screen:
            self.rebuild()
        else:  # read when shown: a tab behind Problems costs nothing at open
            self._timer.stop()
            self._stale = True
            self._wanted = []
            for model in self.models.values():
                model.clear()
            self._count()

    def _visibility_changed(self, visible: bool) -> None:
        self.on_screen = visible
        if visible and self._stale:
            self.rebuild()
        elif visible:
            self.apply_changes()

    def _on_event(self, event: ev.ModelEvent) -> None:
        if self._stale:
            return  # the tables are read anew when shown
        self.touched.note(event)
        if not self.on_screen or not self.touched.pending():
            return  # a hidden dock catches up when shown
        if edit_burst().active:
            edit_burst().after(self.apply_changes)
        else:
            self._timer.start()

    def apply_changes(self) -> None:
        """Bring the tables up to date with the changes noted since they were read: only
        the rows the changes touched (a change of everything, or of more than half the
        rows, reads the tables again)."""
        self._timer.stop()
        touched = self.touched
        if self._stale or self.editor is None or not touched.pending():
            return
        rows = sum(model.rowCount() for model in self.models.values())
        if touched.everything or touched.count() > max(MANY_TOUCHED, rows // 2):
            self.rebuild()
            return
        ids = touched.take()
        try:
            for model in self.models.values():
                model.update(ids)
        except Exception:  # never let the tables break the edit that is being made
            log.exception("the inventory tables could not follow an edit; read again")
            self.rebuild()
            return
        if self.duplicates.isChecked():
            only = duplicate_ids(Inventory(self.editor.model))
            if only != self.proxies[OBJECTS_SHEET].only:
                self._refilter()
        self._count()
        self._warm_shown_table()

    def rebuild(self) -> None:
        """Read every table again (another model, or a change of everything), keeping
        the selection."""
        self._timer.stop()
        selected = self._wanted if self._stale else self.selected_ids()
        self._stale, self._wanted = False, []
        shown = self.shown_table_key()
        for key, proxy in self.proxies.items():
            if key != shown:
                proxy.defer()  # filtered again when its tab is shown, not at every edit
        for model in self.models.values():
            model.show(self.editor)
        if self.editor is not None:
            self.touched.follow(self.editor.model)
        for key, table in self.tables.items():
            header = table.horizontalHeader()
            if self._sized.get(key) == header.count():
                continue
            table.resizeColumnsToContents()
            for section in range(header.count()):
                header.resizeSection(section, min(header.sectionSize(section), 320))
            self._sized[key] = header.count()
        self._refilter()
        self.select_concepts(selected)
        self._warm_shown_table()

    def _refilter(self, *_args: object) -> None:
        only = None
        if self.duplicates.isChecked() and self.editor is not None:
            only = duplicate_ids(Inventory(self.editor.model))
        shown = self.shown_table_key()
        for key, proxy in self.proxies.items():  # the tables behind: when their tab is shown
            proxy.set_filter(self.filter.text(), only if key == OBJECTS_SHEET else None,
                             now=key == shown)
        self._count()

    def _tab_changed(self, _index: int) -> None:
        self.proxies[self.shown_table_key()].apply_pending()
        self._count()
        self._warm_shown_table()

    def _warm_shown_table(self) -> None:
        """The first keystroke in the filter looks at every row's folded text of the table
        on screen: made now, a few rows at a time while nobody types (the tables behind
        their tabs when their tab is shown; after an edit, the rows it touched)."""
        self.warm_up.start(self.models[self.shown_table_key()].warm_search_texts())

    def _count(self) -> None:
        key = TABLES[max(0, self.tabs.currentIndex())][0]
        shown, total = self.proxies[key].rowCount(), self.models[key].rowCount()
        if self.proxies[key].searching():
            text = self.tr("{shown} of {total} rows, still searching…")
        else:
            text = self.tr("{shown} of {total} rows")
        self.count.setText(text.format(shown=shown, total=total))

    # ---------------------------------------------------------------- selection
    def shown_table_key(self) -> str:
        """The key of the table whose tab is shown."""
        return TABLES[max(0, self.tabs.currentIndex())][0]

    def current_table(self) -> QTableView:
        return self.tables[TABLES[max(0, self.tabs.currentIndex())][0]]

    def selected_ids(self) -> list[str]:
        table = self.current_table()
        rows = table.selectionModel().selectedRows()
        return [str(index.data(ID_ROLE)) for index in rows]

    def _selection_changed(self, *_args: object) -> None:
        if self._selecting:
            return
        ids = self.selected_ids()
        if ids:
            self.conceptsSelected.emit(ids)

    def select_concepts(self, ids: list[str]) -> None:
        """Select the rows of these elements or relationships (in every table), without
        telling the others back. A hidden dock selects them when it is shown."""
        if self._stale:
            self._wanted = list(ids)
            return
        self._selecting = True
        try:
            for key, table in self.tables.items():
                model, proxy = self.models[key], self.proxies[key]
                last = proxy.columnCount() - 1
                selection = QItemSelection()
                first = None
                for concept_id in dict.fromkeys(ids):
                    row = model.rows_by_id.get(concept_id)
                    if row is None:
                        continue
                    index = proxy.mapFromSource(model.index(row, 0))
                    if not index.isValid():  # filtered out
                        continue
                    selection.select(index, proxy.index(index.row(), last))
                    first = first or index
                table.selectionModel().select(
                    selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                if first is not None:
                    table.scrollTo(first)
        finally:
            self._selecting = False

    def row_of(self, key: str, concept_id: str) -> int:
        """The row (in the table as sorted and filtered) of a concept, or -1."""
        model = self.models[key]
        row = model.rows_by_id.get(concept_id)
        if row is None:
            return -1
        return self.proxies[key].mapFromSource(model.index(row, 0)).row()

    def column_of(self, key: str, column_key: str) -> int:
        """The column of ``column_key`` (``name``, ``field:owner``...) in a table, or -1."""
        for index, column in enumerate(self.models[key].columns):
            if column.key == column_key:
                return index
        return -1
