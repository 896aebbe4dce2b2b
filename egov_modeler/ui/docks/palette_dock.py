"""The palette: the framework catalog's components by layer and reference model.

It shows the open model's framework profile (:meth:`PaletteDock.show_catalog`; the window
passes ``catalog_for(model)`` whenever the model changes), so a 2.0 model and a 2025 model
each get their own framework's components. A component's tooltip says where it comes from:
its sources, whether a source confirms it or it is inferred, its owner and scope; every
ArchiMate type shows its English name beside the Vietnamese term.

A Qt item view named ``palette`` (automation contract); its model's ``mimeData`` gives
what a drag carries: the component id under :data:`COMPONENT_MIME`. Typing in the search
box filters as you type, ignoring Vietnamese diacritics ("cong dich vu" finds "Cổng Dịch vụ
công").
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDockWidget,
    QWidget,
)

from ...model.metamodel import ELEMENT_TYPES, ArchiMateLayer, layer_label
from ..canvas.view import COMPONENT_MIME
from ..icons import element_type_icon
from ..plain_text import tooltip
from .search_tree import SEARCH_ROLE, WordFilter, fold, searchable_tree

log = logging.getLogger(__name__)

PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 1


class PaletteModel(QStandardItemModel):
    """Sections (not draggable) holding components (draggable) as a tree."""

    def mimeTypes(self) -> list[str]:
        return [COMPONENT_MIME]

    def mimeData(self, indexes) -> QMimeData:
        """The first draggable index's component id (one component per drag)."""
        mime = QMimeData()
        for index in indexes:
            payload = self.data(index, PAYLOAD_ROLE)
            if payload:
                mime.setData(COMPONENT_MIME, str(payload).encode("utf-8"))
                mime.setText(str(self.data(index, Qt.ItemDataRole.DisplayRole)))
                break
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class PaletteDock(QDockWidget):
    """The dock on the left: search box over the palette tree."""

    #: A component was double-clicked: place it with the next click on the diagram.
    componentActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Palette"), parent)
        self.setObjectName("palette_dock")
        self.source_model = PaletteModel(self)
        self.proxy = WordFilter(self)
        self.proxy.setSourceModel(self.source_model)
        body, self.search, self.tree = searchable_tree(
            self, "palette", self.tr("Search components…"), self.proxy, 22)
        self.setWidget(body)
        # Long component names differ at their end ("… cấp bộ (LGSP bộ)" / "… cấp tỉnh
        # (LGSP tỉnh)"): cut them in the middle so the difference stays visible.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.search.textChanged.connect(self._filter)
        self.tree.doubleClicked.connect(self._activated)
        self.catalog = None
        self.reload()

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        if text.strip():
            self.tree.expandAll()

    def _activated(self, index: QModelIndex) -> None:
        payload = self.proxy.data(index, PAYLOAD_ROLE)
        if payload:
            self.componentActivated.emit(str(payload))

    # ---------------------------------------------------------------- content
    def show_catalog(self, catalog) -> None:
        """Show ``catalog`` (a profile with its user catalogs: ``catalog_for(model)``)."""
        self.catalog = catalog
        self.reload()

    def reload(self) -> None:
        """Fill the tree again from the catalog shown (by default the active profile's,
        with the user catalogs added since)."""
        self.source_model.clear()
        root = self.source_model.invisibleRootItem()
        try:
            from ...model.catalog import active_catalog, profile_catalog

            if self.catalog is not None and self.catalog.profile is not None:
                # a user catalog added since is merged into the profile: show it too
                self.catalog = profile_catalog(self.catalog.profile.id)
            catalog = self.catalog if self.catalog is not None else active_catalog()
            for section in catalog.sections():
                root.appendRow(self._section_item(section))
        except Exception:
            log.exception("the framework catalog could not be loaded")
        root.appendRow(self._archimate_section())
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if row < 6:
                self.tree.expand(index)

    def _section_item(self, section) -> QStandardItem:
        layer = section.layer
        item = QStandardItem(section.title())
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        kind = {"overview": self.tr("Overview layer"),
                "reference_model": self.tr("Reference model"),
                "external": self.tr("External systems")}.get(layer.kind, layer.kind)
        item.setToolTip(tooltip(f"{layer.name_vi}\n{layer.name_en}\n{kind}"))
        item.setData(fold(f"{layer.name_vi} {layer.name_en}"), SEARCH_ROLE)
        parents: dict[str, QStandardItem] = {}
        for entry in section.entries:
            component = entry.component
            child = self._component_item(component)
            parents[component.id] = child
            holder = parents.get(component.parent) if component.parent else None
            (holder or item).appendRow(child)
        return item

    def _component_item(self, component) -> QStandardItem:
        item = QStandardItem(component.name())
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsDragEnabled)
        item.setData(component.id, PAYLOAD_ROLE)
        etype = ELEMENT_TYPES.get(component.archimate_type)
        if etype is not None:
            item.setIcon(element_type_icon(component.archimate_type))
        item.setData(fold(" ".join(filter(None, (
            component.name_vi, component.name_en, component.code or "",
            etype.label_vi if etype else "", etype.label_en if etype else "")))), SEARCH_ROLE)
        item.setToolTip(self._tooltip(component))
        return item

    def _tooltip(self, component) -> str:
        from html import escape

        from ...i18n import current_language
        from ...model.terminology import bilingual_type_label, type_hint

        type_label = bilingual_type_label(component.archimate_type, current_language())
        lines = [f"<b>{escape(component.name())}</b>"]
        if component.name_en and component.name_en != component.name():
            lines.append(f"<i>{escape(component.name_en)}</i>")
        lines.append(escape(self.tr("ArchiMate type: {type}").format(type=type_label)))
        hint = type_hint(component.archimate_type, self.catalog)
        if hint and current_language() == "vi":
            lines.append(f"<i>{escape(hint)}</i>")
        description = component.description()
        if description:
            lines.append(escape(description))
        lines.extend(escape(line) for line in component_origin_lines(self.tr, component))
        if component.inferred:
            lines.append("<i>" + escape(self.tr(
                "Inferred: not read in a retrieved source of the framework")) + "</i>")
        return "<p style='white-space:pre-wrap; max-width:420px'>" + "<br>".join(lines) + "</p>"

    def _archimate_section(self) -> QStandardItem:
        section = QStandardItem(self.tr("ArchiMate elements"))
        section.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = section.font()
        font.setBold(True)
        section.setFont(font)
        section.setData(fold("ArchiMate"), SEARCH_ROLE)
        for layer in ArchiMateLayer:
            group = QStandardItem(layer_label(layer))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setData(fold(layer_label(layer) + " " + layer.value), SEARCH_ROLE)
            for etype in ELEMENT_TYPES.values():
                if etype.layer is not layer:
                    continue
                item = QStandardItem(element_type_icon(etype.name), self.tr(etype.label_en))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsDragEnabled)
                item.setData(f"type:{etype.name}", PAYLOAD_ROLE)
                item.setData(fold(f"{etype.label_vi} {etype.label_en} {etype.name}"),
                             SEARCH_ROLE)
                item.setToolTip(_type_tooltip(etype.name))
                group.appendRow(item)
            if group.rowCount():
                section.appendRow(group)
        return section

    def find_payload(self, payload: str) -> QModelIndex:
        """The (proxy) index of the row carrying ``payload``, invalid when filtered out."""
        matches = self.source_model.match(self.source_model.index(0, 0), PAYLOAD_ROLE, payload,
                                          1, Qt.MatchFlag.MatchExactly
                                          | Qt.MatchFlag.MatchRecursive)
        if not matches:
            return QModelIndex()
        return self.proxy.mapFromSource(matches[0])


def _type_tooltip(type_name: str) -> str:
    """"Tạo tác (Artifact)", and the terminology's hint (Vietnamese) below it when there is
    one; "Artifact" alone in the English interface."""
    from ...i18n import current_language
    from ...model.terminology import bilingual_type_label, type_hint

    language = current_language()
    hint = type_hint(type_name) if language == "vi" else ""
    label = bilingual_type_label(type_name, language)
    return f"{label}\n{hint}" if hint else label


def component_origin_lines(tr, component) -> list[str]:
    """Where a component comes from, as the palette and the Properties panel say it: its
    sources (up to three), how sure they are, its owner, scope and framework version.
    ``tr`` is the widget's translate function."""
    lines = []
    if component.sources:
        lines.append(tr("Source: {source}").format(source="; ".join(component.sources[:3])))
    lines.append(tr("Confidence: {level}").format(
        level=tr("inferred (no source confirms it)") if component.inferred
        else tr("confirmed by a source")))
    if component.owner:
        lines.append(tr("Owner: {owner}").format(owner=component.owner))
    if component.scope:
        lines.append(tr("Scope: {scope}").format(scope=component.scope))
    if component.version:
        lines.append(tr("Framework version: {version}").format(version=component.version))
    return lines
