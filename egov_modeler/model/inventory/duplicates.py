"""Duplicates after a merger: two systems of the same kind and function inherited from
different former administrative units (two LGSPs, two one-stop systems, two data centres
of the provinces merged on 1/7/2025), each of which needs a handling option.

"Same function" is read from the model: the same catalog component (an LGSP of each former
province both come from ``l2_ldop_tinh``), else the same name once the former unit's name
and "(cũ)" are taken out ("LGSP Bình Định (cũ)" and "LGSP Gia Lai (cũ)" are both "lgsp").
"""

from __future__ import annotations

import re

from ..concepts import Element
from .rows import Inventory
from .schema import fold

_OLD = re.compile(r"\(\s*cũ\s*\)|\bcũ\b", re.IGNORECASE)
_UNIT_WORDS = re.compile(r"^(tỉnh|thành phố|tp\.?|huyện|xã|phường)\s+", re.IGNORECASE)


def function_key(element: Element, former_unit: str) -> str:
    """What an element does, without where it came from: its catalog component, else its
    folded name without the former unit's name and "(cũ)"."""
    if element.catalog_ref:
        return "component:" + element.catalog_ref
    name = fold(element.name)
    unit = fold(former_unit)
    for variant in {unit, _UNIT_WORDS.sub("", unit)}:
        if variant:
            name = name.replace(variant, " ")
    name = _OLD.sub(" ", name)
    name = re.sub(r"\b(tỉnh|thành phố)\s*(?=$|[,()])", " ", name)
    return "name:" + " ".join(re.sub(r"[()\-,]", " ", name).split())


def duplicate_groups(inventory: Inventory) -> list[list[Element]]:
    """Groups of objects of the same kind and function from two or more different former
    administrative units, in model order."""
    schema = inventory.schema
    unit_field = schema.field("former_admin_unit")
    kind_field = schema.field("object_kind")
    if unit_field is None:
        return []
    groups: dict[tuple[str, str], list[Element]] = {}
    for element in inventory.objects():
        unit = inventory.value(element, unit_field) or ""
        if not unit.strip():
            continue
        kind = (inventory.value(element, kind_field) if kind_field else None) or element.type
        groups.setdefault((kind, function_key(element, unit)), []).append(element)
    return [members for members in groups.values()
            if len({fold(inventory.value(m, unit_field) or "") for m in members}) >= 2]


def duplicate_ids(inventory: Inventory) -> set[str]:
    """The ids of every object in some :func:`duplicate_groups` group."""
    return {e.id for group in duplicate_groups(inventory) for e in group}
