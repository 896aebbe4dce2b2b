"""The Properties dock: name, documentation and origin of what is selected.

It edits through commands (as one undo step per field change) and re-reads the model
whenever the selection or the undo stack changes, so it never shows stale values.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from ..model.commands import (
    RenameElementCommand,
    RenameViewCommand,
    SetElementFieldsCommand,
    SetRelationshipFieldsCommand,
    SetViewFieldsCommand,
)
from ..model.metamodel import ACCESS_TYPES, ELEMENT_TYPES, RELATIONSHIP_TYPES
from .editor import Editor


class _DocEdit(QPlainTextEdit):
    """Documentation text committed when the field loses focus."""

    def __init__(self, commit, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._commit = commit
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001
        self._commit(self.toPlainText())
        super().focusOutEvent(event)


class PropertiesDock(QDockWidget):
    """Shows one element, relationship or (with nothing selected) the view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Properties"), parent)
        self.setObjectName("properties_dock")
        body = QWidget(self)
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = QLabel(body)
        self.kind.setWordWrap(True)
        self.name = QLineEdit(body)
        self.name.setObjectName("properties_name")
        self.origin = QLabel(body)
        self.origin.setWordWrap(True)
        self.origin.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.access = QComboBox(body)
        for access in ACCESS_TYPES:
            self.access.addItem(self.tr(access), access)
        self.documentation = _DocEdit(self._commit_documentation, body)
        self.documentation.setObjectName("properties_documentation")
        self.documentation.setMinimumHeight(70)
        self.form.addRow(self.tr("Type:"), self.kind)
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Origin:"), self.origin)
        self.form.addRow(self.tr("Access:"), self.access)
        self.form.addRow(self.tr("Documentation:"), self.documentation)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self.editor: Editor | None = None
        self.view_id: str | None = None
        self.target: tuple[str, str] | None = None  # ("element"|"relationship"|"view", id)
        self.name.editingFinished.connect(self._commit_name)
        self.access.activated.connect(self._commit_access)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.name, self.documentation):
            widget.setEnabled(on)

    def show_selection(self, editor: Editor, view_id: str | None, node_ids: list[str],
                       connection_ids: list[str]) -> None:
        """Show the single selected element or relationship, else the view."""
        self.editor = editor
        self.view_id = view_id
        model = editor.model
        self.target = None
        self._selected_count = len(node_ids) + len(connection_ids)
        if view_id is not None and model.has_view(view_id):
            view = model.view(view_id)
            elements = {view.nodes[n].element_id for n in node_ids
                        if n in view.nodes and view.nodes[n].element_id}
            rels = {view.connections[c].relationship_id for c in connection_ids
                    if c in view.connections and view.connections[c].relationship_id}
            if len(elements) == 1 and not rels:
                self.target = ("element", next(iter(elements)))
            elif len(rels) == 1 and not elements:
                self.target = ("relationship", next(iter(rels)))
            elif not node_ids and not connection_ids:
                self.target = ("view", view_id)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the shown object from the model (after any edit or undo)."""
        editor, target = self.editor, self.target
        self.access.setVisible(False)
        self.form.labelForField(self.access).setVisible(False)
        if editor is None or target is None or not self._exists(target):
            self._set_enabled(False)
            count = getattr(self, "_selected_count", 0)
            # Say how many: after a rubber band the architect checks what was caught.
            if count > 1:
                self.kind.setText(self.tr("{count} objects selected").format(count=count))
            elif count == 1:  # a layer band or group: it has no element to edit
                self.kind.setText(self.tr("Layer band or group"))
            else:
                self.kind.setText(self.tr("Several objects or nothing selected"))
            self.name.clear()
            self.origin.clear()
            self.documentation.setPlainText("")
            return
        self._set_enabled(True)
        model = editor.model
        kind, object_id = target
        if kind == "element":
            element = model.element(object_id)
            etype = ELEMENT_TYPES.get(element.type)
            self.kind.setText(self.tr(etype.label_en) if etype else element.type)
            self._set_text(element.name, element.documentation)
            self.origin.setText(self._origin_text(element))
        elif kind == "relationship":
            rel = model.relationship(object_id)
            rtype = RELATIONSHIP_TYPES.get(rel.type)
            self.kind.setText(self.tr(rtype.label_en) if rtype else rel.type)
            self._set_text(rel.name, rel.documentation)
            source = model.element(rel.source).name if model.has_element(rel.source) else ""
            target_name = model.element(rel.target).name if model.has_element(
                rel.target) else ""
            self.origin.setText(f"{source} → {target_name}")
            if rel.type == "Access":
                self.access.setVisible(True)
                self.form.labelForField(self.access).setVisible(True)
                self.access.setCurrentIndex(max(0, self.access.findData(
                    rel.access_type or "Access")))
        else:
            view = model.view(object_id)
            self.kind.setText(self.tr("View"))
            self._set_text(view.name, view.documentation)
            self.origin.setText(view.viewpoint or "")

    def _exists(self, target: tuple[str, str]) -> bool:
        model = self.editor.model
        kind, object_id = target
        return {"element": model.has_element, "relationship": model.has_relationship,
                "view": model.has_view}[kind](object_id)

    def _set_text(self, name: str, documentation: str) -> None:
        if self.name.text() != name:
            self.name.setText(name)
            self.name.setCursorPosition(0)
        if self.documentation.toPlainText() != documentation:
            self.documentation.setPlainText(documentation)

    def _origin_text(self, element) -> str:  # noqa: ANN001
        parts = []
        if element.catalog_ref:
            try:
                from ..model.catalog import active_catalog

                catalog = active_catalog()
                component = catalog.find_component(element.catalog_ref)
                if component is not None:
                    parts.append(self.tr("Catalog: {name}").format(name=component.name()))
                if element.layer and catalog.has_layer(element.layer):
                    parts.append(self.tr("Layer: {name}").format(
                        name=catalog.layer(element.layer).name()))
            except Exception:  # noqa: BLE001 - origin text is informative only
                parts.append(element.catalog_ref)
        return "\n".join(parts) or self.tr("Not from the catalog")

    # ---------------------------------------------------------------- commits
    def _commit_name(self) -> None:
        if self.editor is None or self.target is None or not self._exists(self.target):
            return
        kind, object_id = self.target
        name = self.name.text()
        model = self.editor.model
        if kind == "element" and name != model.element(object_id).name:
            self.editor.run(RenameElementCommand(object_id, name))
        elif kind == "relationship" and name != model.relationship(object_id).name:
            self.editor.run(SetRelationshipFieldsCommand(object_id, {"name": name}))
        elif kind == "view" and name != model.view(object_id).name:
            self.editor.run(RenameViewCommand(object_id, name))

    def _commit_documentation(self, text: str) -> None:
        if self.editor is None or self.target is None or not self._exists(self.target):
            return
        kind, object_id = self.target
        model = self.editor.model
        if kind == "element" and text != model.element(object_id).documentation:
            self.editor.run(SetElementFieldsCommand(object_id, {"documentation": text}))
        elif kind == "relationship" and text != model.relationship(object_id).documentation:
            self.editor.run(SetRelationshipFieldsCommand(object_id, {"documentation": text}))
        elif kind == "view" and text != model.view(object_id).documentation:
            self.editor.run(SetViewFieldsCommand(object_id, {"documentation": text}))

    def _commit_access(self, _index: int) -> None:
        if self.editor is None or self.target is None or self.target[0] != "relationship":
            return
        value = self.access.currentData()
        rel = self.editor.model.relationship(self.target[1])
        if value != (rel.access_type or "Access"):
            self.editor.run(SetRelationshipFieldsCommand(rel.id, {"access_type": value}))
