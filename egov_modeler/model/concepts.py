"""The concepts of a model: elements and relationships.

They are plain dataclasses. The :class:`~egov_modeler.model.model.Model` keeps them by id;
nothing else holds a copy, and every change goes through a command so that it can be
undone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Properties = list[tuple[str, str]]


@dataclass(slots=True)  # no per-object dict: 60,000 of them in a national model
class Element:
    """An ArchiMate element, possibly dragged from the framework catalog.

    ``name`` is in the model's language (Vietnamese by default); ``names`` holds the same
    name in other languages keyed by language code. ``catalog_ref`` and ``layer`` say
    which reference-model component and which framework layer the element came from.
    ``specialization`` names a :class:`Profile` of the element's type (Archi's
    "specialization"), or is ``None``.
    """

    id: str
    type: str
    name: str = ""
    names: dict[str, str] = field(default_factory=dict)
    documentation: str = ""
    documentations: dict[str, str] = field(default_factory=dict)
    properties: Properties = field(default_factory=list)
    catalog_ref: str | None = None
    layer: str | None = None
    specialization: str | None = None

    def name_in(self, language: str) -> str:
        """The name in ``language`` when the element has one, else the main name."""
        return self.names.get(language) or self.name


@dataclass(slots=True)
class Relationship:
    """An ArchiMate relationship between two elements (or an element and a relationship).

    ``access_type`` is only meaningful for Access ("Access", "Read", "Write",
    "ReadWrite"), ``is_directed`` for Association and ``modifier`` for Influence;
    ``specialization`` names a :class:`Profile` of the relationship's type, or is ``None``.
    """

    id: str
    type: str
    source: str
    target: str
    name: str = ""
    names: dict[str, str] = field(default_factory=dict)
    documentation: str = ""
    documentations: dict[str, str] = field(default_factory=dict)
    properties: Properties = field(default_factory=list)
    access_type: str | None = None
    is_directed: bool = False
    modifier: str = ""
    specialization: str | None = None


@dataclass
class Folder:
    """A folder of the model tree ("organizations" in the exchange format).

    ``refs`` are the ids of the concepts and views filed directly in it, in order.
    """

    label: str
    labels: dict[str, str] = field(default_factory=dict)
    documentation: str = ""
    id: str | None = None
    refs: list[str] = field(default_factory=list)
    folders: list[Folder] = field(default_factory=list)


@dataclass
class Profile:
    """A specialization of one concept type (Archi calls it a profile): a name that
    elements or relationships of ``concept_type`` may carry in their ``specialization``,
    with an optional image (``image_path`` is a key of ``Model.images``, e.g.
    ``images/abc.png`` as Archi writes it). Names are unique per concept type, which is
    how Archi's CSV and exchange files refer to a specialization.
    """

    id: str
    name: str
    concept_type: str
    image_path: str | None = None
