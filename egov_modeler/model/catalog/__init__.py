"""The framework catalog: layers, reference-model components, typical relationships, rules.

The catalog is data (``resources/framework/catalog.json``, format in
``docs/catalog-format.md``); this package reads it into frozen dataclasses and answers the
questions the rest of the program asks: the palette sections in order (the canvas builds its
palette from :meth:`Catalog.sections`), the element to create when a component is dropped
(:func:`element_from_component`), the relationship type the framework suggests for a pair
(:func:`suggested_relationship`) and the rules the framework checker runs.

A province or ministry can add its own components with a *user catalog* of the same format
(``--catalog FILE`` or later from the GUI); :func:`active_catalog` is the built-in catalog
merged with every user catalog added, so the palette, the rules and the suggestions see the
user's components too. Reading a user file never half-applies it: a broken file raises
:class:`CatalogError` naming the file and the field (or the JSON line) and changes nothing.

The modules, one concern each (import from this package, not from them):

* :mod:`.types` -- the dataclasses (:class:`Layer`, :class:`Component`, ...) and
  :class:`CatalogError`;
* :mod:`.catalog` -- the :class:`Catalog` with its lookups, merging and palette sections;
* :mod:`.reader` -- parsing and checking a catalog document, with messages naming the file,
  line and field;
* :mod:`.registry` -- the built-in catalog and the user catalogs added to it;
* :mod:`.elements` -- :func:`element_from_component` and :func:`suggested_relationship`.

Pure Python (DESIGN.md "The layers"): no Qt here.
"""

from __future__ import annotations

from .catalog import Catalog, PaletteEntry, PaletteSection
from .elements import (
    PROP_CODE,
    PROP_INFERRED,
    PROP_OWNER,
    PROP_REFERENCE_MODEL,
    PROP_SCOPE,
    PROP_SOURCE,
    element_from_component,
    rename_element_command,
    suggested_relationship,
)
from .reader import CATALOG_FORMAT, CATALOG_FORMAT_VERSION, parse_catalog
from .registry import (
    active_catalog,
    add_user_catalog,
    clear_user_catalogs,
    load_builtin_catalog,
    load_catalog_file,
    user_catalog_paths,
)
from .types import (
    LAYER_KINDS,
    REFERENCE_MODELS,
    SEVERITIES,
    CatalogError,
    Component,
    FrameworkEdition,
    FrameworkRule,
    Layer,
    TypicalRelationship,
)

__all__ = [
    "CATALOG_FORMAT",
    "CATALOG_FORMAT_VERSION",
    "LAYER_KINDS",
    "PROP_CODE",
    "PROP_INFERRED",
    "PROP_OWNER",
    "PROP_REFERENCE_MODEL",
    "PROP_SCOPE",
    "PROP_SOURCE",
    "REFERENCE_MODELS",
    "SEVERITIES",
    "Catalog",
    "CatalogError",
    "Component",
    "FrameworkEdition",
    "FrameworkRule",
    "Layer",
    "PaletteEntry",
    "PaletteSection",
    "TypicalRelationship",
    "active_catalog",
    "add_user_catalog",
    "clear_user_catalogs",
    "element_from_component",
    "rename_element_command",
    "load_builtin_catalog",
    "load_catalog_file",
    "parse_catalog",
    "suggested_relationship",
    "user_catalog_paths",
]
