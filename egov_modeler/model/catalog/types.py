"""The catalog's vocabulary: layers, components, typical relationships, rules, errors.

Frozen dataclasses with no behaviour beyond naming themselves in the current language, so
every other catalog module (the :class:`~.catalog.Catalog`, the reader, the element factory)
and the framework checker can share them without importing each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ...i18n import current_language
from ..errors import ModelError

LAYER_KINDS = ("overview", "reference_model", "external")
#: ``KTDL``: the national data architecture framework (QĐ 2439/QĐ-TTg) of the 2025 profile.
REFERENCE_MODELS = ("overview", "BRM", "DRM", "ARM", "TRM", "SRM", "KTDL")
SEVERITIES = ("error", "warning")


class CatalogError(ModelError):
    """A catalog file that cannot be used; the message names the file and the field/line."""


def pick_text(language: str | None, vi: str, en: str) -> str:
    """``en`` when English is asked for and there is an English text, else ``vi``."""
    lang = language or current_language()
    return en if lang == "en" and en else vi


@dataclass(frozen=True)
class FrameworkEdition:
    """Which framework document a catalog describes, from its ``framework`` block.

    Shown in Help > About next to the catalog's title, so that a user sees which decision
    the palette and the rules follow and whether a later decision has replaced it (the
    architectures written under a replaced framework still use it).
    """

    version: str = ""
    decision: str = ""
    replaced_by: tuple[str, ...] = ()

    @property
    def superseded(self) -> bool:
        return bool(self.replaced_by)


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
        return pick_text(language, self.name_vi, self.name_en)


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
        return pick_text(language, self.name_vi, self.name_en)

    def description(self, language: str | None = None) -> str:
        """The one-line description in ``language`` (default: the current language)."""
        return pick_text(language, self.description_vi, self.description_en)


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
    #: The dates the rule applies between (``applies_until`` excluded); ``None``: open.
    #: A rule whose legal basis was repealed stops at the repeal (NĐ 47/2020 → NĐ 278/2025).
    applies_from: dt.date | None = None
    applies_until: dt.date | None = None

    def applies_on(self, day: dt.date) -> bool:
        """True when the rule judges a model dated ``day``."""
        return ((self.applies_from is None or day >= self.applies_from)
                and (self.applies_until is None or day < self.applies_until))

    def message(self, language: str | None = None, **fields: object) -> str:
        """The message in ``language`` with its ``{placeholders}`` filled."""
        text = pick_text(language, self.message_vi, self.message_en)
        try:
            return text.format(**fields) if fields else text
        except (KeyError, IndexError, ValueError):  # a user rule with a bad placeholder
            return text

