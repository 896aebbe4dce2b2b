"""The inventory tables' sort and filter: which rows of a table are shown, in what order.

Why not Qt's ``QSortFilterProxyModel``: on a national model (14,000 objects, 20,000
connections) it asked Python whether one row sorts before another some 200,000 times per
click on a header, and whether each row passes the filter on every keystroke, each call
crossing from C++ to Python: 0.6 s per sort, 0.3-0.5 s per keystroke. Here the order is a
plain list of the table's rows, sorted in Python by each row's rank in the column (the
column's keys are read once per sort and kept until the table is read again), and the
filter is a list comprehension over the rows' folded text (kept per row by the table).
A query typed on from the last one only looks at the rows it showed
(:func:`~.search_tree.narrows`, as the model tree does). The view is told with one layout
change, which keeps its selection and current row where they still show.

The table tells the filter when it is read again (``modelReset``: after an edit, an undo,
another model); a cell edited in place goes through the table's command and comes back
that way, so no row's order or filter result is ever kept from before the edit.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from .search_tree import fold, matches_words, narrows

_TOP = QModelIndex()


class FilteredTable(Protocol):
    """What the filter asks of the table it shows (the inventory's table model)."""

    concepts: list[Any]

    def search_text(self, row: int) -> str: ...

    def column_sort_keys(self, column: int) -> list[Any]: ...


class InventoryFilter(QAbstractProxyModel):
    """Rows containing every word typed (diacritics ignored), optionally only some ids,
    in the order of the column last sorted by (the table's own order when none)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._text = ""
        self.only: set[str] | None = None
        self._column = -1
        self._order = Qt.SortOrder.AscendingOrder
        #: Shown row -> table row, and table row -> shown row (-1: filtered out).
        self._rows: list[int] = []
        self._place: list[int] = []
        #: Column -> each table row's rank in it; every table row in the sort order.
        self._ranks: dict[int, list[int]] = {}
        self._sorted: list[int] | None = None
        #: A filter typed while this table was on a tab behind another (applied when its
        #: tab is shown: the keystroke then costs the table on screen only).
        self._pending: tuple[str, set[str] | None] | None = None
        #: Rows the filter looked at since the filter was made (what the tests count:
        #: typing on looks at the rows shown, not the whole table).
        self.rows_tested = 0

    # ---------------------------------------------------------------- the table
    def table(self) -> FilteredTable:
        return self.sourceModel()  # type: ignore[return-value]

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        self.beginResetModel()
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._table_read)
        self._table_read()

    def _table_read(self) -> None:
        """The table was read again: every row's rank and filter result worked out anew
        (its rows may be other concepts, with other texts)."""
        self._ranks.clear()
        self._sorted = None
        ordered = self._ordered()
        if self._pending is not None:  # every row, as an empty filter shows them
            self._words, self.only = [], None
        self._set_rows(self._kept(ordered))
        self.endResetModel()

    # ---------------------------------------------------------------- filter and sort
    def set_filter(self, text: str, only: set[str] | None, now: bool = True) -> None:
        """Show the rows with every word of ``text`` (and among ``only`` when given);
        not ``now``: when :meth:`apply_pending` is called (the table's tab is shown)."""
        if not now:
            self._pending = (text, only)
            return
        self._pending = None
        self._text = text
        words = fold(text).split()
        if words == self._words and only == self.only:
            return
        narrower = (narrows(self._words, words) or words == self._words) and (
            self.only is None or (only is not None and only <= self.only))
        candidates = self._rows if narrower else self._ordered()
        self._words, self.only = words, only
        self._relayout(self._kept(candidates))

    def defer(self) -> None:
        """The table is behind another tab: its filter waits until the tab is shown (a
        table read again meanwhile shows all its rows, which no one sees, instead of
        filtering them all)."""
        if self._pending is None and (self._words or self.only is not None):
            self._pending = (self._text, self.only)

    def apply_pending(self) -> None:
        """Apply the filter typed while the table was hidden, if any."""
        if self._pending is not None:
            self.set_filter(*self._pending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Show the rows in the order of ``column`` (-1: the table's own order)."""
        self._column, self._order = column, order
        self._sorted = None
        shown = set(self._rows)
        self._relayout([row for row in self._ordered() if row in shown])

    def _kept(self, candidates: list[int]) -> list[int]:
        """The rows of ``candidates`` the filter keeps, in their order."""
        if not self._words and self.only is None:
            return list(candidates)
        self.rows_tested += len(candidates)
        return [row for row in candidates if self._accepts(row)]

    def _accepts(self, row: int) -> bool:
        table = self.table()
        if self.only is not None and table.concepts[row].id not in self.only:
            return False
        return not self._words or matches_words(self._words, table.search_text(row))

    def _ordered(self) -> list[int]:
        """Every table row, in the order sorted by."""
        count = len(self.table().concepts)
        if self._column < 0 or self._column >= self.columnCount():
            return list(range(count))
        if self._sorted is None or len(self._sorted) != count:
            ranks = self._ranks.get(self._column)
            if ranks is None:
                ranks = self._ranks[self._column] = self._rank(self._column)
            # Python's sort is stable, reversed too: equal cells keep the table's order.
            self._sorted = sorted(range(count), key=ranks.__getitem__,
                                  reverse=self._order == Qt.SortOrder.DescendingOrder)
        return self._sorted

    def _rank(self, column: int) -> list[int]:
        """Each table row's rank by ``column``: numbers before text, empty last; equal
        cells the same rank."""
        keys = [(0, value) if isinstance(value, int) else (1, str(value or "\uffff"))
                for value in self.table().column_sort_keys(column)]
        ranks = [0] * len(keys)
        rank, previous = -1, None
        for row in sorted(range(len(keys)), key=keys.__getitem__):
            if keys[row] != previous:
                rank, previous = rank + 1, keys[row]
            ranks[row] = rank
        return ranks

    def _set_rows(self, rows: list[int]) -> None:
        self._rows = rows
        place = [-1] * len(self.table().concepts)
        for shown, row in enumerate(rows):
            place[row] = shown
        self._place = place

    def _relayout(self, rows: list[int]) -> None:
        """Show ``rows`` instead, telling the view once; its selection and current row
        follow their rows (dropped when filtered out)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [(self._rows[i.row()], i.column()) if i.isValid() and i.row() < len(self._rows)
                else None for i in before]
        self._set_rows(rows)
        after: list[QModelIndex] = []
        for spot in held:
            shown = self._place[spot[0]] if spot is not None else -1
            after.append(self.index(shown, spot[1]) if spot is not None and shown >= 0
                         else QModelIndex())
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # ---------------------------------------------------------------- Qt's proxy model
    def mapToSource(self, index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return QModelIndex()
        return self.sourceModel().index(self._rows[index.row()], index.column())

    def mapFromSource(self, index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        if not index.isValid() or not 0 <= index.row() < len(self._place):
            return QModelIndex()
        shown = self._place[index.row()]
        return QModelIndex() if shown < 0 else self.index(shown, index.column())

    def index(self, row: int, column: int,
              parent: QModelIndex | QPersistentModelIndex = _TOP) -> QModelIndex:
        if parent.isValid() or not 0 <= row < len(self._rows) or \
                not 0 <= column < self.columnCount():
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Any = None) -> Any:
        if index is None:  # QObject.parent()
            return super().parent()
        return QModelIndex()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _TOP) -> int:
        source = self.sourceModel()
        return 0 if parent.isValid() or source is None else source.columnCount()

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = _TOP) -> bool:
        return not parent.isValid() and bool(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.sourceModel().data(self.mapToSource(index), role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            return self.sourceModel().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
            return section + 1
        return None
