"""Commands on the model's folders: add, rename, move and delete a folder, and file
concepts and views in one (or take them out of every folder).

A folder is addressed by its path of positions from the top (``[1, 0]``: the first
sub-folder of the second top-level folder): folders read from other tools need not have
an id, and a path is exact when commands are replayed in order from a known state (the
journal, scripts, undo and redo). Deleting a folder never deletes what it holds: its
sub-folders and contents move up one level, as the architect would expect of a tidy-up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ...i18n import tr
from .. import events as ev
from ..concepts import Folder
from ..errors import ModelError
from .base import Command, remove_from_folders

if TYPE_CHECKING:
    from ..model import Model


def walk_folders(folders: list[Folder], prefix: tuple[int, ...] = ()
                 ) -> Iterator[tuple[tuple[int, ...], Folder]]:
    """``(path, folder)`` of every folder under ``folders``, depth first."""
    for index, folder in enumerate(folders):
        path = (*prefix, index)
        yield path, folder
        yield from walk_folders(folder.folders, path)


def folder_at(model: Model, path: list[int]) -> Folder:
    """The folder at ``path``; :class:`ModelError` when there is none."""
    folders = model.folders
    found: Folder | None = None
    for index in path:
        if not 0 <= index < len(folders):
            raise ModelError(tr("No folder at {path}", path="/".join(map(str, path))))
        found = folders[index]
        folders = found.folders
    if found is None:
        raise ModelError(tr("No folder at {path}", path="/"))
    return found


def _children(model: Model, parent: list[int]) -> list[Folder]:
    """The list of folders under ``parent`` (``[]``: the top level)."""
    return folder_at(model, parent).folders if parent else model.folders


def _check_label(label: str) -> str:
    label = label.strip()
    if not label:
        raise ModelError(tr("A folder needs a name"))
    return label


@dataclass
class AddFolderCommand(Command):
    """A new empty folder, last under ``parent`` (``[]``: at the top)."""

    label: str
    parent: list[int] = field(default_factory=list)
    folder_id: str | None = None

    def apply(self, model: Model) -> None:
        siblings = _children(model, self.parent)
        self._folder = Folder(label=_check_label(self.label), id=self.folder_id)
        siblings.append(self._folder)
        model.emit(ev.FoldersChanged())

    def revert(self, model: Model) -> None:
        siblings = _children(model, self.parent)
        if siblings and siblings[-1] is self._folder:
            siblings.pop()
        model.emit(ev.FoldersChanged())

    def describe(self) -> str:
        return tr("New folder ‘{name}’", name=self.label)


@dataclass
class RenameFolderCommand(Command):
    path: list[int]
    label: str

    def apply(self, model: Model) -> None:
        folder = folder_at(model, self.path)
        label = _check_label(self.label)
        self._old = folder.label
        folder.label = label
        model.emit(ev.FoldersChanged())

    def revert(self, model: Model) -> None:
        folder_at(model, self.path).label = self._old
        model.emit(ev.FoldersChanged())

    def describe(self) -> str:
        return tr("Rename folder to ‘{name}’", name=self.label)


@dataclass
class DeleteFolderCommand(Command):
    """Remove a folder; its sub-folders take its place and what it holds goes to its
    parent folder (out of every folder, for a top-level one)."""

    path: list[int]

    def apply(self, model: Model) -> None:
        if not self.path:
            raise ModelError(tr("No folder at {path}", path="/"))
        folder = folder_at(model, self.path)
        parent = folder_at(model, self.path[:-1]) if len(self.path) > 1 else None
        siblings = parent.folders if parent is not None else model.folders
        index = self.path[-1]
        siblings.pop(index)
        siblings[index:index] = folder.folders
        if parent is not None:
            parent.refs.extend(folder.refs)
        self._undo = (folder, parent, siblings, index)
        model.emit(ev.FoldersChanged())

    def revert(self, model: Model) -> None:
        folder, parent, siblings, index = self._undo
        del siblings[index:index + len(folder.folders)]
        if parent is not None and folder.refs:
            del parent.refs[len(parent.refs) - len(folder.refs):]
        siblings.insert(index, folder)
        model.emit(ev.FoldersChanged())

    def describe(self) -> str:
        return tr("Delete folder")


@dataclass
class MoveFolderCommand(Command):
    """Move a folder (with all it holds) last under ``new_parent`` (``[]``: the top)."""

    path: list[int]
    new_parent: list[int] = field(default_factory=list)

    def apply(self, model: Model) -> None:
        if not self.path:
            raise ModelError(tr("No folder at {path}", path="/"))
        if self.new_parent[:len(self.path)] == self.path:
            raise ModelError(tr("A folder cannot be moved into itself"))
        folder = folder_at(model, self.path)
        old_siblings = _children(model, self.path[:-1])
        new_siblings = _children(model, self.new_parent)  # found before the move shifts paths
        old_siblings.pop(self.path[-1])
        new_siblings.append(folder)
        self._undo = (folder, old_siblings, new_siblings)
        model.emit(ev.FoldersChanged())

    def revert(self, model: Model) -> None:
        folder, old_siblings, new_siblings = self._undo
        new_siblings.remove(folder)
        old_siblings.insert(self.path[-1], folder)
        model.emit(ev.FoldersChanged())

    def describe(self) -> str:
        return tr("Move folder")


@dataclass
class FileInFolderCommand(Command):
    """File elements, relationships and views last in the folder at ``folder``, taking
    them out of the folders they were in; ``folder=None`` only takes them out."""

    object_ids: list[str]
    folder: list[int] | None = None

    def apply(self, model: Model) -> None:
        for object_id in self.object_ids:
            if not (model.has_concept(object_id) or model.has_view(object_id)):
                raise ModelError(tr("No element, relationship or view with id {id}",
                                    id=object_id))
        target = folder_at(model, self.folder) if self.folder is not None else None
        ids = list(dict.fromkeys(self.object_ids))
        self._places: list[tuple[str, list[tuple[Any, int]]]] = [
            (object_id, remove_from_folders(model, object_id)) for object_id in ids]
        self._target = target
        if target is not None:
            target.refs.extend(ids)
        model.emit(ev.FoldersChanged())

    def revert(self, model: Model) -> None:
        if self._target is not None:
            del self._target.refs[len(self._target.refs) - len(self._places):]
        for object_id, places in reversed(self._places):
            for folder, index in reversed(places):
                folder.refs.insert(index, object_id)
        model.emit(ev.FoldersChanged())

    def describe(self) -> str:
        if self.folder is None:
            return tr("Take out of folders")
        return tr("Move to folder")
