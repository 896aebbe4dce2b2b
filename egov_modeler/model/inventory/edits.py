"""Inventory edits as commands: one field of one or many concepts, as one undo step.

Why a module: the Properties panel (many selected elements at once), the inventory tables
(a cell) and the gap analysis all set inventory fields; each must be one undo step that
changes only what differs, and refuses a value the field does not accept before anything
changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...i18n import tr
from ..commands import Command, CompoundCommand, SetPropertyCommand
from ..model import Model
from .schema import FieldSpec, property_value


def owner_of(model: Model, concept_id: str) -> Any:
    if model.has_element(concept_id):
        return model.element(concept_id)
    return model.relationship(concept_id)


def set_field_command(model: Model, concept_ids: Iterable[str], spec: FieldSpec,
                      raw: Any) -> Command | None:
    """The command that gives ``spec`` the value ``raw`` (typed text, a number, a date;
    empty removes it) on every concept of ``concept_ids`` it applies to; ``None`` when
    nothing would change. Raises :class:`~.schema.FieldValueError` for a bad value."""
    stored = spec.parse(raw)
    commands: list[Command] = []
    for concept_id in concept_ids:
        concept = owner_of(model, concept_id)
        if not spec.applies(concept.type):
            continue
        if property_value(concept.properties, spec.property) == stored:
            continue
        commands.append(SetPropertyCommand(concept_id, spec.property, stored))
    if not commands:
        return None
    if len(commands) == 1:
        return commands[0]
    return CompoundCommand(tr("Set {field} of {count} objects", field=spec.label(),
                              count=len(commands)), commands)
