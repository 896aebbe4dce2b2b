"""The model tree's item model: every element, relationship and view of the open model.

Elements are grouped by their framework layer (the catalog's layer names, in catalog
order); elements without one (imported from another tool, bare ArchiMate elements) are
grouped by ArchiMate layer. The tree follows the model's change events and touches only
the rows an event names, so a model of a thousand elements is not rebuilt on each edit.

Dragging an element row carries its id under :data:`~egov_modeler.ui.canvas.view.ELEMENT_MIME`:
dropped on a diagram it places *that* element (see :mod:`egov_modeler.ui.canvas.reuse`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from ...model import events as ev
from ...model.concepts import Element, Relationship
from ...model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES, ArchiMateLayer, layer_label
from ...model.model import Model
from ...model.views import View
from ..canvas.view import ELEMENT_MIME
from ..icons import element_type_icon
from ..model_listener import ModelListener
from ..plain_text import tooltip
from .search_tree import SEARCH_ROLE, fold

log = logging.getLogger(__name__)

#: The element, relationship or view id a row stands for.
ID_ROLE = Qt.ItemDataRole.UserRole + 10
#: "element", "relationship", "view", "group" or "folder".
KIND_ROLE = Qt.ItemDataRole.UserRole + 11
#: What the rows sort by (folders and groups in a fixed order, concepts by folded name).
SORT_ROLE = Qt.ItemDataRole.UserRole + 12

ELEMENT, RELATIONSHIP, VIEW, GROUP, FOLDER = "element", "relationship", "view", "group", \
    "folder"


class ModelTreeModel(QStandardItemModel):
    """Folders *Elements* (by layer), *Relationships* and *Views* of one model."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model: Model | None = None
        self._listener = ModelListener()
        self._items: dict[str, QStandardItem] = {}
        self._groups: dict[str, QStandardItem] = {}
        self._layer_names: dict[str, tuple[int, str]] = {}
        self._folders: dict[str, QStandardItem] = {}

    # ---------------------------------------------------------------- drag
    def mimeTypes(self) -> list[str]:
        return [ELEMENT_MIME]

    def mimeData(self, indexes) -> QMimeData:
        """The first element row's id (one element per drag)."""
        mime = QMimeData()
        for index in indexes:
            if self.data(index, KIND_ROLE) == ELEMENT:
                mime.setData(ELEMENT_MIME, str(self.data(index, ID_ROLE)).encode("utf-8"))
                mime.setText(str(self.data(index, Qt.ItemDataRole.DisplayRole)))
                break
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

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
        """List everything again (a new model, or ModelReset)."""
        self.clear()
        self._items.clear()
        self._groups.clear()
        self._folders.clear()
        self._layer_names = _framework_layers(self.model)
        model = self.model
        if model is None:
            return
        root = self.invisibleRootItem()
        for key, label, order in (
            (ELEMENT, self.tr("Elements"), "0"),
            (RELATIONSHIP, self.tr("Relationships"), "1"),
            (VIEW, self.tr("Views"), "2"),
        ):
            folder = QStandardItem(label)
            folder.setFlags(Qt.ItemFlag.ItemIsEnabled)
            folder.setData(FOLDER, KIND_ROLE)
            folder.setData(order, SORT_ROLE)
            _bold(folder)
            self._folders[key] = folder
        # Rows are made before their folder joins the model: one insertion per folder.
        for element in model.elements:
            self._group_for(element).appendRow(self._element_item(element))
        rows = [self._relationship_item(r) for r in model.relationships]
        if rows:
            self._folders[RELATIONSHIP].appendRows(rows)
        rows = [self._view_item(v) for v in model.views]
        if rows:
            self._folders[VIEW].appendRows(rows)
        for group in self._groups.values():
            self._label_group(group)
        for key in (RELATIONSHIP, VIEW, ELEMENT):
            self._label_folder(key)
        root.appendRows([self._folders[k] for k in (ELEMENT, RELATIONSHIP, VIEW)])

    def item_of(self, concept_id: str) -> QStandardItem | None:
        """The row of an element, relationship or view id."""
        return self._items.get(concept_id)

    # ---------------------------------------------------------------- rows
    def _element_item(self, element: Element) -> QStandardItem:
        item = QStandardItem()
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsDragEnabled)
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
        item.setData(fold(name), SORT_ROLE)
        item.setData(fold(f"{name} {type_label} {element.type}"), SEARCH_ROLE)
        tip = f"{name}\n{type_label}"
        if element.documentation:
            tip += "\n\n" + element.documentation[:400]
        item.setToolTip(tooltip(tip))

    def _relationship_item(self, rel: Relationship) -> QStandardItem:
        item = QStandardItem()
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
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
        item.setData(fold(text), SORT_ROLE)
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
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setData(VIEW, KIND_ROLE)
        item.setData(view.id, ID_ROLE)
        self._describe_view(item, view)
        self._items[view.id] = item
        return item

    def _describe_view(self, item: QStandardItem, view: View) -> None:
        name = view.name or self.tr("(unnamed view)")
        item.setText(name)
        item.setData(fold(name), SORT_ROLE)
        item.setData(fold(name), SEARCH_ROLE)
        item.setToolTip(self.tr("{count} elements").format(
            count=sum(1 for n in view.nodes.values() if n.element_id)))

    # ---------------------------------------------------------------- groups
    def _group_key(self, element: Element) -> str:
        if element.layer:
            return f"framework:{element.layer}"
        etype = ELEMENT_TYPES.get(element.type)
        return f"archimate:{etype.layer.value if etype else ArchiMateLayer.OTHER.value}"

    def _group_for(self, element: Element) -> QStandardItem:
        key = self._group_key(element)
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
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        group.setData(GROUP, KIND_ROLE)
        group.setData(key, ID_ROLE)
        group.setData(sort, SORT_ROLE)
        group.setData(fold(name), SEARCH_ROLE)
        group.setData(name, Qt.ItemDataRole.UserRole + 20)
        _bold(group)
        self._groups[key] = group
        self._folders[ELEMENT].appendRow(group)
        return group

    def _label_group(self, group: QStandardItem) -> None:
        name = group.data(Qt.ItemDataRole.UserRole + 20)
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

    def _drop_empty_group(self, group: QStandardItem) -> None:
        if group.data(KIND_ROLE) != GROUP:
            return
        if group.rowCount():
            self._label_group(group)
            return
        self._groups.pop(group.data(ID_ROLE), None)
        self._folders[ELEMENT].removeRow(group.row())

    def _shown(self) -> Model:
        """The model listed: the change handlers run only while one is."""
        assert self.model is not None
        return self.model

    def _element_added(self, event: ev.ElementAdded) -> None:
        element = self._shown().element(event.element_id)
        group = self._group_for(element)
        group.appendRow(self._element_item(element))
        self._label_group(group)
        self._label_folder(ELEMENT)

    def _element_removed(self, event: ev.ElementRemoved) -> None:
        parent = self._take(event.element_id)
        if parent is not None:
            self._drop_empty_group(parent)
            self._label_folder(ELEMENT)

    def _element_changed(self, event: ev.ElementChanged) -> None:
        item = self._items.get(event.element_id)
        if item is None or not self._shown().has_element(event.element_id):
            return
        element = self._shown().element(event.element_id)
        if item.parent() is not None and item.parent().data(ID_ROLE) != \
                self._group_key(element):  # its layer or type changed: move the row
            self._element_removed(ev.ElementRemoved(element.id))
            self._element_added(ev.ElementAdded(element.id))
            item = self._items[element.id]
        self._describe_element(item, element)
        if element.type in ELEMENT_TYPES:
            item.setIcon(element_type_icon(element.type))
        for rel in self._shown().relationships_of(element.id):  # they show its name
            rel_item = self._items.get(rel.id)
            if rel_item is not None:
                self._describe_relationship(rel_item, rel)

    def _relationship_added(self, event: ev.RelationshipAdded) -> None:
        rel = self._shown().relationship(event.relationship_id)
        self._folders[RELATIONSHIP].appendRow(self._relationship_item(rel))
        self._label_folder(RELATIONSHIP)

    def _relationship_removed(self, event: ev.RelationshipRemoved) -> None:
        if self._take(event.relationship_id) is not None:
            self._label_folder(RELATIONSHIP)

    def _relationship_changed(self, event: ev.RelationshipChanged) -> None:
        item = self._items.get(event.relationship_id)
        if item is not None and self._shown().has_relationship(event.relationship_id):
            self._describe_relationship(item, self._shown().relationship(event.relationship_id))

    def _view_added(self, event: ev.ViewAdded) -> None:
        self._folders[VIEW].appendRow(self._view_item(self._shown().view(event.view_id)))
        self._label_folder(VIEW)

    def _view_removed(self, event: ev.ViewRemoved) -> None:
        if self._take(event.view_id) is not None:
            self._label_folder(VIEW)

    def _view_changed(self, event: ev.ViewChanged) -> None:
        item = self._items.get(event.view_id)
        if item is not None and self._shown().has_view(event.view_id):
            self._describe_view(item, self._shown().view(event.view_id))

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
    ev.ModelReset: ModelTreeModel._reset,
}


def _bold(item: QStandardItem) -> None:
    font = QFont(item.font())
    font.setBold(True)
    item.setFont(font)


def _framework_layers(model=None) -> dict[str, tuple[int, str]]:
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
