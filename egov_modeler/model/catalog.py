"""The framework catalog: layers, reference-model components, typical relationships, rules.

The catalog is data (``resources/framework/catalog.json``, format in
``docs/catalog-format.md``); this module reads it into frozen dataclasses and answers the
questions the rest of the program asks: the palette sections in order (the canvas builds its
palette from :meth:`Catalog.sections`), the element to create when a component is dropped
(:func:`element_from_component`), the relationship type the framework suggests for a pair
(:func:`suggested_relationship`) and the rules the framework checker runs.

A province or ministry can add its own components with a *user catalog* of the same format
(``--catalog FILE`` or later from the GUI); :func:`active_catalog` is the built-in catalog
merged with every user catalog added, so the palette, the rules and the suggestions see the
user's components too. Reading a user file never half-applies it: a broken file raises
:class:`CatalogError` naming the file and the field (or the JSON line) and changes nothing.

Pure Python (DESIGN.md "The layers"): no Qt here.
"""

from __future__ import annotations

import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..i18n import current_language, tr
from .concepts import Element
from .errors import ModelError
from .ids import new_id
from .metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES

__all__ = [
    "CATALOG_FORMAT",
    "CATALOG_FORMAT_VERSION",
    "LAYER_KINDS",
    "REFERENCE_MODELS",
    "SEVERITIES",
    "Catalog",
    "CatalogError",
    "Component",
    "FrameworkRule",
    "Layer",
    "PaletteEntry",
    "PaletteSection",
    "TypicalRelationship",
    "active_catalog",
    "add_user_catalog",
    "clear_user_catalogs",
    "element_from_component",
    "load_builtin_catalog",
    "load_catalog_file",
    "parse_catalog",
    "suggested_relationship",
    "user_catalog_paths",
]

log = logging.getLogger(__name__)

CATALOG_FORMAT = "egov-modeler-catalog"
CATALOG_FORMAT_VERSION = 1
LAYER_KINDS = ("overview", "reference_model", "external")
REFERENCE_MODELS = ("overview", "BRM", "DRM", "ARM", "TRM", "SRM")
SEVERITIES = ("error", "warning")

#: Element property keys written by :func:`element_from_component` (kept short and stable:
#: they travel into the Open Exchange XML as property definitions).
PROP_REFERENCE_MODEL = "Mô hình tham chiếu"
PROP_CODE = "Mã"
PROP_SCOPE = "Phạm vi"
PROP_OWNER = "Cơ quan chủ quản"
PROP_SOURCE = "Nguồn"
PROP_INFERRED = "Suy luận (chưa có nguồn xác nhận)"


class CatalogError(ModelError):
    """A catalog file that cannot be used; the message names the file and the field/line."""


def _pick(language: str | None, vi: str, en: str) -> str:
    lang = language or current_language()
    return en if lang == "en" and en else vi


@dataclass(frozen=True)
class Layer:
    """A framework layer: an overview band, a reference model or the external systems.

    ``order`` sorts layers of one kind (overview bands top to bottom); ``cross_cutting``
    marks the vertical bands (information security, governance) that relate to every
    other layer by association or influence only.
    """

    id: str
    name_vi: str
    name_en: str
    order: int
    kind: str = "overview"
    cross_cutting: bool = False
    sources: tuple[str, ...] = ()
    inferred: bool = False
    note: str = ""
    origin: str = "builtin"

    def name(self, language: str | None = None) -> str:
        """The layer's name in ``language`` (default: the current language)."""
        return _pick(language, self.name_vi, self.name_en)


@dataclass(frozen=True)
class Component:
    """A palette item: one reference-model component and how it becomes an element."""

    id: str
    name_vi: str
    name_en: str
    layer: str
    reference_model: str
    archimate_type: str
    description_vi: str = ""
    description_en: str = ""
    sources: tuple[str, ...] = ()
    inferred: bool = False
    scope: str | None = None
    owner: str | None = None
    code: str | None = None
    parent: str | None = None
    version: str | None = None
    archimate_alt: str | None = None
    note: str | None = None
    origin: str = "builtin"

    def name(self, language: str | None = None) -> str:
        """The component's name in ``language`` (default: the current language)."""
        return _pick(language, self.name_vi, self.name_en)

    def description(self, language: str | None = None) -> str:
        """The one-line description in ``language`` (default: the current language)."""
        return _pick(language, self.description_vi, self.description_en)


@dataclass(frozen=True)
class TypicalRelationship:
    """A relationship the framework draws between two components (with its evidence)."""

    source: str
    type: str
    target: str
    sources: tuple[str, ...] = ()
    inferred: bool = False
    note: str | None = None


@dataclass(frozen=True)
class FrameworkRule:
    """A framework rule as data; ``check`` names the checker that
    :mod:`egov_modeler.model.framework_rules` runs with ``params``."""

    id: str
    severity: str
    check: str
    message_vi: str
    message_en: str
    legal_source: str = ""
    sources: tuple[str, ...] = ()
    inferred: bool = False
    note: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, language: str | None = None, **fields: object) -> str:
        """The message in ``language`` with its ``{placeholders}`` filled."""
        text = _pick(language, self.message_vi, self.message_en)
        try:
            return text.format(**fields) if fields else text
        except (KeyError, IndexError, ValueError):  # a user rule with a bad placeholder
            return text


@dataclass(frozen=True)
class PaletteEntry:
    """One palette row: a component and its depth in its reference model's hierarchy."""

    component: Component
    depth: int = 0


@dataclass(frozen=True)
class PaletteSection:
    """One palette section: a layer and its components in display order."""

    layer: Layer
    entries: tuple[PaletteEntry, ...]

    @property
    def id(self) -> str:
        return self.layer.id

    def title(self, language: str | None = None) -> str:
        return self.layer.name(language)


class Catalog:
    """Layers, components, typical relationships and rules, with lookups by id."""

    def __init__(
        self,
        layers: Iterable[Layer] = (),
        components: Iterable[Component] = (),
        relationships: Iterable[TypicalRelationship] = (),
        rules: Iterable[FrameworkRule] = (),
        title_vi: str = "",
        title_en: str = "",
    ) -> None:
        self.layers: list[Layer] = sorted(layers, key=_layer_sort_key)
        self.components: list[Component] = list(components)
        self.relationships: list[TypicalRelationship] = list(relationships)
        self.rules: list[FrameworkRule] = list(rules)
        self.title_vi = title_vi
        self.title_en = title_en
        self._layers = {layer.id: layer for layer in self.layers}
        self._components = {c.id: c for c in self.components}
        self._typical: dict[tuple[str, str], list[str]] = {}
        for rel in self.relationships:
            self._typical.setdefault((rel.source, rel.target), []).append(rel.type)

    def __repr__(self) -> str:
        return (f"Catalog({len(self.layers)} layers, {len(self.components)} components, "
                f"{len(self.relationships)} relationships, {len(self.rules)} rules)")

    def title(self, language: str | None = None) -> str:
        return _pick(language, self.title_vi, self.title_en)

    def has_layer(self, layer_id: str) -> bool:
        return layer_id in self._layers

    def has_component(self, component_id: str) -> bool:
        return component_id in self._components

    def layer(self, layer_id: str) -> Layer:
        """The layer with this id; :class:`KeyError` (a :class:`CatalogError`) otherwise."""
        try:
            return self._layers[layer_id]
        except KeyError:
            raise _UnknownCatalogId(tr("No framework layer with id {id}", id=layer_id)) from None

    def component(self, component_id: str) -> Component:
        """The component with this id; :class:`KeyError` (a :class:`CatalogError`) otherwise."""
        try:
            return self._components[component_id]
        except KeyError:
            raise _UnknownCatalogId(
                tr("No catalog component with id {id}", id=component_id)) from None

    def find_component(self, component_id: str | None) -> Component | None:
        """The component or ``None`` (for elements whose catalog_ref is unknown here)."""
        return self._components.get(component_id) if component_id else None

    def rule(self, rule_id: str) -> FrameworkRule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise _UnknownCatalogId(tr("No framework rule with id {id}", id=rule_id))

    def children(self, component_id: str | None) -> list[Component]:
        """Components whose ``parent`` is ``component_id``, in catalog order."""
        return [c for c in self.components if c.parent == component_id]

    def lineage(self, component_id: str) -> list[str]:
        """``component_id`` and its ancestors through ``parent`` (nearest first).

        A user component with ``"parent": "i_lgsp_tinh"`` is then treated by the rules as a
        provincial LGSP: rules name built-in ids and match any descendant.
        """
        seen: list[str] = []
        current: str | None = component_id
        while current and current not in seen:
            seen.append(current)
            component = self._components.get(current)
            current = component.parent if component else None
        return seen

    def typical_types(self, source_id: str, target_id: str) -> list[str]:
        """Relationship types the catalog draws from ``source_id`` to ``target_id``."""
        return list(self._typical.get((source_id, target_id), ()))

    def sections(self) -> list[PaletteSection]:
        """The palette sections in display order.

        Overview layers top to bottom, then the cross-cutting ones, then the external
        systems, then the five reference models; inside each, children follow their parent
        (depth-first, catalog order) so a reference model shows as a tree.
        """
        sections: list[PaletteSection] = []
        for layer in self.layers:
            members = [c for c in self.components if c.layer == layer.id]
            if not members and layer.kind == "reference_model":
                continue
            sections.append(PaletteSection(layer, tuple(_tree_order(members))))
        return sections

    def merged(self, other: Catalog) -> Catalog:
        """A new catalog with ``other``'s layers, components, relationships and rules added.

        Ids must not clash: a user catalog adds, it does not silently replace the
        framework's facts (raise :class:`CatalogError`). ``other`` may reference this
        catalog's layers and components.
        """
        for what, mine, theirs in (
            ("layer", self._layers, other.layers),
            ("component", self._components, other.components),
            ("rule", {r.id: r for r in self.rules}, other.rules),
        ):
            for item in theirs:
                if item.id in mine:
                    raise CatalogError(tr(
                        "{origin}: {what} id '{id}' is already defined",
                        origin=getattr(item, "origin", "?"), what=what, id=item.id))
        return Catalog(
            [*self.layers, *other.layers],
            [*self.components, *other.components],
            [*self.relationships, *other.relationships],
            [*self.rules, *other.rules],
            self.title_vi, self.title_en,
        )


class _UnknownCatalogId(CatalogError, KeyError):
    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def _layer_sort_key(layer: Layer) -> tuple[int, int]:
    if layer.kind == "reference_model":
        group = 3
    elif layer.kind == "external":
        group = 2
    elif layer.cross_cutting:
        group = 1
    else:
        group = 0
    return (group, layer.order)


def _tree_order(members: list[Component]) -> list[PaletteEntry]:
    ids = {c.id for c in members}
    by_parent: dict[str | None, list[Component]] = {}
    for component in members:
        parent = component.parent if component.parent in ids else None
        by_parent.setdefault(parent, []).append(component)
    ordered: list[PaletteEntry] = []

    def walk(parent: str | None, depth: int) -> None:
        for component in by_parent.get(parent, []):
            ordered.append(PaletteEntry(component, depth))
            walk(component.id, depth + 1)

    walk(None, 0)
    return ordered


# ------------------------------------------------------------------------- parsing

_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
_LAYER_FIELDS = {"id", "name_vi", "name_en", "order", "kind", "cross_cutting", "sources",
                 "inferred", "note"}
_COMPONENT_FIELDS = {"id", "name_vi", "name_en", "layer", "reference_model", "archimate_type",
                     "description_vi", "description_en", "sources", "inferred", "scope",
                     "owner", "code", "parent", "version", "archimate_alt", "note"}
_RELATIONSHIP_FIELDS = {"source", "type", "target", "sources", "inferred", "note"}
_RULE_FIELDS = {"id", "severity", "check", "message_vi", "message_en", "legal_source",
                "sources", "inferred", "note"}


class _Reader:
    """Checks one catalog document field by field, with messages that point at the spot."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text

    def fail(self, where: str, problem: str, anchor: str | None = None) -> CatalogError:
        line = self._line_of(anchor)
        place = tr("{file}, line {line}", file=self.name, line=line) if line else self.name
        return CatalogError(f"{place}: {where}: {problem}" if where else f"{place}: {problem}")

    def _line_of(self, anchor: str | None) -> int | None:
        if not anchor or not self.text:
            return None
        index = self.text.find(anchor)
        return self.text.count("\n", 0, index) + 1 if index >= 0 else None

    def string(self, raw: dict[str, Any], key: str, where: str, anchor: str | None,
               required: bool = True) -> str | None:
        value = raw.get(key)
        if value is None:
            if required:
                raise self.fail(where, tr("missing field '{field}'", field=key), anchor)
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(where, tr("'{field}' must be a non-empty text", field=key), anchor)
        if unicodedata.normalize("NFC", value) != value:
            value = unicodedata.normalize("NFC", value)  # normalise rather than refuse
        return value

    def boolean(self, raw: dict[str, Any], key: str, where: str, anchor: str | None) -> bool:
        value = raw.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(where, tr("'{field}' must be true or false", field=key), anchor)
        return value

    def strings(self, raw: dict[str, Any], key: str, where: str,
                anchor: str | None) -> tuple[str, ...]:
        value = raw.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(where, tr("'{field}' must be a list of texts", field=key), anchor)
        return tuple(unicodedata.normalize("NFC", v) for v in value)

    def unknown(self, raw: dict[str, Any], allowed: set[str], where: str,
                anchor: str | None) -> None:
        extra = sorted(set(raw) - allowed)
        if extra:
            raise self.fail(where, tr("unknown field '{field}'", field=extra[0]), anchor)

    def items(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail("", tr("'{field}' must be a list", field=key), f'"{key}"')
        for index, item in enumerate(value, start=1):
            if not isinstance(item, dict):
                raise self.fail("", tr("{field} #{n} must be an object", field=key, n=index),
                                f'"{key}"')
        return value


def parse_catalog(data: Any, name: str, text: str = "",
                  known: Catalog | None = None) -> Catalog:
    """Build a :class:`Catalog` from decoded JSON, checking every field.

    ``known`` is the catalog a user file extends: its layers and components may be named
    as ``layer``, ``parent`` and relationship ends. ``name`` and ``text`` (the raw file) let
    messages name the file and the line.
    """
    reader = _Reader(name, text)
    if not isinstance(data, dict):
        raise reader.fail("", tr("the catalog must be a JSON object"))
    if data.get("format", CATALOG_FORMAT) != CATALOG_FORMAT:
        raise reader.fail("", tr("'format' must be '{format}'", format=CATALOG_FORMAT),
                          '"format"')
    version = data.get("format_version", CATALOG_FORMAT_VERSION)
    if version != CATALOG_FORMAT_VERSION:
        raise reader.fail("", tr("unsupported format_version {version} (this program reads {ours})",
                                 version=version, ours=CATALOG_FORMAT_VERSION),
                          '"format_version"')
    layers = _parse_layers(reader, data, known)
    layer_ids = {layer.id for layer in layers} | (
        {layer.id for layer in known.layers} if known else set())
    components = _parse_components(reader, data, layer_ids, known, name)
    component_types = {c.id: c.archimate_type for c in components}
    if known:
        component_types.update({c.id: c.archimate_type for c in known.components})
    relationships = _parse_relationships(reader, data, component_types)
    rules = _parse_rules(reader, data, known)
    title_vi = data.get("title_vi") if isinstance(data.get("title_vi"), str) else ""
    title_en = data.get("title_en") if isinstance(data.get("title_en"), str) else ""
    return Catalog(layers, components, relationships, rules, title_vi, title_en)


def _parse_layers(reader: _Reader, data: dict[str, Any], known: Catalog | None) -> list[Layer]:
    layers: list[Layer] = []
    seen: set[str] = set()
    for index, raw in enumerate(reader.items(data, "layers"), start=1):
        anchor = f'"{raw.get("id")}"' if isinstance(raw.get("id"), str) else None
        where = tr("layer #{n}", n=index) + (f" (id '{raw.get('id')}')" if anchor else "")
        reader.unknown(raw, _LAYER_FIELDS, where, anchor)
        layer_id = reader.string(raw, "id", where, anchor)
        assert layer_id is not None
        if not _ID.match(layer_id):
            raise reader.fail(where, tr("'id' may contain only letters, digits, _ . -"), anchor)
        if layer_id in seen or (known and known.has_layer(layer_id)):
            raise reader.fail(where, tr("layer id '{id}' is already defined", id=layer_id),
                              anchor)
        seen.add(layer_id)
        order = raw.get("order")
        if not isinstance(order, int) or isinstance(order, bool):
            raise reader.fail(where, tr("'order' must be a whole number"), anchor)
        kind = raw.get("kind", "overview")
        if kind not in LAYER_KINDS:
            raise reader.fail(where, tr("'kind' must be one of {values}",
                                        values=", ".join(LAYER_KINDS)), anchor)
        layers.append(Layer(
            id=layer_id,
            name_vi=reader.string(raw, "name_vi", where, anchor) or "",
            name_en=reader.string(raw, "name_en", where, anchor) or "",
            order=order, kind=kind,
            cross_cutting=reader.boolean(raw, "cross_cutting", where, anchor),
            sources=reader.strings(raw, "sources", where, anchor),
            inferred=reader.boolean(raw, "inferred", where, anchor),
            note=reader.string(raw, "note", where, anchor, required=False) or "",
            origin=reader.name,
        ))
    return layers


def _parse_components(reader: _Reader, data: dict[str, Any], layer_ids: set[str],
                      known: Catalog | None, name: str) -> list[Component]:
    components: list[Component] = []
    seen: set[str] = set()
    raws = reader.items(data, "components")
    all_ids = {r.get("id") for r in raws} | (
        {c.id for c in known.components} if known else set())
    for index, raw in enumerate(raws, start=1):
        anchor = f'"{raw.get("id")}"' if isinstance(raw.get("id"), str) else None
        where = tr("component #{n}", n=index) + (f" (id '{raw.get('id')}')" if anchor else "")
        reader.unknown(raw, _COMPONENT_FIELDS, where, anchor)
        component_id = reader.string(raw, "id", where, anchor)
        assert component_id is not None
        if not _ID.match(component_id):
            raise reader.fail(where, tr("'id' may contain only letters, digits, _ . -"), anchor)
        if component_id in seen or (known and known.has_component(component_id)):
            raise reader.fail(where, tr("component id '{id}' is already defined",
                                        id=component_id), anchor)
        seen.add(component_id)
        layer = reader.string(raw, "layer", where, anchor) or ""
        if layer not in layer_ids:
            raise reader.fail(where, tr("'layer' names unknown layer '{layer}'", layer=layer),
                              anchor)
        reference_model = raw.get("reference_model", "overview")
        if reference_model not in REFERENCE_MODELS:
            raise reader.fail(where, tr("'reference_model' must be one of {values}",
                                        values=", ".join(REFERENCE_MODELS)), anchor)
        archimate_type = reader.string(raw, "archimate_type", where, anchor) or ""
        if archimate_type not in ELEMENT_TYPES:
            raise reader.fail(where, tr("'archimate_type' names unknown ArchiMate type '{type}'",
                                        type=archimate_type), anchor)
        alt = reader.string(raw, "archimate_alt", where, anchor, required=False)
        if alt is not None and alt not in ELEMENT_TYPES:
            raise reader.fail(where, tr("'archimate_alt' names unknown ArchiMate type '{type}'",
                                        type=alt), anchor)
        parent = reader.string(raw, "parent", where, anchor, required=False)
        if parent is not None and parent not in all_ids:
            raise reader.fail(where, tr("'parent' names unknown component '{id}'", id=parent),
                              anchor)
        description_vi = reader.string(raw, "description_vi", where, anchor, required=False)
        if description_vi and "\n" in description_vi:
            raise reader.fail(where, tr("'description_vi' must be one line"), anchor)
        components.append(Component(
            id=component_id,
            name_vi=reader.string(raw, "name_vi", where, anchor) or "",
            name_en=reader.string(raw, "name_en", where, anchor) or "",
            layer=layer, reference_model=reference_model, archimate_type=archimate_type,
            description_vi=description_vi or "",
            description_en=reader.string(raw, "description_en", where, anchor,
                                         required=False) or "",
            sources=reader.strings(raw, "sources", where, anchor),
            inferred=reader.boolean(raw, "inferred", where, anchor),
            scope=reader.string(raw, "scope", where, anchor, required=False),
            owner=reader.string(raw, "owner", where, anchor, required=False),
            code=reader.string(raw, "code", where, anchor, required=False),
            parent=parent,
            version=reader.string(raw, "version", where, anchor, required=False),
            archimate_alt=alt,
            note=reader.string(raw, "note", where, anchor, required=False),
            origin=name,
        ))
    return components


def _parse_relationships(reader: _Reader, data: dict[str, Any],
                         component_types: dict[str, str]) -> list[TypicalRelationship]:
    from .rules import can_relate

    relationships: list[TypicalRelationship] = []
    for index, raw in enumerate(reader.items(data, "relationships"), start=1):
        where = tr("relationship #{n}", n=index)
        source = raw.get("source")
        target = raw.get("target")
        anchor = f'"source": "{source}"' if isinstance(source, str) else None
        reader.unknown(raw, _RELATIONSHIP_FIELDS, where, anchor)
        for key in ("source", "target"):
            end = reader.string(raw, key, where, anchor)
            if end not in component_types:
                raise reader.fail(where, tr("'{field}' names unknown component '{id}'",
                                            field=key, id=end), anchor)
        rel_type = reader.string(raw, "type", where, anchor) or ""
        if rel_type not in RELATIONSHIP_TYPES:
            raise reader.fail(where, tr("'type' names unknown relationship type '{type}'",
                                        type=rel_type), anchor)
        if not can_relate(component_types[source], rel_type, component_types[target]):
            raise reader.fail(where, tr(
                "ArchiMate does not allow {relationship} from {source} to {target}",
                relationship=rel_type, source=component_types[source],
                target=component_types[target]), anchor)
        relationships.append(TypicalRelationship(
            source=source, type=rel_type, target=target,
            sources=reader.strings(raw, "sources", where, anchor),
            inferred=reader.boolean(raw, "inferred", where, anchor),
            note=reader.string(raw, "note", where, anchor, required=False),
        ))
    return relationships


def _parse_rules(reader: _Reader, data: dict[str, Any],
                 known: Catalog | None) -> list[FrameworkRule]:
    from .framework_rules import CHECKS

    rules: list[FrameworkRule] = []
    seen = {r.id for r in known.rules} if known else set()
    for index, raw in enumerate(reader.items(data, "rules"), start=1):
        anchor = f'"{raw.get("id")}"' if isinstance(raw.get("id"), str) else None
        where = tr("rule #{n}", n=index) + (f" (id '{raw.get('id')}')" if anchor else "")
        rule_id = reader.string(raw, "id", where, anchor) or ""
        if rule_id in seen:
            raise reader.fail(where, tr("rule id '{id}' is already defined", id=rule_id), anchor)
        seen.add(rule_id)
        severity = raw.get("severity")
        if severity not in SEVERITIES:
            raise reader.fail(where, tr("'severity' must be one of {values}",
                                        values=", ".join(SEVERITIES)), anchor)
        check = reader.string(raw, "check", where, anchor) or ""
        if check not in CHECKS:
            raise reader.fail(where, tr("'check' names unknown check '{check}' (known: {known})",
                                        check=check, known=", ".join(sorted(CHECKS))), anchor)
        params = {k: v for k, v in raw.items() if k not in _RULE_FIELDS}
        problem = CHECKS[check].check_params(params)
        if problem:
            raise reader.fail(where, problem, anchor)
        rules.append(FrameworkRule(
            id=rule_id, severity=severity, check=check,
            message_vi=reader.string(raw, "message_vi", where, anchor) or "",
            message_en=reader.string(raw, "message_en", where, anchor) or "",
            legal_source=reader.string(raw, "legal_source", where, anchor,
                                       required=False) or "",
            sources=reader.strings(raw, "sources", where, anchor),
            inferred=reader.boolean(raw, "inferred", where, anchor),
            note=reader.string(raw, "note", where, anchor, required=False),
            params=params,
        ))
    return rules


def _decode(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(tr("{file}, line {line}, column {column}: not valid JSON: {reason}",
                              file=name, line=exc.lineno, column=exc.colno,
                              reason=exc.msg)) from None


# ------------------------------------------------------------------------- loading

@cache
def load_builtin_catalog() -> Catalog:
    """The framework catalog shipped in the package (read once, through importlib.resources
    so that it works from an installed wheel too)."""
    resource = resources.files("egov_modeler") / "resources" / "framework" / "catalog.json"
    text = resource.read_text(encoding="utf-8")
    return parse_catalog(_decode(text, "catalog.json"), "catalog.json", text)


def load_catalog_file(path: str | os.PathLike[str], known: Catalog | None = None) -> Catalog:
    """Read a user catalog file; it may use the built-in layers and components.

    Raises :class:`CatalogError` naming the file and the field or JSON line.
    """
    source = Path(path)
    name = source.name
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise CatalogError(tr("{file}: cannot read the catalog: {reason}", file=str(source),
                              reason=exc.strerror or str(exc))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise CatalogError(tr("{file}, line {line}: the file is not UTF-8 text",
                              file=name, line=line)) from None
    base = known if known is not None else load_builtin_catalog()
    return parse_catalog(_decode(text, name), name, text, known=base)


_user_catalogs: dict[str, Catalog] = {}
_active: list[Catalog] = []


def add_user_catalog(path: str | os.PathLike[str]) -> Catalog:
    """Add a user catalog to :func:`active_catalog`; adding the same file again reloads it.

    Nothing changes when the file is broken (the :class:`CatalogError` says why).
    """
    key = str(Path(path).resolve())
    others = {k: v for k, v in _user_catalogs.items() if k != key}
    base = load_builtin_catalog()
    for catalog in others.values():
        base = base.merged(catalog)
    catalog = load_catalog_file(path, known=base)
    merged = base.merged(catalog)
    _user_catalogs.clear()
    _user_catalogs.update(others)
    _user_catalogs[key] = catalog
    _active[:] = [merged]
    log.info("user catalog %s added: %d components", key, len(catalog.components))
    return catalog


def clear_user_catalogs() -> None:
    """Forget every user catalog (tests; "remove catalog" in the GUI)."""
    _user_catalogs.clear()
    _active.clear()


def user_catalog_paths() -> list[str]:
    """The files added with :func:`add_user_catalog`, in order."""
    return list(_user_catalogs)


def active_catalog() -> Catalog:
    """The built-in catalog plus every user catalog added (what the palette shows)."""
    return _active[0] if _active else load_builtin_catalog()


# ------------------------------------------------------------------------- elements

def element_from_component(component: Component | str, id: str | None = None,
                           catalog: Catalog | None = None) -> Element:
    """The element to create when ``component`` is dropped on a view.

    The Vietnamese name is the element's name, the English one goes in ``names``; the
    description becomes the documentation; ``catalog_ref`` and ``layer`` record where it
    came from, which the framework rules and the PDF rely on.
    """
    if isinstance(component, str):
        component = (catalog or active_catalog()).component(component)
    properties: list[tuple[str, str]] = []
    if component.reference_model != "overview":
        properties.append((PROP_REFERENCE_MODEL, component.reference_model))
    if component.code:
        properties.append((PROP_CODE, component.code))
    if component.scope:
        properties.append((PROP_SCOPE, component.scope))
    if component.owner:
        properties.append((PROP_OWNER, component.owner))
    if component.sources:
        properties.append((PROP_SOURCE, "; ".join(component.sources)))
    if component.inferred:
        properties.append((PROP_INFERRED, "true"))
    documentations = {"en": component.description_en} if component.description_en else {}
    return Element(
        id=id or new_id(),
        type=component.archimate_type,
        name=component.name_vi,
        names={"en": component.name_en} if component.name_en else {},
        documentation=component.description_vi,
        documentations=documentations,
        properties=properties,
        catalog_ref=component.id,
        layer=component.layer,
    )


def _component_of(item: Component | Element | str | None, catalog: Catalog) -> Component | None:
    if isinstance(item, Component):
        return item
    if isinstance(item, Element):
        return catalog.find_component(item.catalog_ref)
    if isinstance(item, str):
        return catalog.find_component(item)
    return None


def _type_of(item: Component | Element | str | None, component: Component | None) -> str | None:
    if isinstance(item, Element):
        return item.type
    return component.archimate_type if component else None


def _layer_of(item: Component | Element | str | None, component: Component | None) -> str | None:
    if isinstance(item, Element) and item.layer:
        return item.layer
    return component.layer if component else None


#: Layer-pair defaults when the catalog has no typical relationship for the exact pair
#: (source layer, target layer) -> relationship type, tried in order.
_LAYER_DEFAULTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("kenh_giao_tiep", "nguoi_su_dung"): ("Serving",),
    ("cong_dich_vu", "kenh_giao_tiep"): ("Serving", "Composition"),
    ("ung_dung_csdl", "nguoi_su_dung"): ("Serving",),
    ("ung_dung_csdl", "ung_dung_csdl"): ("Access", "Flow"),
    ("ung_dung_csdl", "cong_dich_vu"): ("Flow",),
    ("cong_dich_vu", "ung_dung_csdl"): ("Flow", "Access"),
    ("ung_dung_csdl", "nen_tang_tich_hop"): ("Flow",),
    ("cong_dich_vu", "nen_tang_tich_hop"): ("Flow",),
    ("nen_tang_tich_hop", "nen_tang_tich_hop"): ("Flow",),
    ("nen_tang_tich_hop", "ung_dung_csdl"): ("Access", "Flow"),
    ("nen_tang_tich_hop", "cong_dich_vu"): ("Serving", "Flow"),
    ("he_thong_ngoai", "nen_tang_tich_hop"): ("Flow",),
}


def suggested_relationship(
    source: Component | Element | str,
    target: Component | Element | str,
    catalog: Catalog | None = None,
) -> str | None:
    """The relationship type the framework suggests from ``source`` to ``target``.

    First a typical relationship of the catalog for the two components (or their catalog
    ancestors), then a layer default: infrastructure serves, cross-cutting layers
    associate, channels serve users, systems exchange by Flow. The answer is always allowed
    by ArchiMate for the two types; ``None`` when nothing fits (the canvas then offers
    :func:`~egov_modeler.model.rules.allowed_relationship_types` only).
    """
    from .rules import can_relate

    cat = catalog or active_catalog()
    src, tgt = _component_of(source, cat), _component_of(target, cat)
    src_type, tgt_type = _type_of(source, src), _type_of(target, tgt)
    if not src_type or not tgt_type:
        return None
    if src and tgt:
        for src_id in cat.lineage(src.id):
            for tgt_id in cat.lineage(tgt.id):
                for rel_type in cat.typical_types(src_id, tgt_id):
                    if can_relate(src_type, rel_type, tgt_type):
                        return rel_type
    src_layer, tgt_layer = _layer_of(source, src), _layer_of(target, tgt)
    candidates: tuple[str, ...] = ()
    cross = {layer.id for layer in cat.layers if layer.cross_cutting}
    if src_layer in cross or tgt_layer in cross:
        candidates = ("Influence", "Association") if (
            src_type in _MOTIVATION and src_layer in cross) else ("Association",)
    elif src_layer == "ha_tang_ky_thuat" and tgt_layer != "ha_tang_ky_thuat":
        candidates = ("Serving", "Association")
    elif src_layer and tgt_layer:
        candidates = _LAYER_DEFAULTS.get((src_layer, tgt_layer), ())
    for rel_type in candidates:
        if can_relate(src_type, rel_type, tgt_type):
            return rel_type
    return None


_MOTIVATION = {"Principle", "Requirement", "Constraint", "Goal", "Driver", "Assessment",
               "Outcome", "Meaning", "Value", "Stakeholder"}
