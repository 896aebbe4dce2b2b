"""Commands on properties (of the model, an element, a relationship or a view) and on the
model's own fields (name, documentation, Dublin Core metadata)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ...i18n import tr
from .. import events as ev
from ..errors import ModelError
from .base import Command, FieldsCommand

if TYPE_CHECKING:
    from ..model import Model

EDITABLE_MODEL_FIELDS = (
    "name", "names", "documentation", "documentations", "metadata", "property_types",
    "profiles", "properties",
)


def _owner(model: Model, owner_id: str) -> tuple[Any, ev.ModelEvent]:
    """The object that holds the properties, and the event that announces a change."""
    if owner_id == model.id:
        return model, ev.ModelPropertiesChanged()
    if model.has_element(owner_id):
        return model.element(owner_id), ev.ElementChanged(owner_id)
    if model.has_relationship(owner_id):
        return model.relationship(owner_id), ev.RelationshipChanged(owner_id)
    if model.has_view(owner_id):
        return model.view(owner_id), ev.ViewChanged(owner_id)
    raise ModelError(tr("Nothing with id {id} has properties", id=owner_id))


@dataclass
class SetPropertyCommand(Command):
    """Set property ``key`` of ``owner_id`` (the model's id, an element, relationship or
    view). An existing key keeps its place in the order; ``value=None`` removes it."""

    owner_id: str
    key: str
    value: str | None
    _old: list[tuple[str, str]] = field(default_factory=list, init=False, repr=False,
                                        compare=False)

    def apply(self, model: Model) -> None:
        if not self.key:
            raise ModelError(tr("A property needs a name"))
        owner, event = _owner(model, self.owner_id)
        self._old = list(owner.properties)
        props = list(owner.properties)
        index = next((i for i, (k, _) in enumerate(props) if k == self.key), None)
        if self.value is None:
            if index is not None:
                props.pop(index)
        elif index is None:
            props.append((self.key, self.value))
        else:
            props[index] = (self.key, self.value)
        owner.properties = props
        model.emit(event)

    def revert(self, model: Model) -> None:
        owner, event = _owner(model, self.owner_id)
        owner.properties = list(self._old)
        model.emit(event)

    def describe(self) -> str:
        return tr("Set property ‘{key}’", key=self.key)


@dataclass
class SetModelFieldsCommand(FieldsCommand):
    """Set the model's name, documentation or metadata (dossier fields live here too)."""

    changes: dict[str, Any]
    editable: ClassVar[tuple[str, ...]] = EDITABLE_MODEL_FIELDS

    def _target(self, model: Model) -> Model:
        return model

    def _announce(self, model: Model) -> None:
        model.emit(ev.ModelPropertiesChanged())

    def describe(self) -> str:
        return tr("Edit model properties")
