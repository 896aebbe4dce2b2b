"""Import Archi's CSV files into an open model, with Archi's semantics, as one undo step.

What Archi's CSV import does, this does: rows are matched to the model by id; a row with
a new id creates an element or relationship, a row with a known id updates its name,
documentation and specialization; ``properties.csv`` sets properties (an existing key
keeps its place) and carries the pseudo-properties for access type, direction, influence
strength and junction type; the ``ArchimateModel`` row sets the model's name and purpose.

Why it is planned before anything changes: a file with one bad row (an unknown type, a
relationship whose end is nowhere, a relationship ArchiMate forbids, an id used by
something of another kind) must leave the model exactly as it was. So every row is
checked first, every problem is collected with its file and line, and only a file set
without problems becomes commands, all in one :class:`CompoundCommand`: the window puts
it on the undo stack as one step, and undoing it takes the whole import back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import tr
from ..model.commands import (
    AddElementCommand,
    Command,
    CompoundCommand,
    RelateCommand,
    RetypeElementCommand,
    SetElementFieldsCommand,
    SetModelFieldsCommand,
    SetRelationshipFieldsCommand,
    UnrelateCommand,
)
from ..model.concepts import Relationship
from ..model.errors import ModelError
from ..model.model import Model
from .archi_csv_format import CsvSyntaxError, Record, read_records
from .archi_csv_rows import RowPlan
from .archi_vocabulary import (
    CSV_ELEMENTS,
    CSV_ELEMENTS_HEADER,
    CSV_PROPERTIES,
    CSV_PROPERTIES_HEADER,
    CSV_RELATIONS,
    CSV_RELATIONS_HEADER,
    CSV_SUFFIX,
)

#: At most this many problems are listed; the rest are counted.
MAX_PROBLEMS = 50


class CsvImportError(ModelError):
    """CSV files that were not imported; ``problems`` lists each with file and line."""

    def __init__(self, problems: list[str]) -> None:
        shown = problems[:MAX_PROBLEMS]
        if len(problems) > MAX_PROBLEMS:
            shown.append(tr("… and {count} more problems", count=len(problems) - MAX_PROBLEMS))
        super().__init__("\n".join(shown))
        self.problems = problems


@dataclass
class CsvImport:
    """A checked import: the one command that does it, and what it will do."""

    command: CompoundCommand
    files: list[Path]
    created: int = 0
    updated: int = 0
    properties: int = 0
    notes: list[str] = field(default_factory=list)


def csv_file_set(path: str | os.PathLike[str]) -> dict[str, Path]:
    """The files of one export, by kind (``elements``, ``relations``, ``properties``).

    ``path`` is a folder (the files without prefix) or any one of the files
    (``prefix-elements.csv`` finds ``prefix-relations.csv`` and ``prefix-properties.csv``).
    Only files that exist are returned.
    """
    source = Path(path)
    if source.is_dir():
        folder, prefix = source, ""
    else:
        folder, stem = source.parent, source.name
        if stem.lower().endswith(CSV_SUFFIX):
            stem = stem[: -len(CSV_SUFFIX)]
        kind = next((k for k in (CSV_ELEMENTS, CSV_RELATIONS, CSV_PROPERTIES)
                     if stem.endswith(k)), None)
        if kind is None:
            raise CsvImportError([tr(
                "{name}: an Archi CSV file's name ends with elements.csv, relations.csv or "
                "properties.csv", name=source.name)])
        prefix = stem[: -len(kind)]
    found = {}
    for kind in (CSV_ELEMENTS, CSV_RELATIONS, CSV_PROPERTIES):
        candidate = folder / f"{prefix}{kind}{CSV_SUFFIX}"
        if candidate.is_file():
            found[kind] = candidate
    if not found:
        raise CsvImportError([tr("{path}: no elements.csv, relations.csv or properties.csv "
                                 "found", path=source)])
    return found


def _commands(self: RowPlan, relationships: list[Relationship]) -> list[Command]:
    """The one list of commands a checked plan becomes (model fields, new elements,
    retypes and edits, replaced and new relationships, relationship edits)."""
    model = self.model
    for owner_id, props in self.props.items():  # properties join the other changes
        if owner_id == model.id:
            if props != model.properties:
                self.model_changes["properties"] = props
        elif owner_id in self.new_elements:
            self.new_elements[owner_id].properties = props
        elif owner_id in self.new_relationships:
            self.new_relationships[owner_id][0].properties = props
        elif model.has_element(owner_id):
            changes = self.element_changes.setdefault(owner_id, {})
            self.change(changes, model.element(owner_id), "properties", props)
        else:
            changes = self.relationship_changes.setdefault(owner_id, {})
            self.change(changes, model.relationship(owner_id), "properties", props)
    commands: list[Command] = []
    model_changes = {k: v for k, v in self.model_changes.items()
                     if getattr(model, k) != v}
    if self.profiles:
        model_changes["profiles"] = [*model.profiles, *self.profiles]
    if model_changes:
        commands.append(SetModelFieldsCommand(model_changes))
    commands.extend(AddElementCommand(e) for e in self.new_elements.values())
    for element_id, new_type in self.retypes.items():
        if model.element(element_id).type != new_type:
            commands.append(RetypeElementCommand(element_id, new_type))
    commands.extend(SetElementFieldsCommand(i, c) for i, c in self.element_changes.items()
                    if c)
    commands.extend(UnrelateCommand(i) for i in sorted(self.replaced))
    commands.extend(RelateCommand(r, enforce_rules=False) for r in relationships)
    commands.extend(SetRelationshipFieldsCommand(i, c)
                    for i, c in self.relationship_changes.items() if c)
    return commands


def _properties_changed(self: RowPlan) -> int:
    """How many property values the import adds or changes."""
    model = self.model
    count = 0
    for owner_id, props in self.props.items():
        before: list[tuple[str, str]] = []
        if owner_id == model.id:
            before = model.properties
        elif model.has_element(owner_id) and owner_id not in self.new_elements:
            before = model.element(owner_id).properties
        elif model.has_relationship(owner_id):
            before = model.relationship(owner_id).properties
        remaining = list(before)
        for item in props:
            if item in remaining:
                remaining.remove(item)
            else:
                count += 1
    return count


def plan_csv_import(model: Model, path: str | os.PathLike[str]) -> CsvImport:
    """Check Archi CSV files against ``model`` and return the one command that imports
    them; nothing is changed. Raises :class:`CsvImportError` listing every problem."""
    files = csv_file_set(path)
    plan = RowPlan(model)
    readers = ((CSV_ELEMENTS, CSV_ELEMENTS_HEADER), (CSV_RELATIONS, CSV_RELATIONS_HEADER),
               (CSV_PROPERTIES, CSV_PROPERTIES_HEADER))
    records: dict[str, list[Record]] = {}
    for kind, header in readers:
        if kind not in files:
            continue
        source = files[kind]
        try:
            records[kind] = read_records(source.read_bytes(), source.name, header)
        except CsvSyntaxError as exc:
            plan.problems.append(str(exc))
        except OSError as exc:
            plan.problems.append(tr("Cannot read {path}: {reason}", path=source,
                                    reason=exc.strerror or exc))
    if CSV_ELEMENTS in records:
        plan.elements(records[CSV_ELEMENTS], files[CSV_ELEMENTS].name)
    if CSV_RELATIONS in records:
        plan.relations(records[CSV_RELATIONS], files[CSV_RELATIONS].name)
    if CSV_PROPERTIES in records:
        plan.properties(records[CSV_PROPERTIES], files[CSV_PROPERTIES].name)
    relationships = plan.check_relationships()
    if plan.problems:
        raise CsvImportError(plan.problems)
    commands = _commands(plan, relationships)
    label = tr("Import CSV from {name}", name=", ".join(p.name for p in files.values()))
    result = CsvImport(CompoundCommand(label, commands), list(files.values()),
                       created=len(plan.new_elements) + len(plan.new_relationships)
                       - len(plan.replaced),
                       updated=sum(1 for c in commands if isinstance(
                           c, SetElementFieldsCommand | SetRelationshipFieldsCommand))
                       + len(plan.replaced),
                       properties=_properties_changed(plan))
    for rel_id in sorted(plan.replaced):
        shown = sum(1 for v in model.views for c in v.connections.values()
                    if c.relationship_id == rel_id)
        result.notes.append(tr(
            "Relationship {id} now connects other concepts; its {count} connections on "
            "views were removed", id=rel_id, count=shown))
    return result


def import_archi_csv(model: Model, path: str | os.PathLike[str]) -> CsvImport:
    """Check and apply an Archi CSV import (see :func:`plan_csv_import`) in one step.

    Nothing changes when anything is refused: :class:`CsvImportError`.
    """
    result = plan_csv_import(model, path)
    try:
        model.execute(result.command)
    except ModelError as exc:  # the compound command undid what it had done
        raise CsvImportError([str(exc)]) from None
    return result
