"""The inventory fields of what is selected, in the Properties panel: owner, operator, kind,
scope, current/target, handling option, security level, year, budget, ... as the model's
framework profile defines them, each with the editor its type needs (a list for a choice, a
number box for a year, a date box for a date, an amount for money, a list of the model's
agencies that also takes typed text for a reference).

Several elements selected: the form shows the fields they all have; a field whose values
differ says so, and a value chosen there is given to all of them as one undo step. The form
keeps no copy of the model: it re-reads it after every edit (once, however many events the
edit sends).
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate, QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...model import events as ev
from ...model.inventory.edits import owner_of, set_field_command
from ...model.inventory.roadmap import format_money
from ...model.inventory.rows import Inventory
from ...model.inventory.schema import FieldSpec, FieldValueError
from ..editor import Editor
from ..model_listener import ModelListener
from ..plain_text import plain_label, tooltip
from ..undo import edit_burst

log = logging.getLogger(__name__)

_REFRESH = (ev.ModelReset, ev.ModelPropertiesChanged, ev.ElementChanged, ev.ElementRemoved,
            ev.RelationshipChanged, ev.RelationshipRemoved)
#: The date box's "no date" value (shown empty).
NO_DATE = QDate(1900, 1, 1)


class InventoryFieldsForm(QWidget):
    """A form of the inventory fields common to the selected elements or relationships."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inventory_fields")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.title = plain_label(QLabel(self))
        self.title.setObjectName("inventory_fields_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        self.editor: Editor | None = None
        self.concept_ids: list[str] = []
        self.editors: dict[str, QWidget] = {}
        self._specs: dict[str, FieldSpec] = {}
        self._shown: tuple = ()
        self._listener = ModelListener()
        self.destroyed.connect(lambda *_: self._listener.stop())
        self.setVisible(False)

    # ---------------------------------------------------------------- selection
    def show_selection(self, editor: Editor, view_id: str | None, node_ids: list[str],
                       connection_ids: list[str]) -> None:
        """The elements and relationships the selected nodes and lines show."""
        model = editor.model
        ids: list[str] = []
        if view_id is not None and model.has_view(view_id):
            view = model.view(view_id)
            for node_id in node_ids:
                node = view.nodes.get(node_id)
                if node is not None and node.element_id and node.element_id not in ids:
                    ids.append(node.element_id)
            for connection_id in connection_ids:
                connection = view.connections.get(connection_id)
                rel = connection.relationship_id if connection else None
                if rel and rel not in ids:
                    ids.append(rel)
        self.show_concepts(editor, ids)

    def show_concepts(self, editor: Editor, concept_ids: list[str]) -> None:
        """Edit the inventory fields of these elements or relationships."""
        if self.editor is not editor:
            self.editor = editor
            self._listener.follow(editor.model, self._on_event)
        self.concept_ids = list(concept_ids)
        self.refresh()

    def _on_event(self, event: ev.ModelEvent) -> None:
        if isinstance(event, _REFRESH):
            # Once per edit, not per event: deleting 300 elements from the model sends
            # thousands of events, and each refresh reads the whole selection.
            edit_burst().after(self.refresh)

    # ---------------------------------------------------------------- showing
    def _concepts(self) -> list:
        if self.editor is None:
            return []
        model = self.editor.model
        return [owner_of(model, i) for i in self.concept_ids if model.has_concept(i)]

    def refresh(self) -> None:
        """Rebuild the editors when the set of fields changes, then show the values."""
        concepts = self._concepts()
        if self.editor is None or not concepts:
            self.setVisible(False)
            return
        inventory = Inventory(self.editor.model)
        specs = inventory.schema.common_fields(c.type for c in concepts)
        if not specs:
            self.setVisible(False)
            return
        key = tuple(s.id for s in specs)
        if key != self._shown:
            self._build(specs, inventory)
            self._shown = key
        if len(concepts) > 1:
            self.title.setText(self.tr("Inventory ({count} selected)").format(
                count=len(concepts)))
        else:
            self.title.setText(self.tr("Inventory"))
        for spec in specs:
            values = {inventory.value(c, spec) or "" for c in concepts}
            self._show_value(spec, values)
        self.setVisible(True)

    def _build(self, specs: list[FieldSpec], inventory: Inventory) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        self._specs = {s.id: s for s in specs}
        agencies = sorted({e.name for e in inventory.model.elements
                           if e.type in ("BusinessActor", "BusinessRole") and e.name})
        for spec in specs:
            widget = self._editor_for(spec, agencies)
            widget.setObjectName(f"inventory_field_{spec.id}")
            widget.setToolTip(tooltip(spec.field.note or spec.label()))
            if isinstance(widget, QComboBox):  # a long agency name must not widen the panel
                widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.editors[spec.id] = widget
            self.form.addRow(spec.label() + ":", widget)

    def _editor_for(self, spec: FieldSpec, agencies: list[str]) -> QWidget:
        if spec.type == "choice" and not spec.multiple:
            box = QComboBox(self)
            box.addItem("", "")
            for choice in spec.choices:
                box.addItem(choice.label(), choice.vi)
            box.activated.connect(lambda _i, s=spec, b=box: self._commit(s, b.currentData()))
            return box
        if spec.type == "reference":
            box = QComboBox(self)
            box.setEditable(True)
            box.addItem("")
            box.addItems(agencies)
            box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            edit = box.lineEdit()
            assert edit is not None
            edit.editingFinished.connect(lambda s=spec, b=box: self._commit(s, b.currentText()))
            box.activated.connect(lambda _i, s=spec, b=box: self._commit(s, b.currentText()))
            return box
        if spec.type == "integer":
            spin = QSpinBox(self)
            low = spec.option("min", 0)
            high = spec.option("max", 1_000_000_000)
            spin.setRange(int(low) - 1, int(high))
            spin.setSpecialValueText(" ")  # the value below the minimum: empty
            spin.editingFinished.connect(lambda s=spec, w=spin: self._commit(
                s, "" if w.value() < w.minimum() + 1 else w.value()))
            return spin
        if spec.type == "date":
            date = QDateEdit(self)
            date.setCalendarPopup(True)
            date.setDisplayFormat("dd/MM/yyyy")
            date.setMinimumDate(NO_DATE)
            date.setSpecialValueText(" ")
            date.editingFinished.connect(lambda s=spec, w=date: self._commit(
                s, "" if w.date() == NO_DATE else w.date().toPython()))
            return date
        line = QLineEdit(self)
        if spec.type == "money":
            line.setPlaceholderText(self.tr("amount in đồng, e.g. 1.500.000.000"))
        elif spec.multiple:
            line.setPlaceholderText("; ".join(c.label() for c in spec.choices[:2]) + "; …")
        elif spec.pattern:
            line.setPlaceholderText(self.tr("e.g. Quý IV/2026"))
        line.editingFinished.connect(lambda s=spec, w=line: self._commit(s, w.text()))
        return line

    def _show_value(self, spec: FieldSpec, values: set[str]) -> None:
        widget = self.editors.get(spec.id)
        if widget is None:
            return
        mixed = len(values) > 1
        value = "" if mixed else next(iter(values), "")
        blocker = QSignalBlocker(widget)
        if isinstance(widget, QComboBox) and not widget.isEditable():
            index = widget.findData(value)
            if index < 0 and value:  # a value the list lacks (typed elsewhere): kept
                widget.addItem(value, value)
                index = widget.count() - 1
            widget.setCurrentIndex(max(0, index))
            widget.setPlaceholderText(self.tr("(several values)") if mixed else "")
            if mixed:
                widget.setCurrentIndex(-1)
        elif isinstance(widget, QComboBox):
            widget.setEditText(value)
            edit = widget.lineEdit()
            if edit is not None:
                edit.setPlaceholderText(self.tr("(several values)") if mixed else "")
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value) if value.lstrip("-").isdigit() else widget.minimum())
        elif isinstance(widget, QDateEdit):
            try:
                day = dt.date.fromisoformat(value) if value else None
            except ValueError:
                day = None
            widget.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        elif isinstance(widget, QLineEdit):
            shown = format_money(int(value)) if spec.type == "money" and value.isdigit() \
                else spec.display(value)
            if widget.text() != shown:
                widget.setText(shown)
            widget.setPlaceholderText(self.tr("(several values)") if mixed else
                                      widget.placeholderText())
        del blocker

    # ---------------------------------------------------------------- editing
    def _commit(self, spec: FieldSpec, raw: object) -> None:
        editor = self.editor
        concepts = self._concepts()
        if editor is None or not concepts:
            return
        inventory = Inventory(editor.model)
        values = {inventory.value(c, spec) or "" for c in concepts}
        try:
            stored = spec.parse(raw) or ""
        except FieldValueError as exc:
            editor.status.emit(str(exc))
            self.refresh()
            return
        if values == {stored}:
            return  # nothing typed differs from what is shown
        try:
            command = set_field_command(editor.model, [c.id for c in concepts], spec, raw)
        except FieldValueError as exc:
            editor.status.emit(str(exc))
            self.refresh()
            return
        if command is not None:
            editor.run(command)
        self.refresh()


__all__ = ["InventoryFieldsForm"]
