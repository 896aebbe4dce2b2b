"""The exchange file's model-level parts, as text: the ``<model>`` root with its
namespaces, the model's name, documentation, properties and Dublin Core ``<metadata>``,
and the ``<propertyDefinitions>`` every property written refers to.

Why metadata is split: only the bare Dublin Core names (``title``, ``creator``...) are
Dublin Core; any other key (``dc:title``, a dossier field) travels as an
``egov:metadata.`` model property so that it comes back under the same key. The
definitions are written as the imported file had them (ids, names per language) so a
file read and written again keeps them.
"""

from __future__ import annotations

import logging

from ..model.model import Model
from . import oef_file_facts as facts
from .oef_vocabulary import (
    DATA_TYPES,
    DC_ELEMENTS,
    DC_NS,
    DC_SCHEMA,
    DC_SCHEMA_VERSION,
    NS,
    PROP_METADATA_PREFIX,
    SCHEMA_LOCATION,
    XSI_NS,
)
from .oef_write_common import TextWriter
from .oef_xml_text import attribute

log = logging.getLogger(__name__)

#: The XML declaration as lxml writes it.
DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"


def root_opening(w: TextWriter) -> str:
    """The ``<model>`` opening line (namespaces, schema location, id, version)."""
    opening = (f'<model xmlns="{NS}" xmlns:xsi="{XSI_NS}" xmlns:dc="{DC_NS}" '
               f'xsi:schemaLocation="{SCHEMA_LOCATION}" '
               f'identifier="{attribute(w.model.id)}"')
    version = facts.text_fact(w.model, facts.META_VERSION)
    if version is not None:
        opening += f' version="{attribute(w.clean(version))}"'
    return f"{opening}>\n"


def dc_key(key: str) -> str | None:
    """The Dublin Core element a metadata key names, if any (only the bare names)."""
    return key if key in DC_ELEMENTS else None


def model_properties(model: Model) -> list[tuple[str, str]]:
    """The model's properties, then its metadata that is not Dublin Core."""
    props = list(model.properties)
    props += [(PROP_METADATA_PREFIX + k, v) for k, v in model.metadata.items()
              if dc_key(k) is None and not facts.is_fact_key(k)]
    return props


def metadata_lines(w: TextWriter, out: list[str]) -> None:
    """``<metadata>``: its schema (the imported file's own, or Dublin Core when there is
    any) and the Dublin Core elements; nothing when there are none."""
    metadata = w.model.metadata
    items = [(k, v) for k, v in metadata.items() if dc_key(k) is not None]
    schema = (DC_SCHEMA, DC_SCHEMA_VERSION) if items else ("", "")
    if facts.META_SCHEMA in metadata:  # the imported file's own (or none)
        schema = (facts.text_fact(w.model, facts.META_SCHEMA) or "",
                  facts.text_fact(w.model, facts.META_SCHEMA_VERSION) or "")
    if not items and not any(schema):
        return
    content = w.content
    out.append("  <metadata>\n")
    if schema[0]:
        out.append(f"    <schema>{content(schema[0])}</schema>\n")
    if schema[1]:
        out.append(f"    <schemaversion>{content(schema[1])}</schemaversion>\n")
    for key, value in items:
        out.append(f"    <dc:{key}>{content(value)}</dc:{key}>\n")
    out.append("  </metadata>\n")


def property_definition_lines(w: TextWriter, out: list[str]) -> None:
    """``<propertyDefinitions>``: every property key met (and every declared type, used
    or not), Archi's specialization first; nothing when there are none."""
    model = w.model
    for key in model.property_types:  # declared types even when unused
        w.prop_id(key)
    if not w.prop_ids and not w.specialized:
        return
    content = w.content
    out.append("  <propertyDefinitions>\n")
    if w.specialized and w.specialization_id is not None:  # as Archi writes it
        out.append(f'    <propertyDefinition identifier="{attribute(w.specialization_id)}" '
                   f'type="string">\n      <name>{content(facts.SPECIALIZATION_NAME)}</name>\n'
                   "    </propertyDefinition>\n")
    for key, prop_id in w.prop_ids.items():
        kind = model.property_types.get(key, "string")
        if kind not in DATA_TYPES:
            log.warning("property %s has type %s, written as string", key, kind)
            kind = "string"
        out.append(f'    <propertyDefinition identifier="{attribute(prop_id)}" '
                   f'type="{kind}">\n')
        found = w.file_definitions.get(key)
        if found is not None and found.identifier == prop_id:  # as the file wrote it
            lang = f' xml:lang="{attribute(found.lang)}"' if found.lang else ""
            out.append(f"      <name{lang}>{content(key)}</name>\n")
            for language in sorted(found.names):
                out.append(f'      <name xml:lang="{attribute(language)}">'
                           f"{content(found.names[language])}</name>\n")
        else:
            out.append(f"      <name>{content(key)}</name>\n")
        out.append("    </propertyDefinition>\n")
    out.append("  </propertyDefinitions>\n")
