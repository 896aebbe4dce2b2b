"""What an exchange file says that the model has no field for, kept so that export gives it
back: that its texts carried no language at all, the model's ``version`` attribute, the
property definitions whose identifier or
name carries meaning (Archi recognises a specialization only by the definition identifier
``specialization``; a name may carry an ``xml:lang`` or names in other languages), the
references filed directly under ``<organizations>``, and a metadata schema other than
Dublin Core. A model made in this program, or a file this program wrote, has none of them.

Why in ``model.metadata``: these facts must survive a save to ``.egov`` and a load, and
the native file already carries the metadata dictionary; they are exchange-format details
that no other part of the program shows or edits. They live under reserved keys starting
with ``exchange:`` (:data:`FACT_KEYS`), which the writer turns back into XML instead of
writing them as properties. The values are plain strings, JSON where a list is needed;
a value that cannot be read (a hand-edited or damaged file) is ignored with a log line:
export then falls back to what it would write for a model made in this program.

The reader (:mod:`.oef_reader`) and the writer (:mod:`.oef_writer`) both use this module;
they never import each other.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from ..model import safe_json
from ..model.ids import is_valid_id
from ..model.model import Model

log = logging.getLogger(__name__)

#: The model's ``version`` attribute (any text).
META_VERSION = "exchange:version"
#: "true" when the file named no language: its texts are written back without
#: ``xml:lang`` (the model itself gets the program's default language, as every model
#: has one).
META_UNTAGGED = "exchange:texts-without-language"
#: JSON list of the file's property definitions: ``{"key", "id", "lang"?, "names"?}``.
META_PROPERTY_DEFINITIONS = "exchange:property-definitions"
#: JSON list of ``[position, id]``: references directly under ``<organizations>``.
META_TOP_LEVEL_REFS = "exchange:top-level-refs"
#: The ``<schema>`` and ``<schemaversion>`` of ``<metadata>`` when not Dublin Core 1.1.
META_SCHEMA = "exchange:metadata-schema"
META_SCHEMA_VERSION = "exchange:metadata-schemaversion"
FACT_PREFIX = "exchange:"
FACT_KEYS = (META_VERSION, META_UNTAGGED, META_PROPERTY_DEFINITIONS, META_TOP_LEVEL_REFS,
             META_SCHEMA, META_SCHEMA_VERSION)

#: Archi writes a concept's specialization (profile) as a property whose definition has
#: this identifier and name (XMLModelExporter.writeProperties), and reads it back only by
#: the identifier (XMLModelImporter.addProperties).
SPECIALIZATION_ID = "specialization"
SPECIALIZATION_NAME = "Specialization"


@dataclass
class PropertyDefinition:
    """One ``<propertyDefinition>`` as the file wrote it: the property key it stands for
    in the model, its identifier, the ``xml:lang`` of that name (``None``: the file gave
    none) and its names in other languages."""

    key: str
    identifier: str
    lang: str | None = None
    names: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "id": self.identifier}
        if self.lang:
            out["lang"] = self.lang
        if self.names:
            out["names"] = dict(sorted(self.names.items()))
        return out


def is_fact_key(key: str) -> bool:
    """True for a metadata key this module owns (never written as a property)."""
    return key.startswith(FACT_PREFIX)


# ------------------------------------------------------------------ storing (the reader)
def store_definitions(model: Model, definitions: list[PropertyDefinition]) -> None:
    if definitions:
        model.metadata[META_PROPERTY_DEFINITIONS] = json.dumps(
            [d.to_json() for d in definitions], ensure_ascii=False, separators=(",", ":"))


def store_top_level_refs(model: Model, refs: list[tuple[int, str]]) -> None:
    if refs:
        model.metadata[META_TOP_LEVEL_REFS] = json.dumps(
            [[position, ref] for position, ref in refs], separators=(",", ":"))


# ------------------------------------------------------------------ reading (the writer)
def _json(model: Model, key: str) -> Any:
    text = model.metadata.get(key)
    if not isinstance(text, str) or not text:
        return None
    try:
        return safe_json.loads(text)
    except ValueError:
        log.warning("model metadata %s is not readable JSON; ignored", key)
        return None


def definitions(model: Model) -> list[PropertyDefinition]:
    """The stored property definitions, the unreadable or invalid ones left out."""
    raw = _json(model, META_PROPERTY_DEFINITIONS)
    if not isinstance(raw, list):
        return []
    out = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        key, identifier = item.get("key"), item.get("id")
        lang, names = item.get("lang"), item.get("names") or {}
        if not (isinstance(key, str) and isinstance(identifier, str)
                and is_valid_id(identifier)):
            continue
        if not isinstance(lang, str | None) or not isinstance(names, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in names.items()):
            continue
        out.append(PropertyDefinition(key, identifier, lang or None, dict(names)))
    return out


def top_level_refs(model: Model) -> list[tuple[int, str]]:
    """The stored ``(position, id)`` of references directly under ``<organizations>``."""
    raw = _json(model, META_TOP_LEVEL_REFS)
    if not isinstance(raw, list):
        return []
    return [(item[0], item[1]) for item in raw
            if isinstance(item, list) and len(item) == 2 and type(item[0]) is int
            and isinstance(item[1], str)]


def text_fact(model: Model, key: str) -> str | None:
    """A stored plain-text fact (version, metadata schema), ``None`` when absent."""
    value = model.metadata.get(key)
    return value if isinstance(value, str) and value else None
