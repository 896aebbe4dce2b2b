"""Merge an inventory workbook edited elsewhere into the model, as one undo step.

How rows find the model: by the id column; a row without an id by its code ("Mã"), then by
name and type; a row that finds nothing is new (an element or relationship). Only cells that
differ from what the workbook would show for the model now are changes, so a workbook
written by this program and read back changes nothing, and a cell left as it was never
overwrites an edit made in the window since.

Why everything is planned first: every row is checked (unknown type, a value not in a
column's list, a name or id that points at nothing, a relationship ArchiMate forbids, the
same id twice); every problem is listed with its sheet and row, and then nothing is
applied. A workbook without problems becomes one :class:`CompoundCommand` and a list of
every change for the preview.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import tr
from ..model.commands import (
    AddElementCommand,
    Command,
    CompoundCommand,
    RelateCommand,
    RetypeElementCommand,
    SetElementFieldsCommand,
    SetRelationshipFieldsCommand,
    UnrelateCommand,
)
from ..model.concepts import Element, Relationship
from ..model.errors import ModelError
from ..model.ids import is_valid_id, new_id
from ..model.inventory.rows import TASK_LINKS, Inventory
from ..model.inventory.schema import FieldValueError, fold
from ..model.model import Model
from ..model.rules import check_relate
from .xlsx_inventory_layout import (
    CONNECTIONS_SHEET,
    MAPPING_SHEET,
    OBJECTS_SHEET,
    TASKS_SHEET,
    Column,
    allowed_types,
    type_from_label,
    type_label,
    workbook_layout,
)
from .xlsx_inventory_read import SheetData, XlsxImportError, cell_text, read_workbook

__all__ = ["Change", "XlsxImport", "XlsxImportError", "import_xlsx_inventory",
           "plan_xlsx_import"]


@dataclass
class Change:
    """One change the import makes, for the preview: where, what, before and after."""

    sheet: str
    row: int
    concept: str
    what: str
    old: str
    new: str


@dataclass
class XlsxImport:
    """A checked import: the one command (``None`` when nothing changes) and its changes."""

    command: CompoundCommand | None
    changes: list[Change] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class _Edit:
    """What the import does to one concept: the fields it sets and the properties."""

    concept: Element | Relationship
    changes: dict[str, Any] = field(default_factory=dict)
    properties: list[tuple[str, str]] = field(default_factory=list)
    retype: str | None = None


class _Plan:
    def __init__(self, model: Model) -> None:
        self.model = model
        self.inventory = Inventory(model)
        self.layout = workbook_layout(self.inventory)
        self.problems: list[str] = []
        self.changes: list[Change] = []
        self.new_elements: dict[str, Element] = {}
        self.new_relationships: dict[str, Relationship] = {}
        self.replaced: dict[str, Relationship] = {}
        self.removed_links: list[str] = []
        self.edits: dict[str, _Edit] = {}
        self.seen: dict[str, str] = {}  # id -> "sheet row n" (each id once per table)
        self.created = 0
        self._objects = None

    # ------------------------------------------------------------------ helpers
    def problem(self, data: SheetData, row: int, message: str) -> None:
        self.problems.append(tr("Sheet ‘{sheet}’, row {row}: {problem}", sheet=data.title,
                                row=row, problem=message))

    def change(self, data: SheetData, row: int, concept: Any, column: Column | str,
               old: Any, new: Any) -> None:
        what = column if isinstance(column, str) else column.header(data.language)
        self.changes.append(Change(data.title, row, concept.name or concept.id, what,
                                   cell_text(old), cell_text(new)))

    def edit(self, concept: Element | Relationship) -> _Edit:
        if concept.id not in self.edits:
            self.edits[concept.id] = _Edit(concept, properties=list(concept.properties))
        return self.edits[concept.id]

    def element(self, element_id: str) -> Element | None:
        if element_id in self.new_elements:
            return self.new_elements[element_id]
        if self.model.has_element(element_id):
            return self.model.element(element_id)
        return None

    def objects(self) -> list[Element]:
        """Existing and new objects, for finding a row's concept by code or name."""
        return [*self.inventory.objects(),
                *(e for e in self.new_elements.values()
                  if self.inventory.schema.in_group("objects", e.type))]

    def find_by_name(self, text: str, candidates: list[Element]) -> list[Element]:
        """Elements whose code, name or English name is ``text`` (code first)."""
        wanted = fold(text)
        code = self.inventory.schema.field("code")
        if code is not None:
            by_code = [e for e in candidates
                       if fold(dict(e.properties).get(code.property, "") or "") == wanted]
            if by_code:
                return by_code
        return [e for e in candidates
                if fold(e.name) == wanted or fold(e.names.get("en", "")) == wanted]

    # ------------------------------------------------------------------ rows
    def claim(self, data: SheetData, row: int, concept_id: str) -> bool:
        key = f"{data.sheet.key}:{concept_id}"
        if key in self.seen:
            self.problem(data, row, tr("the id {id} is also on {other}", id=concept_id,
                                       other=self.seen[key]))
            return False
        self.seen[key] = tr("row {row}", row=row)
        return True

    def row_type(self, data: SheetData, row: int, values: dict[str, Any],
                 current: str | None) -> str | None:
        """The row's ArchiMate type (``current`` when the cell is empty or unchanged)."""
        text = cell_text(values.get("type"))
        allowed = allowed_types(self.inventory, data.sheet)
        if not text:
            if current is None:
                self.problem(data, row, tr("the type is missing"))
            return current
        found = type_from_label(text, allowed)
        if found is None:
            self.problem(data, row, tr("unknown type ‘{type}’ for this sheet; use one of: "
                                       "{types}", type=text, types="; ".join(
                                           type_label(t, data.language) for t in allowed)))
        return found

    def find_element_row(self, data: SheetData, row: int, values: dict[str, Any],
                         group: str, create: bool) -> tuple[Element | None, bool]:
        """The element a row of the objects or tasks sheet stands for, and whether it is
        new; problems are recorded."""
        raw_id = cell_text(values.get("id"))
        model = self.model
        if raw_id:
            if not self.claim(data, row, raw_id):
                return None, False
            if model.has_relationship(raw_id):
                self.problem(data, row, tr("the id {id} is a relationship, not a row of this "
                                           "sheet", id=raw_id))
                return None, False
            element = self.element(raw_id)
            if element is not None:
                if not self.inventory.schema.in_group(group, element.type):
                    self.problem(data, row, tr("the id {id} is a {type}, not a row of this "
                                               "sheet", id=raw_id, type=element.type))
                    return None, False
                return element, raw_id in self.new_elements
            if not create:
                self.problem(data, row, tr("no object has the id {id}", id=raw_id))
                return None, False
            if not is_valid_id(raw_id):
                self.problem(data, row, tr("‘{id}’ cannot be an id (letters, digits, - _ . "
                                           "only, not starting with a digit)", id=raw_id))
                return None, False
        name = cell_text(values.get("name"))
        code = self.inventory.schema.field("code")
        code_text = cell_text(values.get("field:code")) if code else ""
        if not raw_id and (name or code_text):
            candidates = (self.objects() if group == "objects" else
                          [*self.inventory.tasks(), *(e for e in self.new_elements.values()
                                                      if e.type in allowed_types(
                                                          self.inventory, data.sheet))])
            type_name = type_from_label(cell_text(values.get("type")),
                                        allowed_types(self.inventory, data.sheet))
            found = self.find_by_name(code_text, candidates) if code_text else []
            if not found and name:
                found = [e for e in self.find_by_name(name, candidates)
                         if type_name is None or e.type == type_name]
            if len(found) > 1:
                self.problem(data, row, tr("‘{name}’ names {count} rows of the model; give "
                                           "the id", name=name or code_text, count=len(found)))
                return None, False
            if found:
                if not self.claim(data, row, found[0].id):
                    return None, False
                return found[0], found[0].id in self.new_elements
        if not create:
            self.problem(data, row, tr("‘{name}’ is not an object of the model",
                                       name=name or raw_id or code_text))
            return None, False
        type_name = self.row_type(data, row, values, None)
        if not name:
            self.problem(data, row, tr("a new row needs a name"))
            return None, False
        if type_name is None:
            return None, False
        element = Element(raw_id or new_id(), type_name, name)
        if not raw_id:
            self.claim(data, row, element.id)
        self.new_elements[element.id] = element
        self.created += 1
        self.change(data, row, element, tr("new row"), "", name)
        return element, True

    # ------------------------------------------------------------------ cells
    def set_plain(self, data: SheetData, row: int, values: dict[str, Any], concept: Any,
                  new: bool) -> None:
        """Name, English name and description."""
        for key, attribute in (("name", "name"), ("documentation", "documentation")):
            column = data.sheet.column(key)
            if column is None or column.read_only or key not in values:
                continue
            text = cell_text(values[key])
            old = getattr(concept, attribute)
            if text == cell_text(old):
                continue
            if key == "name" and not text and isinstance(concept, Element):
                self.problem(data, row, tr("the name cannot be empty"))
                continue
            if new:
                setattr(concept, attribute, text)
            else:
                self.edit(concept).changes[attribute] = text
                self.change(data, row, concept, column, old, text)
        column = data.sheet.column("name_en")
        if column is not None and "name_en" in values:
            text = cell_text(values["name_en"])
            old = concept.names.get("en", "")
            if text != cell_text(old):
                names = dict(concept.names)
                if text:
                    names["en"] = text
                else:
                    names.pop("en", None)
                if new:
                    concept.names = names
                else:
                    self.edit(concept).changes["names"] = names
                    self.change(data, row, concept, column, old, text)

    def set_fields(self, data: SheetData, row: int, values: dict[str, Any], concept: Any,
                   new: bool, type_name: str) -> None:
        """The inventory fields: only cells that differ from what the model shows."""
        language = data.language
        for column in data.sheet.columns:
            spec = column.spec
            if spec is None or column.key not in values or column.read_only:
                continue
            raw = values[column.key]
            text = cell_text(raw)
            shown = "" if new else cell_text(column.get(self.inventory, concept, language))
            if text == shown:
                continue
            if not spec.applies(type_name):
                if text:
                    self.problem(data, row, tr("{field} does not apply to a {type}",
                                               field=column.header(language), type=type_name))
                continue
            try:
                stored = spec.parse(raw)
            except FieldValueError as exc:
                self.problem(data, row, str(exc))
                continue
            target = concept if new else self.edit(concept)
            properties = concept.properties if new else target.properties
            current = dict(properties).get(spec.property)
            if stored == current:
                continue
            index = next((i for i, (k, _v) in enumerate(properties) if k == spec.property),
                         None)
            if stored is None:
                if index is not None:
                    properties.pop(index)
            elif index is None:
                properties.append((spec.property, stored))
            else:
                properties[index] = (spec.property, stored)
            if not new:
                self.change(data, row, concept, column, shown, raw)

    def set_layer(self, data: SheetData, row: int, values: dict[str, Any], element: Element,
                  new: bool) -> None:
        column = data.sheet.column("layer")
        if column is None or "layer" not in values:
            return
        text = cell_text(values["layer"])
        if text == cell_text(column.get(self.inventory, element, data.language)) and not new:
            return
        catalog = self.inventory.schema.catalog
        layer = None
        if text:
            for candidate in catalog.layers if catalog else []:
                if fold(text) in {fold(candidate.id), fold(candidate.name_vi),
                                  fold(candidate.name_en)}:
                    layer = candidate.id
            if layer is None:
                self.problem(data, row, tr("‘{layer}’ is not a layer of the framework",
                                           layer=text))
                return
        if layer == element.layer:
            return
        if new:
            element.layer = layer
        else:
            self.edit(element).changes["layer"] = layer
            self.change(data, row, element, column, element.layer or "", text)

    # ------------------------------------------------------------------ sheets
    def objects_sheet(self, data: SheetData, group: str
                      ) -> list[tuple[int, dict[str, Any], Element, bool]]:
        """Objects or tasks: each row's element (found or new) with its cells set; the
        rows that found one are returned."""
        found_rows = []
        for row, values in data.rows:
            element, new = self.find_element_row(data, row, values, group, True)
            if element is None:
                continue
            found_rows.append((row, values, element, new))
            type_name = element.type
            if not new:
                found = self.row_type(data, row, values, element.type)
                if found is None:
                    continue
                if found != element.type:
                    self.edit(element).retype = found
                    self.change(data, row, element, data.sheet.column("type") or "type",
                                element.type, found)
                    type_name = found
            self.set_plain(data, row, values, element, new)
            if group == "objects":
                self.set_layer(data, row, values, element, new)
            self.set_fields(data, row, values, element, new, type_name)
        return found_rows

    def mapping_sheet(self, data: SheetData) -> None:
        catalog = self.inventory.schema.catalog
        for row, values in data.rows:
            element, new = self.find_element_row(data, row, values, "objects", False)
            if element is None:
                continue
            id_column = data.sheet.column("component_id")
            name_column = data.sheet.column("component")
            component_id = cell_text(values.get("component_id")) if "component_id" in \
                values else None
            name = cell_text(values.get("component")) if "component" in values else None
            shown_id = "" if new else cell_text(
                id_column.get(self.inventory, element, data.language)) if id_column else ""
            shown_name = "" if new else cell_text(
                name_column.get(self.inventory, element, data.language)) if name_column else ""
            name_changed = name is not None and name != shown_name
            id_changed = component_id is not None and component_id != shown_id
            wanted: str | None = None
            if name_changed and name:  # the name is what a user types; it decides
                matches = [c for c in (catalog.components if catalog else [])
                           if fold(name) in {fold(c.name_vi), fold(c.name_en), fold(c.id)}]
                if not matches:
                    self.problem(data, row, tr("‘{name}’ is not a component of the "
                                               "framework", name=name))
                    continue
                wanted = matches[0].id
            elif id_changed and component_id:
                wanted = component_id
            elif not (name_changed or (id_changed and not name)):
                continue
            if wanted is not None and (catalog is None or catalog.find_component(wanted)
                                       is None):
                self.problem(data, row, tr("‘{name}’ is not a component of the framework",
                                           name=wanted))
                continue
            if wanted == element.catalog_ref:
                continue
            # The layer is the objects sheet's column; a component only fills a missing one.
            layer = element.layer or (catalog.component(wanted).layer if wanted and catalog
                                      else None)
            if new:
                element.catalog_ref, element.layer = wanted, layer
            else:
                self.edit(element).changes.update(catalog_ref=wanted, layer=layer)
                self.change(data, row, element, name_column or "component",
                            element.catalog_ref or "", wanted or "")

    def task_links(self, data: SheetData, row: int, values: dict[str, Any], task: Element,
                   new: bool) -> None:
        """The task's gaps and objects concerned: names added become links, names taken
        out remove them."""
        for key in ("gap", "objects"):
            column = data.sheet.column(key)
            if column is None or key not in values:
                continue
            text = cell_text(values[key])
            shown = "" if new else cell_text(column.get(self.inventory, task, data.language))
            if text == shown:
                continue
            wanted = [p.strip() for p in text.replace("\n", ";").split(";") if p.strip()]
            current = self.inventory.task_gaps(task) if key == "gap" and not new else (
                self.inventory.task_objects(task) if not new else [])
            targets: list[Element] = []
            for name in wanted:
                if key == "gap":
                    found = self.find_by_name(name, [e for e in [
                        *self.model.elements, *self.new_elements.values()] if e.type == "Gap"])
                    if not found:
                        gap = Element(new_id(), "Gap", name)
                        self.new_elements[gap.id] = gap
                        self.created += 1
                        found = [gap]
                else:
                    found = self.find_by_name(name, self.objects())
                    if not found:
                        self.problem(data, row, tr("‘{name}’ is not an object of the model "
                                                   "or of the workbook", name=name))
                        continue
                    if len(found) > 1:
                        self.problem(data, row, tr("‘{name}’ names {count} objects; use "
                                                   "their codes", name=name, count=len(found)))
                        continue
                targets.append(found[0])
            kept = {t.id for t in targets}
            for old in current:
                if old.id not in kept:
                    self.removed_links += [r.id for r in self.model.relationships_of(task.id)
                                           if r.type in TASK_LINKS and old.id in (r.source,
                                                                                   r.target)]
            have = {c.id for c in current}
            for target in targets:
                if target.id not in have:
                    rel = Relationship(new_id(), "Association", task.id, target.id)
                    self.new_relationships[rel.id] = rel
            self.change(data, row, task, column, shown, text)

    def tasks_sheet(self, data: SheetData) -> None:
        for row, values, element, new in self.objects_sheet(data, "work"):
            self.task_links(data, row, values, element, new)

    def end(self, data: SheetData, row: int, values: dict[str, Any], which: str
            ) -> Element | None:
        raw_id = cell_text(values.get(f"{which}_id"))
        label = data.sheet.column(which)
        header = label.header(data.language) if label else which
        if raw_id:
            element = self.element(raw_id)
            if element is None:  # a code typed in the id column ("Mã nguồn") finds it too
                found = self.find_by_name(raw_id, self.objects())
                element = found[0] if len(found) == 1 else None
            if element is None:
                self.problem(data, row, tr("{column}: no object has the id {id}",
                                           column=header, id=raw_id))
            return element
        name = cell_text(values.get(which))
        if not name:
            self.problem(data, row, tr("{column} is missing", column=header))
            return None
        found = self.find_by_name(name, self.objects())
        if not found:
            self.problem(data, row, tr("{column}: ‘{name}’ is not an object of the model or "
                                       "of the workbook", column=header, name=name))
            return None
        if len(found) > 1:
            self.problem(data, row, tr("{column}: ‘{name}’ names {count} objects; give the "
                                       "id", column=header, name=name, count=len(found)))
            return None
        return found[0]

    def connections_sheet(self, data: SheetData) -> None:
        model = self.model
        allowed = allowed_types(self.inventory, data.sheet)
        for row, values in data.rows:
            raw_id = cell_text(values.get("id"))
            existing = None
            if raw_id:
                if not self.claim(data, row, raw_id):
                    continue
                if model.has_element(raw_id):
                    self.problem(data, row, tr("the id {id} is an element, not a connection",
                                               id=raw_id))
                    continue
                if model.has_relationship(raw_id):
                    existing = model.relationship(raw_id)
                elif not is_valid_id(raw_id):
                    self.problem(data, row, tr("‘{id}’ cannot be an id (letters, digits, "
                                               "- _ . only, not starting with a digit)",
                                               id=raw_id))
                    continue
            source = self.end(data, row, values, "source")
            target = self.end(data, row, values, "target")
            text = cell_text(values.get("type"))
            type_name = type_from_label(text, allowed) if text else (
                existing.type if existing else None)
            if type_name is None:
                self.problem(data, row, tr("unknown relationship type ‘{type}’; use one of: "
                                           "{types}", type=text, types="; ".join(
                                               type_label(t, data.language) for t in allowed)))
                continue
            if source is None or target is None:
                continue
            if existing is None and not raw_id:  # the same ends and type: that connection
                existing = next((r for r in model.relationships_of(source.id)
                                 if (r.source, r.target, r.type) == (source.id, target.id,
                                                                      type_name)), None)
                if existing is not None and not self.claim(data, row, existing.id):
                    continue
            if existing is not None and (existing.source, existing.target, existing.type) == (
                    source.id, target.id, type_name):
                self.set_plain(data, row, values, existing, False)
                self.set_fields(data, row, values, existing, False, type_name)
                continue
            try:
                check_relate(source.type, type_name, target.type)
            except ModelError as exc:
                self.problem(data, row, str(exc))
                continue
            if existing is not None:  # re-pointed or retyped: replaced with the same id
                rel = Relationship(existing.id, type_name, source.id, target.id,
                                   name=existing.name, names=dict(existing.names),
                                   documentation=existing.documentation,
                                   properties=list(existing.properties))
                self.replaced[existing.id] = rel
                self.change(data, row, existing, tr("ends or type"),
                            f"{self.name(existing.source)} → {self.name(existing.target)}",
                            f"{source.name} → {target.name}")
            else:
                rel = Relationship(raw_id or new_id(), type_name, source.id, target.id)
                self.new_relationships[rel.id] = rel
                self.created += 1
                self.change(data, row, rel, tr("new row"), "",
                            f"{source.name} → {target.name}")
            self.set_plain(data, row, values, rel, True)
            self.set_fields(data, row, values, rel, True, type_name)

    def name(self, element_id: str) -> str:
        element = self.element(element_id)
        return element.name if element else element_id

    # ------------------------------------------------------------------ commands
    def commands(self) -> list[Command]:
        commands: list[Command] = [AddElementCommand(e) for e in self.new_elements.values()]
        for concept_id, edit in self.edits.items():
            changes = dict(edit.changes)
            if edit.properties != list(edit.concept.properties):
                changes["properties"] = edit.properties
            if edit.retype:
                commands.append(RetypeElementCommand(concept_id, edit.retype))
            if not changes:
                continue
            if isinstance(edit.concept, Element):
                commands.append(SetElementFieldsCommand(concept_id, changes))
            else:
                commands.append(SetRelationshipFieldsCommand(concept_id, changes))
        for rel_id in dict.fromkeys(self.removed_links):
            if self.model.has_relationship(rel_id):
                commands.append(UnrelateCommand(rel_id))
        commands.extend(UnrelateCommand(i) for i in self.replaced)
        commands.extend(RelateCommand(r, enforce_rules=False) for r in self.replaced.values())
        commands.extend(RelateCommand(r, enforce_rules=False)
                        for r in self.new_relationships.values())
        return commands


def plan_xlsx_import(model: Model, path: str | os.PathLike[str]) -> XlsxImport:
    """Check the workbook at ``path`` against ``model`` and return the one command that
    merges it, with every change listed; nothing is changed. Raises
    :class:`XlsxImportError` listing every problem with its sheet and row."""
    plan = _Plan(model)
    workbook = read_workbook(path, plan.layout)
    sheets = workbook.sheets
    if OBJECTS_SHEET in sheets:
        plan.objects_sheet(sheets[OBJECTS_SHEET], "objects")
    if TASKS_SHEET in sheets:
        plan.tasks_sheet(sheets[TASKS_SHEET])
    if MAPPING_SHEET in sheets:
        plan.mapping_sheet(sheets[MAPPING_SHEET])
    if CONNECTIONS_SHEET in sheets:
        plan.connections_sheet(sheets[CONNECTIONS_SHEET])
    if plan.problems:
        raise XlsxImportError(plan.problems)
    commands = plan.commands()
    command = CompoundCommand(tr("Import workbook {name}", name=Path(path).name),
                              commands) if commands else None
    notes = list(workbook.notes)
    for rel_id in plan.replaced:
        shown = sum(1 for v in model.views for c in v.connections.values()
                    if c.relationship_id == rel_id)
        if shown:
            notes.append(tr("Connection {id} now joins other objects; its {count} lines on "
                            "views were removed", id=rel_id, count=shown))
    return XlsxImport(command, plan.changes, created=plan.created,
                      updated=len(plan.edits) + len(plan.replaced), notes=notes)


def import_xlsx_inventory(model: Model, path: str | os.PathLike[str]) -> XlsxImport:
    """Check and apply (see :func:`plan_xlsx_import`) in one step; nothing changes when
    anything is refused."""
    result = plan_xlsx_import(model, path)
    if result.command is not None:
        try:
            model.execute(result.command)
        except ModelError as exc:  # the compound command undid what it had done
            raise XlsxImportError([str(exc)]) from None
    return result

