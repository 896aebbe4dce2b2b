"""The inventory's columns: the typed fields a framework profile defines, with their choices,
how a typed value is checked and stored, and how a stored value is shown.

Why here and not in the tables or the workbook: the inventory is not a second model. Its
rows are the model's elements and relationships and its columns are properties the profile
names (``inventory_fields`` in ``docs/profile-format.md``); the Properties panel, the
inventory tables, the Excel workbook and the dossier all read and write them through this
one module, so a value accepted in one is accepted in all and shown the same everywhere.

Stored forms (the property's text): a choice stores its Vietnamese label (``"Hợp nhất, tổ
chức lại"``; its id and English label are accepted on input), a scope level its value
(``"tỉnh"``), several choices are joined by ``"; "``, an integer or an amount of money its
digits, a date its ISO form (``2026-03-31``), text and references as typed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ...i18n import tr
from ..catalog.catalog import Catalog
from ..catalog.model_profile import parse_model_date
from ..catalog.profile import InventoryField
from ..catalog.types import pick_text
from ..errors import ModelError

#: The element groups of an inventory: objects (systems, databases, platforms, services,
#: infrastructure), work (tasks: work packages and deliverables), connections.
OBJECTS = "objects"
WORK = "work"
CONNECTIONS = "connections"
#: The groups when a profile defines none (the 2.0 profile): the 2025 profile's.
DEFAULT_GROUPS: dict[str, tuple[str, ...]] = {
    OBJECTS: ("ApplicationComponent", "ApplicationInterface", "ApplicationService",
              "DataObject", "Node", "Device", "SystemSoftware", "CommunicationNetwork",
              "TechnologyService", "Facility", "BusinessService", "BusinessInterface"),
    WORK: ("WorkPackage", "Deliverable"),
    CONNECTIONS: ("Flow", "Serving", "Access", "Triggering"),
}
#: Separator of several choices in one property.
MULTI_SEPARATOR = "; "
_QUARTER = re.compile(r"^(Quý (I|II|III|IV)/)?[0-9]{4}$")


class FieldValueError(ModelError):
    """A value a field does not accept; the message says what it accepts."""


def fold(text: str) -> str:
    """``text`` for comparing: NFC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True)
class Choice:
    """One value of a choice field: its id, Vietnamese (stored) and English labels, and
    other spellings accepted on input."""

    id: str
    vi: str
    en: str
    aliases: tuple[str, ...] = ()

    def label(self, language: str | None = None) -> str:
        return pick_text(language, self.vi, self.en)


@dataclass(frozen=True)
class FieldSpec:
    """One inventory column, resolved against its profile: the ArchiMate types it applies
    to and its choices (also those taken from the scope levels or the components)."""

    field: InventoryField
    types: frozenset[str]
    choices: tuple[Choice, ...] = ()
    _lookup: dict[str, Choice] = dataclasses.field(default_factory=dict, compare=False,
                                                   repr=False)

    @property
    def id(self) -> str:
        return self.field.id

    @property
    def type(self) -> str:
        return self.field.type

    @property
    def multiple(self) -> bool:
        return bool(self.field.options.get("multiple"))

    @property
    def multiline(self) -> bool:
        return bool(self.field.options.get("multiline"))

    @property
    def pattern(self) -> str | None:
        value = self.field.options.get("pattern")
        return value if isinstance(value, str) else None

    def option(self, key: str, default: Any = None) -> Any:
        return self.field.options.get(key, default)

    def label(self, language: str | None = None) -> str:
        return self.field.label(language)

    def applies(self, concept_type: str) -> bool:
        return concept_type in self.types

    # ------------------------------------------------------------------ input
    def choice(self, text: str) -> Choice | None:
        """The choice ``text`` names (its id, either label or an alias), or ``None``."""
        return self._lookup.get(fold(text))

    def parse(self, raw: Any) -> str | None:
        """The stored form of ``raw`` (text typed in a cell, or a number or date read from
        a workbook); ``None`` for an empty value. Raises :class:`FieldValueError`."""
        if raw is None:
            return None
        if isinstance(raw, str):
            raw = raw.strip()
            if not raw:
                return None
        kind = self.type
        if kind == "choice":
            return self._parse_choice(str(raw))
        if kind == "integer":
            return str(self._parse_integer(raw))
        if kind == "money":
            return str(parse_money(raw, self.label()))
        if kind == "date":
            return parse_date(raw, self.label()).isoformat()
        text = _plain(raw)
        if self.pattern and not re.fullmatch(self.pattern, text):
            example = "Quý IV/2026" if self.pattern == _QUARTER.pattern else self.pattern
            raise FieldValueError(tr("‘{value}’ is not a valid {field} (e.g. {example})",
                                     value=text, field=self.label(), example=example))
        return text

    def _parse_choice(self, text: str) -> str:
        parts = [p.strip() for p in re.split(r"[;\n]", text)] if self.multiple else [text]
        stored = []
        for part in (p for p in parts if p):
            found = self.choice(part)
            if found is None:
                raise FieldValueError(tr(
                    "‘{value}’ is not a choice of {field}; choose one of: {choices}",
                    value=part, field=self.label(),
                    choices="; ".join(c.label() for c in self.choices)))
            if found.vi not in stored:
                stored.append(found.vi)
        return MULTI_SEPARATOR.join(stored) if stored else ""

    def _parse_integer(self, raw: Any) -> int:
        number: int | None = None
        if isinstance(raw, bool):
            number = None
        elif isinstance(raw, int):
            number = raw
        elif isinstance(raw, float) and raw.is_integer():
            number = int(raw)
        elif isinstance(raw, str) and re.fullmatch(r"[+-]?\d+", raw.strip()):
            number = int(raw.strip())
        if number is None:
            raise FieldValueError(tr("‘{value}’ is not a whole number ({field})",
                                     value=_plain(raw), field=self.label()))
        low, high = self.option("min"), self.option("max")
        if (isinstance(low, int) and number < low) or (isinstance(high, int) and number > high):
            raise FieldValueError(tr("{field} must be between {low} and {high}, not {value}",
                                     field=self.label(), low=low, high=high, value=number))
        return number

    # ------------------------------------------------------------------ output
    def display(self, stored: str | None, language: str | None = None) -> str:
        """``stored`` as shown in ``language``: a choice by its label in that language,
        anything else as stored."""
        if not stored:
            return ""
        if self.type != "choice":
            return stored
        parts = stored.split(MULTI_SEPARATOR.strip()) if self.multiple else [stored]
        shown = []
        for part in (p.strip() for p in parts):
            found = self.choice(part)
            shown.append(found.label(language) if found else part)
        return MULTI_SEPARATOR.join(shown)

    def cell_value(self, stored: str | None, language: str | None = None) -> Any:
        """``stored`` as a spreadsheet cell: numbers as numbers, dates as dates, choices
        by their label in ``language``; ``None`` when empty."""
        if not stored:
            return None
        try:
            if self.type in ("integer", "money") and re.fullmatch(r"-?\d+", stored):
                return int(stored)
            if self.type == "date":
                return dt.date.fromisoformat(stored)
        except ValueError:
            pass
        return self.display(stored, language)


    # Last in the class: below this line "property" names the field's property key.
    @property
    def property(self) -> str:
        """The element or relationship property that holds the field."""
        return self.field.property


def _plain(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw).strip()


def parse_money(raw: Any, label: str = "") -> int:
    """An amount in đồng from a cell: a number, or text with dots, commas or spaces as
    thousands separators (``1.500.000.000``, ``1,500,000,000``); never negative."""
    if isinstance(raw, bool):
        raw = str(raw)
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, float) and raw.is_integer():
        value = int(raw)
    else:
        text = re.sub(r"\s|đồng|VNĐ|VND|đ", "", str(raw), flags=re.IGNORECASE)
        if not re.fullmatch(r"\d{1,3}([.,]\d{3})+|\d+", text):
            raise FieldValueError(tr("‘{value}’ is not an amount in đồng ({field})",
                                     value=_plain(raw), field=label))
        value = int(re.sub(r"[.,]", "", text))
    if value < 0:
        raise FieldValueError(tr("{field} cannot be negative", field=label))
    return value


def parse_date(raw: Any, label: str = "") -> dt.date:
    """A date from a cell: a date, or ``2026-03-31``, ``31/03/2026`` or ``31-03-2026``."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = str(raw).strip()
    found = parse_model_date(text)
    if found is not None:
        return found
    raise FieldValueError(tr("‘{value}’ is not a date (e.g. 31/12/2026) ({field})",
                             value=text, field=label))


class InventorySchema:
    """The inventory fields of one profile, resolved: what applies to which type.

    ``catalog`` is the model's (:func:`~egov_modeler.model.catalog.catalog_for`); a
    profile without ``inventory_fields`` gives a schema with the groups but no fields.
    """

    def __init__(self, catalog: Catalog | None) -> None:
        self.catalog = catalog
        data = catalog.data if catalog is not None else None
        groups = dict(data.inventory_groups) if data and data.inventory_groups else {}
        self.groups: dict[str, tuple[str, ...]] = {**DEFAULT_GROUPS, **groups}
        self.fields: tuple[FieldSpec, ...] = tuple(
            self._resolve(f) for f in (data.inventory_fields if data else ()))
        self._by_property = {f.property: f for f in self.fields}
        self._by_id = {f.id: f for f in self.fields}

    def _resolve(self, inventory_field: InventoryField) -> FieldSpec:
        types: set[str] = set()
        for name in inventory_field.applies_to:
            types.update(self.groups.get(name, (name,)))
        choices = tuple(Choice(i, vi, en) for i, vi, en in inventory_field.choices)
        source = inventory_field.options.get("choices_from")
        if source == "scope_levels" and self.catalog is not None:
            only = bool(inventory_field.options.get("selectable_only"))
            choices = tuple(Choice(level.id, level.value, level.name_en,
                                   (level.name_vi, *level.aliases))
                            for level in self.catalog.scope_levels
                            if level.selectable or not only)
        parent = inventory_field.options.get("choices_from_components")
        if isinstance(parent, str) and self.catalog is not None:
            choices = tuple(Choice(c.id, c.name_vi, c.name_en)
                            for c in self.catalog.children(parent))
        lookup: dict[str, Choice] = {}
        for choice in choices:
            for spelling in (choice.vi, choice.id, choice.en, *choice.aliases):
                lookup.setdefault(fold(spelling), choice)
        return FieldSpec(inventory_field, frozenset(types), choices, lookup)

    # ------------------------------------------------------------------ lookups
    def field(self, field_id: str) -> FieldSpec | None:
        """The field with id ``field_id`` (``owner``, ``handling_option``...), if any."""
        return self._by_id.get(field_id)

    def by_property(self, key: str) -> FieldSpec | None:
        return self._by_property.get(key)

    def fields_for(self, concept_type: str) -> list[FieldSpec]:
        """The fields that apply to ``concept_type``, in the profile's order."""
        return [f for f in self.fields if f.applies(concept_type)]

    def common_fields(self, concept_types: Iterable[str]) -> list[FieldSpec]:
        """The fields that apply to every one of ``concept_types`` (several selected)."""
        kinds = set(concept_types)
        return [f for f in self.fields if kinds and all(f.applies(t) for t in kinds)]

    def group_fields(self, group: str) -> list[FieldSpec]:
        """The fields that apply to some type of ``group`` (the columns of its table)."""
        types = set(self.groups.get(group, ()))
        return [f for f in self.fields if f.types & types]

    def in_group(self, group: str, concept_type: str) -> bool:
        return concept_type in self.groups.get(group, ())


def property_value(properties: list[tuple[str, str]], key: str) -> str | None:
    """The value of property ``key`` (the first one), or ``None``."""
    for k, value in properties:
        if k == key:
            return value
    return None
