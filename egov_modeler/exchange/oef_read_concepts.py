"""Reading the model's concepts from an exchange file: property definitions, Dublin Core
metadata, elements and relationships. Unknown types are skipped with a line in the report
(and so is what depends on them); the ArchiMate rules are not applied (see
:mod:`.oef_reader`)."""

from __future__ import annotations

from lxml import etree

from ..i18n import tr
from ..model.concepts import Element, Relationship
from ..model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES
from ..model.model import Model
from .oef_read_common import ReadState, local_name
from .oef_vocabulary import (
    DC_NS,
    PROP_CATALOG_REF,
    PROP_LAYER,
    PROP_REFERENCE_MODEL,
    Q_ELEMENT,
    Q_NAME,
    Q_PROP,
    Q_PROPDEF,
    Q_REL,
    Q_SCHEMA,
    Q_SCHEMAVERSION,
    XSI_TYPE,
)


def read_propdefs(reader: ReadState, holder: etree._Element | None, model: Model) -> None:
    if holder is None:
        return
    definitions = []
    for definition in holder:
        if definition.tag != Q_PROPDEF:
            continue
        name, others = reader.lang_strings([c for c in definition if c.tag == Q_NAME])
        kind = definition.get("type", "string")
        reader.propdefs[definition.get("identifier", "")] = (name, kind)
        definitions.append((definition.get("identifier", ""), name, kind))
    used = {p.get("propertyDefinitionRef") for p in holder.getparent().iter(Q_PROP)}
    for identifier, name, kind in definitions:
        if name.startswith("egov:"):
            continue
        if kind != "string" or identifier not in used:
            model.property_types[name] = kind


def read_metadata(reader: ReadState, metadata: etree._Element, model: Model) -> None:
    for child in metadata:
        tag = child.tag
        if tag in (Q_SCHEMA, Q_SCHEMAVERSION):
            continue
        if isinstance(tag, str) and tag.startswith(f"{{{DC_NS}}}"):
            key = local_name(tag)
            text = child.text or ""
            if key in model.metadata and model.metadata[key] != text:
                model.metadata[key] = f"{model.metadata[key]}; {text}"
            else:
                model.metadata[key] = text
        else:
            reader.report.append(tr("Metadata <{tag}> (line {line}) was not imported",
                                    tag=local_name(tag), line=child.sourceline))


def read_elements(reader: ReadState, holder: etree._Element | None, model: Model) -> None:
    if holder is None:
        return
    put = model.load_element
    for el in holder:
        if el.tag != Q_ELEMENT:
            continue
        identifier = el.get("identifier")
        kind = el.get(XSI_TYPE, "")
        if kind not in ELEMENT_TYPES:
            reader.skipped.add(identifier)
            reader.report.append(tr(
                "Element {id} (line {line}) skipped: unknown element type {type}",
                id=identifier, line=el.sourceline, type=kind))
            continue
        parts = reader.concept_parts(el)
        element = Element(id=identifier, type=kind, name=parts.name, names=parts.names,
                          documentation=parts.documentation,
                          documentations=parts.documentations)
        for key, value in parts.properties:
            if key == PROP_CATALOG_REF:
                element.catalog_ref = value
            elif key == PROP_LAYER:
                element.layer = value
            elif key != PROP_REFERENCE_MODEL:  # derived from the catalog
                element.properties.append((key, value))
        put(element)


def read_relationships(reader: ReadState, holder: etree._Element | None, model: Model) -> None:
    if holder is None:
        return
    pending: list[tuple[Relationship, int]] = []
    for el in holder:
        if el.tag != Q_REL:
            continue
        identifier = el.get("identifier")
        kind = el.get(XSI_TYPE, "")
        if kind not in RELATIONSHIP_TYPES:
            reader.skipped.add(identifier)
            reader.report.append(tr(
                "Relationship {id} (line {line}) skipped: unknown relationship type {type}",
                id=identifier, line=el.sourceline, type=kind))
            continue
        parts = reader.concept_parts(el)
        rel = Relationship(id=identifier, type=kind, source=el.get("source"),
                           target=el.get("target"), name=parts.name, names=parts.names,
                           documentation=parts.documentation,
                           documentations=parts.documentations,
                           properties=parts.properties)
        if kind == "Access":
            access = el.get("accessType", "Access")
            rel.access_type = None if access == "Access" else access
        elif kind == "Association":
            rel.is_directed = el.get("isDirected", "false") in ("true", "1")
        elif kind == "Influence":
            rel.modifier = el.get("modifier", "")
        pending.append((rel, el.sourceline))
    # A relationship may end at another relationship written later: add in rounds.
    has_concept = model.has_concept
    skipped = reader.skipped
    while pending:
        rest = []
        for rel, line in pending:
            if skipped and (rel.source in skipped or rel.target in skipped):
                reader.skipped.add(rel.id)
                reader.report.append(tr(
                    "Relationship {id} (line {line}) skipped: one of its ends was skipped",
                    id=rel.id, line=line))
            elif has_concept(rel.source) and has_concept(rel.target):
                model.load_relationship(rel)
            else:
                rest.append((rel, line))
        if len(rest) == len(pending):
            rel, line = rest[0]
            raise reader.fail(line, tr("relationship {id} and others form a cycle of "
                                       "relationships ending at each other", id=rel.id))
        pending = rest

