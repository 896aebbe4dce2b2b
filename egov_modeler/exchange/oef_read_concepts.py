"""Reading the model's concepts from an exchange file: property definitions, Dublin Core
metadata, elements and relationships. Unknown types are skipped with a line in the report
(and so is what depends on them); the ArchiMate rules are not applied (see
:mod:`.oef_reader`)."""

from __future__ import annotations

from lxml import etree

from ..i18n import tr
from ..model import limits
from ..model.concepts import Element, Profile, Relationship
from ..model.ids import new_id
from ..model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES
from ..model.model import Model
from .oef_file_facts import (
    META_SCHEMA,
    META_SCHEMA_VERSION,
    SPECIALIZATION_ID,
    PropertyDefinition,
    store_definitions,
)
from .oef_read_common import ReadState, local_name
from .oef_vocabulary import (
    DC_ELEMENTS,
    DC_NS,
    DC_SCHEMA,
    DC_SCHEMA_VERSION,
    PROP_CATALOG_REF,
    PROP_LAYER,
    PROP_REFERENCE_MODEL,
    Q_NAME,
    Q_PROPDEF,
    Q_PROPDEFS,
    Q_REL,
    Q_RELS,
    Q_SCHEMA,
    Q_SCHEMAVERSION,
    XSI_TYPE,
)

#: The access types of the exchange schema (``AccessTypeEnum``); any other means nothing.
ACCESS_TYPES = ("Access", "Read", "Write", "ReadWrite")


def read_propdef_names(reader: ReadState, root: etree._Element) -> list[PropertyDefinition]:
    """The property definitions: their names (the keys of the properties that refer to
    them) and types into ``reader.propdefs``, read before anything else since the scan
    reads the usual properties (:mod:`.oef_read_scan`). Returned: what the model keeps of
    them (:func:`keep_propdefs`, once the model is made)."""
    definitions: list[PropertyDefinition] = []
    for holder in root.iterchildren(Q_PROPDEFS):  # one in the schema; more are read too
        for definition in holder:
            if definition.tag != Q_PROPDEF:
                continue
            identifier = definition.get("identifier", "")
            name, lang, others = reader.lang_texts([c for c in definition if c.tag == Q_NAME],
                                                   limits.MAX_NAME_LENGTH)
            kind = reader.text_of(definition.get("type", "string"), limits.MAX_NAME_LENGTH)
            reader.propdefs[identifier] = (name, kind)
            if not name.startswith("egov:"):
                definitions.append(PropertyDefinition(name, identifier, lang, others))
    return definitions


def keep_propdefs(reader: ReadState, definitions: list[PropertyDefinition],
                  model: Model) -> None:
    """The types of the property definitions become the model's declared property types,
    and what their identifiers and names carry beyond that is kept
    (:mod:`.oef_file_facts`) so that export writes the same definitions back, Archi's
    ``specialization`` among them."""
    if not definitions:
        return
    used = reader.property_refs
    for definition in definitions:
        kind = reader.propdefs[definition.identifier][1]
        if kind != "string" or definition.identifier not in used:
            model.property_types.setdefault(definition.key, kind)
    # Kept: what carries meaning (name languages); a plain identifier is renumbered on
    # export like any other, which changes nothing, and Archi's specialization definition
    # is written again for the concepts' specializations.
    store_definitions(model, [d for d in definitions if d.identifier != SPECIALIZATION_ID
                              and (d.lang or d.names)])


def read_metadata(reader: ReadState, metadata: etree._Element, model: Model) -> None:
    """Dublin Core elements into ``model.metadata``; a ``<schema>`` other than the Dublin
    Core 1.1 that export writes is kept (:mod:`.oef_file_facts`), anything else listed."""
    schema = {Q_SCHEMA: "", Q_SCHEMAVERSION: ""}
    dublin_core = False
    for child in metadata:
        tag = child.tag
        if tag in schema:
            schema[tag] = reader.text(child).strip()
            continue
        key = local_name(tag)
        if isinstance(tag, str) and tag.startswith(f"{{{DC_NS}}}") and key in DC_ELEMENTS:
            dublin_core = True
            text = reader.text(child)
            if key in model.metadata and model.metadata[key] != text:
                model.metadata[key] = f"{model.metadata[key]}; {text}"
            else:
                model.metadata[key] = text
        else:
            reader.report.append(tr("Metadata <{tag}> (line {line}) was not imported",
                                    tag=local_name(tag), line=child.sourceline))
    written = (DC_SCHEMA, DC_SCHEMA_VERSION) if dublin_core else ("", "")
    if (schema[Q_SCHEMA], schema[Q_SCHEMAVERSION]) != written:
        model.metadata[META_SCHEMA] = schema[Q_SCHEMA]
        model.metadata[META_SCHEMA_VERSION] = schema[Q_SCHEMAVERSION]


def _profile(model: Model, name: str | None, concept_type: str) -> str | None:
    """``name`` as a specialization of ``concept_type``: the model's profile of that name
    and type, made when the model has none yet (as Archi's importer does)."""
    if not name:
        return None
    if not any(p.name == name and p.concept_type == concept_type for p in model.profiles):
        model.profiles.append(Profile(new_id(), name, concept_type))
    return name


def read_elements(reader: ReadState, scanned: list[Element | etree._Element],
                  model: Model) -> None:
    """The elements of one ``<elements>`` block, in order: those the scan read
    (:mod:`.oef_read_scan`) as they are, the others read here (and reported)."""
    if all(type(item) is Element for item in scanned):  # the usual file: nothing to read
        model.load_elements(scanned)
        return
    plain_parts = reader.plain_parts
    read: list[Element] = []
    for el in scanned:
        if isinstance(el, Element):
            read.append(el)
            continue
        identifier = el.get("identifier")
        kind = el.get(XSI_TYPE, "")
        if kind not in ELEMENT_TYPES:
            reader.skipped.add(identifier)
            reader.report.append(tr(
                "Element {id} (line {line}) skipped: unknown element type {type}",
                id=identifier, line=el.sourceline, type=kind))
            continue
        plain = plain_parts(el)
        if plain is not None:
            name, documentation, properties = plain
            element = Element(identifier, kind, name, {}, documentation, {}, [])
        else:
            parts = reader.concept_parts(el, concept=True)
            properties = parts.properties
            element = Element(id=identifier, type=kind, name=parts.name, names=parts.names,
                              documentation=parts.documentation,
                              documentations=parts.documentations,
                              specialization=_profile(model, parts.specialization, kind))
        for key, value in properties:
            if key == PROP_CATALOG_REF:  # names, in every reader
                element.catalog_ref = reader.text_of(value, limits.MAX_NAME_LENGTH)
            elif key == PROP_LAYER:
                element.layer = reader.text_of(value, limits.MAX_NAME_LENGTH)
            elif key != PROP_REFERENCE_MODEL:  # derived from the catalog
                element.properties.append((key, value))
        read.append(element)
    model.load_elements(read)


def _read_relationship(reader: ReadState, el: etree._Element, model: Model
                       ) -> Relationship | None:
    """A relationship the scan left (of an unusual shape), ``None`` when it is skipped."""
    identifier = el.get("identifier")
    kind = el.get(XSI_TYPE, "")
    source, target = el.get("source"), el.get("target")
    if source is None or target is None:
        raise reader.fail(el.sourceline, tr(
            "relationship {id} needs both a source and a target", id=identifier))
    if kind not in RELATIONSHIP_TYPES:
        reader.skipped.add(identifier)
        reader.report.append(tr(
            "Relationship {id} (line {line}) skipped: unknown relationship type {type}",
            id=identifier, line=el.sourceline, type=kind))
        return None
    plain = reader.plain_parts(el)
    if plain is not None:
        rel = Relationship(identifier, kind, source, target, plain[0], {}, plain[1], {},
                           plain[2])
    else:
        parts = reader.concept_parts(el, concept=True)
        rel = Relationship(id=identifier, type=kind, source=source, target=target,
                           name=parts.name, names=parts.names,
                           documentation=parts.documentation,
                           documentations=parts.documentations,
                           properties=parts.properties,
                           specialization=_profile(model, parts.specialization, kind))
    if kind == "Access":
        access = el.get("accessType", "Access")
        if access not in ACCESS_TYPES:  # the schema's four; any other means nothing
            reader.report.append(tr(
                "Relationship {id} (line {line}): access type {value!r} is not one of "
                "Access, Read, Write, ReadWrite; it was read as Access", id=identifier,
                line=el.sourceline, value=access[:40]))
            access = "Access"
        rel.access_type = None if access == "Access" else access
    elif kind == "Association":
        rel.is_directed = el.get("isDirected", "false") in ("true", "1")
    elif kind == "Influence":
        rel.modifier = reader.text_of(el.get("modifier", ""), limits.MAX_NAME_LENGTH)
    return rel


def read_relationships(reader: ReadState, scanned: list[Relationship | etree._Element],
                       root: etree._Element, model: Model) -> None:
    """The relationships of every ``<relationships>`` block (read by the scan, or here
    when of an unusual shape), added once their ends are."""
    if all(type(item) is Relationship for item in scanned):  # the usual file
        read: list[Relationship] = scanned
    else:
        read = []
        for item in scanned:
            rel = item if isinstance(item, Relationship) else _read_relationship(
                reader, item, model)
            if rel is not None:
                read.append(rel)
    # Most end at what is already there: added at once, in the file's order; the rest
    # (ending at a relationship written later, or at what was skipped) in rounds.
    pending = model.load_relationships(read)
    if not pending:
        return
    lines = _lines_of({rel.id for rel in pending}, root)
    has_concept = model.has_concept
    skipped = reader.skipped
    while pending:
        rest = []
        for rel in pending:
            if skipped and (rel.source in skipped or rel.target in skipped):
                reader.skipped.add(rel.id)
                reader.report.append(tr(
                    "Relationship {id} (line {line}) skipped: one of its ends was skipped",
                    id=rel.id, line=lines.get(rel.id)))
            elif has_concept(rel.source) and has_concept(rel.target):
                model.load_relationship(rel)
            else:
                rest.append(rel)
        if len(rest) == len(pending):
            rel = rest[0]
            raise reader.fail(lines.get(rel.id), tr(
                "relationship {id} and others form a cycle of relationships ending at each "
                "other", id=rel.id))
        pending = rest


def _lines_of(identifiers: set[str], root: etree._Element) -> dict[str, int]:
    """The line of each relationship of ``identifiers`` (the first with that id; ids are
    unique once checked), looked up only for those reported."""
    lines: dict[str, int] = {}
    for holder in root.iterchildren(Q_RELS):
        for el in holder:
            identifier = el.get("identifier")
            if el.tag == Q_REL and identifier in identifiers and identifier not in lines:
                lines[identifier] = el.sourceline
    return lines
