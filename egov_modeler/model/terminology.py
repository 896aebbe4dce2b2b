"""ArchiMate type names as the user reads them: the Vietnamese term with the English
ArchiMate name beside it, and the hint the terminology gives.

No official Vietnamese ArchiMate glossary exists (research §4), so wherever a Vietnamese type
label is shown (palette tooltips, the Properties panel, the PDF legend) the English ArchiMate
name stands beside it: "Tạo tác (Artifact)". The Vietnamese terms are those of
:mod:`.metamodel` (held equal to the 2025 profile's ``terminology`` section by a test); the
hints ("plateau: hiện trạng, chuyển tiếp, mục tiêu") come from a profile's terminology.
"""

from __future__ import annotations

from typing import Any

from .metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES


def english_name(type_name: str) -> str:
    """The ArchiMate (English) name of an element or relationship type, else the name."""
    known: Any = ELEMENT_TYPES.get(type_name) or RELATIONSHIP_TYPES.get(type_name)
    return known.label_en if known is not None else type_name


def vietnamese_name(type_name: str) -> str:
    """The Vietnamese term of an element or relationship type, else the name."""
    known: Any = ELEMENT_TYPES.get(type_name) or RELATIONSHIP_TYPES.get(type_name)
    return known.label_vi if known is not None else type_name


def bilingual_type_label(type_name: str, language: str = "vi") -> str:
    """``"Tạo tác (Artifact)"`` in Vietnamese, ``"Artifact"`` in English."""
    english = english_name(type_name)
    if language == "en":
        return english
    vietnamese = vietnamese_name(type_name)
    return vietnamese if vietnamese == english else f"{vietnamese} ({english})"


def type_hint(type_name: str, catalog: Any = None) -> str:
    """The terminology's hint for a type (``tooltip_vi``), from ``catalog``'s profile or
    else the built-in current profile; empty when there is none."""
    if catalog is None or not catalog.terminology:
        try:
            from .catalog import CURRENT_PROFILE, load_builtin_profile

            catalog = load_builtin_profile(CURRENT_PROFILE)
        except Exception:  # a hint is a nicety: never fail a tooltip for it
            return ""
    for section in ("element_types", "relationship_types"):
        term = catalog.terminology.get(section, {}).get(type_name)
        if term is not None and term.tooltip_vi:
            return str(term.tooltip_vi)
    return ""
