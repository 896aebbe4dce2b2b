"""The model tree's item model: the model itself, its folders, and every element,
relationship and view.

The top row is the model (renaming it renames the model). Under it come the model's own
folders (those made in the window or read from Archi or an exchange file) with what is
filed in them, then three fixed folders for what no folder holds: *Elements*, grouped by
their framework layer (the catalog's layer names, in catalog order; elements without one
by ArchiMate layer), *Relationships* and *Views*. Rows are in name order, ignoring
diacritics.

Why lazy: a ministry's model reaches 20,000 elements and 40,000 relationships, and making
a row for each (as a ``QStandardItemModel`` did) took seconds on every open. Here a folder
knows what it holds and how many (its label shows the count), and makes rows only when it
is opened, a batch at a time as it is scrolled (Qt's ``canFetchMore``/``fetchMore``), or
when one row is asked for (:meth:`ModelTreeModel.item_of`: the diagram's selection, a
rename). The filter (:meth:`ModelTreeModel.set_query`) searches the model itself, not
the rows made so far, so it finds rows in folders never opened. See
:mod:`.tree_rows` for the rows. A folder's rows can only be shown in order once every
member's sort key is known; for the folders too large to sort at a click (the 40,000
relationships) the keys are worked out and sorted while the window is idle
(:meth:`ModelTreeModel._warm_keys`), so the first relationship selected on the diagram is
revealed without a pause.

The tree follows the model's change events and touches only the rows an event names;
only a change of the folders' own shape (new, renamed, moved, deleted folder) lists
everything again. The item model never edits the model: a rename typed in a row or a drop
onto a folder is announced (:attr:`ModelTreeModel.renameRequested`,
:attr:`ModelTreeModel.dropRequested`) and the window runs the command, whose change event
then updates the rows.

Dragging rows carries them under :data:`TREE_MIME` (to move them between folders) and the
first element's id under :data:`~egov_modeler.ui.canvas.view.ELEMENT_MIME`: dropped on a
diagram it places *that* element (see :mod:`egov_modeler.ui.canvas.reuse`).
"""

from __future__ import annotations

import heapq
import itertools
import json
import logging
from bisect import bisect_left
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import compress
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ...model import events as ev
from ...model.commands.folder import walk_folders
from ...model.concepts import Element, Relationship
from ...model.find import layer_key
from ...model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES, ArchiMateLayer, layer_label
from ...model.model import Model
from ...model.text_fold import fold
from ..canvas.view import ELEMENT_MIME
from ..icons import element_type_icon
from ..idle_slices import IdleSlices
from ..model_listener import ModelListener
from ..plain_text import tooltip
from .search_tree import SEARCH_ROLE, matches_words, narrows
from .tree_rows import ROOT, ConceptRow, Entry, FolderRow, folded

log = logging.getLogger(__name__)

#: The element, relationship or view id a row stands for (the model's id for the model
#: row, the folder's path "1/0" for a folder, the fixed folder's kind for a fixed folder).
ID_ROLE = Qt.ItemDataRole.UserRole + 10
#: "model", "user_folder", "folder", "group", "element", "relationship" or "view".
KIND_ROLE = Qt.ItemDataRole.UserRole + 11
#: What the rows sort by (folders and groups in a fixed order, concepts by folded name).
SORT_ROLE = Qt.ItemDataRole.UserRole + 12
#: The text a rename starts from (a relationship row shows more than its name).
NAME_ROLE = Qt.ItemDataRole.UserRole + 13
_GROUP_NAME_ROLE = Qt.ItemDataRole.UserRole + 20

ELEMENT, RELATIONSHIP, VIEW, GROUP, FOLDER = "element", "relationship", "view", "group", \
    "folder"
MODEL, USER_FOLDER = "model", "user_folder"
#: Rows dragged inside the tree: a JSON list of ``[kind, id]``.
TREE_MIME = "application/x-egov-tree-rows"
#: Kinds of rows that can be renamed, moved between folders, deleted.
CONCEPTS = (ELEMENT, RELATIONSHIP, VIEW)
#: Rows made at a time when a folder is opened or scrolled to its end.
FETCH_BATCH = 200
#: Entries merged per step of the idle sort (see ``_merge_last_two``).
MERGE_STEP = 2000
#: At most this many insertions per fetch. Rows made one at a time for the diagram's
#: selection (Select all: 2,000 of them) leave as many gaps; each insertion makes Qt walk
#: the selection's ranges, so filling 2,000 gaps at once under a 2,000-row selection took
#: seconds. A fetch fills the first gaps; the tree fetches again as it is scrolled.
FETCH_RUNS = 16

_ENABLED = Qt.ItemFlag.ItemIsEnabled
_SELECTABLE = Qt.ItemFlag.ItemIsSelectable
_EDITABLE = Qt.ItemFlag.ItemIsEditable
_DRAG = Qt.ItemFlag.ItemIsDragEnabled
_DROP = Qt.ItemFlag.ItemIsDropEnabled
_LEAF = Qt.ItemFlag.ItemNeverHasChildren
_FLAGS = {
    MODEL: _ENABLED | _SELECTABLE | _EDITABLE | _DROP,
    USER_FOLDER: _ENABLED | _SELECTABLE | _EDITABLE | _DRAG | _DROP,
    FOLDER: _ENABLED | _DROP,
    GROUP: _ENABLED | _DROP,
}
_CONCEPT_FLAGS = _ENABLED | _SELECTABLE | _EDITABLE | _DRAG | _LEAF
_BOLD = (MODEL, FOLDER, GROUP)

Row = FolderRow | ConceptRow
#: The invisible root's index (Qt's default "no parent").
_TOP = QModelIndex()


def folder_path(text: str) -> list[int]:
    """A folder row's id ("1/0") as the path folder commands take; ``[]`` (no folder) for
    anything else, which the commands refuse."""
    parts = text.split("/")
    return [int(part) for part in parts] if all(p.isdigit() for p in parts) else []


def _path_text(path: tuple[int, ...]) -> str:
    return "/".join(map(str, path))


class ModelTreeModel(QAbstractItemModel):
    """The model row, its folders and the fixed *Elements* (by layer), *Relationships*
    and *Views* folders of one model, made a batch of rows at a time."""

    #: A row was renamed by typing: (kind, id, new text).
    renameRequested = Signal(str, str, str)
    #: Rows were dropped onto a folder: ([[kind, id], ...], target kind, target id).
    dropRequested = Signal(list, str, str)
    #: Every row is about to be listed again (the view notes which rows are open).
    aboutToRebuild = Signal()
    #: Every row was listed again (folders changed shape, or another model).
    rebuilt = Signal()
    #: A folder's rows were put in order while the window was idle (the view may now
    #: show the first rows of a folder it opened before, see :meth:`fetches_held`).
    orderMade = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model: Model | None = None
        self._listener = ModelListener()
        self._serials = itertools.count(1)
        self._root = FolderRow(0, ROOT, "", None, "", self)
        #: serial -> row, for the rows Qt may hold an index of (made and not removed).
        self._live: dict[int, Row] = {}
        self.model_item: FolderRow | None = None
        self._fixed: dict[str, FolderRow] = {}
        self._groups: dict[str, FolderRow] = {}
        self._user_folders: dict[str, FolderRow] = {}
        self._layer_names: dict[str, tuple[int, str]] = {}
        #: object id -> path text of the folder it is filed in
        self._filed: dict[str, str] = {}
        self._shape: list[tuple[str, str]] = []
        #: concept id -> the folder row it is listed under, and its kind (two plain maps,
        #: no tuple per concept: 60,000 more objects for the garbage collector to walk)
        self._home: dict[str, FolderRow] = {}
        self._kind: dict[str, str] = {}
        #: concept id -> its row, for the concepts that have one
        self._made: dict[str, ConceptRow] = {}
        #: concept id -> the key it is ordered by / the folded text it is searched by
        self._keys: dict[str, str] = {}
        self._search: dict[str, str] = {}
        #: concept id -> its name as a relationship's row shows its ends (many rows show
        #: the same element); (kind, type) -> the type's label
        self._end_names: dict[str, str] = {}
        self._type_labels: dict[tuple[str, str], str] = {}
        self._words: list[str] = []
        #: Concept rows made since the model was shown (what the tests count: opening a
        #: model makes a few, not one per concept).
        self.rows_made = 0
        #: Sort keys worked out since the model was shown (what the tests count: the
        #: keys of a large folder are worked out while the window waits, not when a row
        #: is first revealed in it).
        self.keys_made = 0
        #: Works out the sort keys of the large folders while the window is idle.
        self.warm_up = IdleSlices(self)
        #: Concepts listed, taken out or changed since the model was shown (a large
        #: folder's order made while idle is kept only when none came in meanwhile).
        self.edits_seen = 0
        #: Entries the filter looked at, and search texts folded, since the model was
        #: shown (what the tests count: a key typed looks at the rows the key before
        #: showed, and folds nothing once the window has been idle).
        self.rows_filtered = 0
        self.searches_made = 0
        self._fetches_held = False

    # ================================================================ Qt's item model
    def _row(self, index: QModelIndex | QPersistentModelIndex) -> Row | None:
        if not index.isValid():
            return self._root
        return self._live.get(index.internalId())

    def index_of_row(self, row: Row | None) -> QModelIndex:
        """The index of a row (invalid for the root, or a row not listed)."""
        if row is None or row.holder is None or row.serial not in self._live or (
                isinstance(row, FolderRow) and not row.shown):
            return QModelIndex()
        return self.createIndex(row.holder.number_of(row), 0, row.serial)

    def index(self, row: int, column: int = 0,
              parent: QModelIndex | QPersistentModelIndex = _TOP) -> QModelIndex:
        folder = self._row(parent)
        if column != 0 or not isinstance(folder, FolderRow):
            return QModelIndex()
        child = folder.child(row)
        return QModelIndex() if child is None else self.createIndex(row, 0, child.serial)

    def parent(self, index: Any = None) -> Any:
        if index is None:  # QObject.parent()
            return super().parent()
        row = self._row(index) if index.isValid() else None
        if row is None or row.holder is None or row.holder is self._root:
            return QModelIndex()
        return self.index_of_row(row.holder)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _TOP) -> int:
        folder = self._row(parent)
        return folder.child_count() if isinstance(folder, FolderRow) else 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _TOP) -> int:
        return 1

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = _TOP) -> bool:
        folder = self._row(parent)
        return isinstance(folder, FolderRow) and (folder.child_count() > 0 or folder.unmade())

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        folder = self._row(parent)
        return isinstance(folder, FolderRow) and folder.unmade() and not (
            self._fetches_held and (folder.cursor > 0 or (
                folder.order is None and folder.full is None
                and len(folder.members) > FETCH_BATCH)))

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        folder = self._row(parent)
        if isinstance(folder, FolderRow) and self.canFetchMore(parent):
            self._fetch(folder, FETCH_BATCH)

    @contextmanager
    def fetches_held(self) -> Iterator[None]:
        """While a row picked elsewhere (a Find match, the diagram's selection) is
        selected and scrolled to: no folder that has shown its first rows makes more.

        Why: such a row is made alone, after the rows shown so far, so it is the last row
        of its folder; Qt, seeing a folder's last row come into sight, asked for the next
        rows, which went in above it. Each F3 then made 200 rows (the tree, laid out
        again, cost more at every press: 10 ms, then 50 ms after twenty) and pushed the
        row it had just revealed out of sight. A folder opened for the first time still
        shows its first rows, unless they are not in order yet: putting the 40,000
        relationships in order for the first reveal after an open froze the window for a
        quarter of a second; the folder then shows the revealed row, and its first rows
        once the idle sort has made the order (:attr:`orderMade`). The other rows come as
        the user scrolls."""
        held, self._fetches_held = self._fetches_held, True
        try:
            yield
        finally:
            self._fetches_held = held

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        row = self._row(index) if index.isValid() else None
        if row is None:
            return _DROP
        if isinstance(row, ConceptRow):
            return _CONCEPT_FLAGS
        return _FLAGS.get(row.kind, _ENABLED)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index) if index.isValid() else None
        return None if row is None else self.row_data(row, role)

    # ---------------------------------------------------------------- drag and drop
    def mimeTypes(self) -> list[str]:
        return [TREE_MIME, ELEMENT_MIME]

    def mimeData(self, indexes) -> QMimeData:
        """The rows (to move between folders) and the first element row's id (one element
        per drop on a diagram)."""
        mime = QMimeData()
        rows: list[list[str]] = []
        for index in indexes:
            kind = self.data(index, KIND_ROLE)
            if kind not in (*CONCEPTS, USER_FOLDER):
                continue
            row = [str(kind), str(self.data(index, ID_ROLE))]
            if row not in rows:
                rows.append(row)
            if kind == ELEMENT and not mime.hasFormat(ELEMENT_MIME):
                mime.setData(ELEMENT_MIME, row[1].encode("utf-8"))
                mime.setText(str(self.data(index, Qt.ItemDataRole.DisplayRole)))
        mime.setData(TREE_MIME, json.dumps(rows).encode("utf-8"))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        # Copy only: a drop runs a command and the rows follow its event; a move would
        # have the view remove the dragged rows itself.
        return Qt.DropAction.CopyAction

    def _drop_target(self, parent: QModelIndex | QPersistentModelIndex
                     ) -> tuple[str, str] | None:
        row = self._row(parent) if parent.isValid() else self.model_item
        while row is not None and row.kind not in (MODEL, USER_FOLDER, FOLDER):
            row = row.holder  # a layer group or a concept: the folder holding it
        if row is None or row is self._root:
            return None
        return row.kind, row.id

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        return data.hasFormat(TREE_MIME) and self._drop_target(parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        target = self._drop_target(parent)
        if target is None or not data.hasFormat(TREE_MIME):
            return False
        try:
            rows = json.loads(bytes(data.data(TREE_MIME).data()).decode("utf-8"))
        except ValueError:
            return False
        if not isinstance(rows, list) or not all(
                isinstance(r, list) and len(r) == 2 and all(isinstance(x, str) for x in r)
                for r in rows):
            return False
        self.dropRequested.emit(rows, *target)
        return True

    # ---------------------------------------------------------------- editing
    def setData(self, index: QModelIndex | QPersistentModelIndex, value,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A name typed in a row is a request; the row changes when the model does."""
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            kind = self.data(index, KIND_ROLE)
            if kind in (*CONCEPTS, MODEL, USER_FOLDER) and isinstance(value, str):
                if value != self.data(index, NAME_ROLE):
                    self.renameRequested.emit(str(kind), str(self.data(index, ID_ROLE)), value)
        return False

    # ================================================================ what a row shows
    def row_data(self, row: Row, role: int) -> Any:
        """What ``row`` answers for ``role`` (Qt's ``data``; also ``row.data(role)``)."""
        if role == KIND_ROLE:
            return row.kind
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            return row.key
        if isinstance(row, FolderRow):
            return self._folder_data(row, role)
        model = self.model
        if model is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._concept_text(row.kind, row.id)
        if role == NAME_ROLE:
            return self._concept_name_field(row.kind, row.id)
        if role == SEARCH_ROLE:
            return self._search_text(row.kind, row.id)
        if role == Qt.ItemDataRole.DecorationRole and row.kind == ELEMENT:
            if model.has_element(row.id):
                etype = model.element(row.id).type
                return element_type_icon(etype) if etype in ELEMENT_TYPES else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._concept_tooltip(row.kind, row.id)
        return None

    def _folder_data(self, row: FolderRow, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._folder_text(row)
        if role == NAME_ROLE:
            if row.kind == MODEL:
                return self.model.name if self.model is not None else ""
            return row.label
        if role == SEARCH_ROLE:
            return row.search or None
        if role == _GROUP_NAME_ROLE and row.kind == GROUP:
            return row.label
        if role == Qt.ItemDataRole.FontRole and row.kind in _BOLD:
            return _bold_font()
        if role == Qt.ItemDataRole.DecorationRole and row.kind == USER_FOLDER:
            return _folder_icon()
        if role == Qt.ItemDataRole.ToolTipRole and row.kind == MODEL:
            return tooltip(self.tr("The model: rename it here (F2); select it to see its "
                                   "properties"))
        return None

    def _folder_text(self, row: FolderRow) -> str:
        if row.kind == MODEL:
            return (self.model.name if self.model is not None else "") or \
                self.tr("(unnamed model)")
        if row.kind == GROUP:
            return f"{row.label} ({len(row.members)})"
        if row.kind == FOLDER:
            count = (sum(len(g.members) for g in self._groups.values()) if row.id == ELEMENT
                     else len(row.members))
            return f"{self._fixed_label(row.id)} ({count})"
        return row.label

    def _fixed_label(self, kind: str) -> str:
        return {ELEMENT: self.tr("Elements"), RELATIONSHIP: self.tr("Relationships"),
                VIEW: self.tr("Views")}[kind]

    def _element_name(self, element: Element) -> str:
        return element.name or self.tr("(unnamed)")

    def _type_label(self, kind: str, type_name: str) -> str:
        label = self._type_labels.get((kind, type_name))
        if label is None:
            known = (ELEMENT_TYPES if kind == ELEMENT else RELATIONSHIP_TYPES).get(type_name)
            label = self.tr(known.label_en) if known else type_name
            self._type_labels[(kind, type_name)] = label
        return label

    def _concept_name(self, concept_id: str) -> str:
        """An end of a relationship as its row names it."""
        name = self._end_names.get(concept_id)
        if name is not None:
            return name
        model = self.model
        if model is not None and model.has_element(concept_id):
            name = self._element_name(model.element(concept_id))
        elif model is not None and model.has_relationship(concept_id):
            rel = model.relationship(concept_id)
            name = rel.name or self._type_label(RELATIONSHIP, rel.type)
        else:
            return concept_id
        self._end_names[concept_id] = name
        return name

    def _relationship_parts(self, rel: Relationship) -> list[str]:
        """The pieces of a relationship's row text."""
        ends = [self._type_label(RELATIONSHIP, rel.type), ": ",
                self._concept_name(rel.source), " → ", self._concept_name(rel.target)]
        return [rel.name, " (", *ends, ")"] if rel.name else ends

    def _relationship_folded(self, rel: Relationship) -> str:
        """The relationship's row text folded, made of its pieces folded one by one
        (each end's name is folded once, not once per relationship that shows it; the
        separators fold to themselves). A 40,000-relationship folder works this out for
        every row before it can show its first ones in order."""
        ends = (f"{folded(self._type_label(RELATIONSHIP, rel.type))}: "
                f"{folded(self._concept_name(rel.source))} → "
                f"{folded(self._concept_name(rel.target))}")
        return f"{folded(rel.name)} ({ends})" if rel.name else ends

    def _concept_text(self, kind: str, concept_id: str) -> str:
        model = self.model
        assert model is not None
        if kind == ELEMENT and model.has_element(concept_id):
            return self._element_name(model.element(concept_id))
        if kind == RELATIONSHIP and model.has_relationship(concept_id):
            return "".join(self._relationship_parts(model.relationship(concept_id)))
        if kind == VIEW and model.has_view(concept_id):
            return model.view(concept_id).name or self.tr("(unnamed view)")
        return concept_id

    def _concept_name_field(self, kind: str, concept_id: str) -> str:
        model = self.model
        assert model is not None
        if kind == ELEMENT and model.has_element(concept_id):
            return model.element(concept_id).name
        if kind == RELATIONSHIP and model.has_relationship(concept_id):
            return model.relationship(concept_id).name
        if kind == VIEW and model.has_view(concept_id):
            return model.view(concept_id).name
        return ""

    def _concept_tooltip(self, kind: str, concept_id: str) -> str | None:
        model = self.model
        assert model is not None
        if kind == ELEMENT and model.has_element(concept_id):
            element = model.element(concept_id)
            tip = f"{self._element_name(element)}\n{self._type_label(ELEMENT, element.type)}"
            if element.documentation:
                tip += "\n\n" + element.documentation[:400]
            return tooltip(tip)
        if kind == RELATIONSHIP:
            return tooltip(self._concept_text(kind, concept_id))
        if kind == VIEW and model.has_view(concept_id):
            view = model.view(concept_id)
            return self.tr("{count} elements").format(
                count=sum(1 for n in view.nodes.values() if n.element_id))
        return None

    def _sort_key(self, kind: str, concept_id: str) -> str:
        """What the row is ordered by: its kind, then its text without diacritics."""
        key = self._keys.get(concept_id)
        if key is not None:
            return key
        model = self.model
        assert model is not None
        if kind == RELATIONSHIP and model.has_relationship(concept_id):
            key = "1r" + self._relationship_folded(model.relationship(concept_id))
        else:
            key = ("1e" if kind == ELEMENT else "1v") + folded(
                self._concept_text(kind, concept_id))
        self._keys[concept_id] = key
        self.keys_made += 1
        return key

    def _search_text(self, kind: str, concept_id: str) -> str:
        """What the filter box matches: the row's text and type, without diacritics."""
        text = self._search.get(concept_id)
        if text is not None:
            return text
        model = self.model
        assert model is not None
        if kind == ELEMENT and model.has_element(concept_id):
            element = model.element(concept_id)
            text = " ".join(folded(part) for part in (
                self._element_name(element), self._type_label(ELEMENT, element.type),
                element.type))
        elif kind == RELATIONSHIP and model.has_relationship(concept_id):
            rel = model.relationship(concept_id)
            text = self._sort_key(kind, concept_id)[2:] + " " + folded(rel.type)
        else:
            text = folded(self._concept_text(kind, concept_id))
        self._search[concept_id] = text
        self.searches_made += 1
        return text

    # ================================================================ showing a model
    def show_model(self, model: Model) -> None:
        """Follow ``model`` (instead of the previous one) and list it."""
        self.detach()
        self.model = model
        self.rows_made = self.keys_made = self.rows_filtered = self.searches_made = 0
        self._listener.follow(model, self._on_event)
        self.rebuild()

    def detach(self) -> None:
        self._listener.stop()
        self.warm_up.stop()

    def rebuild(self, keep_texts: bool = False) -> None:
        """List everything again (a new model, a change of the folders, ModelReset);
        ``keep_texts``: the concepts' sort keys and folded texts are still right (only the
        folders changed: the change handlers keep them), so the idle sort only sorts and
        the next filter key folds nothing."""
        self.aboutToRebuild.emit()
        self.beginResetModel()
        try:
            self._build(keep_texts)
        finally:
            self.endResetModel()
        self.warm_up.start(self._warm_keys())
        self.rebuilt.emit()

    def _warm_keys(self) -> Iterator[None]:
        """Put every folder in order while the window is idle, the largest (the 40,000
        relationships of a national model) first, a hundred keys at a time: the first
        reveal of one of its rows (a relationship selected on the diagram) then finds the
        order made instead of freezing while it is made; then fold every concept's search
        text, so the first key typed in the filter box folds nothing.

        The keys are the cache :meth:`_sort_key` fills and the change handlers keep right,
        so an edit between two slices leaves no stale key. The order is made of sorted runs
        of a hundred, each merged with the run before it once that one is no longer twice
        its size (so every entry is merged about log2(n/100) times), a step at a time; it is
        kept (as the folder's :attr:`~.tree_rows.FolderRow.full` order, and as the order
        shown when no filter is on) only when no edit came in meanwhile (else it is made
        again from the keys, now warm)."""
        large = sorted((f for f in self.folders() if f.members),
                       key=lambda f: -len(f.members))  # the largest (Relationships) first
        for folder in large:
            for _attempt in range(3):  # again after an edit: its keys are mostly made
                edits, members = self.edits_seen, list(folder.members)
                runs: list[list[Entry]] = []  # sorted, each at most half the one below
                for start in range(0, len(members), 100):
                    if self.model is None:
                        return
                    run = []
                    for concept_id in members[start:start + 100]:
                        kind = self._kind.get(concept_id)
                        if kind is not None:
                            run.append((self._sort_key(kind, concept_id), concept_id))
                    run.sort()
                    runs.append(run)
                    yield
                    while len(runs) > 1 and 2 * len(runs[-1]) > len(runs[-2]):
                        yield from _merge_last_two(runs)
                while len(runs) > 1:
                    yield from _merge_last_two(runs)
                if edits == self.edits_seen:
                    if runs and folder.full is None and folder.serial in self._live:
                        folder.full = runs[0]
                        if folder.order is None and not self._words:
                            folder.order, folder.cursor = folder.full, 0
                        self.orderMade.emit()
                    break
            yield
        search, kinds = self._search, self._kind
        ids = list(kinds)
        for start in range(0, len(ids), 500):
            if self.model is None:
                return
            for concept_id in ids[start:start + 500]:
                kind = kinds.get(concept_id)
                if kind is not None and concept_id not in search:
                    self._search_text(kind, concept_id)
            yield
        for folder in large:  # each folder's texts in its order, beside it
            full, edits = folder.full, self.edits_seen
            if full is None or folder.texts_of(full) is not None:
                continue
            texts: list[str] = []
            for start in range(0, len(full), 5000):
                texts += self._texts(full[start:start + 5000])
                yield
                if self.model is None:
                    return
            if edits == self.edits_seen and folder.full is full:
                folder.texts[id(full)] = (full, texts)

    def _new_folder(self, kind: str, row_id: str, holder: FolderRow, key: str,
                    label: str = "", search: str = "") -> FolderRow:
        folder = FolderRow(next(self._serials), kind, row_id, holder, key, self, label,
                           search)
        self._live[folder.serial] = folder
        return folder

    def _forget_rows(self) -> None:
        """Drop every concept row (a reset follows: Qt holds no index of them)."""
        for row in self._made.values():
            self._live.pop(row.serial, None)
        self._made.clear()
        for folder in self.folders():
            folder.rows, folder.row_entries = [], []
            folder.order, folder.cursor = None, 0

    def _build(self, keep_texts: bool = False) -> None:
        self._live.clear()
        self._root.all_folders, self._root.folders = [], []
        self._fixed.clear()
        self._groups.clear()
        self._user_folders.clear()
        self._filed.clear()
        self._home.clear()
        self._kind.clear()
        self._made.clear()
        if not keep_texts:
            self._keys.clear()
            self._search.clear()
            self._end_names.clear()
            self._type_labels.clear()
        self.model_item = None
        self._layer_names = framework_layers(self.model)
        model = self.model
        if model is None:
            return
        top = self._new_folder(MODEL, model.id, self._root, "0")
        top.search = folded(model.name or self.tr("(unnamed model)"))
        self._root.all_folders = self._root.folders = [top]
        self.model_item = top
        self._shape = []
        for path, user_folder in walk_folders(model.folders):
            key = _path_text(path)
            self._shape.append((key, user_folder.label))
            for ref in user_folder.refs:
                self._filed.setdefault(ref, key)
        for key, label in self._shape:
            parent_key = key.rpartition("/")[0]
            holder = self._user_folders[parent_key] if parent_key else top
            folder = self._new_folder(USER_FOLDER, key, holder,
                                      f"0{int(key.rpartition('/')[2]):05d}", label,
                                      folded(label))
            self._user_folders[key] = folder
            holder.all_folders.append(folder)
        for kind, sort in ((ELEMENT, "1:0"), (RELATIONSHIP, "1:1"), (VIEW, "1:2")):
            fixed = self._new_folder(FOLDER, kind, top, sort)
            self._fixed[kind] = fixed
            top.all_folders.append(fixed)
        home, kinds = self._home, self._kind
        filed, user_folders = self._filed, self._user_folders
        for element in model.elements:
            oid = element.id
            folder = user_folders[filed[oid]] if oid in filed else \
                self._group_for(element, False)
            folder.members.add(oid)
            home[oid] = folder
            kinds[oid] = ELEMENT
        for kind, concepts in ((RELATIONSHIP, model.relationships), (VIEW, model.views)):
            fixed = self._fixed[kind]
            for concept in concepts:
                oid = concept.id
                folder = user_folders[filed[oid]] if oid in filed else fixed
                folder.members.add(oid)
                home[oid] = folder
                kinds[oid] = kind
        for folder in self.folders():
            folder.all_folders.sort(key=lambda f: (f.key, f.id))
            folder.folders = list(folder.all_folders)
        if self._words:
            self._apply_filter()

    def folders(self) -> Iterator[FolderRow]:
        """Every folder row (shown or not), parents first."""
        stack = list(reversed(self._root.all_folders))
        while stack:
            folder = stack.pop()
            yield folder
            stack.extend(reversed(folder.all_folders))

    def shown_folders(self) -> Iterator[FolderRow]:
        """The folder rows the filter shows, parents first."""
        stack = list(reversed(self._root.folders))
        while stack:
            folder = stack.pop()
            yield folder
            stack.extend(reversed(folder.folders))

    def _filed_folder(self, object_id: str) -> FolderRow | None:
        key = self._filed.get(object_id)
        return self._user_folders.get(key) if key is not None else None

    def _home_for(self, kind: str, object_id: str) -> FolderRow:
        """The folder row an object's row goes under: its own folder when filed, else its
        layer group (elements) or fixed folder."""
        filed = self._filed_folder(object_id)
        if filed is not None:
            return filed
        if kind == ELEMENT:
            assert self.model is not None
            return self._group_for(self.model.element(object_id), True)
        return self._fixed[kind]

    def item_of(self, concept_id: str) -> ConceptRow | None:
        """The row of an element, relationship or view id, made now if the tree has not
        shown it yet; None when the filter hides it or the model has no such concept."""
        row = self._made.get(concept_id)
        if row is not None:
            return row
        folder = self._home.get(concept_id)
        if folder is None:
            return None
        kind = self._kind[concept_id]
        entry = (self._sort_key(kind, concept_id), concept_id)
        if self._words and not folder.shows(entry):
            return None
        if not folder.shown:
            self._show_folder(folder)
        return self._make(folder, kind, entry)

    def member_count(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """How many concepts the folder row at ``index`` holds itself (not in folders
        inside it): what opening it costs, as its rows are put in order first."""
        row = self._row(index) if index.isValid() else None
        return len(row.members) if isinstance(row, FolderRow) else 0

    def folder_item(self, path: list[int]) -> FolderRow | None:
        """The row of the model's folder at ``path`` (None when the filter hides it)."""
        folder = self._user_folders.get(_path_text(tuple(path)))
        return folder if folder is not None and folder.shown else None

    # ---------------------------------------------------------------- groups
    def _group_for(self, element: Element, announce: bool) -> FolderRow:
        key = layer_key(element)
        group = self._groups.get(key)
        if group is not None:
            return group
        kind, _, layer = key.partition(":")
        if kind == "framework":
            order, name = self._layer_names.get(layer, (900, layer))
            sort = f"0{order:04d}"
        else:
            order = list(ArchiMateLayer).index(ArchiMateLayer(layer))
            name, sort = layer_label(layer), f"1{order:04d}"
        elements = self._fixed[ELEMENT]
        group = self._new_folder(GROUP, key, elements, sort, name, folded(name))
        self._groups[key] = group
        if not announce:
            elements.all_folders.append(group)  # sorted once all are made
            return group
        self._insert_folder(elements, group)
        if self._words:  # hidden until something in it matches
            group.shown, group.order = False, []
            group.accept_all = elements.accept_all or matches_words(self._words, group.search)
            if group.accept_all:
                self._show_folder(group)
        return group

    def _insert_folder(self, holder: FolderRow, folder: FolderRow) -> None:
        """Add a folder row under ``holder`` in key order, telling the view."""
        keys = [(f.key, f.id) for f in holder.all_folders]
        holder.all_folders.insert(bisect_left(keys, (folder.key, folder.id)), folder)
        if self._words:
            return  # shown once something in it is (see _show_folder)
        shown = [(f.key, f.id) for f in holder.folders]
        position = bisect_left(shown, (folder.key, folder.id))
        self.beginInsertRows(self.index_of_row(holder), position, position)
        holder.folders.insert(position, folder)
        self.endInsertRows()

    def _show_folder(self, folder: FolderRow) -> None:
        """Show a folder the filter had hidden (something in it now matches)."""
        holder = folder.holder
        if folder.shown or holder is None:
            return
        if not holder.shown:
            self._show_folder(holder)
        shown = [(f.key, f.id) for f in holder.folders]
        position = bisect_left(shown, (folder.key, folder.id))
        self.beginInsertRows(self.index_of_row(holder), position, position)
        holder.folders.insert(position, folder)
        folder.shown = True
        self.endInsertRows()

    def _remove_group(self, group: FolderRow) -> None:
        elements = self._fixed[ELEMENT]
        self._groups.pop(group.id, None)
        if group in elements.all_folders:
            elements.all_folders.remove(group)
        if group in elements.folders:
            position = elements.folders.index(group)
            self.beginRemoveRows(self.index_of_row(elements), position, position)
            elements.folders.remove(group)
            self._live.pop(group.serial, None)
            self.endRemoveRows()
        else:
            self._live.pop(group.serial, None)

    # ---------------------------------------------------------------- making rows
    def _make(self, folder: FolderRow, kind: str, entry: Entry) -> ConceptRow:
        """Make the row of ``entry`` in ``folder`` at its place, telling the view."""
        position = bisect_left(folder.row_entries, entry)
        first = len(folder.folders) + position
        row = ConceptRow(next(self._serials), kind, entry[1], folder, entry[0], self)
        self.beginInsertRows(self.index_of_row(folder), first, first)
        folder.rows.insert(position, row)
        folder.row_entries.insert(position, entry)
        self._made[row.id] = row
        self._live[row.serial] = row
        self.rows_made += 1
        self.endInsertRows()
        return row

    def _ensure_order(self, folder: FolderRow) -> list[Entry]:
        """The rows the folder shows, in order: its whole order (sorted once, or by the
        idle sort) without a filter, else the part of it the filter keeps."""
        if folder.order is None:
            kinds = self._kind
            everything = not self._words or folder.accept_all
            if folder.full is None and everything:
                folder.full = sorted((self._sort_key(kinds[c], c), c)
                                     for c in folder.members)
            if everything or folder.full is not None:
                assert folder.full is not None
                folder.order = folder.full if everything else self._matching(
                    folder, folder.full, self._words)
            else:
                self.rows_filtered += len(folder.members)
                folder.order = sorted((self._sort_key(kinds[c], c), c)
                                      for c in folder.members if self._shows(c, folder))
            folder.cursor = 0
        return folder.order

    def _matching(self, folder: FolderRow, entries: list[Entry], words: list[str]
                  ) -> list[Entry]:
        """The entries of ``folder`` whose search text holds every one of ``words``, in
        their order: one ``in`` per entry and word, over texts folded once (the first
        time, or while the window was idle) and read from a list beside the entries."""
        self.rows_filtered += len(entries)
        texts = folder.texts_of(entries)
        if texts is None:
            texts = self._texts(entries)
            if entries is folder.full:
                folder.remember_texts(entries, texts)
        for word in words:
            keep = [word in text for text in texts]
            entries, texts = list(compress(entries, keep)), list(compress(texts, keep))
        folder.remember_texts(entries, texts)
        return entries

    def _texts(self, entries: list[Entry]) -> list[str]:
        """The search texts of ``entries`` (folded now for those not folded yet)."""
        search = self._search
        try:
            return [search[concept_id] for _, concept_id in entries]
        except KeyError:
            kinds = self._kind
            return [self._search_text(kinds[concept_id], concept_id)
                    for _, concept_id in entries]

    def _shows(self, concept_id: str, folder: FolderRow) -> bool:
        if not self._words or folder.accept_all:
            return True
        return matches_words(self._words, self._search_text(self._kind[concept_id], concept_id))

    def _fetch(self, folder: FolderRow, count: int) -> None:
        """Make the next ``count`` rows of ``folder`` in order (those not made yet)."""
        order = self._ensure_order(folder)
        batch: list[Entry] = []
        cursor = folder.cursor
        while cursor < len(order) and len(batch) < count:
            if order[cursor][1] not in self._made:
                batch.append(order[cursor])
            cursor += 1
        folder.cursor = cursor
        if not batch:
            return
        kinds, parent = self._kind, self.index_of_row(folder)
        # Runs of the batch that land between the same two rows made before (rows made
        # one at a time, further down) go in with one insertion each.
        runs: list[tuple[int, list[Entry]]] = []
        for entry in batch:
            at = bisect_left(folder.row_entries, entry)
            if runs and runs[-1][0] == at:
                runs[-1][1].append(entry)
            elif len(runs) == FETCH_RUNS:  # the rest waits for the next fetch
                folder.cursor = bisect_left(order, entry)
                break
            else:
                runs.append((at, [entry]))
        shift = 0
        for at, run in runs:
            position = at + shift
            first = len(folder.folders) + position
            self.beginInsertRows(parent, first, first + len(run) - 1)
            rows = [ConceptRow(next(self._serials), kinds[c], c, folder, key, self)
                    for key, c in run]
            folder.rows[position:position] = rows
            folder.row_entries[position:position] = run
            for row in rows:
                self._made[row.id] = row
                self._live[row.serial] = row
            self.rows_made += len(rows)
            self.endInsertRows()
            shift += len(run)

    def _drop_row(self, concept_id: str) -> None:
        row = self._made.pop(concept_id, None)
        if row is None:
            return
        folder = row.holder
        assert folder is not None
        position = bisect_left(folder.row_entries, row.entry())
        first = len(folder.folders) + position
        self.beginRemoveRows(self.index_of_row(folder), first, first)
        del folder.rows[position]
        del folder.row_entries[position]
        self._live.pop(row.serial, None)
        self.endRemoveRows()

    def _move_row(self, row: ConceptRow, key: str) -> None:
        """Give a made row a new key, moving it to its new place (selection kept)."""
        folder = row.holder
        assert folder is not None
        old = bisect_left(folder.row_entries, row.entry())
        entries = folder.row_entries[:old] + folder.row_entries[old + 1:]
        new = bisect_left(entries, (key, row.id))
        if new == old:
            row.key = key
            folder.row_entries[old] = row.entry()
            return
        base = len(folder.folders)
        parent = self.index_of_row(folder)
        destination = new if new < old else new + 1
        self.beginMoveRows(parent, base + old, base + old, parent, base + destination)
        del folder.rows[old]
        row.key = key
        folder.rows.insert(new, row)
        folder.row_entries = entries
        folder.row_entries.insert(new, row.entry())
        self.endMoveRows()

    # ================================================================ the filter
    def set_query(self, text: str) -> None:
        """Show only the rows whose text (or type, or layer) contains every word of
        ``text``, ignoring diacritics, with the folders that hold them; a folder or group
        whose name matches shows all it holds. Empty: everything."""
        words = fold(text).split()
        if words == self._words:
            return
        # Typing narrows the query: only the rows shown now can match, looked at in the
        # order already sorted, instead of every concept of the model.
        narrower = narrows(self._words, words)
        before = {folder.serial: (folder.order, folder.accept_all)
                  for folder in self.folders()} if narrower else {}
        fresh = [word for word in words if word not in self._words]
        self.beginResetModel()
        try:
            self._words = words
            self._forget_rows()
            if words:
                self._apply_filter(before, fresh)
            else:
                for folder in self.folders():
                    folder.accept_all, folder.shown = False, True
                    folder.folders = list(folder.all_folders)
                    folder.order = folder.full  # every row again, in the order made
                # The model's own row too: a query that matched nothing had hidden it.
                self._root.folders = list(self._root.all_folders)
        finally:
            self.endResetModel()

    def _apply_filter(self, before: dict[int, tuple[list[Entry] | None, bool]] | None = None,
                      fresh: list[str] | None = None) -> None:
        """Work out which rows every folder shows; ``before`` holds each folder's rows
        shown and whether it showed everything under a broader query (by serial), and
        ``fresh`` the words of the query that the broader one did not have (the rows it
        showed hold the others already)."""
        before = before or {}
        words = self._words
        folders = list(self.folders())
        for folder in folders:  # parents first: a match above shows all below
            above = folder.holder
            folder.accept_all = bool(above is not None and above.accept_all) or \
                bool(folder.search and matches_words(words, folder.search))
            folder.rows, folder.row_entries, folder.order = [], [], None
            shown, showed_all = before.get(folder.serial, (None, False))
            if shown is not None and (showed_all or not folder.accept_all):
                folder.order = shown if folder.accept_all else self._matching(
                    folder, shown, words if showed_all or fresh is None else fresh)
                folder.cursor = 0
            self._ensure_order(folder)
        for folder in reversed(folders):  # children first: a folder shows what they show
            folder.folders = [f for f in folder.all_folders if f.shown]
            folder.shown = folder.accept_all or bool(folder.order) or bool(folder.folders)
        self._root.folders = [f for f in self._root.all_folders if f.shown]

    def matches_shown(self) -> int:
        """How many concepts the filter shows (rows made or not), in every folder."""
        return sum(len(folder.order) for folder in self.folders()
                   if folder.shown and folder.order is not None) if self._words else \
            len(self._kind)

    @property
    def query_words(self) -> list[str]:
        return list(self._words)

    # ================================================================ events
    def _on_event(self, event: ev.ModelEvent) -> None:
        handler = _HANDLERS.get(type(event))
        if handler is not None and self.model is not None:
            self.warm_up.postpone()
            handler(self, event)

    def _relabel(self, folder: FolderRow | None) -> None:
        """The folder's count changed: its label (and the Elements folder's) follow."""
        while folder is not None and folder is not self._root:
            index = self.index_of_row(folder)
            if index.isValid():
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
            folder = self._fixed.get(ELEMENT) if folder.kind == GROUP else None

    def _added(self, kind: str, object_id: str) -> None:
        """List a new (or re-filed) element, relationship or view."""
        self.edits_seen += 1
        folder = self._home_for(kind, object_id)
        folder.members.add(object_id)
        self._home[object_id] = folder
        self._kind[object_id] = kind
        entry = (self._sort_key(kind, object_id), object_id)
        folder.full_insert(entry)
        if folder.order is not None:
            if self._shows(object_id, folder):
                _, make = folder.order_insert(entry)
                if make:
                    if not folder.shown:
                        self._show_folder(folder)
                    self._make(folder, kind, entry)
        elif not folder.rows and folder.shown:
            self._make(folder, kind, entry)  # a folder that was empty shows its first row
        self._relabel(folder)

    def _removed(self, object_id: str) -> None:
        self.edits_seen += 1
        folder = self._home.pop(object_id, None)
        self._kind.pop(object_id, None)
        self._search.pop(object_id, None)
        self._end_names.pop(object_id, None)
        key = self._keys.pop(object_id, None)
        if folder is None:
            return
        folder.members.discard(object_id)
        if key is not None:
            folder.order_remove((key, object_id))
            folder.full_remove((key, object_id))
        self._drop_row(object_id)
        if folder.kind == GROUP and not folder.members:
            self._remove_group(folder)
        self._relabel(folder)

    def _changed(self, kind: str, object_id: str) -> None:
        """A concept's text changed: its row shows it, at its new place in the order (or
        not at all when the filter no longer matches it)."""
        self.edits_seen += 1
        folder = self._home.get(object_id)
        if folder is None:
            return
        if self._home_for(kind, object_id) is not folder:  # its layer group changed
            self._removed(object_id)
            self._added(kind, object_id)
            return
        old_key = self._keys.pop(object_id, None)
        self._search.pop(object_id, None)
        self._end_names.pop(object_id, None)
        key = self._sort_key(kind, object_id)
        if old_key is not None:
            folder.full_remove((old_key, object_id))
        folder.full_insert((key, object_id))
        row = self._made.get(object_id)
        shown = self._shows(object_id, folder)
        if folder.order is not None:
            if old_key is not None:
                folder.order_remove((old_key, object_id))
            if shown:
                _, make = folder.order_insert((key, object_id))
                if make and row is None:
                    self._show_folder(folder)
                    row = self._make(folder, kind, (key, object_id))
        if row is None:
            return
        if not shown:
            self._drop_row(object_id)
            return
        if row.key != key:
            self._move_row(row, key)
        index = self.index_of_row(row)
        self.dataChanged.emit(index, index, [])

    def _element_added(self, event: ev.ElementAdded) -> None:
        self._added(ELEMENT, event.element_id)

    def _element_removed(self, event: ev.ElementRemoved) -> None:
        self._removed(event.element_id)

    def _element_changed(self, event: ev.ElementChanged) -> None:
        model = self._shown()
        if not model.has_element(event.element_id):
            return
        self._changed(ELEMENT, event.element_id)
        for rel in model.relationships_of(event.element_id):  # they show its name
            self._changed(RELATIONSHIP, rel.id)

    def _relationship_added(self, event: ev.RelationshipAdded) -> None:
        self._added(RELATIONSHIP, event.relationship_id)

    def _relationship_removed(self, event: ev.RelationshipRemoved) -> None:
        self._removed(event.relationship_id)

    def _relationship_changed(self, event: ev.RelationshipChanged) -> None:
        if self._shown().has_relationship(event.relationship_id):
            self._changed(RELATIONSHIP, event.relationship_id)

    def _view_added(self, event: ev.ViewAdded) -> None:
        self._added(VIEW, event.view_id)

    def _view_removed(self, event: ev.ViewRemoved) -> None:
        self._removed(event.view_id)

    def _view_changed(self, event: ev.ViewChanged) -> None:
        if self._shown().has_view(event.view_id):
            self._changed(VIEW, event.view_id)

    def _model_changed(self, _event: ev.ModelPropertiesChanged) -> None:
        top = self.model_item
        if top is not None:
            model = self._shown()
            top.search = folded(model.name or self.tr("(unnamed model)"))
            index = self.index_of_row(top)
            self.dataChanged.emit(index, index, [])

    def _shown(self) -> Model:
        """The model listed: the change handlers run only while one is."""
        assert self.model is not None
        return self.model

    def _folders_changed(self, _event: ev.FoldersChanged) -> None:
        """A folder added, renamed, moved or deleted: list again. Only concepts filed
        elsewhere: move just their rows."""
        model = self._shown()
        shape: list[tuple[str, str]] = []
        filed: dict[str, str] = {}
        for path, folder in walk_folders(model.folders):
            shape.append((_path_text(path), folder.label))
            for ref in folder.refs:
                filed.setdefault(ref, _path_text(path))
        if shape != self._shape:
            self.rebuild(keep_texts=True)
            return
        moved = [oid for oid in set(filed) | set(self._filed)
                 if filed.get(oid) != self._filed.get(oid) and oid in self._home]
        self._filed = filed
        for object_id in moved:
            kind = self._kind[object_id]
            self._removed(object_id)
            self._added(kind, object_id)

    def _reset(self, _event: ev.ModelReset) -> None:
        self.rebuild()


def _merge_last_two(runs: list[list[Entry]]) -> Iterator[None]:
    """Merge the last two sorted runs into one, :data:`MERGE_STEP` entries per step (the
    last merge of a 40,000-row folder in one go held the window for 50 ms)."""
    last, first = runs.pop(), runs.pop()
    merged: list[Entry] = []
    entries = heapq.merge(first, last)
    while True:
        step = list(itertools.islice(entries, MERGE_STEP))
        merged.extend(step)
        if len(step) < MERGE_STEP:
            break
        yield
    runs.append(merged)
    yield


#: Event type -> the tree's handler of it (each handler takes its own event type).
_HANDLERS: dict[type, Callable[..., None]] = {
    ev.ElementAdded: ModelTreeModel._element_added,
    ev.ElementRemoved: ModelTreeModel._element_removed,
    ev.ElementChanged: ModelTreeModel._element_changed,
    ev.RelationshipAdded: ModelTreeModel._relationship_added,
    ev.RelationshipRemoved: ModelTreeModel._relationship_removed,
    ev.RelationshipChanged: ModelTreeModel._relationship_changed,
    ev.ViewAdded: ModelTreeModel._view_added,
    ev.ViewRemoved: ModelTreeModel._view_removed,
    ev.ViewChanged: ModelTreeModel._view_changed,
    ev.ModelPropertiesChanged: ModelTreeModel._model_changed,
    ev.FoldersChanged: ModelTreeModel._folders_changed,
    ev.ModelReset: ModelTreeModel._reset,
}

_fonts: dict[str, QFont] = {}


def _bold_font() -> QFont:
    font = _fonts.get("bold")
    if font is None:
        font = QFont(QApplication.font())
        font.setBold(True)
        _fonts["bold"] = font
    return font


def _folder_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)


def framework_layers(model=None) -> dict[str, tuple[int, str]]:
    """``{layer id: (catalog position, name in the current language)}`` of the model's
    framework profile; empty when the catalog cannot be read (the groups then show the
    layer ids)."""
    try:
        from ...model.catalog import active_catalog, catalog_for

        catalog = catalog_for(model) if model is not None else active_catalog()
        return {layer.id: (i, layer.name()) for i, layer in enumerate(catalog.layers)}
    except Exception:
        log.exception("the framework catalog could not be loaded")
        return {}
