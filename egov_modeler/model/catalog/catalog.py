"""The :class:`Catalog`: lookups by id, ancestry, merging, and the palette sections.

The canvas builds its palette from :meth:`Catalog.sections`; the framework rules and the
relationship suggestions ask it for components, lineages and typical relationships.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ...i18n import tr
from .profile import InventoryField, Profile, ProfileData, ProfileMapping, ScopeLevel, Term
from .types import (
    CatalogError,
    Component,
    FrameworkEdition,
    FrameworkRule,
    Layer,
    TypicalRelationship,
    pick_text,
)


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
    """Layers, components, typical relationships and rules, with lookups by id.

    A catalog read from a profile file also carries :attr:`data` (the ``profile`` block,
    scope levels, terminology, inventory fields, ``mapping_from``); a plain user catalog
    has none of them.
    """

    def __init__(
        self,
        layers: Iterable[Layer] = (),
        components: Iterable[Component] = (),
        relationships: Iterable[TypicalRelationship] = (),
        rules: Iterable[FrameworkRule] = (),
        title_vi: str = "",
        title_en: str = "",
        framework: FrameworkEdition | None = None,
        *,
        id: str = "",
        data: ProfileData | None = None,
    ) -> None:
        self.id = id
        self.data = data or ProfileData()
        bottom_up = self.profile is not None and self.profile.overview_order == "bottom_up"
        self.layers: list[Layer] = sorted(layers, key=lambda layer: _layer_sort_key(
            layer, bottom_up))
        self.components: list[Component] = list(components)
        self.relationships: list[TypicalRelationship] = list(relationships)
        self.rules: list[FrameworkRule] = list(rules)
        self.title_vi = title_vi
        self.title_en = title_en
        #: The framework document this catalog describes (``None`` for a user catalog
        #: that names none); a merged catalog keeps the built-in one's.
        self.framework = framework
        self._layers = {layer.id: layer for layer in self.layers}
        self._components = {c.id: c for c in self.components}
        self._typical: dict[tuple[str, str], list[str]] = {}
        for rel in self.relationships:
            self._typical.setdefault((rel.source, rel.target), []).append(rel.type)

    def __repr__(self) -> str:
        return (f"Catalog({len(self.layers)} layers, {len(self.components)} components, "
                f"{len(self.relationships)} relationships, {len(self.rules)} rules)")

    def title(self, language: str | None = None) -> str:
        return pick_text(language, self.title_vi, self.title_en)

    # -- the profile sections
    @property
    def profile(self) -> Profile | None:
        """The ``profile`` block (``None`` for a plain user catalog)."""
        return self.data.profile

    @property
    def scope_levels(self) -> tuple[ScopeLevel, ...]:
        return self.data.scope_levels

    @property
    def terminology(self) -> Mapping[str, Mapping[str, Term]]:
        return self.data.terminology

    @property
    def inventory_fields(self) -> tuple[InventoryField, ...]:
        return self.data.inventory_fields

    @property
    def mapping_from(self) -> ProfileMapping | None:
        return self.data.mapping_from

    def scope_value(self, text: str | None) -> str | None:
        """``text`` (a ``Phạm vi`` value, possibly ``"bộ/tỉnh"`` or an alias such as
        ``"cấp huyện"``) with every part mapped to its scope level's value; unchanged
        parts stay as typed, ``None`` stays ``None``."""
        if text is None:
            return None
        aliases = self._scope_aliases()
        parts = [part.strip() for part in str(text).split("/")]
        return "/".join(aliases.get(unicodedata.normalize("NFC", part).casefold(), part)
                        for part in parts)

    def _scope_aliases(self) -> dict[str, str]:
        found = getattr(self, "_aliases", None)
        if found is None:
            found = {}
            for level in self.scope_levels:
                for alias in (level.value, *level.aliases):
                    found[unicodedata.normalize("NFC", alias).casefold()] = level.value
            self._aliases = found
        return found

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

        Overview layers top to bottom (a ``bottom_up`` profile numbers its layers from the
        bottom, QĐ 3090's layer 1 being the infrastructure, so its highest ``order`` comes
        first), then the cross-cutting ones, then the external systems, then the reference
        models; inside each, children follow their parent (depth-first, catalog order) so a
        reference model shows as a tree.
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
            self.title_vi, self.title_en, self.framework,
            id=self.id, data=self.data,
        )


class _UnknownCatalogId(CatalogError, KeyError):
    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def _layer_sort_key(layer: Layer, bottom_up: bool = False) -> tuple[int, int]:
    if layer.kind == "reference_model":
        group = 3
    elif layer.kind == "external":
        group = 2
    elif layer.cross_cutting:
        group = 1
    else:
        return (0, -layer.order if bottom_up else layer.order)
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
