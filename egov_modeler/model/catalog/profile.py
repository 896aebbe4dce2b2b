"""What makes a catalog a *framework profile*: its metadata, scope levels, terminology,
inventory fields and the mapping from the profile it succeeds.

A profile is one framework (the e-Government Architecture Framework 2.0 of 2019, the national
digital architecture framework of 2025, a province's own framework typed in from its annex):
a catalog file with a ``profile`` block and the optional sections described in
``docs/profile-format.md``. These frozen dataclasses hold what the reader checked; the
:class:`~.catalog.Catalog` carries them beside its layers, components and rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .types import pick_text

#: Values of :attr:`Profile.status`.
PROFILE_STATUSES = ("current", "superseded", "draft")
#: Values of :attr:`Decision.role`.
DECISION_ROLES = ("framework", "data_framework", "guidance", "rule_basis")
#: Values of :attr:`Profile.overview_order`.
OVERVIEW_ORDERS = ("top_down", "bottom_up")
#: Why a component of the older profile has no successor (``mapping_from``).
NO_SUCCESSOR_REASONS = ("district_level", "no_successor", "repealed")
#: Types of an inventory field.
FIELD_TYPES = ("text", "choice", "integer", "date", "money", "reference")


@dataclass(frozen=True)
class Decision:
    """A legal instrument the profile implements (or that replaced it)."""

    number: str
    date: dt.date | None
    title_vi: str = ""
    issuer_vi: str = ""
    role: str = "framework"
    sources: tuple[str, ...] = ()
    inferred: bool = False
    note: str = ""


@dataclass(frozen=True)
class Retiring:
    """Which elements are on their way out: an element whose ``property`` holds one of
    ``values`` (a system being merged or retired) is not held to the model-wide rules."""

    property: str
    values: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Profile:
    """The ``profile`` block: which framework this is, its status and its dates."""

    id: str
    version: str
    title_vi: str
    title_en: str
    status: str = "current"
    framework_version: str | None = None
    short_title_vi: str = ""
    short_title_en: str = ""
    status_note_vi: str = ""
    status_note_en: str = ""
    decisions: tuple[Decision, ...] = ()
    superseded_by_decisions: tuple[Decision, ...] = ()
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    succeeds: str | None = None
    superseded_by: str | None = None
    extends: str | None = None
    overview_order: str = "top_down"
    default_template: str | None = None
    templates: tuple[str, ...] = ()
    model_date_properties: tuple[str, ...] = ("architecture_date", "dossier:date")
    retiring: Retiring | None = None
    sources: tuple[str, ...] = ()
    note: str = ""

    def title(self, language: str | None = None) -> str:
        return pick_text(language, self.title_vi, self.title_en)

    def short_title(self, language: str | None = None) -> str:
        """The short name for menus and the status bar (the title when there is none)."""
        return (pick_text(language, self.short_title_vi, self.short_title_en)
                or self.title(language))

    def status_note(self, language: str | None = None) -> str:
        return pick_text(language, self.status_note_vi, self.status_note_en)


@dataclass(frozen=True)
class ScopeLevel:
    """One level of the administration a component belongs to (quốc gia, bộ, tỉnh, xã)."""

    id: str
    value: str
    name_vi: str
    name_en: str
    order: int
    aliases: tuple[str, ...] = ()
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    selectable: bool = True
    sources: tuple[str, ...] = ()
    inferred: bool = False
    note: str = ""

    def name(self, language: str | None = None) -> str:
        return pick_text(language, self.name_vi, self.name_en)


@dataclass(frozen=True)
class Term:
    """How one ArchiMate concept is named: English, Vietnamese and an optional hint."""

    en: str
    vi: str
    tooltip_vi: str = ""
    changed_from: str = ""
    reason: str = ""


@dataclass(frozen=True)
class InventoryField:
    """A column of the system inventory, stored as an element or relationship property."""

    id: str
    property: str
    label_vi: str
    label_en: str
    type: str
    applies_to: tuple[str, ...]
    choices: tuple[tuple[str, str, str], ...] = ()  # (id, vi, en)
    options: Mapping[str, object] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    inferred: bool = False
    note: str = ""

    def label(self, language: str | None = None) -> str:
        return pick_text(language, self.label_vi, self.label_en)


@dataclass(frozen=True)
class NameRule:
    """A ``by_name`` rule of the mapping, tried on an element's Vietnamese name."""

    pattern: re.Pattern[str]
    to: str | None
    rename: str | None = None
    reason: str | None = None
    reason_vi: str = ""


@dataclass(frozen=True)
class ComponentMap:
    """Where one component of the older profile goes (``to`` is ``None``: nowhere)."""

    to: str | None
    by_name: tuple[NameRule, ...] = ()
    reason: str | None = None
    reason_vi: str = ""
    note: str = ""


@dataclass(frozen=True)
class LayerMap:
    """Where one layer of the older profile goes; ``by_type`` splits it by ArchiMate type."""

    to: str | None
    by_type: Mapping[str, str] = field(default_factory=dict)
    reason: str | None = None
    reason_vi: str = ""
    note: str = ""


@dataclass(frozen=True)
class Rename:
    """An agency or administrative unit renamed or merged, from ``effective`` on."""

    to: str
    effective: dt.date | None = None
    sources: tuple[str, ...] = ()
    inferred: bool = False
    note: str = ""


@dataclass(frozen=True)
class ProfileMapping:
    """``mapping_from``: how a model of the older profile becomes one of this profile."""

    profile: str
    components: Mapping[str, ComponentMap]
    layers: Mapping[str, LayerMap]
    agencies: Mapping[str, Rename] = field(default_factory=dict)
    administrative_units: Mapping[str, Rename] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class ProfileData:
    """Everything beyond layers, components, relationships and rules that a profile file
    may carry (all empty for a plain user catalog)."""

    profile: Profile | None = None
    scope_levels: tuple[ScopeLevel, ...] = ()
    terminology: Mapping[str, Mapping[str, Term]] = field(default_factory=dict)
    inventory_fields: tuple[InventoryField, ...] = ()
    #: ``inventory_fields.element_groups``: group name -> the ArchiMate types in it.
    inventory_groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    mapping_from: ProfileMapping | None = None
    for_profiles: tuple[str, ...] = ()
