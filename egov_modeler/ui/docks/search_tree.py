"""A filter box over a tree that things are dragged from: the palette and the model tree.

Both docks find rows the same way: every word typed must occur in the row's search text,
ignoring case and Vietnamese diacritics ("cong dich vu" finds "Cổng Dịch vụ công"), so an
architect on a keyboard without a Vietnamese input method still finds things.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ...model.text_fold import fold

__all__ = ["SEARCH_ROLE", "WordFilter", "fold", "matches_words", "narrows",
           "searchable_tree"]

#: The folded text a row is searched by (see :func:`fold`).
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


def matches_words(words: list[str], haystack: str) -> bool:
    """Whether every (folded) word occurs in the (folded) text."""
    return all(word in haystack for word in words)


def narrows(before: list[str], after: list[str]) -> bool:
    """Whether the query ``after`` can only keep rows ``before`` kept: typing narrows a
    query, each word typed before lying in one typed now, so only the rows shown now need
    looking at ("s", "số", "số 1" each look at fewer rows) instead of every row. The model
    tree and the inventory tables both filter this way."""
    return bool(before) and all(any(old in new for new in after) for old in before)


class WordFilter(QSortFilterProxyModel):
    """Keeps rows whose folded text contains every word typed (a parent stays when a child
    matches)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setRecursiveFilteringEnabled(True)

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateFilter is deprecated
            self.beginFilterChange()
            self._words = fold(text).split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = fold(text).split()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(row, 0, parent)
        haystack = self.sourceModel().data(index, SEARCH_ROLE) or ""
        return matches_words(self._words, haystack)


def searchable_tree(owner: QWidget, name: str, placeholder: str,
                    proxy: QAbstractItemModel, icon_px: int
                    ) -> tuple[QWidget, QLineEdit, QTreeView]:
    """A body widget with a filter box (``<name>_search``) above a read-only, drag-only
    tree view named ``name`` showing ``proxy`` (a :class:`WordFilter`, or a model that
    filters itself); the owner connects the box to the filter."""
    body = QWidget(owner)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(4, 4, 4, 4)
    search = QLineEdit(body)
    search.setObjectName(f"{name}_search")
    search.setPlaceholderText(placeholder)
    search.setClearButtonEnabled(True)
    layout.addWidget(search)
    tree = QTreeView(body)
    tree.setObjectName(name)
    tree.setModel(proxy)
    tree.setHeaderHidden(True)
    tree.setDragEnabled(True)
    tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
    tree.setDefaultDropAction(Qt.DropAction.CopyAction)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tree.setUniformRowHeights(True)
    tree.setIndentation(14)
    tree.setIconSize(QSize(icon_px, icon_px))
    layout.addWidget(tree)
    return body, search, tree
