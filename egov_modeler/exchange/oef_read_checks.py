"""The checks an exchange file passes before anything is built: a safe parse with an
exchange ``<model>`` root, unique identifiers and references that resolve to the right kind
of thing (libxml2's schema check skips IDREFs; Archi's does not), and the Open Group XSD
when this installation has it. Each refusal is an :class:`ExchangeImportError` naming the
problem and the line."""

from __future__ import annotations

import logging
import os
from functools import cache
from pathlib import Path

from lxml import etree

from ..i18n import tr
from ..model.ids import all_new_usual_ids, is_valid_id
from .oef_read_common import ExchangeImportError, ReadState, local_name
from .oef_read_format import not_xml, wrong_root
from .oef_vocabulary import (
    DC_NS,
    KNOWN_ATTRIBUTES,
    NS,
    Q_CONN,
    Q_DIAGRAMS,
    Q_ELEMENT,
    Q_ITEM,
    Q_MODEL,
    Q_NODE,
    Q_PROP,
    Q_REL,
    Q_VIEW,
    Q_VIEWS,
    XML_LANG,
    XSI_TYPE,
    q,
)
from .xml_safety import XmlInputError, parse_xml

log = logging.getLogger(__name__)


#: Where the Open Group XSDs may be found (first existing wins); see :func:`schema_dir`.
XSD_ENV = "EGOV_MODELER_OEF_XSD_DIR"
XSD_FILE = "archimate3_with_dc.xsd"

#: Reference attributes and what each may point at (``None``: anything with an id).
_REF_TARGETS: dict[str, tuple[str, ...] | None] = {
    "elementRef": ("element",),
    "relationshipRef": ("relationship",),
    "propertyDefinitionRef": ("propertyDefinition",),
    "identifierRef": None,
    "ref": None,
    "viewpointRef": None,
    "conceptRef": ("element", "relationship"),
    "nodeRef": ("node",),
    "connectionRef": ("connection",),
    "viewConceptRef": ("node", "connection"),
    "stereotypeRef": None,
}
_END_TARGETS = {
    "relationship": ("element", "relationship"),
    "connection": ("node", "connection"),
}
_REF_KEYS = (*_REF_TARGETS, "source", "target")
_TEXT_TAGS = frozenset(q(tag) for tag in ("value", "name", "documentation", "label"))
#: The attributes the usual tags carry, each in the exchange schema (so none is another
#: tool's): looked up by name, they spare listing an element's attribute names, which took
#: most of the time of the reference check (issue 19). An element with any other
#: attribute has its names listed.
_EXPECTED_ATTRIBUTES: dict[str, tuple[str, ...]] = {q(tag): names for tag, names in {
    "value": (XML_LANG,), "name": (XML_LANG,), "documentation": (XML_LANG,),
    "label": (XML_LANG,), "property": ("propertyDefinitionRef",),
    "item": ("identifierRef", "identifier"),
    "element": ("identifier", XSI_TYPE),
    "relationship": ("identifier", XSI_TYPE, "source", "target", "accessType", "isDirected",
                     "modifier"),
    "node": ("identifier", XSI_TYPE, "elementRef", "x", "y", "w", "h"),
    "connection": ("identifier", XSI_TYPE, "relationshipRef", "source", "target"),
    "bendpoint": ("x", "y"),
    "fillColor": ("r", "g", "b", "a"), "lineColor": ("r", "g", "b", "a"),
    "color": ("r", "g", "b", "a"), "font": ("name", "size", "style"),
    "style": ("lineWidth",), "view": ("identifier", XSI_TYPE, "viewpoint"),
    "propertyDefinition": ("identifier", "type"),
}.items()}
#: The usual tags whose attributes neither identify nor refer to anything (styles,
#: bendpoints): when each attribute is one of these, there is nothing to note.
_INERT_ATTRIBUTES = {tag: names for tag, names in _EXPECTED_ATTRIBUTES.items()
                     if not {"identifier", "source", "target", *_REF_TARGETS} & set(names)}
#: The attributes the check notes the value of (those of other tools are only counted).
_NOTED = frozenset(("identifier", "source", "target", *_REF_TARGETS))
#: The attributes of a node and of a connection besides its id, reference and ends.
_NODE_OTHERS = (XSI_TYPE, "x", "y", "w", "h")
_CONN_OTHERS = (XSI_TYPE,)
#: What the exchange schema gives an identifier (required) and the model keeps by it.
_NEEDS_ID = frozenset(q(tag) for tag in (
    "model", "element", "relationship", "propertyDefinition", "view", "node", "connection"))


def schema_dir() -> Path | None:
    """The folder holding the Open Group XSDs, if this installation has one.

    Looked for in ``$EGOV_MODELER_OEF_XSD_DIR`` (the tests point it at the Open Group
    schemas in ``../shared``) and in the package's ``resources/archimate/xsd``. The
    program never reads ``../shared`` itself, so a checkout behaves like an installed
    build. Without the schemas the import still runs every structural and reference
    check itself.
    """
    candidates = []
    if os.environ.get(XSD_ENV):
        candidates.append(Path(os.environ[XSD_ENV]))
    package = Path(__file__).resolve().parents[1]
    candidates.append(package / "resources" / "archimate" / "xsd")
    for folder in candidates:
        if (folder / XSD_FILE).is_file():
            return folder
    return None


@cache
def _schema_at(folder: str) -> etree.XMLSchema | None:
    try:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        return etree.XMLSchema(etree.parse(str(Path(folder) / XSD_FILE), parser))
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
        log.warning("exchange schema in %s unusable: %s", folder, exc)
        return None


def exchange_schema() -> etree.XMLSchema | None:
    """The exchange-format schema (Diagram + Dublin Core), or ``None`` when not installed."""
    folder = schema_dir()
    return _schema_at(str(folder)) if folder else None


def parse(reader: ReadState) -> etree._Element:
    """The root of the file, parsed safely; a file of another known format is refused
    with what it is and where the program reads it (:mod:`.oef_read_format`)."""
    other_format = not_xml(reader.data, reader.name)
    if other_format is not None:
        raise ExchangeImportError(other_format)
    try:
        tree = parse_xml(reader.data, reader.name, keep_blanks=False)
    except ExchangeImportError:
        raise
    except XmlInputError as exc:
        raise ExchangeImportError(str(exc), line=exc.line) from None
    root = tree.getroot()
    if root.tag != Q_MODEL:
        qname = etree.QName(root)
        other_format = wrong_root(qname.namespace, reader.name)
        if other_format is not None:
            raise ExchangeImportError(other_format, line=root.sourceline)
        if qname.localname == "model" and qname.namespace != NS:
            problem = tr("the root element is in the namespace {found}, not the ArchiMate "
                         "exchange namespace {expected}", found=qname.namespace or "-",
                         expected=NS)
        else:
            problem = tr("the root element is <{tag}> in the namespace {found}; an "
                         "ArchiMate exchange file starts with <model> in {expected}",
                         tag=qname.localname, found=qname.namespace or "-", expected=NS)
        raise reader.fail(root.sourceline, tr("not an ArchiMate exchange file: {problem}",
                                              problem=problem))
    return root


class References:
    """What the reference check asks of a file, gathered as texts in one walk over every
    XML element (:func:`.oef_read_scan.scan`): the identifiers by tag, the references by
    attribute, the ends of each tag's ``source``/``target``, how many attributes of other
    tools there were, and whether an element that needs an identifier has none.

    Holding an lxml object per element made the walk slower than parsing the file (issue
    19), so only texts are kept; the questions are then asked of sets
    (:func:`check_references`). :meth:`one` takes any element; the scan fills the lists
    itself for the shapes a file is mostly made of, to the same effect. Each element's
    attributes are looked up by name, never listed with their values: lxml lists them in
    quadratic time, and a hostile element can carry hundreds of thousands (``keys()``
    lists names only, in linear time).
    """

    def __init__(self) -> None:
        self.ids_by_tag: dict[str, list[str]] = {}
        self.refs: dict[str, list[str]] = {key: [] for key in _REF_TARGETS}
        self.ends: dict[str, list[str]] = {}
        #: Attributes of other tools (not in the exchange format), for the report.
        self.unknown = 0
        #: An element that needs an identifier has none (named by the check).
        self.missing_id = False
        self.property_refs: list[str] = []
        self.item_refs = self.refs["identifierRef"]
        self.element_ids: list[str] = []
        self.relationship_ids: list[str] = []
        self.relationship_ends: list[str] = []
        self.ids_by_tag[Q_ELEMENT] = self.element_ids
        self.ids_by_tag[Q_REL] = self.relationship_ids
        self.ends[Q_REL] = self.relationship_ends

    def ids_of(self, tag: str) -> list[str]:
        """The list the identifiers of ``tag`` are noted in (made when first asked)."""
        ids = self.ids_by_tag.get(tag)
        if ids is None:
            ids = self.ids_by_tag[tag] = []
        return ids

    def ends_of(self, tag: str) -> list[str]:
        """The list the ``source`` and ``target`` of ``tag`` are noted in."""
        ends = self.ends.get(tag)
        if ends is None:
            ends = self.ends[tag] = []
        return ends

    def subtree(self, element: etree._Element) -> None:
        """:meth:`one` for ``element`` and everything under it."""
        one = self.one
        for each in element.iter():
            one(each)

    def below(self, element: etree._Element) -> None:
        """:meth:`one` for everything under ``element``."""
        one = self.one
        for each in element.iterdescendants():
            one(each)

    def one(self, element: etree._Element) -> None:
        """Gather what ``element`` itself identifies and refers to (not its children)."""
        tag = element.tag
        count = len(element.attrib)  # cheap; listing the names is not
        if not count:
            if tag in _NEEDS_ID:
                self.missing_id = True
            return
        get = element.get
        # the most numerous shapes first, each known by its tag and its number of
        # attributes, their names looked up (all in the schema: none is another tool's)
        if count == 1:  # texts, properties, folder items
            if tag in _TEXT_TAGS and get(XML_LANG) is not None:
                return
            if tag == Q_PROP and (value := get("propertyDefinitionRef")) is not None:
                self.property_refs.append(value)
                return
            if tag == Q_ITEM and (value := get("identifierRef")) is not None:
                self.item_refs.append(value)
                return
        elif count == 4 and tag == Q_REL:
            identifier, source, target = get("identifier"), get("source"), get("target")
            if (identifier is not None and source is not None and target is not None
                    and get(XSI_TYPE) is not None):
                self.relationship_ids.append(identifier)
                self.relationship_ends.append(source)
                self.relationship_ends.append(target)
                return
        elif count == 2 and tag == Q_ELEMENT:
            identifier = get("identifier")
            if identifier is not None and get(XSI_TYPE) is not None:
                self.element_ids.append(identifier)
                return
        elif tag == Q_PROP and (value := get("propertyDefinitionRef")) is not None:
            self.property_refs.append(value)  # (and below, with the other references)
        elif tag == Q_NODE or tag == Q_CONN:  # the thousands of a large view
            if self._diagram_object(element, tag, count):
                return
        inert = _INERT_ATTRIBUTES.get(tag)
        if inert is not None:  # a style's: nothing to note when all are the usual ones
            present = 0
            for key in inert:
                if get(key) is not None:
                    present += 1
            if present == count:
                return
        found: list[tuple[str, str]] | None = None
        probe = _EXPECTED_ATTRIBUTES.get(tag)
        if probe is not None:  # the usual attributes of the usual tags, by name
            found = []
            for key in probe:
                value = get(key)
                if value is not None:
                    found.append((key, value))
            if len(found) != count:
                found = None
        if found is None:  # something else too: list the names (in linear time), and
            # look up only those noted below (each lookup walks the attributes: looking up
            # every one of an element's 60,000 attributes took minutes)
            names = element.keys()
            self.unknown += sum(1 for key in names if key not in KNOWN_ATTRIBUTES)
            found = [(key, get(key)) for key in names if key in _NOTED]
        identifier = None
        refs = self.refs
        for key, value in found:
            if key == "identifier":
                identifier = value
            elif key in refs:
                refs[key].append(value)
            elif key == "source" or key == "target":
                found_ends = self.ends.get(tag)
                if found_ends is None:
                    found_ends = self.ends[tag] = []
                found_ends.append(value)
        if identifier is not None:
            tag_ids = self.ids_by_tag.get(tag)
            if tag_ids is None:
                tag_ids = self.ids_by_tag[tag] = []
            tag_ids.append(identifier)
        elif tag in _NEEDS_ID:
            self.missing_id = True


    def _diagram_object(self, element: etree._Element, tag: str, count: int) -> bool:
        """Note a node or connection whose attributes are all the usual ones (True), each
        looked up by name; False (nothing noted) for any other."""
        get = element.get
        identifier = get("identifier")
        present = int(identifier is not None)
        others: tuple[str, ...]
        if tag == Q_NODE:
            ref_key, ref, ends = "elementRef", get("elementRef"), None
            others = _NODE_OTHERS
        else:
            ref_key, ref, others = "relationshipRef", get("relationshipRef"), _CONN_OTHERS
            source, target = get("source"), get("target")
            ends = (source, target)
            present += (source is not None) + (target is not None)
        present += ref is not None
        for key in others:
            if get(key) is not None:
                present += 1
        if present != count:
            return False
        if ref is not None:
            self.refs[ref_key].append(ref)
        if ends is not None:
            found_ends = self.ends.get(tag)
            if found_ends is None:
                found_ends = self.ends[tag] = []
            found_ends.extend(end for end in ends if end is not None)
        if identifier is None:
            self.missing_id = True
        else:
            tag_ids = self.ids_by_tag.get(tag)
            if tag_ids is None:
                tag_ids = self.ids_by_tag[tag] = []
            tag_ids.append(identifier)
        return True


def check_references(reader: ReadState, root: etree._Element, found: References) -> None:
    """Identifiers on everything that needs one, valid and unique; every reference
    resolving to the right kind of thing, as ``found`` in ``root`` by the scan.

    Done here, not left to the XSD, because installed builds carry no schema and libxml2's
    schema check skips IDREFs anyway. A node without identifier once made import loop
    forever and a view without one produced a file the program could not open again.

    The questions are asked of sets; only when something is wrong does
    :func:`_name_first_problem` go through the file again to name the first problem and
    its line.
    """
    if found.missing_id:
        _name_first_problem(reader, root)
    refs, ends, ids_by_tag = found.refs, found.ends, found.ids_by_tag
    # (a set is asked: each of the 60,000 references to a dozen definitions once)
    reader.property_refs = set(found.property_refs)
    refs["propertyDefinitionRef"] += reader.property_refs
    if found.unknown:
        reader.counts["extension attribute"] += found.unknown
    every_id: list[object] = [i for ids in ids_by_tag.values() for i in ids]
    if not all_new_usual_ids(every_id) and not _all_valid_and_new(every_id):
        _name_first_problem(reader, root)
    by_kind: dict[str, set[str]] = {}
    for tag, ids in ids_by_tag.items():
        by_kind.setdefault(local_name(tag), set()).update(ids)
    all_ids: set[str] | None = None

    def ids_of(kinds: tuple[str, ...] | None) -> set[str]:
        nonlocal all_ids
        if kinds is None:
            if all_ids is None:
                all_ids = set().union(*by_kind.values())
            return all_ids
        if len(kinds) == 1:
            return by_kind.get(kinds[0], set())
        return set().union(*(by_kind.get(kind, ()) for kind in kinds))

    fine = all(ids_of(_REF_TARGETS[key]).issuperset(values) for key, values in refs.items()
               if values)
    for tag, values in ends.items():
        allowed_ends = _END_TARGETS.get(local_name(tag))
        if fine and allowed_ends is not None and values:
            fine = ids_of(allowed_ends).issuperset(values)
    if not fine:
        _name_first_problem(reader, root)
    # the views the import reads: <model><views><diagrams><view> (a <view> anywhere else
    # is not one)
    reader.view_ids = {identifier for view in root.iterfind(f"{Q_VIEWS}/{Q_DIAGRAMS}/{Q_VIEW}")
                       if (identifier := view.get("identifier")) is not None}


def _all_valid_and_new(ids: list[object]) -> bool:
    """Each of ``ids`` a valid identifier, none twice, checked one by one (ids of an
    unusual form that :func:`all_new_usual_ids` leaves to this)."""
    return all(is_valid_id(i) for i in ids) and len(set(ids)) == len(ids)


def _name_first_problem(reader: ReadState, root: etree._Element) -> None:
    """Raise for the first missing, invalid or duplicate identifier or wrong reference, in
    the file's order (called only when there is one)."""
    ids: dict[str, etree._Element] = {}
    refs: list[tuple[etree._Element, str, str]] = []
    for element in root.iter():
        tag = element.tag
        identifier = element.get("identifier")
        if identifier is None:
            if tag in _NEEDS_ID:
                raise reader.fail(element.sourceline, tr(
                    "<{tag}> has no identifier; every {tag} needs one",
                    tag=local_name(tag)))
        else:
            if not is_valid_id(identifier):
                raise reader.fail(element.sourceline, tr(
                    "the identifier {id!r} is not valid: an identifier starts with a letter "
                    "or _ and holds only letters, digits, _, - and . (no spaces, no "
                    "accents)", id=identifier[:80]))
            other = ids.get(identifier)
            if other is not None:
                raise reader.fail(element.sourceline, tr(
                    "the identifier {id} is used twice (first at line {first})",
                    id=identifier, first=other.sourceline))
            ids[identifier] = element
        for key in _REF_KEYS:
            value = element.get(key)
            if value is not None:
                refs.append((element, key, value))
    for element, key, value in refs:
        target = ids.get(value)
        kind = local_name(element.tag)
        if key in ("source", "target"):
            allowed: tuple[str, ...] | None = _END_TARGETS.get(kind)
            if allowed is None:
                continue
        else:
            allowed = _REF_TARGETS[key]
        if target is None:
            raise reader.fail(element.sourceline, tr(
                "{kind} refers to {id} ({attribute}), which does not exist in the file",
                kind=kind, id=value, attribute=key))
        if allowed is not None and local_name(target.tag) not in allowed:
            raise reader.fail(element.sourceline, tr(
                "{kind} refers to {id} ({attribute}), which is a {found}, not a {expected}",
                kind=kind, id=value, attribute=key, found=local_name(target.tag),
                expected=" / ".join(allowed)))
    # the quick pass and this one disagree: this one, which names problems, decides
    log.warning("exchange reference check: no problem found on the second pass")


def check_schema(reader: ReadState, root: etree._Element,
                 schema: etree.XMLSchema | None) -> None:
    """Validate against ``schema`` (see :func:`exchange_schema`; ``None``: not installed,
    the checks above still hold). The caller passes it so one place decides which."""
    if schema is None:
        log.info("exchange XSD not found; structural checks only")
        return
    if schema.validate(root.getroottree()):
        return
    error = schema.error_log[0] if len(schema.error_log) else None
    message = (error.message if error else "?").replace(f"{{{NS}}}", "").replace(
        f"{{{DC_NS}}}", "dc:")
    raise reader.fail(error.line if error else None, tr(
        "the file does not follow the ArchiMate exchange schema: {reason}",
        reason=message))
