"""The model browser dock: the model, its folders, every element (by layer), relationship
and view.

What an architect uses it for: find an element that already exists and drag it onto a
second view (one element, many views), see what a model holds after an import, open a
view, and keep the model tidy: rename (F2), delete (Del: from the model), file concepts
in folders by dragging them, change an element's type. The item view is named
``model_tree`` (automation contract, as ``palette`` is for the palette); its model's
``mimeData`` gives what a drag carries.

Typing in the filter box keeps the rows whose name (or type, or layer) contains every
word typed, ignoring Vietnamese diacritics; it searches the whole model, folders never
opened too (the tree makes rows only as they are shown: see :mod:`.model_tree`), and
opens the folders that hold what it found. The dock only shows and reports: what the
user selects, renames, drops, deletes or asks a menu for goes to the window's
:class:`~egov_modeler.ui.window.tree_controller.TreeController` as signals, and the
controller selects rows here when the diagram's selection changes
(:meth:`ModelDock.select_concepts`).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...model.model import Model
from .model_tree import (
    ELEMENT,
    FETCH_BATCH,
    ID_ROLE,
    KIND_ROLE,
    MODEL,
    NAME_ROLE,
    RELATIONSHIP,
    USER_FOLDER,
    VIEW,
    ModelTreeModel,
    folder_path,
)
from .search_tree import searchable_tree

#: Keys the tree handles itself while it has the focus, although the window has them as
#: shortcuts for the diagram (Delete removes from the *view* there, from the model here).
_TREE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_F2)

Row = tuple[str, str]


class _NameDelegate(QStyledItemDelegate):
    """Renaming a row starts from the name alone (a relationship's row shows its type and
    ends too) and ignores leading and trailing spaces."""

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(NAME_ROLE) or ""))
            editor.selectAll()
        else:
            super().setEditorData(editor, index)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setObjectName("model_tree_editor")
        return editor


class ModelDock(QDockWidget):
    """Filter box over the model tree; tells the window what the user picked."""

    #: A view was double-clicked (or "Open" chosen): show it in a tab.
    viewActivated = Signal(str)
    #: An element or relationship row was double-clicked: show it on a diagram.
    conceptActivated = Signal(str)
    #: The user changed the selection: ``[(kind, id), ...]``.
    rowsSelected = Signal(list)
    #: Delete was pressed in the tree.
    deleteRequested = Signal()
    #: A context menu was asked for at this global position (the rows are selected).
    menuRequested = Signal(QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Model"), parent)
        self.setObjectName("model_tree_dock")
        #: The tree's item model: it sorts and filters its rows itself (a proxy model
        #: would ask it for every row, and it makes rows only as they are shown).
        self.source_model = ModelTreeModel(self)
        body, self.search, self.tree = searchable_tree(
            self, "model_tree", self.tr("Filter elements, relationships, views…"),
            self.source_model, 18)
        self.setWidget(body)
        tree = self.tree
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        tree.setAcceptDrops(True)
        tree.setDropIndicatorShown(True)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        tree.setItemDelegate(_NameDelegate(tree))
        self._syncing = False
        #: Rows open before the rows are listed again; None: a new model, open the top.
        self._expanded: set[Row] | None = None
        self.search.textChanged.connect(self._filter)
        tree.activated.connect(self._activated)
        tree.selectionModel().selectionChanged.connect(self._selection_changed)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._menu)
        tree.installEventFilter(self)
        self.source_model.aboutToRebuild.connect(self._remember_expanded)
        self.source_model.rebuilt.connect(self._restore_expanded)
        tree.verticalScrollBar().valueChanged.connect(self._fetch_in_sight)
        self.source_model.orderMade.connect(self._order_made)

    # ---------------------------------------------------------------- content
    def show_model(self, model: Model) -> None:
        """List ``model`` and follow its changes from now on."""
        self._expanded = None
        self.source_model.show_model(model)

    def detach(self) -> None:
        self.source_model.detach()

    def _expand_top(self) -> None:
        """The model and its folders open, the Elements folder's layer groups closed: a
        first look shows the folders, layers and counts, not a thousand rows. A folder
        of more than :data:`FETCH_BATCH` rows (the 40,000 relationships of a national
        model) stays closed too: opening it puts all its rows in order first."""
        top = self.index_of_model()
        self.tree.expand(top)
        tree_model = self.source_model
        for row in range(tree_model.rowCount(top)):
            index = tree_model.index(row, 0, top)
            if tree_model.member_count(index) <= FETCH_BATCH:
                self.tree.expand(index)

    def _fetch_in_sight(self, *_args: object) -> None:
        """Make the next rows of every open folder whose last row is in sight. Qt asks
        for more rows only for the folders above the tree's very last row, so a folder
        followed by another (Relationships, then Views) showed its first rows only."""
        tree_model, tree = self.source_model, self.tree
        bottom = tree.viewport().height()
        for folder in list(tree_model.shown_folders()):
            index = tree_model.index_of_row(folder)
            if not index.isValid() or not tree_model.canFetchMore(index) or \
                    not tree.isExpanded(index):
                continue
            count = tree_model.rowCount(index)
            last = tree_model.index(count - 1, 0, index) if count else index
            if tree.visualRect(last).top() < bottom:
                tree_model.fetchMore(index)

    def _order_made(self) -> None:
        """A folder was put in order while the window was idle: an open folder that
        showed only a row revealed before (see :meth:`ModelTreeModel.fetches_held`) shows
        its first rows now, the current row kept in sight."""
        tree = self.tree
        current = tree.currentIndex()
        seen = current.isValid() and tree.viewport().rect().intersects(
            tree.visualRect(current))
        self._fetch_in_sight()
        if seen:
            with self.source_model.fetches_held():  # scrolled back, no more rows above
                tree.scrollTo(tree.currentIndex())  # (its row number changed)

    def _key(self, index: QModelIndex) -> Row:
        return str(index.data(KIND_ROLE)), str(index.data(ID_ROLE))

    def _folder_indexes(self):
        """The indexes of the folders listed (only folders open; a concept row has no
        rows under it)."""
        tree_model = self.source_model
        for folder in tree_model.shown_folders():
            index = tree_model.index_of_row(folder)
            if index.isValid():
                yield index

    def _remember_expanded(self) -> None:
        """Before the rows are listed again (the folders changed): which ones were open."""
        if self._expanded is not None:
            self._expanded = {self._key(i) for i in self._folder_indexes()
                              if self.tree.isExpanded(i)}

    def _restore_expanded(self) -> None:
        if self._expanded is None:
            self._expand_top()
            self._expanded = set()
            return
        for index in list(self._folder_indexes()):
            if self._key(index) in self._expanded:
                self.tree.expand(index)

    def index_of(self, concept_id: str) -> QModelIndex:
        """The index of an element, relationship or view (its row made if the tree had
        not shown it yet); invalid when filtered out or unknown."""
        return self.source_model.index_of_row(self.source_model.item_of(concept_id))

    def index_of_folder(self, path: list[int]) -> QModelIndex:
        """The index of the model's folder at ``path``."""
        return self.source_model.index_of_row(self.source_model.folder_item(path))

    def index_of_model(self) -> QModelIndex:
        """The index of the model's own row, at the top."""
        return self.source_model.index_of_row(self.source_model.model_item)

    # ---------------------------------------------------------------- selection
    def selected_rows(self) -> list[Row]:
        """``[(kind, id)]`` of the selected rows, in the tree's order."""
        indexes = sorted(self.tree.selectionModel().selectedRows(),
                         key=lambda i: self.tree.visualRect(i).top())
        return [self._key(i) for i in indexes]

    def select_concepts(self, ids: list[str]) -> None:
        """Select the rows of these elements and relationships (the diagram's selection),
        without reporting it back as the user's choice."""
        tree_model = self.source_model
        syncing, self._syncing = self._syncing, True  # making a row may reshape the
        try:  # selection (Qt splits a selected range a new row lands in): not the user's
            rows = [tree_model.item_of(c) for c in ids]  # all made before any index is
        finally:  # taken: a row made moves the rows below it
            self._syncing = syncing
        indexes = [i for i in map(tree_model.index_of_row, rows) if i.isValid()]
        self._select(indexes)

    def select_model_row(self) -> None:
        self._select([self.index_of_model()])

    def _select(self, indexes: list[QModelIndex]) -> None:
        selection = QItemSelection()
        for index in indexes:
            if index.isValid():
                selection.select(index, index)
        model = self.tree.selectionModel()
        self._syncing = True
        try:
            with self.source_model.fetches_held():  # the row stays where it is scrolled to
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect \
                    | QItemSelectionModel.SelectionFlag.Rows
                model.select(selection, flags)
                if indexes and indexes[0].isValid():
                    model.setCurrentIndex(indexes[0],
                                          QItemSelectionModel.SelectionFlag.NoUpdate)
                    self.tree.scrollTo(indexes[0])
        finally:
            self._syncing = False

    def _selection_changed(self, selected: QItemSelection,
                           deselected: QItemSelection) -> None:
        # Nothing selected or deselected: Qt split a selected range where a row was made
        # (the tree makes rows as they are shown), the user changed nothing.
        if not self._syncing and (not selected.isEmpty() or not deselected.isEmpty()):
            self.rowsSelected.emit(self.selected_rows())

    def edit_row(self, kind: str, row_id: str) -> bool:
        """Start renaming a row in place (the menu's Rename); True when the editor opened."""
        if kind == MODEL:
            index = self.index_of_model()
        elif kind == USER_FOLDER:
            index = self.index_of_folder(folder_path(row_id))
        else:
            index = self.index_of(row_id)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        self.tree.edit(index)
        return self.tree.state() == QAbstractItemView.State.EditingState

    # ---------------------------------------------------------------- user actions
    def _filter(self, text: str) -> None:
        self.source_model.set_query(text)
        if text.strip():
            for index in list(self._folder_indexes()):  # what was found, in every folder
                self.tree.expand(index)
        else:
            self.tree.collapseAll()
            self._expand_top()

    def _activated(self, index: QModelIndex) -> None:
        kind = index.data(KIND_ROLE)
        if kind == VIEW:
            self.viewActivated.emit(str(index.data(ID_ROLE)))
        elif kind in (ELEMENT, RELATIONSHIP):
            self.conceptActivated.emit(str(index.data(ID_ROLE)))

    def _menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if index.isValid() and not self.tree.selectionModel().isSelected(index):
            self.tree.setCurrentIndex(index)  # a right-click on another row picks it
        self.menuRequested.emit(self.tree.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete, Backspace and F2 belong to the tree while it has the focus (the
        window's shortcuts would act on the diagram's selection instead)."""
        if watched is self.tree and isinstance(event, QKeyEvent) and \
                self.tree.state() != QAbstractItemView.State.EditingState:
            if event.type() == QEvent.Type.ShortcutOverride and event.key() in _TREE_KEYS:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress and (
                    event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                    or event.matches(QKeySequence.StandardKey.Delete)):
                self.deleteRequested.emit()
                return True
        return super().eventFilter(watched, event)
