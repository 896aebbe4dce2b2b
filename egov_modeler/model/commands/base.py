"""The command pattern every edit goes through.

A command is a small dataclass: ``apply(model)`` makes the change and remembers what it
needs to undo it, ``revert(model)`` puts the model back exactly. ``to_dict`` gives the
intent only (what to do, not the remembered state), so the journal and scripts can
replay edits from a known state. Undo/redo in the window wraps these same objects.
"""

from __future__ import annotations

import copy
import dataclasses
import sys
import types
import typing
from typing import TYPE_CHECKING, Any, ClassVar

from ...i18n import tr
from .. import serialization as ser
from ..concepts import Element, Profile, Relationship
from ..errors import ModelError
from ..limits import MAX_COORDINATE
from ..views import Connection, Node, Style, View

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
    Style: (ser.style_to_dict, ser.style_from_dict),
}
#: A plain dict whose only key starts with "$" is wrapped, so it is never taken for a
#: coded object (a metadata key the user typed as "$Command", say).
_PLAIN = "$dict"


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
        encoded = {k: _encode(v) for k, v in value.items()}
        if len(encoded) == 1 and next(iter(encoded)).startswith("$"):
            return {_PLAIN: encoded}
        return encoded
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        raise TypeError(f"no dict form for {type(value).__name__}")
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        (key, inner), = value.items()
        if key == "$Command":
            return command_from_dict(inner)
        if key == _PLAIN and isinstance(inner, dict):
            return {k: _decode(v) for k, v in inner.items()}
        for cls, (_, decode) in _CODECS.items():
            if key == "$" + cls.__name__:
                return decode(inner)
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    return value


def command_from_dict(raw: Any) -> Command:
    """Rebuild a command from :meth:`Command.to_dict` output. Every field is checked
    against its declared type (and whole numbers against the coordinate bounds), so a
    damaged journal line raises :class:`ModelError` here, not something odd later."""
    if not isinstance(raw, dict):
        raise ModelError(tr("A command must be an object"))
    name = raw.get("command")
    cls = _REGISTRY.get(name) if isinstance(name, str) else None
    if cls is None:
        raise ModelError(tr("Unknown command {name}", name=str(raw.get("command"))[:60]))
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}  # type: ignore[arg-type]
    hints = _field_types(cls)
    kwargs: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "command":
            continue
        if key not in fields:
            raise ModelError(tr("Command {name} has no field ‘{field}’", name=cls.kind,
                                field=str(key)[:60]))
        try:
            decoded = _decode(value)
        except ValueError as exc:  # a FieldProblem of a coded object
            raise ModelError(tr("Command {name}: {problem}", name=cls.kind,
                                problem=exc)) from None
        if not _has_type(decoded, hints.get(key, Any)):
            raise ModelError(tr("Command {name}: ‘{field}’ has the wrong type", name=cls.kind,
                                field=key))
        kwargs[key] = decoded
    missing = [name for name, f in fields.items() if name not in kwargs
               and f.default is dataclasses.MISSING
               and f.default_factory is dataclasses.MISSING]
    if missing:
        raise ModelError(tr("Command {name} lacks ‘{field}’", name=cls.kind, field=missing[0]))
    return cls(**kwargs)


_TYPE_CACHE: dict[type, dict[str, Any]] = {}


def _fits_field(target: Any, key: str, value: Any) -> bool:
    """Whether ``value`` may be stored in ``target.key``: the dataclass's declared type,
    or (the model itself) the type the field has now; texts and maps of texts only."""
    if dataclasses.is_dataclass(target):
        hint = _field_types(type(target)).get(key, Any)
    else:
        hint = type(getattr(target, key))
    if hint is dict or typing.get_origin(hint) is dict:
        return isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    return _has_type(value, hint)


def _field_types(cls: type) -> dict[str, Any]:
    if cls not in _TYPE_CACHE:
        namespace = dict(vars(sys.modules[cls.__module__]))
        namespace.update({"Command": Command, "Element": Element, "Relationship": Relationship,
                          "View": View, "Node": Node, "Connection": Connection,
                          "Style": Style, "ClassVar": ClassVar, "Any": Any})
        _TYPE_CACHE[cls] = typing.get_type_hints(cls, globalns=namespace)
    return _TYPE_CACHE[cls]


def _has_type(value: Any, hint: Any) -> bool:
    """Whether ``value`` fits the annotation ``hint`` (the kinds commands use)."""
    if hint is Any:
        return True
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_has_type(value, arg) for arg in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        return isinstance(value, list) and all(_has_type(v, item) for v in value)
    if origin is dict:
        return isinstance(value, dict) and all(isinstance(k, str) for k in value)
    if origin is tuple:
        return isinstance(value, list | tuple)
    if hint is int:
        return (isinstance(value, int) and not isinstance(value, bool)
                and -MAX_COORDINATE <= value <= MAX_COORDINATE)
    if hint is bool:
        return isinstance(value, bool)
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True


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
        for key, value in list(self.changes.items()):
            if key == "style" and isinstance(value, dict):  # journals of earlier versions
                self.changes[key] = value = ser.style_from_dict(value)
            if not _fits_field(target, key, value):
                raise ModelError(tr("‘{field}’ cannot be set to {value}", field=key,
                                    value=repr(value)[:60]))
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


def restore_to_folders(object_id: str, places: list[tuple[Any, int]],
                       model: Model | None = None) -> None:
    """Put ``object_id`` back where :func:`remove_from_folders` took it from; the model,
    when given, announces it (the model tree files the restored row again)."""
    for folder, index in reversed(places):
        folder.refs.insert(index, object_id)
    if places and model is not None:
        from ..events import FoldersChanged

        model.emit(FoldersChanged())
