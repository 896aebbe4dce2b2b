"""Commands on elements: add, rename, retype, edit fields, delete from the model."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ...i18n import tr
from ..concepts import Element
from .base import (
    CascadeCommand,
    Command,
    FieldsCommand,
    RenameCommand,
    remove_from_folders,
    restore_to_folders,
)

if TYPE_CHECKING:
    from ..model import Model

#: Element fields an edit may set; ``id`` and ``type`` have their own commands.
EDITABLE_ELEMENT_FIELDS = (
    "name", "names", "documentation", "documentations", "catalog_ref", "layer",
    "specialization", "properties",
)


@dataclass
class AddElementCommand(Command):
    element: Element

    def apply(self, model: Model) -> None:
        from ..metamodel import element_type

        element_type(self.element.type)
        model._put_element(self.element)

    def revert(self, model: Model) -> None:
        model._drop_element(self.element.id)

    def describe(self) -> str:
        return tr("Add element ‘{name}’", name=self.element.name)


@dataclass
class SetElementFieldsCommand(FieldsCommand):
    """Set several plain fields of an element at once (name, documentation, ...)."""

    element_id: str
    changes: dict[str, Any]
    editable: ClassVar[tuple[str, ...]] = EDITABLE_ELEMENT_FIELDS

    def _target(self, model: Model) -> Element:
        return model.element(self.element_id)

    def _announce(self, model: Model) -> None:
        model._element_changed(self.element_id)

    def describe(self) -> str:
        return tr("Edit element")


@dataclass
class RenameElementCommand(RenameCommand):
    """Rename in the model's language, or in ``language`` when given.

    ``drop_names`` lists other languages whose names go with the rename: a name the
    catalog gave ("Ministerial/provincial administrative-procedure settlement information
    system") no longer describes an element renamed in Vietnamese, and an English dossier
    must not print it (see :func:`egov_modeler.model.catalog.rename_element_command`)."""

    element_id: str
    name: str
    language: str | None = None
    drop_names: list[str] = field(default_factory=list)
    _dropped: dict[str, str] = field(default_factory=dict, init=False, repr=False,
                                     compare=False)

    def _target(self, model: Model) -> Element:
        return model.element(self.element_id)

    def apply(self, model: Model) -> None:
        element = self._target(model)
        self._dropped = {lang: element.names.pop(lang) for lang in self.drop_names
                         if lang in element.names}
        super().apply(model)

    def revert(self, model: Model) -> None:
        self._target(model).names.update(self._dropped)
        super().revert(model)

    def _announce(self, model: Model) -> None:
        model._element_changed(self.element_id)

    def describe(self) -> str:
        return tr("Rename to ‘{name}’", name=self.name)


@dataclass
class RetypeElementCommand(Command):
    """Change an element's ArchiMate type; refused if a relationship would become invalid."""

    element_id: str
    new_type: str
    _old: str = field(default="", init=False, repr=False, compare=False)

    def apply(self, model: Model) -> None:
        from ..metamodel import element_type
        from ..rules import RELATIONSHIP_CONCEPT, check_relate

        element_type(self.new_type)
        element = model.element(self.element_id)

        def type_of(concept_id: str) -> str:
            if concept_id == self.element_id:
                return self.new_type
            return model.element(concept_id).type if model.has_element(
                concept_id) else RELATIONSHIP_CONCEPT

        for rel in model.relationships_of(self.element_id):
            check_relate(type_of(rel.source), rel.type, type_of(rel.target))
        self._old = element.type
        element.type = self.new_type
        model._element_changed(self.element_id)

    def revert(self, model: Model) -> None:
        model.element(self.element_id).type = self._old
        model._element_changed(self.element_id)

    def describe(self) -> str:
        return tr("Change type to {type}", type=self.new_type)


@dataclass
class DeleteElementCommand(CascadeCommand):
    """Delete from the model: its relationships and its placements in every view go too."""

    element_id: str

    def _parts(self, model: Model) -> list[Command]:
        from .relationship import UnrelateCommand
        from .view import RemoveNodeCommand, ReparentNodeCommand

        parts: list[Command] = []
        for view in model.views:
            going = {n.id for n in view.nodes_of_element(self.element_id)}
            for node in view.nodes_of_element(self.element_id):
                # What is nested in it stays on the view, one level up: deleting a
                # Grouping from the model must not silently take its contents off the view.
                parent = node.parent
                while parent is not None and parent in going:
                    parent = view.nodes[parent].parent
                parts.extend(ReparentNodeCommand(view.id, child.id, parent)
                             for child in view.children(node.id) if child.id not in going)
                parts.append(RemoveNodeCommand(view.id, node.id))
        parts.extend(UnrelateCommand(r.id) for r in model.relationships_of(self.element_id))
        return parts

    def _drop(self, model: Model) -> None:
        self._folders = remove_from_folders(model, self.element_id)
        self._element = model._drop_element(self.element_id)

    def _restore(self, model: Model) -> None:
        model._put_element(self._element)
        restore_to_folders(self.element_id, self._folders, model)

    def describe(self) -> str:
        return tr("Delete element from model")
