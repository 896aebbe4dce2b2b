"""The Properties dock: what is selected, in both dossier languages, and its facts.

It shows one element, relationship or view (nothing selected on the diagram: the view, and
under it the model's own properties, where the PDF's ``dossier:*`` fields live), a note,
group or legend (its text), or several objects at once (a bulk edit: what they share,
documentation, properties, the relationship fields of one type, appearance; each change
one undo step for all of them). Names and
documentation come in the model's language (Vietnamese) and in the second dossier language
(English: ``names["en"]``, printed by ``--lang en`` and written into the exchange XML). A
relationship adds its access type, direction or influence modifier; a view its ArchiMate
viewpoint. User properties are an ordered key/value table
(:class:`~egov_modeler.ui.docks.property_table.PropertyTable`).

Every field change is one undo step through a model command. The dock keeps no copy of the
model: it re-reads it on every model event and undo-stack change, so it never shows stale
values.

Sections: under the form, widgets added with :meth:`PropertiesDock.add_section` (the
Appearance section, inventory fields...) follow the selection. A section is any widget
with a ``show_selection(selection)`` method taking a
:class:`~egov_modeler.ui.docks.selection.Selection`; the dock calls it whenever what it
shows may have changed. That is the one place where sections are added.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...model import events as ev
from ...model.catalog import rename_element_command
from ...model.commands import (
    Command,
    CompoundCommand,
    RenameElementCommand,
    RenameViewCommand,
    SetElementFieldsCommand,
    SetModelFieldsCommand,
    SetNodeFieldsCommand,
    SetRelationshipFieldsCommand,
    SetViewFieldsCommand,
)
from ...model.metamodel import ACCESS_TYPES
from ...model.model import Model
from ...model.viewpoints import NO_VIEWPOINT, VIEWPOINTS
from ...model.views import (
    CONNECTION_ROUTER_MANUAL,
    NODE_CONTAINER,
    NODE_LABEL,
    NODE_LEGEND,
    ROUTER_MANUAL,
    ROUTER_ORTHOGONAL,
)
from ..canvas.line_routing import connection_router_commands, view_router_commands
from ..editor import Editor
from ..plain_text import plain_label
from ..undo import edit_burst
from .inventory_fields import InventoryFieldsForm
from .property_table import PropertyTable
from .selection import Selection

log = logging.getLogger(__name__)

#: Events after which the shown object may have changed.
_REFRESH_EVENTS = (ev.ModelReset, ev.ModelPropertiesChanged, ev.ElementChanged,
                   ev.ElementRemoved, ev.RelationshipChanged, ev.RelationshipRemoved,
                   ev.ViewChanged, ev.ViewRemoved, ev.NodeChanged, ev.NodeRemoved,
                   ev.ConnectionChanged, ev.ConnectionRemoved)
#: Height of a documentation box: three lines or so, the dock stays compact.
DOC_HEIGHT = 58


class _DocEdit(QPlainTextEdit):
    """Documentation text committed when the field loses focus."""

    def __init__(self, commit: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._commit = commit
        self.setTabChangesFocus(True)
        self.setFixedHeight(DOC_HEIGHT)

    def focusOutEvent(self, event) -> None:
        self._commit(self.toPlainText())
        super().focusOutEvent(event)


class _Unsubscriber:
    """Stops the dock's model subscription when the dock is deleted; holds a holder of
    the current unsubscribe function, never the (then dead) dock itself."""

    def __init__(self, dock: PropertiesDock) -> None:
        self._holder = dock._subscription

    def __call__(self, *_args: object) -> None:
        unsubscribe = self._holder.pop("unsubscribe", None)
        if unsubscribe is not None:
            try:
                unsubscribe()
            except ValueError:  # already unsubscribed
                pass


class PropertiesDock(QDockWidget):
    """Shows one element, relationship, view or the model, and edits it by commands."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Properties"), parent)
        self.setObjectName("properties_dock")
        body = QWidget(self)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(6, 4, 6, 4)
        outer.setSpacing(4)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setVerticalSpacing(4)
        outer.addLayout(self.form)

        self.kind = plain_label(QLabel(body))
        self.kind.setWordWrap(True)
        self.name = QLineEdit(body)
        self.name.setObjectName("properties_name")
        self.name_en = QLineEdit(body)
        self.name_en.setObjectName("properties_name_en")
        self.origin = plain_label(QLabel(body))
        self.origin.setWordWrap(True)
        self.origin.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.access = QComboBox(body)
        self.access.setObjectName("properties_access")
        for access in ACCESS_TYPES:
            self.access.addItem(self.tr(access), access)
        self.directed = QCheckBox(self.tr("Directed (arrow at the target)"), body)
        self.directed.setObjectName("properties_directed")
        self.modifier = QLineEdit(body)
        self.modifier.setObjectName("properties_modifier")
        self.modifier.setPlaceholderText(self.tr("e.g. +, ++, -, --, 0..10"))
        self.modifier.setToolTip(self.tr(
            "How strongly the source influences the target: +, ++, -, -- or a number"))
        self.viewpoint = QComboBox(body)
        self.viewpoint.setObjectName("properties_viewpoint")
        self.router = QComboBox(body)
        self.router.setObjectName("properties_router")
        self.router.setToolTip(self.tr(
            "Orthogonal: lines go round the boxes with right angles, and are routed again "
            "whenever a box moves"))
        self.note_text = _DocEdit(self._commit_note_text, body)
        self.note_text.setObjectName("properties_note_text")
        self.note_text.setFixedHeight(DOC_HEIGHT * 2)
        self.documentation = _DocEdit(self._commit_documentation, body)
        self.documentation.setObjectName("properties_documentation")
        self.documentation_en = _DocEdit(self._commit_documentation_en, body)
        self.documentation_en.setObjectName("properties_documentation_en")
        self.table = PropertyTable(body, "properties_table")

        self.form.addRow(self.tr("Type:"), self.kind)
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("English name:"), self.name_en)
        self.form.addRow(self.tr("Origin:"), self.origin)
        self.form.addRow(self.tr("Access:"), self.access)
        self.form.addRow(self.tr("Direction:"), self.directed)
        self.form.addRow(self.tr("Influence:"), self.modifier)
        self.form.addRow(self.tr("Viewpoint:"), self.viewpoint)
        self.form.addRow(self.tr("Lines:"), self.router)
        self.form.addRow(self.tr("Text:"), self.note_text)
        self.form.addRow(self.tr("Documentation:"), self.documentation)
        self.form.addRow(self.tr("English documentation:"), self.documentation_en)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        outer.addWidget(self.table)

        # The model's properties (dossier fields) under the view's, folded by default.
        self.model_toggle = QToolButton(body)
        self.model_toggle.setObjectName("properties_model_toggle")
        self.model_toggle.setCheckable(True)
        self.model_toggle.setAutoRaise(True)
        self.model_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.model_toggle.setText(self.tr("Model properties (dossier fields)"))
        self.model_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.model_toggle.toggled.connect(self._model_toggled)
        self.model_table = PropertyTable(body, "properties_model_table")
        self.model_table.setVisible(False)
        self._outer = outer
        self._sections: list[QWidget] = []
        outer.addWidget(self.model_toggle)
        outer.addWidget(self.model_table)
        self.inventory_fields = InventoryFieldsForm(body)  # the profile's inventory fields
        outer.addWidget(self.inventory_fields)
        outer.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self.editor: Editor | None = None
        self.view_id: str | None = None
        #: ("element"|"relationship"|"view"|"model"|"node"|"bulk", id) or None.
        self.target: tuple[str, str] | None = None
        #: What is selected on the diagram (the sections edit it).
        self.selection = Selection()
        self._selected_count = 0
        #: The documentation shown for a bulk edit (what a commit compares against).
        self._bulk_shown: tuple[str, str] = ("", "")
        self._subscribed: Model | None = None
        #: {"unsubscribe": function} while following a model (shared with _Unsubscriber).
        self._subscription: dict[str, Callable[[], None]] = {}
        self._watching_destroy = False
        self.name.editingFinished.connect(self._commit_name)
        self.name_en.editingFinished.connect(self._commit_name_en)
        self.access.activated.connect(self._commit_access)
        self.directed.clicked.connect(self._commit_directed)
        self.modifier.editingFinished.connect(self._commit_modifier)
        self.viewpoint.activated.connect(self._commit_viewpoint)
        self.router.activated.connect(self._commit_router)
        self._fill_viewpoints("")
        self._set_enabled(False)
        self._show_rows("none")

    # ---------------------------------------------------------------- sections
    def add_section(self, widget: QWidget) -> None:
        """Add a section under the form (before the model's properties); ``widget`` has a
        ``show_selection(selection)`` method the dock calls whenever it refreshes."""
        index = self._outer.indexOf(self.model_toggle)
        self._outer.insertWidget(index, widget)
        self._sections.append(widget)
        self._show_sections()

    def _show_sections(self) -> None:
        for section in self._sections:
            try:
                section.show_selection(self.selection)  # type: ignore[attr-defined]
            except RuntimeError:  # a section deleted with the window
                continue

    # ---------------------------------------------------------------- layout
    def _set_row(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    def _show_rows(self, kind: str, rel_type: str = "") -> None:
        """Only the rows that mean something for ``kind`` (and relationship type)."""
        named = kind in ("element", "relationship", "view", "model")
        node = self._node_kind() if kind == "node" else None
        for field in (self.name, self.name_en):
            self._set_row(field, named or node in (NODE_CONTAINER, NODE_LEGEND))
        documented = named or node is not None or (kind == "bulk" and bool(self._bulk_concepts()))
        self._set_row(self.documentation, documented)
        self._set_row(self.documentation_en, documented and node is None)
        self._set_row(self.note_text, node == NODE_LABEL)
        self._set_row(self.origin, kind in ("element", "relationship"))
        relation = kind == "relationship" or (kind == "bulk" and rel_type != "")
        self._set_row(self.access, relation and rel_type == "Access")
        self._set_row(self.directed, relation and rel_type == "Association")
        self._set_row(self.modifier, relation and rel_type == "Influence")
        self._set_row(self.viewpoint, kind == "view")
        self._set_row(self.router, kind == "view" or self._only_lines())
        self.table.setVisible(named or (kind == "bulk" and bool(self._bulk_concepts())))
        self.model_toggle.setVisible(kind == "view")
        self.model_table.setVisible(kind == "view" and self.model_toggle.isChecked())

    def _model_toggled(self, on: bool) -> None:
        self.model_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.model_table.setVisible(on and self.model_toggle.isVisible())

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.name, self.name_en, self.documentation, self.documentation_en,
                       self.access, self.directed, self.modifier, self.viewpoint):
            widget.setEnabled(on)

    def _fill_viewpoints(self, current: str) -> None:
        """The 25 ArchiMate viewpoints, labelled in the interface's language; a name the
        list lacks (from an imported file) is kept as its own entry, never lost."""
        language = self.editor.language if self.editor is not None else "vi"
        wanted = [("", self.tr("(none)"))]
        wanted += [(vp.name, vp.label(language) if language == "vi" else vp.name)
                   for vp in VIEWPOINTS]
        if current and current not in {vp.name for vp in VIEWPOINTS}:
            wanted.append((current, current))
        have = [(self.viewpoint.itemData(i), self.viewpoint.itemText(i))
                for i in range(self.viewpoint.count())]
        if have != wanted:
            self.viewpoint.clear()
            for value, label in wanted:
                self.viewpoint.addItem(label, value)
                if value:
                    self.viewpoint.setItemData(self.viewpoint.count() - 1, value,
                                               Qt.ItemDataRole.ToolTipRole)
        self.viewpoint.setCurrentIndex(max(0, self.viewpoint.findData(current)))

    # ---------------------------------------------------------------- selection
    def show_selection(self, editor: Editor, view_id: str | None, node_ids: list[str],
                       connection_ids: list[str]) -> None:
        """Show the single selected element or relationship, a note, group or legend,
        several objects (a bulk edit), else the view (with the model's properties under
        it); with no view at all, the model."""
        self._attach(editor)
        self.view_id = view_id
        model = editor.model
        self.target = None
        self.selection = Selection(editor, view_id, tuple(node_ids), tuple(connection_ids))
        self._selected_count = len(node_ids) + len(connection_ids)
        if view_id is not None and model.has_view(view_id):
            view = model.view(view_id)
            elements = self.selection.element_ids()
            rels = self.selection.relationship_ids()
            diagram_only = [n for n in node_ids if n in view.nodes
                            and not view.nodes[n].element_id]
            if len(elements) == 1 and not rels and not diagram_only:
                self.target = ("element", elements[0])
            elif len(rels) == 1 and not elements and not diagram_only:
                self.target = ("relationship", rels[0])
            elif len(node_ids) == 1 and not connection_ids and diagram_only:
                self.target = ("node", node_ids[0])
            elif self._selected_count > 1:
                self.target = ("bulk", view_id)
            elif not node_ids and not connection_ids:
                self.target = ("view", view_id)
        elif view_id is None and not node_ids and not connection_ids:
            self.target = ("model", model.id)
        self.refresh()
        self.inventory_fields.show_selection(editor, view_id, node_ids, connection_ids)

    def _attach(self, editor: Editor) -> None:
        """Follow ``editor``'s model events (undo, redo, edits made elsewhere)."""
        self.editor = editor
        if self._subscribed is editor.model:
            return
        _Unsubscriber(self)()
        self._subscribed = editor.model
        self._subscription["unsubscribe"] = editor.model.subscribe(self._on_model_event)
        if not self._watching_destroy:  # a model may outlive the window (tests, scripts)
            self._watching_destroy = True
            self.destroyed.connect(_Unsubscriber(self))

    def _on_model_event(self, event: ev.ModelEvent) -> None:
        if isinstance(event, _REFRESH_EVENTS):
            edit_burst().after(self.refresh)  # once per edit, not once per event

    # ---------------------------------------------------------------- showing
    def _second_language(self) -> str:
        """The dossier's other language: English for a Vietnamese model."""
        language = self.editor.model.language if self.editor is not None else "vi"
        return "en" if language != "en" else "vi"

    def refresh(self) -> None:
        """Re-read the shown object from the model (after any edit, undo or redo)."""
        editor, target = self.editor, self.target
        self.selection = self.selection.live()
        if editor is None or target is None or not self._exists(target):
            self._set_enabled(False)
            count = self._selected_count
            # Say how many: after a rubber band the architect checks what was caught.
            if count > 1:
                self.kind.setText(self.tr("{count} objects selected").format(count=count))
            elif count == 1:  # a layer band or group: it has no element to edit
                self.kind.setText(self.tr("Layer band or group"))
            else:
                self.kind.setText(self.tr("Several objects or nothing selected"))
            self.name.clear()
            self.name_en.clear()
            self.origin.clear()
            self.documentation.setPlainText("")
            self.documentation_en.setPlainText("")
            self.table.show_owner(None, None)
            self.model_table.show_owner(None, None)
            self._show_rows("none")
            self._show_sections()
            return
        self._set_enabled(True)
        kind, object_id = target
        if kind == "bulk":
            self._show_bulk()
            self._show_sections()
            return
        if kind == "node":
            self._show_node()
            self._show_sections()
            return
        model = editor.model
        obj = self._object()
        other = self._second_language()
        self._label_second_language(other)
        self._set_text(obj.name, obj.names.get(other, ""), obj.documentation,
                       obj.documentations.get(other, ""))
        self.documentation.setPlaceholderText("")
        rel_type = ""
        if kind == "element":
            self._show_type(obj.type)
            self.origin.setText(self._origin_text(obj))
        elif kind == "relationship":
            rel_type = obj.type
            self._show_type(obj.type)
            source = model.element(obj.source).name if model.has_element(obj.source) else ""
            target_name = model.element(obj.target).name if model.has_element(
                obj.target) else ""
            self.origin.setText(f"{source} → {target_name}")
            self._show_relationship_fields(obj)
        elif kind == "view":
            self.kind.setText(self.tr("View"))
            self._fill_viewpoints(obj.viewpoint or NO_VIEWPOINT)
        else:
            self.kind.setText(self.tr("Model"))
        self._fill_router()
        self.table.show_owner(editor, object_id)
        self.model_table.show_owner(editor, model.id if kind == "view" else None)
        self._show_rows(kind, rel_type)
        self._show_sections()

    def _show_relationship_fields(self, rel) -> None:
        self.access.setCurrentIndex(max(0, self.access.findData(rel.access_type or "Access")))
        self.directed.setChecked(bool(rel.is_directed))
        if self.modifier.text() != (rel.modifier or ""):
            self.modifier.setText(rel.modifier or "")

    # ---------------------------------------------------------------- notes, groups
    def _node_kind(self) -> str | None:
        node = self._node()
        return node.kind if node is not None else None

    def _node(self):
        if self.target is None or self.target[0] != "node" or self.editor is None:
            return None
        view = self.selection.view()
        return view.nodes.get(self.target[1]) if view is not None else None

    def _show_node(self) -> None:
        """A note (its text), a group or a legend (its name), a layer band."""
        node = self._node()
        assert node is not None
        other = self._second_language()
        self._label_second_language(other)
        if node.kind == NODE_LABEL:
            self.kind.setText(self.tr("Note"))
        elif node.kind == NODE_LEGEND:
            self.kind.setText(self.tr("Legend"))
        elif node.layer is not None:
            self.kind.setText(self.tr("Layer band"))
        else:
            self.kind.setText(self.tr("Group"))
        self.kind.setToolTip("")
        self._set_text(node.label, node.labels.get(other, ""), node.documentation, "")
        self.documentation.setPlaceholderText("")
        if self.note_text.toPlainText() != node.label:
            self.note_text.setPlainText(node.label)
        self.table.show_owner(None, None)
        self.model_table.show_owner(None, None)
        self._show_rows("node")

    def _commit_node(self, changes: dict) -> None:
        node = self._node()
        if node is None or self.view_id is None:
            return
        if all(getattr(node, k) == v for k, v in changes.items()):
            return
        self._run(SetNodeFieldsCommand(self.view_id, node.id, changes))

    def _commit_note_text(self, text: str) -> None:
        if self._node_kind() == NODE_LABEL:
            self._commit_node({"label": text})

    # ---------------------------------------------------------------- bulk edit
    def _bulk_concepts(self) -> list[str]:
        """The elements and relationships a bulk edit changes."""
        return self.selection.element_ids() + self.selection.relationship_ids()

    def _bulk_rel_type(self) -> str:
        """The relationship type every selected object shares, "" when not all are
        relationships of one type."""
        if self.selection.element_ids() or not self.selection.relationship_ids():
            return ""
        model = self._model()
        types = {model.relationship(r).type for r in self.selection.relationship_ids()}
        return types.pop() if len(types) == 1 else ""

    def _concept(self, concept_id: str):
        model = self._model()
        return (model.element(concept_id) if model.has_element(concept_id)
                else model.relationship(concept_id))

    def _show_bulk(self) -> None:
        """Several objects: what they share, editable for all of them at once."""
        editor = self.editor
        assert editor is not None
        model = editor.model
        elements = self.selection.element_ids()
        rels = self.selection.relationship_ids()
        others = self._selected_count - len(self.selection.node_ids) - len(
            self.selection.connection_ids)
        view = self.selection.view()
        diagram = [n for n in self.selection.node_ids
                   if view is not None and n in view.nodes and not view.nodes[n].element_id]
        parts = [self.tr("{count} elements").format(count=len(elements))] if elements else []
        if rels:
            parts.append(self.tr("{count} relationships").format(count=len(rels)))
        if diagram or others:
            parts.append(self.tr("{count} notes, groups or bands").format(
                count=len(diagram) + others))
        types = {model.element(e).type for e in elements}
        if len(types) == 1 and not rels:
            parts.append(self._type_name(types.pop()))
        self.kind.setText(self.tr("{count} objects selected").format(
            count=self._selected_count) + ": " + ", ".join(parts))
        self.kind.setToolTip(self.tr("Changes made here apply to all of them, as one step "
                                     "that Undo takes back"))
        other = self._second_language()
        self._label_second_language(other)
        concepts = [self._concept(c) for c in self._bulk_concepts()]
        docs = {c.documentation for c in concepts}
        docs_en = {c.documentations.get(other, "") for c in concepts}
        doc = docs.pop() if len(docs) == 1 else ""
        doc_en = docs_en.pop() if len(docs_en) == 1 else ""
        self._bulk_shown = (doc, doc_en)
        self._set_text("", "", doc, doc_en)
        mixed = self.tr("Different values: typing here sets the text of all of them")
        self.documentation.setPlaceholderText(mixed if docs else "")
        self.documentation_en.setPlaceholderText(mixed if docs_en else "")
        rel_type = self._bulk_rel_type()
        if rel_type:
            self._show_relationship_fields(model.relationship(rels[0]))
        self._fill_router()
        self.table.show_owners(editor, self._bulk_concepts())
        self.model_table.show_owner(None, None)
        self._show_rows("bulk", rel_type)

    def _type_name(self, type_name: str) -> str:
        from ...i18n import current_language
        from ...model.terminology import bilingual_type_label

        return bilingual_type_label(type_name, current_language())

    def _bulk_fields(self, change, label: str) -> None:
        """``change(concept) -> dict of fields`` run for every selected concept, as one
        undo step."""
        commands: list[Command] = []
        model = self._model()
        for concept_id in self._bulk_concepts():
            changes = change(self._concept(concept_id))
            if not changes:
                continue
            if model.has_element(concept_id):
                commands.append(SetElementFieldsCommand(concept_id, changes))
            else:
                commands.append(SetRelationshipFieldsCommand(concept_id, changes))
        if commands and self.editor is not None:
            if not self.editor.run(CompoundCommand(label, commands)):
                self.refresh()

    # ---------------------------------------------------------------- line routing
    def _only_lines(self) -> bool:
        return bool(self.selection.connection_ids) and not self.selection.node_ids

    def _fill_router(self) -> None:
        """The view's routing (a view shown), or the selected lines' own."""
        view = self.selection.view()
        if view is None:
            return
        if self.target is not None and self.target[0] == "view":
            wanted = [(ROUTER_MANUAL, self.tr("Manual (as drawn)")),
                      (ROUTER_ORTHOGONAL, self.tr("Orthogonal (around the boxes)"))]
            current: str | None = view.connection_router or ROUTER_MANUAL
            label = self.tr("Lines:")
        else:
            wanted = [("", self.tr("As the view says")),
                      (CONNECTION_ROUTER_MANUAL, self.tr("Manual (as drawn)")),
                      (ROUTER_ORTHOGONAL, self.tr("Orthogonal (around the boxes)"))]
            routers = {view.connections[c].router for c in self.selection.connection_ids
                       if c in view.connections}
            current = routers.pop() if len(routers) == 1 else None
            label = self.tr("Line routing:")
        have = [(self.router.itemData(i), self.router.itemText(i))
                for i in range(self.router.count())]
        if have != wanted:
            self.router.clear()
            for value, text in wanted:
                self.router.addItem(text, value)
        self.router.setCurrentIndex(self.router.findData(current) if current is not None
                                    else -1)
        row_label = self.form.labelForField(self.router)
        if isinstance(row_label, QLabel):
            row_label.setText(label)

    def _commit_router(self, _index: int) -> None:
        """Switch the view's lines (or the selected lines) between manual and orthogonal;
        switching to orthogonal routes them at once, in the same undo step."""
        view = self.selection.view()
        if view is None or self.editor is None:
            return
        value = self.router.currentData()
        if self.target is not None and self.target[0] == "view":
            commands = view_router_commands(self._model(), view, value)
        else:
            commands = connection_router_commands(self._model(), view,
                                                  self.selection.connection_ids, value)
        if commands:
            self._run(CompoundCommand(self.tr("Change how lines are routed"), commands))

    def _label_second_language(self, other: str) -> None:
        """"English name" for a Vietnamese model; "Vietnamese name" for an English one."""
        if other == "en":
            name, documentation = self.tr("English name:"), self.tr("English documentation:")
        else:
            name = self.tr("Vietnamese name:")
            documentation = self.tr("Vietnamese documentation:")
        for field, text in ((self.name_en, name), (self.documentation_en, documentation)):
            label = self.form.labelForField(field)
            if isinstance(label, QLabel):
                label.setText(text)

    def _model(self) -> Model:
        """The model shown: the commit handlers run only after :meth:`show_selection`."""
        assert self.editor is not None
        return self.editor.model

    def _object(self):
        model = self._model()
        assert self.target is not None
        kind, object_id = self.target
        return {"element": model.element, "relationship": model.relationship,
                "view": model.view, "model": lambda _id: model}[kind](object_id)

    def _exists(self, target: tuple[str, str]) -> bool:
        model = self._model()
        kind, object_id = target
        if kind == "model":
            return object_id == model.id
        if kind == "node":
            return self._node() is not None
        if kind == "bulk":
            return self.selection.view() is not None and self.selection.count > 0
        return {"element": model.has_element, "relationship": model.has_relationship,
                "view": model.has_view}[kind](object_id)

    def _set_text(self, name: str, name_en: str, documentation: str,
                  documentation_en: str) -> None:
        for edit, text in ((self.name, name), (self.name_en, name_en)):
            if edit.text() != text:
                edit.setText(text)
                edit.setCursorPosition(0)
        for box, text in ((self.documentation, documentation),
                          (self.documentation_en, documentation_en)):
            if box.toPlainText() != text:
                box.setPlainText(text)

    def _show_type(self, type_name: str) -> None:
        """The type in the language of the window, with its English ArchiMate name beside a
        Vietnamese term ("Tạo tác (Artifact)") and the terminology's hint as tooltip."""
        from ...i18n import current_language
        from ...model.terminology import bilingual_type_label, english_name, type_hint

        self.kind.setText(bilingual_type_label(type_name, current_language()))
        hint = type_hint(type_name) if current_language() == "vi" else ""  # Vietnamese
        tip = f"ArchiMate: {english_name(type_name)}"
        self.kind.setToolTip(f"{tip}\n{hint}" if hint else tip)

    def _origin_text(self, element) -> str:
        parts = []
        if element.catalog_ref:
            try:
                from ...model.catalog import catalog_for
                from .palette_dock import component_origin_lines

                catalog = catalog_for(self.editor.model) if self.editor else None
                component = catalog.find_component(element.catalog_ref) if catalog else None
                if component is not None:
                    parts.append(self.tr("Catalog: {name}").format(name=component.name()))
                    parts.extend(component_origin_lines(self.tr, component))
                if catalog is not None and element.layer and catalog.has_layer(element.layer):
                    parts.append(self.tr("Layer: {name}").format(
                        name=catalog.layer(element.layer).name()))
            except Exception:
                parts.append(element.catalog_ref)
        return "\n".join(parts) or self.tr("Not from the catalog")

    # ---------------------------------------------------------------- commits
    def _live_target(self) -> tuple[str, str] | None:
        if self.editor is None or self.target is None or not self._exists(self.target):
            return None
        return self.target

    def _run(self, command: Command) -> None:
        if self.editor is not None and not self.editor.run(command):
            self.refresh()  # refused: show the model's value again

    def _fields_command(self, changes: dict) -> Command:
        """The command that sets plain fields of the shown object."""
        assert self.target is not None
        kind, object_id = self.target
        if kind == "element":
            return SetElementFieldsCommand(object_id, changes)
        if kind == "relationship":
            return SetRelationshipFieldsCommand(object_id, changes)
        if kind == "view":
            return SetViewFieldsCommand(object_id, changes)
        return SetModelFieldsCommand(changes)

    def _commit_name(self) -> None:
        target = self._live_target()
        if target is None or target[0] == "bulk":
            return
        if target[0] == "node":
            self._commit_node({"label": " ".join(self.name.text().split())})
            return
        kind, object_id = target
        name = self.name.text()
        if name == self._object().name:
            return
        if kind == "element":
            self._run(rename_element_command(self._model(), object_id, name))
        elif kind == "view":
            self._run(RenameViewCommand(object_id, name))
        else:
            self._run(self._fields_command({"name": name}))

    def _commit_name_en(self) -> None:
        """The second-language name: set through a rename in that language; an emptied
        field removes the name (so the exchange XML and the PDF fall back to Vietnamese
        instead of printing an empty name)."""
        target = self._live_target()
        if target is None or target[0] == "bulk":
            return
        other = self._second_language()
        text = self.name_en.text().strip()
        if target[0] == "node":
            node = self._node()
            if node is not None:
                labels = {k: v for k, v in node.labels.items() if k != other}
                if text:
                    labels[other] = text
                self._commit_node({"labels": labels})
            return
        kind, object_id = target
        names = dict(self._object().names)
        if text == names.get(other, ""):
            return
        if not text:
            names.pop(other, None)
            self._run(self._fields_command({"names": names}))
        elif kind == "element":
            self._run(RenameElementCommand(object_id, text, language=other))
        elif kind == "view":
            self._run(RenameViewCommand(object_id, text, language=other))
        else:
            names[other] = text
            self._run(self._fields_command({"names": names}))

    def _commit_documentation(self, text: str) -> None:
        target = self._live_target()
        if target is None:
            return
        if target[0] == "node":
            self._commit_node({"documentation": text})
            return
        if target[0] == "bulk":
            if text != self._bulk_shown[0]:
                self._bulk_fields(lambda c: {"documentation": text}
                                  if c.documentation != text else {},
                                  self.tr("Edit documentation"))
            return
        if text == self._object().documentation:
            return
        self._run(self._fields_command({"documentation": text}))

    def _commit_documentation_en(self, text: str) -> None:
        target = self._live_target()
        if target is None or target[0] == "node":
            return
        other = self._second_language()
        if target[0] == "bulk":
            if text == self._bulk_shown[1]:
                return

            def change(concept) -> dict:
                docs = dict(concept.documentations)
                if text.strip():
                    docs[other] = text
                else:
                    docs.pop(other, None)
                return {"documentations": docs} if docs != concept.documentations else {}

            self._bulk_fields(change, self.tr("Edit documentation"))
            return
        docs = dict(self._object().documentations)
        if text == docs.get(other, ""):
            return
        if text.strip():
            docs[other] = text
        else:
            docs.pop(other, None)
        self._run(self._fields_command({"documentations": docs}))

    def _relationship(self):
        target = self._live_target()
        if target is None or target[0] != "relationship":
            return None
        return self._model().relationship(target[1])

    def _relationships(self) -> list:
        """The relationship shown, or every one a bulk edit of one type changes."""
        target = self._live_target()
        if target is not None and target[0] == "bulk" and self._bulk_rel_type():
            return [self._model().relationship(r) for r in self.selection.relationship_ids()]
        rel = self._relationship()
        return [rel] if rel is not None else []

    def _set_relationships(self, field: str, value, current) -> None:
        rels = [r for r in self._relationships() if current(r) != value]
        if not rels:
            return
        commands: list[Command] = [SetRelationshipFieldsCommand(r.id, {field: value})
                                   for r in rels]
        self._run(commands[0] if len(commands) == 1 else CompoundCommand(
            self.tr("Edit {count} relationships").format(count=len(commands)), commands))

    def _commit_access(self, _index: int) -> None:
        self._set_relationships("access_type", self.access.currentData(),
                                lambda r: r.access_type or "Access")

    def _commit_directed(self, checked: bool) -> None:
        self._set_relationships("is_directed", bool(checked), lambda r: bool(r.is_directed))

    def _commit_modifier(self) -> None:
        self._set_relationships("modifier", self.modifier.text().strip(),
                                lambda r: r.modifier or "")

    def _commit_viewpoint(self, _index: int) -> None:
        target = self._live_target()
        if target is None or target[0] != "view":
            return
        value = self.viewpoint.currentData() or NO_VIEWPOINT
        if value != (self._model().view(target[1]).viewpoint or NO_VIEWPOINT):
            self._run(SetViewFieldsCommand(target[1], {"viewpoint": value}))
