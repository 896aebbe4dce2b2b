"""What a template is made of, as data: the profile, the elements, the relationships and the
views with their bands (:class:`Spec`), read by :mod:`.build_templates`.

Two shapes exist. The 2.0 templates list their elements band by band in ``bands`` (one
overview view, each element placed at a grid column). The 2025 templates list their
``elements`` once and their ``views`` separately, each view naming the bands it shows, the
elements in each band (wrapped into rows) and the relationship groups it draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tools.templates.layout import Item


@dataclass
class ElementSpec:
    """One element of a template: a catalog component (optionally renamed) or a plain
    ArchiMate element (``type``), with extra properties. ``inferred`` marks an illustrative
    use of a component (what the province actually runs is not sourced); ``note`` says why."""

    component: str | None = None
    name: str | None = None
    name_en: str | None = None
    props: dict[str, str] = field(default_factory=dict)
    type: str | None = None
    inferred: bool = False
    note: str | None = None


@dataclass
class ViewSpec:
    """One view: its bands top to bottom (band key: a layer id or a row label key; value:
    the element keys left to right) and the relationship groups it draws."""

    key: str
    name: str
    name_en: str
    bands: list[tuple[str, list[str]]]
    groups: tuple[str, ...]


@dataclass
class Spec:
    """What a template contains, band by band, and how its elements relate."""

    name: str
    title: str
    title_en: str
    bands: dict[str, list[list[Item]]]
    #: (source key, type, target key, name)
    relations: list[tuple] = field(default_factory=list)
    hosting: list[tuple[str, str, str]] = field(default_factory=list)
    properties: list[tuple[str, str]] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    documentation: str = ""
    view_name: str = "Sơ đồ khái quát"
    view_name_en: str = "Overview diagram"
    #: The framework profile the template is written under.
    profile: str = "vn-egov-2.0"
    #: The start of every id (the template's name unless its file was renamed).
    prefix: str = ""
    #: The 2025 shape: elements by key, relationship groups by name, views.
    elements: dict[str, ElementSpec] = field(default_factory=dict)
    groups: dict[str, list[tuple[str, str, str, str]]] = field(default_factory=dict)
    views: list[ViewSpec] = field(default_factory=list)
    #: Labels (vi, en) of bands that are not layers (rows of a roadmap view).
    row_labels: dict[str, tuple[str, str]] = field(default_factory=dict)
