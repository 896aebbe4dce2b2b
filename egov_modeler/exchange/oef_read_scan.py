"""One walk over a parsed exchange file: what the reference check asks of every XML
element (:class:`.oef_read_checks.References`) and, on the way, the elements and
relationships of the usual shape read into model objects.

Why one walk: a large file is mostly elements, relationships, their names and properties
and folder items (a 20,000-element file holds 290,000 XML elements). Walking them once for
the check and again to read them cost more than parsing the file, and each visit of an
element costs a Python object and a lookup per attribute (issue 19). Here each of them is
visited once: the usual shapes (an element with an identifier and a type, a relationship
with its two ends, a name or value with at most a language, a property with its
definition, a folder item naming a concept) are noted at once; anything else goes
through :meth:`~.oef_read_checks.References.one`, which notes the same for any element.

Nothing is reported and nothing is refused here: the check runs on what the walk found,
then the build adds the objects read here and reads everything else (the concepts of an
unusual shape, with what they report, in the file's order) as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ..model import limits
from ..model.concepts import Element, Properties, Relationship
from ..model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES
from .oef_file_facts import SPECIALIZATION_ID
from .oef_read_checks import References
from .oef_read_common import ReadState
from .oef_read_concepts import ACCESS_TYPES
from .oef_read_folders import FolderPlans
from .oef_read_view_scan import ViewPlans, scan_views
from .oef_vocabulary import (
    PROP_CATALOG_REF,
    PROP_LAYER,
    PROP_REFERENCE_MODEL,
    Q_DOC,
    Q_ELEMENT,
    Q_ELEMENTS,
    Q_ITEM,
    Q_NAME,
    Q_ORGS,
    Q_PROP,
    Q_PROPS,
    Q_REL,
    Q_RELS,
    Q_VALUE,
    Q_VIEWS,
    XML_LANG,
    XSI_TYPE,
)

_NO_DEFINITION = ("", "")
#: A relationship's attributes in the order this program and Archi write them.
_REL_NAMES = ["identifier", "source", "target", XSI_TYPE]
#: The attribute a relationship type adds.
_REL_EXTRA = {"Access": "accessType", "Association": "isDirected", "Influence": "modifier"}
_MOST_NAME, _MOST_TEXT = limits.MAX_NAME_LENGTH, limits.MAX_TEXT_LENGTH


@dataclass
class Scanned:
    """What the walk found: the check's texts, and per ``<elements>`` block (in order) its
    elements, each read (an :class:`Element`) or left to the build (its XML element);
    the relationships of every ``<relationships>`` block the same way; what each folder
    holds; what each view holds (:mod:`.oef_read_view_scan`)."""

    references: References = field(default_factory=References)
    elements: list[list[Element | etree._Element]] = field(default_factory=list)
    relationships: list[Relationship | etree._Element] = field(default_factory=list)
    folders: FolderPlans = field(default_factory=dict)
    views: ViewPlans = field(default_factory=dict)


def scan(reader: ReadState, root: etree._Element) -> Scanned:
    """Walk ``root`` once (see the module docstring). ``reader.lang`` and
    ``reader.propdefs`` must be known: the usual names and properties are read here."""
    found = Scanned()
    references = found.references
    references.one(root)
    for child in root:
        tag = child.tag
        if tag == Q_ELEMENTS:
            references.one(child)
            found.elements.append(_elements(reader, child, references))
        elif tag == Q_RELS:
            references.one(child)
            _relationships(reader, child, references, found.relationships)
        elif tag == Q_ORGS:
            references.one(child)
            _items(child, references, found.folders)
        elif tag == Q_VIEWS:
            scan_views(child, references, found.views)
        else:
            references.subtree(child)
    return found


def _items(organizations: etree._Element, references: References,
           plans: FolderPlans) -> None:
    """Everything under ``<organizations>``: mostly items naming one concept each, noted
    in ``plans`` by the folder holding them (the build reads them from there)."""
    item_refs, one = references.item_refs, references.one
    holders = [organizations]  # every element with children, walked without recursion
    while holders:
        holder = holders.pop()
        plan: list[str | etree._Element] = []
        for item in holder:
            if (item.tag == Q_ITEM and len(item.attrib) == 1
                    and (ref := item.get("identifierRef")) is not None):
                item_refs.append(ref)
                if not len(item):
                    plan.append(ref)
                    continue
            else:
                one(item)
            plan.append(item)
            if len(item):
                holders.append(item)
        plans[holder] = plan


def _elements(reader: ReadState, holder: etree._Element, references: References
              ) -> list[Element | etree._Element]:
    """The children of one ``<elements>``: each ``<element>`` of the usual shape read,
    any other left to the build (whatever is not an ``<element>`` is not imported)."""
    out: list[Element | etree._Element] = []
    ids, one = references.element_ids, references.one
    lang, keys = reader.lang, {ref: key for ref, (key, _) in reader.propdefs.items()}
    text_of = reader.text_of
    for el in holder:
        if el.tag != Q_ELEMENT:
            references.subtree(el)
            continue
        get = el.get
        identifier, kind = get("identifier"), get(XSI_TYPE)
        if identifier is not None and kind is not None and len(el.attrib) == 2:
            ids.append(identifier)
        else:
            one(el)
        if kind not in ELEMENT_TYPES:
            references.below(el)
            out.append(el)
            continue
        parts = _concept_children(el, references, lang, keys) if len(el) else ("", "", [])
        if parts is None:
            out.append(el)
            continue
        name, documentation, properties = parts
        element = Element(identifier or "", kind, name, {}, documentation, {}, [])
        for key, value in properties:
            if key == PROP_CATALOG_REF:  # names, in every reader
                element.catalog_ref = value if len(value) <= _MOST_NAME else text_of(
                    value, _MOST_NAME)
            elif key == PROP_LAYER:
                element.layer = value if len(value) <= _MOST_NAME else text_of(
                    value, _MOST_NAME)
            elif key != PROP_REFERENCE_MODEL:  # derived from the catalog
                element.properties.append((key, value))
        out.append(element)
    return out


def _relationships(reader: ReadState, holder: etree._Element, references: References,
                   out: list[Relationship | etree._Element]) -> None:
    """The children of one ``<relationships>``: each ``<relationship>`` of the usual
    shape read, any other left to the build (which reports or refuses it)."""
    ids, ends = references.relationship_ids, references.relationship_ends
    lang, keys = reader.lang, {ref: key for ref, (key, _) in reader.propdefs.items()}
    for el in holder:
        if el.tag != Q_REL:
            references.subtree(el)
            continue
        # the attributes in the usual order (this program's, Archi's): their values in
        # one call (listing the names first: listing values is quadratic, see References)
        names = el.keys()
        values = el.values() if names == _REL_NAMES or (
            len(names) == 5 and names[:4] == _REL_NAMES) else None
        if values is not None and (len(values) == 4
                                   or names[4] == _REL_EXTRA.get(values[3])):
            identifier, source, target, kind = values[0], values[1], values[2], values[3]
            extra = values[4] if len(values) == 5 else None
            usual = True
            ids.append(identifier)
            ends.append(source)
            ends.append(target)
        else:
            identifier, kind, source, target, extra, usual = _relationship_attributes(
                el, references)
        if (not usual or kind not in RELATIONSHIP_TYPES
                or (kind == "Access" and extra is not None and extra not in ACCESS_TYPES)):
            references.below(el)  # reported or refused by the build
            out.append(el)
            continue
        if len(el):
            parts = _concept_children(el, references, lang, keys)
            if parts is None:
                out.append(el)
                continue
            name, documentation, properties = parts
            rel = Relationship(identifier or "", kind, source or "", target or "", name, {},
                               documentation, {}, properties)
        else:
            rel = Relationship(identifier or "", kind, source or "", target or "", "", {},
                               "", {}, [])
        if extra is not None:
            if kind == "Access":
                rel.access_type = None if extra == "Access" else extra
            elif kind == "Association":
                rel.is_directed = extra in ("true", "1")
            else:
                rel.modifier = reader.text_of(extra, _MOST_NAME)
        out.append(rel)


def _relationship_attributes(el: etree._Element, references: References
                             ) -> tuple[Any, Any, Any, Any, Any, bool]:
    """A relationship's identifier, type, source, target and the attribute its type
    adds (access type, direction, modifier), each looked up by name, noted for the
    check; and whether the four it needs are there."""
    get = el.get
    identifier, kind = get("identifier"), get(XSI_TYPE)
    source, target = get("source"), get("target")
    count = len(el.attrib)
    usual = identifier is not None and kind is not None and source is not None and (
        target is not None)
    extra_name = _REL_EXTRA.get(kind)
    extra = get(extra_name) if extra_name is not None else None
    if usual and (count == 4 or (count == 5 and extra is not None)):
        references.relationship_ids.append(identifier)
        references.relationship_ends.append(source)
        references.relationship_ends.append(target)
    else:
        references.one(el)
    return identifier, kind, source, target, extra, usual


def _concept_children(el: etree._Element, references: References, lang: str,
                      keys: dict[str, str]) -> tuple[str, str, Properties] | None:
    """Note what every child of an element or relationship holds for the check, and read
    its name, documentation and properties when they are the usual ones: one name and
    one documentation at most, each in the file's language or none, and properties of
    one such value each, every text within its limit (``keys``: the property key of each
    definition). ``None`` for anything else, which the build reads (and reports) with
    :meth:`.ReadState.concept_parts`.

    A text's attributes are its language alone, or none: when ``len(attrib)`` is not
    ``language is not None`` (0 or 1), it has others and
    :meth:`~.oef_read_checks.References.one` notes them."""
    name = documentation = None
    properties: Properties = []
    plain = True
    one = references.one
    for child in el:
        tag = child.tag
        if tag == Q_PROPS:
            if len(child.attrib):
                one(child)
            note_ref, keep = references.property_refs.append, properties.append
            for prop in child:
                if prop.tag != Q_PROP:
                    references.subtree(prop)  # not a property: neither read nor reported
                    continue
                ref = prop.get("propertyDefinitionRef")
                if ref is not None and len(prop.attrib) == 1:
                    note_ref(ref)
                else:
                    one(prop)
                if len(prop) != 1 or ref == SPECIALIZATION_ID:
                    plain = False
                    references.below(prop)
                    continue
                value = prop[0]
                if value.tag != Q_VALUE:
                    plain = False
                    references.subtree(value)
                    continue
                language = value.get(XML_LANG)
                if len(value.attrib) != (language is not None):
                    one(value)
                if len(value):
                    references.below(value)
                text = value.text or ""
                if (language and language != lang) or len(text) > _MOST_TEXT:
                    plain = False
                elif plain:
                    keep((keys.get(ref or "", ""), text))
            continue
        if tag != Q_NAME and tag != Q_DOC:
            references.subtree(child)
            plain = False
            continue
        language = child.get(XML_LANG)
        if len(child.attrib) != (language is not None):
            one(child)
        if len(child):
            references.below(child)
        if not plain:
            continue
        text = child.text or ""
        if (language and language != lang) or len(text) > (
                _MOST_NAME if tag == Q_NAME else _MOST_TEXT):
            plain = False
        elif tag == Q_NAME:
            if name is not None:
                plain = False
            name = text
        else:
            if documentation is not None:
                plain = False
            documentation = text
    if not plain:
        return None
    return name or "", documentation or "", properties
