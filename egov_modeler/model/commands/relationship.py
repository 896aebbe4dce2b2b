"""Commands on relationships: relate (rule-checked), edit, unrelate (with cascade)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ...i18n import tr
from ..concepts import Relationship
from ..errors import ModelError
from .base import (
    CascadeCommand,
    Command,
    FieldsCommand,
    remove_from_folders,
    restore_to_folders,
)

if TYPE_CHECKING:
    from ..model import Model

EDITABLE_RELATIONSHIP_FIELDS = (
    "name", "names", "documentation", "documentations", "access_type", "is_directed",
    "modifier", "specialization", "properties",
)


@dataclass
class RelateCommand(Command):
    """Add a relationship. With ``enforce_rules`` the ArchiMate table and the framework's
    error rules are checked first and a forbidden relationship is refused; importers
    turn it off to keep what other tools wrote (validation still reports it)."""

    relationship: Relationship
    enforce_rules: bool = True

    def apply(self, model: Model) -> None:
        from ..metamodel import relationship_type
        from ..rules import check_relationship

        rel = self.relationship
        relationship_type(rel.type)
        for end in (rel.source, rel.target):
            if not model.has_concept(end):
                raise ModelError(tr("No element or relationship with id {id}", id=end))
        if self.enforce_rules:
            check_relationship(model, rel.source, rel.type, rel.target)
        model._put_relationship(rel)

    def revert(self, model: Model) -> None:
        model._drop_relationship(self.relationship.id)

    def describe(self) -> str:
        return tr("Add relationship {type}", type=self.relationship.type)


@dataclass
class SetRelationshipFieldsCommand(FieldsCommand):
    relationship_id: str
    changes: dict[str, Any]
    editable: ClassVar[tuple[str, ...]] = EDITABLE_RELATIONSHIP_FIELDS

    def _target(self, model: Model) -> Relationship:
        return model.relationship(self.relationship_id)

    def _announce(self, model: Model) -> None:
        model._relationship_changed(self.relationship_id)

    def describe(self) -> str:
        return tr("Edit relationship")


@dataclass
class UnrelateCommand(CascadeCommand):
    """Remove a relationship, the relationships attached to it and its connections."""

    relationship_id: str

    def still_needed(self, model: Model) -> bool:
        return model.has_relationship(self.relationship_id)

    def _parts(self, model: Model) -> list[Command]:
        from .view import RemoveConnectionCommand

        parts: list[Command] = []
        for view in model.views:  # the views' indexes: not every line of every view
            parts.extend(RemoveConnectionCommand(view.id, conn.id)
                         for conn in view.connections_of_relationship(self.relationship_id))
        parts.extend(UnrelateCommand(r.id) for r in model.relationships_of(self.relationship_id))
        return parts

    def _drop(self, model: Model) -> None:
        self._folders = remove_from_folders(model, self.relationship_id)
        self._relationship = model._drop_relationship(self.relationship_id)

    def _restore(self, model: Model) -> None:
        model._put_relationship(self._relationship)
        restore_to_folders(self.relationship_id, self._folders, model)

    def describe(self) -> str:
        return tr("Delete relationship")
