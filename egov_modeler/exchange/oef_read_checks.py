"""The checks an exchange file passes before anything is built: a safe parse with an
exchange ``<model>`` root, unique identifiers and references that resolve to the right kind
of thing (libxml2's schema check skips IDREFs; Archi's does not), and the Open Group XSD
when this installation has it. Each refusal is an :class:`ExchangeImportError` naming the
problem and the line."""

from __future__ import annotations

import logging
import os
from collections.abc import Set as AbstractSet
from functools import cache
from pathlib import Path

from lxml import etree

from ..i18n import tr
from ..model.ids import is_valid_id
from .oef_read_common import ExchangeImportError, ReadState, local_name
from .oef_read_format import not_xml, wrong_root
from .oef_vocabulary import DC_NS, KNOWN_ATTRIBUTES, NS, Q_DIAGRAMS, Q_MODEL, Q_VIEW, Q_VIEWS, q
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
        tree = parse_xml(reader.data, reader.name)
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


def check_references(reader: ReadState, root: etree._Element) -> None:
    """Identifiers on everything that needs one, valid and unique; every reference
    resolving to the right kind of thing.

    Done here, not left to the XSD, because installed builds carry no schema and libxml2's
    schema check skips IDREFs anyway. A node without identifier once made import loop
    forever and a view without one produced a file the program could not open again.

    One pass keeps only texts (the tag of each identifier, the references by attribute):
    holding an lxml object per element made the pass slower than parsing the file (issue
    19). The questions are then asked of sets; only when something is wrong does
    :func:`_name_first_problem` go through the file again to name the first problem and
    its line. Each element's attributes are looked up by name, never listed with their
    values: lxml lists them in quadratic time, and a hostile element can carry hundreds of
    thousands (``keys()`` lists names only, in linear time).
    """
    tags: dict[str, str] = {}
    refs: dict[str, list[str]] = {key: [] for key in _REF_TARGETS}
    ends: dict[str, list[str]] = {}
    unknown = 0
    for element in root.iter():
        tag = element.tag
        identifier = element.get("identifier")
        if identifier is None:
            if tag in _NEEDS_ID:
                _name_first_problem(reader, root)
        elif identifier in tags or not is_valid_id(identifier):
            _name_first_problem(reader, root)
        else:
            tags[identifier] = tag
        for key in element.keys():
            if key in refs:
                refs[key].append(element.get(key))
            elif key == "source" or key == "target":
                found = ends.get(tag)
                if found is None:
                    found = ends[tag] = []
                found.append(element.get(key))
            if key not in KNOWN_ATTRIBUTES:
                unknown += 1
    if unknown:
        reader.counts["extension attribute"] += unknown
    by_kind: dict[str, set[str]] = {}
    kind_of_tag = {tag: local_name(tag) for tag in set(tags.values())}
    for identifier, tag in tags.items():
        by_kind.setdefault(kind_of_tag[tag], set()).add(identifier)

    def ids_of(kinds: tuple[str, ...] | None) -> AbstractSet[str]:
        if kinds is None:
            return tags.keys()
        return set().union(*(by_kind.get(kind, ()) for kind in kinds))

    fine = all(ids_of(_REF_TARGETS[key]) >= set(values) for key, values in refs.items()
               if values)
    for tag, values in ends.items():
        allowed_ends = _END_TARGETS.get(local_name(tag))
        if fine and allowed_ends is not None:
            fine = ids_of(allowed_ends) >= set(values)
    if not fine:
        _name_first_problem(reader, root)
    # the views the import reads: <model><views><diagrams><view> (a <view> anywhere else
    # is not one)
    reader.view_ids = {identifier for view in root.iterfind(f"{Q_VIEWS}/{Q_DIAGRAMS}/{Q_VIEW}")
                       if (identifier := view.get("identifier")) is not None}


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
