"""Archi's folder tree, as both directions see it.

Archi files every concept and view in one folder under the top-level folder of its kind
(Business, Relations, Views...), and refuses a model that does otherwise. The model's
folders are free: a tree of labelled folders with references, possibly none at all. So:

- the reader turns Archi's tree into the model's folders one to one (top-level folders
  keep their labels and ids);
- the writer plans an Archi tree from the model (:class:`ArchiFolder`), and when reading
  that plan back would not give the model's own folders (no folders, a folder mixing
  business elements with relationships, a concept filed twice), it also writes the
  model's tree as the ``egov:folders`` feature with a fingerprint of the planned tree, so
  the reader restores the model's folders exactly unless someone rearranged them in Archi.

The fingerprint is the exchange format's (``folders_fingerprint``). Both sides use
:func:`model_folders` to turn an Archi tree into model folders, so the
check compares like with like.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.concepts import Folder
from ..model.serialization import folder_to_dict


@dataclass
class ArchiFolder:
    """One folder as Archi holds it: ``kind`` is the top-level type ("business", ...) or
    "" for a user folder; ``refs`` are the ids of the concepts and views filed in it."""

    name: str
    id: str
    kind: str = ""
    documentation: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    refs: list[str] = field(default_factory=list)
    folders: list[ArchiFolder] = field(default_factory=list)


def model_folders(tree: list[ArchiFolder]) -> list[Folder]:
    """The model's folders for an Archi tree."""
    return [Folder(label=f.name, labels=dict(f.labels), documentation=f.documentation,
                   id=f.id or None, refs=list(f.refs), folders=model_folders(f.folders))
            for f in tree]


def same_folders(a: list[Folder], b: list[Folder]) -> bool:
    return [folder_to_dict(f) for f in a] == [folder_to_dict(f) for f in b]
