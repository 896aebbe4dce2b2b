"""The model tree's item model: the model itself, its folders, and every element,
relationship and view.

The top row is the model (renaming it renames the model). Under it come the model's own
folders (those made in the window or read from Archi or an exchange file) with what is
filed in them, then three fixed folders for what no folder holds: *Elements*, grouped by
their framework layer (the catalog's layer names, in catalog order; elements without one
by ArchiMate layer), *Relationships* and *Views*. The tree follows the model's change
events and touches only the rows an event names, so a model of a thousand elements is
not rebuilt on each edit; only a change of the folders' own shape (new, renamed, moved,
deleted folder) lists everything again.

The item model never edits the model: a rename typed in a row or a drop onto a folder is
announced (:attr:`ModelTreeModel.renameRequested`, :attr:`ModelTreeModel.dropRequested`)
and the window runs the command, whose change event then updates the rows.

Dragging rows carries them under :data:`TREE_MIME` (to move them between folders) and the
first element's id under :data:`~egov_modeler.ui.canvas.view.ELEMENT_MIME`: dropped on a
diagram it places *that* element (see :mod:`egov_modeler.ui.canvas.reuse`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from PySide6.QtCore import QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyle

from ...model import events as ev
from ...model.commands.folder import walk_folders
from ...model.concepts import Element, Relationship
from ...model.find import layer_key
from ...model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES, ArchiMateLayer, layer_label
from ...model.model import Model
from ...model.text_fold import fold
from ...model.views import View
from ..canvas.view import ELEMENT_MIME
from ..icons import element_type_icon
from ..model_listener import ModelListener
from ..plain_text import tooltip
from .search_tree import SEARCH_ROLE

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

_ENABLED = Qt.ItemFlag.ItemIsEnabled
_SELECTABLE = Qt.ItemFlag.ItemIsSelectable
_EDITABLE = Qt.ItemFlag.ItemIsEditable
_DRAG = Qt.ItemFlag.ItemIsDragEnabled
_DROP = Qt.ItemFlag.ItemIsDropEnabled


def folder_path(text: str) -> list[int]:
    """A folder row's id ("1/0") as the path folder commands take; ``[]`` (no folder) for
    anything else, which the commands refuse."""
    parts = text.split("/")
    return [int(part) for part in parts] if all(p.isdigit() for p in parts) else []


def _path_text(path: tuple[int, ...]) -> str:
    return "/".join(map(str, path))


class ModelTreeModel(QStandardItemModel):
    """The model row, its folders and the fixed *Elements* (by layer), *Relationships*
    and *Views* folders of one model."""

    #: A row was renamed by typing: (kind, id, new text).
    renameRequested = Signal(str, str, str)
    #: Rows were dropped onto a folder: ([[kind, id], ...], target kind, target id).
    dropRequested = Signal(list, str, str)
    #: Every row is about to be listed again (the view notes which rows are open).
    aboutToRebuild = Signal()
    #: Every row was listed again (folders changed shape, or another model).
    rebuilt = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model: Model | None = None
        self._listener = ModelListener()
        self._items: dict[str, QStandardItem] = {}
        self._groups: dict[str, QStandardItem] = {}
        self._layer_names: dict[str, tuple[int, str]] = {}
        self._folders: dict[str, QStandardItem] = {}
        self._user_folders: dict[str, QStandardItem] = {}
        #: object id -> path text of the folder it is filed in
        self._filed: dict[str, str] = {}
        self._shape: list[tuple[str, str]] = []
        self.model_item: QStandardItem | None = None

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
        item = self.itemFromIndex(parent) if parent.isValid() else self.model_item
        while item is not None and item.data(KIND_ROLE) not in (MODEL, USER_FOLDER, FOLDER):
            item = item.parent()  # a layer group or a concept: the folder holding it
        if item is None:
            return None
        return str(item.data(KIND_ROLE)), str(item.data(ID_ROLE))

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
        return super().setData(index, value, role)

    # ---------------------------------------------------------------- model
    def show_model(self, model: Model) -> None:
        """Follow ``model`` (instead of the previous one) and list all of it."""
        self.detach()
        self.model = model
        self._listener.follow(model, self._on_event)
        self.rebuild()

    def detach(self) -> None:
        self._listener.stop()

    def rebuild(self) -> None:
        """List everything again (a new model, a change of the folders, ModelReset)."""
        self.aboutToRebuild.emit()
        self.clear()
        self._items.clear()
        self._groups.clear()
        self._folders.clear()
        self._user_folders.clear()
        self._filed.clear()
        self.model_item = None
        self._layer_names = framework_layers(self.model)
        model = self.model
        if model is None:
            self.rebuilt.emit()
            return
        top = QStandardItem()
        top.setFlags(_ENABLED | _SELECTABLE | _EDITABLE | _DROP)
        top.setData(MODEL, KIND_ROLE)
        top.setData(model.id, ID_ROLE)
        top.setData("0", SORT_ROLE)
        _bold(top)
        self.model_item = top
        self._describe_model()
        self._shape = []
        for path, user_folder in walk_folders(model.folders):
            key = _path_text(path)
            self._shape.append((key, user_folder.label))
            for ref in user_folder.refs:
                self._filed.setdefault(ref, key)
        for key, label in self._shape:
            item = self._user_folder_item(key, label)
            parent_key = key.rpartition("/")[0]
            (self._user_folders[parent_key] if parent_key else top).appendRow(item)
        for key, label, order in (
            (ELEMENT, self.tr("Elements"), "1:0"),
            (RELATIONSHIP, self.tr("Relationships"), "1:1"),
            (VIEW, self.tr("Views"), "1:2"),
        ):
            folder = QStandardItem(label)
            folder.setFlags(_ENABLED | _DROP)
            folder.setData(FOLDER, KIND_ROLE)
            folder.setData(key, ID_ROLE)
            folder.setData(order, SORT_ROLE)
            _bold(folder)
            self._folders[key] = folder
        # Rows are made before their folder joins the model: one insertion per folder.
        for element in model.elements:
            self._parent_for(ELEMENT, element.id, element).appendRow(
                self._element_item(element))
        for rel in model.relationships:
            self._parent_for(RELATIONSHIP, rel.id).appendRow(self._relationship_item(rel))
        for view in model.views:
            self._parent_for(VIEW, view.id).appendRow(self._view_item(view))
        for group in self._groups.values():
            self._label_group(group)
        for key in (RELATIONSHIP, VIEW, ELEMENT):
            self._label_folder(key)
        top.appendRows([self._folders[k] for k in (ELEMENT, RELATIONSHIP, VIEW)])
        self.invisibleRootItem().appendRow(top)
        self.rebuilt.emit()

    def item_of(self, concept_id: str) -> QStandardItem | None:
        """The row of an element, relationship or view id."""
        return self._items.get(concept_id)

    def folder_item(self, path: list[int]) -> QStandardItem | None:
        """The row of the model's folder at ``path``."""
        return self._user_folders.get(_path_text(tuple(path)))

    # ---------------------------------------------------------------- rows
    def _describe_model(self) -> None:
        model, item = self.model, self.model_item
        if model is None or item is None:
            return
        name = model.name or self.tr("(unnamed model)")
        item.setText(name)
        item.setData(model.name, NAME_ROLE)
        item.setData(fold(name), SEARCH_ROLE)
        item.setToolTip(tooltip(self.tr("The model: rename it here (F2); select it to see "
                                        "its properties")))

    def _user_folder_item(self, key: str, label: str) -> QStandardItem:
        item = QStandardItem(label)
        item.setFlags(_ENABLED | _SELECTABLE | _EDITABLE | _DRAG | _DROP)
        item.setData(USER_FOLDER, KIND_ROLE)
        item.setData(key, ID_ROLE)
        item.setData(label, NAME_ROLE)
        item.setData(f"0{int(key.rpartition('/')[2]):05d}", SORT_ROLE)
        item.setData(fold(label), SEARCH_ROLE)
        item.setIcon(_folder_icon())
        self._user_folders[key] = item
        return item

    def _parent_for(self, kind: str, object_id: str,
                    element: Element | None = None) -> QStandardItem:
        """The folder row an object's row goes under: its own folder when filed, else its
        layer group (elements) or fixed folder."""
        filed = self._user_folders.get(self._filed.get(object_id, ""))
        if filed is not None:
            return filed
        if kind == ELEMENT:
            assert element is not None
            return self._group_for(element)
        return self._folders[kind]

    def _element_item(self, element: Element) -> QStandardItem:
        item = QStandardItem()
        item.setFlags(_ENABLED | _SELECTABLE | _EDITABLE | _DRAG)
        item.setData(ELEMENT, KIND_ROLE)
        item.setData(element.id, ID_ROLE)
        if element.type in ELEMENT_TYPES:
            item.setIcon(element_type_icon(element.type))
        self._describe_element(item, element)
        self._items[element.id] = item
        return item

    def _describe_element(self, item: QStandardItem, element: Element) -> None:
        name = element.name or self.tr("(unnamed)")
        etype = ELEMENT_TYPES.get(element.type)
        type_label = self.tr(etype.label_en) if etype else element.type
        item.setText(name)
        item.setData(element.name, NAME_ROLE)
        item.setData("1e" + fold(name), SORT_ROLE)
        item.setData(fold(f"{name} {type_label} {element.type}"), SEARCH_ROLE)
        tip = f"{name}\n{type_label}"
        if element.documentation:
            tip += "\n\n" + element.documentation[:400]
        item.setToolTip(tooltip(tip))

    def _relationship_item(self, rel: Relationship) -> QStandardItem:
        item = QStandardItem()
        item.setFlags(_ENABLED | _SELECTABLE | _EDITABLE | _DRAG)
        item.setData(RELATIONSHIP, KIND_ROLE)
        item.setData(rel.id, ID_ROLE)
        self._describe_relationship(item, rel)
        self._items[rel.id] = item
        return item

    def _describe_relationship(self, item: QStandardItem, rel: Relationship) -> None:
        rtype = RELATIONSHIP_TYPES.get(rel.type)
        type_label = self.tr(rtype.label_en) if rtype else rel.type
        ends = f"{self._concept_name(rel.source)} → {self._concept_name(rel.target)}"
        text = f"{rel.name} ({type_label}: {ends})" if rel.name else f"{type_label}: {ends}"
        item.setText(text)
        item.setData(rel.name, NAME_ROLE)
        item.setData("1r" + fold(text), SORT_ROLE)
        item.setData(fold(f"{text} {rel.type}"), SEARCH_ROLE)
        item.setToolTip(tooltip(text))

    def _concept_name(self, concept_id: str) -> str:
        model = self.model
        if model is not None and model.has_element(concept_id):
            return model.element(concept_id).name or self.tr("(unnamed)")
        if model is not None and model.has_relationship(concept_id):
            rel = model.relationship(concept_id)
            rtype = RELATIONSHIP_TYPES.get(rel.type)
            return rel.name or (self.tr(rtype.label_en) if rtype else rel.type)
        return concept_id

    def _view_item(self, view: View) -> QStandardItem:
        item = QStandardItem()
        item.setFlags(_ENABLED | _SELECTABLE | _EDITABLE | _DRAG)
        item.setData(VIEW, KIND_ROLE)
        item.setData(view.id, ID_ROLE)
        self._describe_view(item, view)
        self._items[view.id] = item
        return item

    def _describe_view(self, item: QStandardItem, view: View) -> None:
        name = view.name or self.tr("(unnamed view)")
        item.setText(name)
        item.setData(view.name, NAME_ROLE)
        item.setData("1v" + fold(name), SORT_ROLE)
        item.setData(fold(name), SEARCH_ROLE)
        item.setToolTip(self.tr("{count} elements").format(
            count=sum(1 for n in view.nodes.values() if n.element_id)))

    # ---------------------------------------------------------------- groups
    def _group_for(self, element: Element) -> QStandardItem:
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
        group = QStandardItem(name)
        group.setFlags(_ENABLED | _DROP)
        group.setData(GROUP, KIND_ROLE)
        group.setData(key, ID_ROLE)
        group.setData(sort, SORT_ROLE)
        group.setData(fold(name), SEARCH_ROLE)
        group.setData(name, _GROUP_NAME_ROLE)
        _bold(group)
        self._groups[key] = group
        self._folders[ELEMENT].appendRow(group)
        return group

    def _label_group(self, group: QStandardItem) -> None:
        name = group.data(_GROUP_NAME_ROLE)
        group.setText(f"{name} ({group.rowCount()})")

    def _label_folder(self, key: str) -> None:
        folder = self._folders[key]
        base = {ELEMENT: self.tr("Elements"), RELATIONSHIP: self.tr("Relationships"),
                VIEW: self.tr("Views")}[key]
        count = (sum(g.rowCount() for g in self._groups.values()) if key == ELEMENT
                 else folder.rowCount())
        folder.setText(f"{base} ({count})")

    # ---------------------------------------------------------------- events
    def _on_event(self, event: ev.ModelEvent) -> None:
        handler = _HANDLERS.get(type(event))
        if handler is not None and self.model is not None:
            handler(self, event)

    def _take(self, concept_id: str) -> QStandardItem | None:
        """Remove a row (keeping no stale index); the item's former parent is returned."""
        item = self._items.pop(concept_id, None)
        if item is None:
            return None
        parent = item.parent() or self.invisibleRootItem()
        parent.removeRow(item.row())
        return parent

    def _after_removal(self, parent: QStandardItem) -> None:
        """Relabel (or drop, when empty) the layer group or folder a row left."""
        kind = parent.data(KIND_ROLE)
        if kind == GROUP:
            if parent.rowCount():
                self._label_group(parent)
            else:
                self._groups.pop(parent.data(ID_ROLE), None)
                self._folders[ELEMENT].removeRow(parent.row())
            self._label_folder(ELEMENT)
        elif kind == FOLDER:
            self._label_folder(str(parent.data(ID_ROLE)))

    def _added(self, kind: str, object_id: str) -> None:
        """Add the row of a new (or re-filed) element, relationship or view."""
        model = self._shown()
        element = model.element(object_id) if kind == ELEMENT else None
        parent = self._parent_for(kind, object_id, element)
        if kind == ELEMENT:
            assert element is not None
            parent.appendRow(self._element_item(element))
        elif kind == RELATIONSHIP:
            parent.appendRow(self._relationship_item(model.relationship(object_id)))
        else:
            parent.appendRow(self._view_item(model.view(object_id)))
        if parent.data(KIND_ROLE) == GROUP:
            self._label_group(parent)
            self._label_folder(ELEMENT)
        elif parent.data(KIND_ROLE) == FOLDER:
            self._label_folder(kind)

    def _removed(self, object_id: str) -> None:
        parent = self._take(object_id)
        if parent is not None:
            self._after_removal(parent)

    def _shown(self) -> Model:
        """The model listed: the change handlers run only while one is."""
        assert self.model is not None
        return self.model

    def _element_added(self, event: ev.ElementAdded) -> None:
        self._added(ELEMENT, event.element_id)

    def _element_removed(self, event: ev.ElementRemoved) -> None:
        self._removed(event.element_id)

    def _element_changed(self, event: ev.ElementChanged) -> None:
        item = self._items.get(event.element_id)
        if item is None or not self._shown().has_element(event.element_id):
            return
        element = self._shown().element(event.element_id)
        parent = item.parent()
        if parent is not None and parent.data(KIND_ROLE) == GROUP and \
                parent.data(ID_ROLE) != layer_key(element):  # layer or type changed: move
            self._removed(element.id)
            self._added(ELEMENT, element.id)
            item = self._items[element.id]
        self._describe_element(item, element)
        if element.type in ELEMENT_TYPES:
            item.setIcon(element_type_icon(element.type))
        for rel in self._shown().relationships_of(element.id):  # they show its name
            rel_item = self._items.get(rel.id)
            if rel_item is not None:
                self._describe_relationship(rel_item, rel)

    def _relationship_added(self, event: ev.RelationshipAdded) -> None:
        self._added(RELATIONSHIP, event.relationship_id)

    def _relationship_removed(self, event: ev.RelationshipRemoved) -> None:
        self._removed(event.relationship_id)

    def _relationship_changed(self, event: ev.RelationshipChanged) -> None:
        item = self._items.get(event.relationship_id)
        if item is not None and self._shown().has_relationship(event.relationship_id):
            self._describe_relationship(item, self._shown().relationship(event.relationship_id))

    def _view_added(self, event: ev.ViewAdded) -> None:
        self._added(VIEW, event.view_id)

    def _view_removed(self, event: ev.ViewRemoved) -> None:
        self._removed(event.view_id)

    def _view_changed(self, event: ev.ViewChanged) -> None:
        item = self._items.get(event.view_id)
        if item is not None and self._shown().has_view(event.view_id):
            self._describe_view(item, self._shown().view(event.view_id))

    def _model_changed(self, _event: ev.ModelPropertiesChanged) -> None:
        self._describe_model()

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
            self.rebuild()
            return
        moved = [oid for oid in set(filed) | set(self._filed)
                 if filed.get(oid) != self._filed.get(oid) and oid in self._items]
        self._filed = filed
        for object_id in moved:
            kind = str(self._items[object_id].data(KIND_ROLE))
            self._removed(object_id)
            self._added(kind, object_id)

    def _reset(self, _event: ev.ModelReset) -> None:
        self.rebuild()


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


def _bold(item: QStandardItem) -> None:
    font = QFont(item.font())
    font.setBold(True)
    item.setFont(font)


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
