"""Planning Archi's folder tree for a model (see :mod:`.archi_folders` for why).

Archi wants the nine typed top-level folders and every concept or view filed once, under
the folder of its kind. The plan keeps the model's folders wherever Archi allows it: a
top-level folder whose contents are all of one kind (or, when empty, whose name is one
of Archi's) becomes that kind's folder with its name, id and sub-folders; a folder that
mixes kinds is repeated under each kind's folder for the concepts of that kind, so an
Archi user still finds them grouped the same way. Ids of generated folders are derived
from the model's id, so writing the same model twice gives the same file.
"""

from __future__ import annotations

import hashlib

from ..model.concepts import Folder
from ..model.model import Model
from .archi_folders import ArchiFolder
from .archi_vocabulary import FOLDER_NAME_TYPES, FOLDER_TYPES
from .archi_vocabulary import folder_type_of_element as element_kind


def derived_id(model: Model, *parts: str) -> str:
    """A stable id for something the writer makes (same model, same id)."""
    digest = hashlib.sha1("\x00".join((model.id, *parts)).encode("utf-8")).hexdigest()
    return f"id-{digest[:32]}"


class _Planner:
    def __init__(self, model: Model) -> None:
        self.model = model
        self.kinds: dict[str, str] = {e.id: element_kind(e.type) for e in model.elements}
        self.kinds.update({r.id: "relations" for r in model.relationships})
        self.kinds.update({v.id: "diagrams" for v in model.views})
        self.placed: set[str] = set()
        self.used_ids: set[str] = set()
        self.tops: dict[str, ArchiFolder] = {}

    def folder_id(self, wanted: str | None, *path: str) -> str:
        """``wanted`` the first time it is asked for, a derived id otherwise."""
        if wanted and wanted not in self.used_ids and wanted not in self.kinds:
            self.used_ids.add(wanted)
            return wanted
        number = 0
        new = derived_id(self.model, "folder", *path)
        while new in self.used_ids or new in self.kinds:
            number += 1
            new = derived_id(self.model, "folder", *path, str(number))
        self.used_ids.add(new)
        return new

    def subtree_kinds(self, folder: Folder) -> set[str]:
        found = {self.kinds[r] for r in folder.refs if r in self.kinds}
        for child in folder.folders:
            found |= self.subtree_kinds(child)
        return found

    def plan(self) -> list[ArchiFolder]:
        mapped: list[tuple[Folder, str]] = []
        loose: list[Folder] = []
        for folder in self.model.folders:
            kinds = self.subtree_kinds(folder)
            kind = (next(iter(kinds)) if len(kinds) == 1 else
                    FOLDER_NAME_TYPES.get(folder.label.casefold()) if not kinds else None)
            if kind is not None and kind not in self.tops:
                self.tops[kind] = ArchiFolder(
                    name=folder.label, id=self.folder_id(folder.id, kind), kind=kind,
                    documentation=folder.documentation, labels=dict(folder.labels))
                mapped.append((folder, kind))
            else:
                loose.append(folder)
        for kind, name in FOLDER_TYPES:
            if kind not in self.tops:
                self.tops[kind] = ArchiFolder(name=name, id=self.folder_id(None, kind), kind=kind)
        for folder, kind in mapped:
            self.fill(self.tops[kind], folder, kind, (folder.label,))
        for folder in loose:
            self.place_loose(folder)
        for concept_id, kind in self.kinds.items():  # what no folder holds
            if concept_id not in self.placed:
                self.placed.add(concept_id)
                self.tops[kind].refs.append(concept_id)
        return [self.tops[kind] for kind, _ in FOLDER_TYPES]

    def fill(self, target: ArchiFolder, folder: Folder, kind: str,
             labels: tuple[str, ...]) -> None:
        """Copy ``folder``'s content into ``target`` (a folder of ``kind``); what belongs to
        another kind goes under that kind's folder, in folders of the same names."""
        for ref in folder.refs:
            ref_kind = self.kinds.get(ref)
            if ref_kind is None or ref in self.placed:
                continue
            self.placed.add(ref)
            if ref_kind == kind:
                target.refs.append(ref)
            else:
                self.elsewhere(ref_kind, labels).refs.append(ref)
        for child in folder.folders:
            sub = ArchiFolder(name=child.label,
                              id=self.folder_id(child.id, kind, *labels, child.label),
                              documentation=child.documentation, labels=dict(child.labels))
            target.folders.append(sub)
            self.fill(sub, child, kind, (*labels, child.label))

    def elsewhere(self, kind: str, labels: tuple[str, ...]) -> ArchiFolder:
        """The folder of ``kind`` at the path ``labels`` (folder names), made when missing."""
        current = self.tops[kind]
        for depth in range(len(labels)):
            name = labels[depth]
            found = next((f for f in current.folders if f.name == name), None)
            if found is None:
                found = ArchiFolder(name=name, id=self.folder_id(
                    None, "copy", kind, *labels[:depth + 1]))
                current.folders.append(found)
            current = found
        return current

    def place_loose(self, folder: Folder) -> None:
        """A top-level folder Archi has no kind for: repeated under each kind it holds
        (an empty one goes under Other, so an Archi user still sees it)."""
        kinds = sorted(self.subtree_kinds(folder)) or ["other"]
        for kind in kinds:
            copy = ArchiFolder(name=folder.label,
                               id=self.folder_id(folder.id, "loose", kind, folder.label),
                               documentation=folder.documentation, labels=dict(folder.labels))
            self.tops[kind].folders.append(copy)
            self.fill_kind(copy, folder, kind, kind == kinds[0])

    def fill_kind(self, target: ArchiFolder, folder: Folder, kind: str, first: bool) -> None:
        """Copy the part of ``folder`` that is of ``kind`` into ``target`` (and, for the
        ``first`` kind, the empty sub-folders)."""
        for ref in folder.refs:
            if self.kinds.get(ref) == kind and ref not in self.placed:
                self.placed.add(ref)
                target.refs.append(ref)
        for child in folder.folders:
            inside = self.subtree_kinds(child)
            if kind not in inside and (inside or not first):
                continue
            sub = ArchiFolder(name=child.label,
                              id=self.folder_id(child.id, "loose", kind, target.id, child.label),
                              documentation=child.documentation, labels=dict(child.labels))
            target.folders.append(sub)
            self.fill_kind(sub, child, kind, first)


def plan_folders(model: Model) -> list[ArchiFolder]:
    """Archi's nine top-level folders for ``model``, holding every concept and view once."""
    return _Planner(model).plan()

