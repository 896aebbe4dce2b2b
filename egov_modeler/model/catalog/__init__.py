"""The framework catalog: layers, reference-model components, typical relationships, rules.

The catalog is data: one file per framework *profile* in ``resources/framework/``
(``vn-egov-2.0.json``, the e-Government Architecture Framework 2.0; ``vn-digital-2025.json``,
the national digital architecture framework of 2025), format in ``docs/catalog-format.md``
and ``docs/profile-format.md``. A model records its profile (:func:`catalog_for` answers
with that profile's catalog). This package reads them into frozen dataclasses and answers the
questions the rest of the program asks: the palette sections in order (the canvas builds its
palette from :meth:`Catalog.sections`), the element to create when a component is dropped
(:func:`element_from_component`), the relationship type the framework suggests for a pair
(:func:`suggested_relationship`) and the rules the framework checker runs.

A province or ministry can add its own components with a *user catalog* of the same format
(``--catalog FILE``), or a whole profile (``--profile FILE``: an official annex typed in, a
province's own framework); :func:`active_catalog` is the active profile merged with the user
catalogs for it, so the palette, the rules and the suggestions see the user's components
too. Reading a user file never half-applies it: a broken file raises :class:`CatalogError`
naming the file and the field (or the JSON line) and changes nothing.

The modules, one concern each (import from this package, not from them):

* :mod:`.types` -- the dataclasses (:class:`Layer`, :class:`Component`, ...) and
  :class:`CatalogError`;
* :mod:`.catalog` -- the :class:`Catalog` with its lookups, merging and palette sections;
* :mod:`.reader` -- parsing and checking a catalog document, with messages naming the file,
  line and field;
* :mod:`.profile`, :mod:`.profile_reader` -- the profile sections (metadata, scope levels,
  terminology, inventory fields, ``mapping_from``) and their reader;
* :mod:`.registry` -- the built-in profiles, the user's profiles and catalogs;
* :mod:`.model_profile` -- which profile a model names, its catalog and its date;
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
from .model_profile import (
    ARCHITECTURE_DATE_KEY,
    PROFILE_KEY,
    PROFILE_VERSION_KEY,
    catalog_for,
    model_date,
    parse_model_date,
    profile_id_of,
    profile_properties,
    profile_version_of,
)
from .profile import (
    ComponentMap,
    Decision,
    InventoryField,
    LayerMap,
    NameRule,
    Profile,
    ProfileData,
    ProfileMapping,
    Rename,
    Retiring,
    ScopeLevel,
    Term,
)
from .reader import CATALOG_FORMAT, CATALOG_FORMAT_VERSION, parse_catalog
from .registry import (
    BUILTIN_PROFILES,
    CURRENT_PROFILE,
    LEGACY_PROFILE,
    UnknownProfileError,
    active_catalog,
    active_profile_id,
    add_user_catalog,
    add_user_profile,
    base_profile,
    canonical_profile_id,
    clear_user_catalogs,
    load_builtin_catalog,
    load_builtin_profile,
    load_catalog_file,
    load_profile_file,
    profile_catalog,
    profile_ids,
    set_active_profile,
    user_catalog_paths,
    user_profile_paths,
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
    "ARCHITECTURE_DATE_KEY",
    "BUILTIN_PROFILES",
    "CATALOG_FORMAT",
    "CATALOG_FORMAT_VERSION",
    "CURRENT_PROFILE",
    "LAYER_KINDS",
    "LEGACY_PROFILE",
    "PROP_CODE",
    "PROP_INFERRED",
    "PROP_OWNER",
    "PROP_REFERENCE_MODEL",
    "PROP_SCOPE",
    "PROP_SOURCE",
    "PROFILE_KEY",
    "PROFILE_VERSION_KEY",
    "REFERENCE_MODELS",
    "SEVERITIES",
    "Catalog",
    "CatalogError",
    "Component",
    "ComponentMap",
    "Decision",
    "FrameworkEdition",
    "FrameworkRule",
    "InventoryField",
    "Layer",
    "LayerMap",
    "NameRule",
    "PaletteEntry",
    "PaletteSection",
    "Profile",
    "ProfileData",
    "ProfileMapping",
    "Rename",
    "Retiring",
    "ScopeLevel",
    "Term",
    "TypicalRelationship",
    "UnknownProfileError",
    "active_catalog",
    "active_profile_id",
    "add_user_catalog",
    "add_user_profile",
    "base_profile",
    "canonical_profile_id",
    "catalog_for",
    "clear_user_catalogs",
    "element_from_component",
    "rename_element_command",
    "load_builtin_catalog",
    "load_builtin_profile",
    "load_catalog_file",
    "load_profile_file",
    "model_date",
    "parse_catalog",
    "parse_model_date",
    "profile_catalog",
    "profile_id_of",
    "profile_ids",
    "profile_properties",
    "profile_version_of",
    "set_active_profile",
    "suggested_relationship",
    "user_catalog_paths",
    "user_profile_paths",
]
