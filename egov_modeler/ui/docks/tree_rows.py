"""The rows of the model tree, kept in plain Python so the tree can list a national model
(20,000 elements, 40,000 relationships) without making a row for each.

A :class:`FolderRow` (the model, one of its folders, a fixed folder, a layer group) knows
*which* concepts it holds (:attr:`FolderRow.members`, for the count in its label) but makes
a :class:`ConceptRow` only for those the tree has shown: the first rows in name order
when the folder is opened, more when it is scrolled to its end, and any single row asked
for (the diagram's selection, a search). :attr:`FolderRow.order` is the name order of the
members the current filter shows, built the first time the folder is opened;
``order[:cursor]`` have all been made.

Why the fold is cached here: a row is sorted and searched by its name without diacritics,
and a relationship's row by both its ends' names too; folding each name once instead of
once per row that shows it (and per character, twice per row, as before) is most of what
listing a large model cost.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from functools import lru_cache
from typing import Any, Protocol

from ...model.text_fold import fold


@lru_cache(maxsize=1 << 17)
def folded(text: str) -> str:
    """:func:`~egov_modeler.model.text_fold.fold` of ``text``, computed once per text."""
    return fold(text)


#: (sort key, concept id): how rows are ordered inside a folder.
Entry = tuple[str, str]

#: The row kind of the invisible root above the model's row.
ROOT = "root"


class RowData(Protocol):
    """What answers for a row's text and roles (the tree's item model)."""

    def row_data(self, row: FolderRow | ConceptRow, role: int) -> Any: ...


class _Row:
    """What both kinds of row answer, as a ``QStandardItem`` would: ``text()``,
    ``data(role)`` and ``parent()`` (``None`` at the top)."""

    __slots__ = ()
    holder: FolderRow | None
    tree: RowData

    def parent(self) -> FolderRow | None:
        holder = self.holder
        return None if holder is None or holder.kind == ROOT else holder

    def data(self, role: int) -> Any:
        return self.tree.row_data(self, role)  # type: ignore[arg-type]

    def text(self) -> str:
        return str(self.data(0) or "")  # Qt.ItemDataRole.DisplayRole


class ConceptRow(_Row):
    """The row of one element, relationship or view."""

    __slots__ = ("serial", "kind", "id", "holder", "key", "tree")

    def __init__(self, serial: int, kind: str, concept_id: str, holder: FolderRow,
                 key: str, tree: RowData) -> None:
        self.serial = serial
        self.kind = kind
        self.id = concept_id
        self.holder = holder
        self.key = key
        self.tree = tree

    def entry(self) -> Entry:
        return (self.key, self.id)


class FolderRow(_Row):
    """A row that holds rows: the model, a model folder, a fixed folder or a layer group."""

    __slots__ = ("serial", "kind", "id", "holder", "key", "label", "search", "all_folders",
                 "folders", "rows", "row_entries", "members", "order", "full",
                 "texts", "cursor", "accept_all", "shown", "tree")

    def __init__(self, serial: int, kind: str, row_id: str, holder: FolderRow | None,
                 key: str, tree: RowData, label: str = "", search: str = "") -> None:
        self.serial = serial
        self.kind = kind
        self.id = row_id
        self.holder = holder
        self.key = key
        self.label = label
        #: What the filter box matches this folder by (folded); "" for the fixed folders.
        self.search = search
        #: Every folder inside, by key; :attr:`folders` is those the filter shows.
        self.all_folders: list[FolderRow] = []
        self.folders: list[FolderRow] = []
        #: The concept rows made so far, in order, and their entries (for bisecting).
        self.rows: list[ConceptRow] = []
        self.row_entries: list[Entry] = []
        #: Every concept filed here, shown or not.
        self.members: set[str] = set()
        #: The members the filter shows, in order; None until the folder is first opened.
        self.order: list[Entry] | None = None
        #: Every member in order, whatever the filter (None until worked out): without a
        #: filter it is :attr:`order` itself; a filter keeps some of it, with no sort.
        self.full: list[Entry] | None = None
        #: id(list) -> (that list of entries, their search texts in the same order), for
        #: :attr:`order` and :attr:`full`: the filter reads the texts beside the entries
        #: (a look-up per entry in a 60,000-text dict took four times as long as the
        #: ``in`` itself). Emptied whenever either list changes.
        self.texts: dict[int, tuple[list[Entry], list[str]]] = {}
        self.cursor = 0
        #: The filter matched this folder or one above it: all it holds is shown.
        self.accept_all = False
        #: The filter shows this folder (always, without a filter).
        self.shown = True
        self.tree = tree

    # ---------------------------------------------------------------- counting
    def child_count(self) -> int:
        return len(self.folders) + len(self.rows)

    def child(self, number: int) -> FolderRow | ConceptRow | None:
        if 0 <= number < len(self.folders):
            return self.folders[number]
        number -= len(self.folders)
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def number_of(self, row: FolderRow | ConceptRow) -> int:
        """The row number of ``row`` (a child of this folder)."""
        if isinstance(row, FolderRow):
            return self.folders.index(row)
        return len(self.folders) + bisect_left(self.row_entries, row.entry())

    def unmade(self) -> bool:
        """Whether members the filter shows have no row yet (the folder can fetch more)."""
        if self.order is None:
            return len(self.rows) < len(self.members)
        return self.cursor < len(self.order)

    # ---------------------------------------------------------------- the order
    def order_insert(self, entry: Entry) -> tuple[int, bool]:
        """Put ``entry`` into :attr:`order`; (its position, whether the rows made so
        far reach it, so its row must be made for the folder to stay gapless)."""
        assert self.order is not None
        self.texts = {}
        whole = self.cursor >= len(self.order)
        position = bisect_left(self.order, entry)
        self.order.insert(position, entry)
        if position < self.cursor or whole:
            self.cursor += 1
            return position, True
        return position, False

    def order_remove(self, entry: Entry) -> None:
        """Take ``entry`` out of :attr:`order` (nothing happens when it is not there)."""
        if self.order is None:
            return
        self.texts = {}
        position = bisect_left(self.order, entry)
        if position < len(self.order) and self.order[position] == entry:
            del self.order[position]
            if position < self.cursor:
                self.cursor -= 1

    def full_insert(self, entry: Entry) -> None:
        """Put ``entry`` into :attr:`full` (when it is not :attr:`order`, which
        :meth:`order_insert` keeps)."""
        if self.full is not None and self.full is not self.order:
            self.texts = {}
            insort(self.full, entry)

    def full_remove(self, entry: Entry) -> None:
        """Take ``entry`` out of :attr:`full` (when it is not :attr:`order`)."""
        full = self.full
        if full is None or full is self.order:
            return
        self.texts = {}
        position = bisect_left(full, entry)
        if position < len(full) and full[position] == entry:
            del full[position]

    def texts_of(self, entries: list[Entry]) -> list[str] | None:
        """The search texts of ``entries`` (:attr:`order` or :attr:`full` as it was
        filtered or made), None when not known."""
        known = self.texts.get(id(entries))
        return known[1] if known is not None and known[0] is entries else None

    def remember_texts(self, entries: list[Entry], texts: list[str]) -> None:
        """Remember the texts of ``entries``, and of :attr:`full` if known (those of any
        other list are forgotten)."""
        full = self.full
        known = self.texts_of(full) if full is not None and full is not entries else None
        self.texts = {id(entries): (entries, texts)}
        if full is not None and known is not None:
            self.texts[id(full)] = (full, known)

    def shows(self, entry: Entry) -> bool:
        if self.order is None:
            return False
        position = bisect_left(self.order, entry)
        return position < len(self.order) and self.order[position] == entry
