"""The command pattern every edit goes through.

A command is a small dataclass: ``apply(model)`` makes the change and remembers what it
needs to undo it, ``revert(model)`` puts the model back exactly. ``to_dict`` gives the
intent only (what to do, not the remembered state), so the journal and scripts can
replay edits from a known state. Undo/redo in the window wraps these same objects.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import TYPE_CHECKING, Any, ClassVar

from ...i18n import tr
from .. import serialization as ser
from ..concepts import Element, Profile, Relationship
from ..errors import ModelError
from ..views import Connection, Node, View

if TYPE_CHECKING:
    from ..model import Model

_REGISTRY: dict[str, type[Command]] = {}

# How fields of these types travel in the dict form.
_CODECS: dict[type, tuple[Any, Any]] = {
    Element: (ser.element_to_dict, ser.element_from_dict),
    Relationship: (ser.relationship_to_dict, ser.relationship_from_dict),
    View: (ser.view_to_dict, ser.view_from_dict),
    Node: (ser.node_to_dict, ser.node_from_dict),
    Connection: (ser.connection_to_dict, ser.connection_from_dict),
    Profile: (ser.profile_to_dict, ser.profile_from_dict),
}


class Command:
    """Base class: subclasses are dataclasses whose init fields are the intent."""

    kind: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        kind = cls.__name__.removesuffix("Command")
        if not cls.__name__.startswith("_"):
            cls.kind = kind
            _REGISTRY[kind] = cls

    def apply(self, model: Model) -> None:
        raise NotImplementedError

    def revert(self, model: Model) -> None:
        raise NotImplementedError

    def describe(self) -> str:
        """A short translated label for the Edit menu ("Undo Add element"). Every command
        says what it does in words; a class name never reaches the menu."""
        raise NotImplementedError(f"{type(self).__name__} does not describe itself")

    def still_needed(self, model: Model) -> bool:
        """False when an earlier part of a cascade already did this (e.g. removed the
        same connection); the cascade then skips it."""
        return True

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"command": self.kind}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            if not f.init:
                continue
            value = getattr(self, f.name)
            out[f.name] = _encode(value)
        return out


def _encode(value: Any) -> Any:
    for cls, (encode, _) in _CODECS.items():
        if isinstance(value, cls):
            return {"$" + cls.__name__: encode(value)}
    if isinstance(value, Command):
        return {"$Command": value.to_dict()}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)  # e.g. Style
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        (key, inner), = value.items()
        if key == "$Command":
            return command_from_dict(inner)
        for cls, (_, decode) in _CODECS.items():
            if key == "$" + cls.__name__:
                return decode(inner)
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    return value


def command_from_dict(raw: dict[str, Any]) -> Command:
    """Rebuild a command from :meth:`Command.to_dict` output."""
    try:
        cls = _REGISTRY[raw["command"]]
    except KeyError:
        raise ModelError(tr("Unknown command {name}", name=raw.get("command"))) from None
    kwargs = {k: _decode(v) for k, v in raw.items() if k != "command"}
    return cls(**kwargs)


@dataclasses.dataclass
class CompoundCommand(Command):
    """Several commands as one undo step; all or nothing."""

    label: str
    commands: list[Command] = dataclasses.field(default_factory=list)

    def apply(self, model: Model) -> None:
        apply_all(model, self.commands)

    def revert(self, model: Model) -> None:
        for command in reversed(self.commands):
            command.revert(model)

    def describe(self) -> str:
        return self.label


def apply_all(model: Model, commands: list[Command]) -> None:
    """Apply in order; if one fails, revert those already applied and re-raise."""
    done: list[Command] = []
    try:
        for command in commands:
            command.apply(model)
            done.append(command)
    except Exception:
        for command in reversed(done):
            command.revert(model)
        raise


class CascadeCommand(Command):
    """A removal that first removes what depends on the object (its parts), then it.

    Subclasses give ``_parts`` (computed at apply time from the current model, so redo
    after undo sees the same state), ``_drop`` and ``_restore``.
    """

    def _parts(self, model: Model) -> list[Command]:
        raise NotImplementedError

    def _drop(self, model: Model) -> None:
        raise NotImplementedError

    def _restore(self, model: Model) -> None:
        raise NotImplementedError

    def apply(self, model: Model) -> None:
        parts: list[Command] = []
        try:
            for part in self._parts(model):
                if part.still_needed(model):
                    part.apply(model)
                    parts.append(part)
        except Exception:
            for part in reversed(parts):
                part.revert(model)
            raise
        try:
            self._drop(model)
        except Exception:
            for part in reversed(parts):
                part.revert(model)
            raise
        self._applied_parts = parts

    def revert(self, model: Model) -> None:
        self._restore(model)
        for part in reversed(self._applied_parts):
            part.revert(model)


class FieldsCommand(Command):
    """Set several plain fields of one object at once (name, documentation, style...).

    Subclasses are dataclasses with a ``changes`` dict; they say which object is edited
    (``_target``), which fields may change (``editable``) and what to announce
    (``_announce``). The old values are deep-copied so revert restores them exactly.
    """

    editable: ClassVar[tuple[str, ...]] = ()
    changes: dict[str, Any]

    def _target(self, model: Model) -> Any:
        raise NotImplementedError

    def _announce(self, model: Model) -> None:
        raise NotImplementedError

    def apply(self, model: Model) -> None:
        target = self._target(model)
        unknown = set(self.changes) - set(self.editable)
        if unknown:
            raise ModelError(tr("Cannot edit {fields}", fields=", ".join(sorted(unknown))))
        self._old = {k: copy.deepcopy(getattr(target, k)) for k in self.changes}
        for key, value in self.changes.items():
            if key == "properties":  # pairs come back from the dict form as lists
                value = [(str(k), str(v)) for k, v in value]
            setattr(target, key, copy.deepcopy(value))
        self._announce(model)

    def revert(self, model: Model) -> None:
        target = self._target(model)
        for key, value in self._old.items():
            setattr(target, key, value)
        self._announce(model)


class RenameCommand(Command):
    """Rename an object in the model's language, or in ``language`` when given (the other
    languages live in its ``names`` dict). Subclasses say which object and what to
    announce; an English name that did not exist is removed again on undo."""

    name: str
    language: str | None

    def _target(self, model: Model) -> Any:
        raise NotImplementedError

    def _announce(self, model: Model) -> None:
        raise NotImplementedError

    def _main_language(self, model: Model) -> bool:
        return self.language in (None, model.language)

    def apply(self, model: Model) -> None:
        target = self._target(model)
        if self._main_language(model):
            self._old: str | None = target.name
            target.name = self.name
        else:
            self._old = target.names.get(self.language)
            target.names[self.language] = self.name
        self._announce(model)

    def revert(self, model: Model) -> None:
        target = self._target(model)
        if self._main_language(model):
            target.name = self._old or ""
        elif self._old is None:
            target.names.pop(self.language, None)
        else:
            target.names[self.language] = self._old
        self._announce(model)


def remove_from_folders(model: Model, object_id: str) -> list[tuple[Any, int]]:
    """Take ``object_id`` out of every folder; returns where it was, for restoring."""
    places = []
    for folder in model.iter_folders():
        if object_id in folder.refs:
            index = folder.refs.index(object_id)
            folder.refs.pop(index)
            places.append((folder, index))
    return places


def restore_to_folders(object_id: str, places: list[tuple[Any, int]]) -> None:
    for folder, index in reversed(places):
        folder.refs.insert(index, object_id)
