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

The table tells the filter when it is read again (``modelReset``: another model) and,
after an edit, an undo or a redo, which rows it worked out again, added or took away
(:class:`RowChange`): only those are placed again (a binary search in the order, their
cell's sort key and their filter result made anew), every other row keeps its place, sort
key and filter result, so an edit costs the rows it touched, not the table.

A keystroke whose rows' search texts are not all made yet (the dock was shown a moment
ago, before the idle pass made them) does not make them all at once: it shows at once the
rows it can tell within a few milliseconds and tests the rest a slice at a time while the
window is idle (:class:`~egov_modeler.ui.idle_slices.IdleSlices`), the rows found joining
the table in their place; :meth:`InventoryFilter.searching` says it is not done.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ..idle_slices import IdleSlices
from .search_tree import fold, matches_words, narrows

_TOP = QModelIndex()
#: Seconds a keystroke spends making rows' search texts before it shows what it found
#: (the rest is tested while idle).
KEYSTROKE_SECONDS = 0.010
#: Milliseconds before the first slice testing the rest of a keystroke's rows.
REST_DELAY_MS = 0


@dataclass(frozen=True)
class RowChange:
    """What an edit did to a table's rows: ``remap`` is each old row's new row (-1: taken
    away), ``None`` when no row was added or taken away; ``touched`` the rows (new
    numbers) worked out again or added."""

    remap: list[int] | None
    touched: list[int]


class FilteredTable(Protocol):
    """What the filter asks of the table it shows (the inventory's table model)."""

    concepts: list[Any]

    def search_text(self, row: int) -> str: ...

    def search_text_made(self, row: int) -> bool: ...

    def sort_key(self, row: int, column: int) -> Any: ...

    def column_sort_keys(self, column: int) -> list[Any]: ...


class InventoryFilter(QAbstractProxyModel):
    """Rows containing every word typed (diacritics ignored), optionally only some ids,
    in the order of the column last sorted by (the table's own order when none)."""

    #: The rows shown changed without a keystroke (rows of an edit, rows a keystroke's
    #: rest found while idle): the count shown beside the filter is told.
    rowsShownChanged = Signal()

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
        #: Column -> each table row's sort key in it; every table row in the sort order.
        self._keys: dict[int, list[Any]] = {}
        self._sorted: list[int] | None = None
        #: Rows (in the order shown) a keystroke left to test while idle, and how far.
        self._untested: list[int] = []
        self._next_untested = 0
        self._rest = IdleSlices(self)
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
        model.rowsRewritten.connect(self.rows_changed)  # type: ignore[attr-defined]
        self._table_read()

    def _table_read(self) -> None:
        """The table was read again: every row's rank and filter result worked out anew
        (its rows may be other concepts, with other texts)."""
        self._keys.clear()
        self._sorted = None
        self._forget_untested()
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
            self.only is None or (only is not None and only <= self.only)) and \
            not self.searching()
        candidates = self._rows if narrower else self._ordered()
        self._words, self.only = words, only
        self._forget_untested()
        self._relayout(self._kept(candidates, KEYSTROKE_SECONDS))
        if self.searching():
            self._rest.start(self._test_the_rest(), REST_DELAY_MS)

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
        ordered = self._ordered()
        self._relayout([row for row in ordered if row in shown])
        if self.searching():  # the rows left to test, in the new order too
            left = set(self._untested[self._next_untested:])
            self._untested = [row for row in ordered if row in left]
            self._next_untested = 0

    def _kept(self, candidates: list[int], seconds: float | None = None) -> list[int]:
        """The rows of ``candidates`` the filter keeps, in their order. Given ``seconds``,
        rows whose search text is not made yet are tested for that long only; the others
        are left in :attr:`_untested`, for :meth:`_test_the_rest`."""
        if not self._words and self.only is None:
            return list(candidates)
        if seconds is None or not self._words:
            self.rows_tested += len(candidates)
            return [row for row in candidates if self._accepts(row)]
        table, accepts = self.table(), self._accepts
        kept: list[int] = []
        untested: list[int] = []
        deadline = time.perf_counter() + seconds
        made = 0
        for row in candidates:
            if table.search_text_made(row):
                if accepts(row):
                    kept.append(row)
            elif untested or (made % 16 == 0 and time.perf_counter() > deadline):
                untested.append(row)
            else:
                made += 1
                if accepts(row):
                    kept.append(row)
        self.rows_tested += len(candidates) - len(untested)
        self._untested, self._next_untested = untested, 0
        return kept

    def searching(self) -> bool:
        """Whether rows are still being tested while idle (the rows shown are those
        found so far)."""
        return self._next_untested < len(self._untested)

    def _forget_untested(self) -> None:
        self._untested, self._next_untested = [], 0
        self._rest.stop()

    def _test_the_rest(self) -> Iterator[None]:
        """Test the rows a keystroke left, a slice at a time; the rows found join the
        rows shown, in their place."""
        while self.searching():
            deadline = time.perf_counter() + KEYSTROKE_SECONDS
            found: list[int] = []
            untested, accepts = self._untested, self._accepts
            start = at = self._next_untested
            while at < len(untested) and (at == start or time.perf_counter() < deadline):
                for row in untested[at:at + 32]:
                    if accepts(row):
                        found.append(row)
                at = min(at + 32, len(untested))
            self._next_untested = at
            self.rows_tested += at - start
            if found:
                keep = set(self._rows)
                keep.update(found)
                self._relayout([row for row in self._ordered() if row in keep])
            if not self.searching():
                self._untested, self._next_untested = [], 0
            self.rowsShownChanged.emit()
            yield

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
            keys = self._column_keys(self._column)
            # Python's sort is stable, reversed too: equal cells keep the table's order.
            self._sorted = sorted(range(count), key=keys.__getitem__,
                                  reverse=self._order == Qt.SortOrder.DescendingOrder)
        return self._sorted

    def _column_keys(self, column: int) -> list[Any]:
        """Each table row's key in ``column``, read once and kept until the table is
        read again (an edit makes again those of the rows it touched)."""
        keys = self._keys.get(column)
        if keys is None:
            keys = self._keys[column] = [_order_key(value) for value in
                                         self.table().column_sort_keys(column)]
        return keys

    def _before(self, row: int, other: int) -> bool:
        """Whether ``row`` shows before ``other`` in the order sorted by."""
        if self._column < 0 or self._column not in self._keys:
            return row < other
        keys = self._keys[self._column]
        if keys[row] != keys[other]:
            if self._order == Qt.SortOrder.DescendingOrder:
                return keys[row] > keys[other]
            return keys[row] < keys[other]
        return row < other

    def _place_in(self, rows: list[int], row: int) -> None:
        """Put ``row`` into ``rows`` (in the order sorted by) at its place."""
        low, high = 0, len(rows)
        while low < high:
            middle = (low + high) // 2
            if self._before(rows[middle], row):
                low = middle + 1
            else:
                high = middle
        rows.insert(low, row)

    # ---------------------------------------------------------------- an edit's rows
    def rows_changed(self, change: RowChange) -> None:
        """The table worked some rows out again, added or took some away: place those
        again, the others keep their place, key and filter result (see the module)."""
        count = len(self.table().concepts)
        remap, touched = change.remap, set(change.touched)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [(self._rows[i.row()], i.column()) if i.isValid() and i.row() < len(self._rows)
                else None for i in before]

        def carried(rows: list[int]) -> list[int]:
            if remap is None:
                return [row for row in rows if row not in touched] if touched else rows
            moved = [remap[row] for row in rows]
            return [row for row in moved if row >= 0 and row not in touched]

        for column, keys in list(self._keys.items()):
            if remap is not None:
                new_keys: list[Any] = [None] * count
                for old, new in enumerate(remap):
                    if new >= 0:
                        new_keys[new] = keys[old]
                keys = self._keys[column] = new_keys
            for row in touched:
                keys[row] = _order_key(self.table().sort_key(row, column))
        ordered = sorted(touched)
        if self._sorted is not None:
            self._sorted = carried(self._sorted)
            for row in ordered:
                self._place_in(self._sorted, row)
        rows = carried(self._rows)
        if self.searching():
            self._untested = carried(self._untested[self._next_untested:])
            self._next_untested = 0
        for row in self._kept(ordered):
            self._place_in(rows, row)
        self._set_rows(rows, count)
        after: list[QModelIndex] = []
        for spot in held:
            row = -1 if spot is None else spot[0] if remap is None else remap[spot[0]]
            shown = self._place[row] if row >= 0 else -1
            after.append(self.index(shown, spot[1]) if spot is not None and shown >= 0
                         else QModelIndex())
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()
        self.rowsShownChanged.emit()

    def _set_rows(self, rows: list[int], count: int | None = None) -> None:
        self._rows = rows
        place = [-1] * (len(self.table().concepts) if count is None else count)
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


def _order_key(value: Any) -> tuple[int, Any]:
    """A cell's place in a sort: numbers before text, empty last."""
    return (0, value) if isinstance(value, int) else (1, str(value or "\uffff"))
