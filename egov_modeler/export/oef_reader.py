"""Read ArchiMate Open Exchange XML written by Archi, Sparx EA, BiZZdesign, pyArchimate or
this program into a new :class:`~egov_modeler.model.model.Model`.

Why it works this way:

- The file is hostile until proven otherwise: it is parsed by :mod:`.xml_safety` (no DTD,
  no entities, no network), its root must be an exchange ``<model>``, every identifier
  must be unique and every reference must resolve (libxml2's schema check skips IDREFs;
  Archi's does not), and it is validated against the Open Group XSD when the schema files
  are available. A refusal is an :class:`ExchangeImportError` naming the problem and the
  line; nothing is half-built because the model is new.
- What other tools wrote is kept, even when the ArchiMate rules forbid it: the model is
  built with its unchecked primitives, and :func:`egov_modeler.model.validation.validate`
  reports the forbidden relationships afterwards, as Archi's Validator does.
- What the program does not model (attachment points of connections, viewpoint
  definitions, extension attributes, values in extra languages...) is listed in
  ``model.load_report`` instead of being silently dropped or crashing the import.
- Speed: one pass to index ids, one to build; the model is filled through the primitives
  (no commands, no rule checks), and no per-object scan of a view is ever made.
"""

from __future__ import annotations

import json
import logging
import os
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from lxml import etree

from ..i18n import tr
from ..model.concepts import Element, Folder, Relationship
from ..model.errors import ModelError
from ..model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES
from ..model.model import Model
from ..model.views import NODE_CONTAINER, NODE_ELEMENT, NODE_LABEL, Connection, Node, Style, View
from .oef_writer import (
    DC_NS,
    NS,
    PROP_CATALOG_REF,
    PROP_GENERATED_FOLDERS,
    PROP_LAYER,
    PROP_METADATA_PREFIX,
    PROP_REFERENCE_MODEL,
    PROP_VIEW_EXTRAS,
    XML_LANG,
    XSI_TYPE,
    folders_fingerprint,
    format_color,
    percent_to_alpha,
    q,
)
from .xml_safety import XmlInputError, parse_xml

log = logging.getLogger(__name__)

#: Where the Open Group XSDs may be found (first existing wins); see :func:`schema_dir`.
XSD_ENV = "EGOV_MODELER_OEF_XSD_DIR"
XSD_FILE = "archimate3_with_dc.xsd"

Q_MODEL, Q_NAME, Q_DOC, Q_PROPS, Q_PROP, Q_VALUE = (
    q("model"), q("name"), q("documentation"), q("properties"), q("property"), q("value"))
Q_METADATA, Q_ELEMENTS, Q_ELEMENT, Q_RELS, Q_REL = (
    q("metadata"), q("elements"), q("element"), q("relationships"), q("relationship"))
Q_ORGS, Q_ITEM, Q_LABEL, Q_PROPDEFS, Q_PROPDEF = (
    q("organizations"), q("item"), q("label"), q("propertyDefinitions"), q("propertyDefinition"))
Q_VIEWS, Q_DIAGRAMS, Q_VIEW, Q_NODE, Q_CONN = (
    q("views"), q("diagrams"), q("view"), q("node"), q("connection"))
Q_STYLE, Q_VIEWREF, Q_BEND, Q_SRC_ATT, Q_TGT_ATT = (
    q("style"), q("viewRef"), q("bendpoint"), q("sourceAttachment"), q("targetAttachment"))
Q_FILL, Q_LINE, Q_FONT, Q_COLOR = q("fillColor"), q("lineColor"), q("font"), q("color")
Q_SCHEMA, Q_SCHEMAVERSION = q("schema"), q("schemaversion")

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


class ExchangeImportError(XmlInputError):
    """An exchange file that cannot be imported; the message names the problem and line."""


# ------------------------------------------------------------------ schema
def schema_dir() -> Path | None:
    """The folder holding the Open Group XSDs, if this installation has one.

    Looked for in ``$EGOV_MODELER_OEF_XSD_DIR``, in the package's
    ``resources/archimate/xsd`` and in the project's ``../shared/archimate/xsd``. Without
    it the import still runs every structural and reference check itself.
    """
    candidates = []
    if os.environ.get(XSD_ENV):
        candidates.append(Path(os.environ[XSD_ENV]))
    package = Path(__file__).resolve().parents[1]
    candidates.append(package / "resources" / "archimate" / "xsd")
    candidates.append(package.parents[1] / "shared" / "archimate" / "xsd")
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


# ------------------------------------------------------------------ small decoders
def _color(element: etree._Element) -> tuple[str, int | None]:
    r, g, b = (int(element.get(c, "0")) for c in "rgb")
    alpha = element.get("a")
    return format_color(r, g, b), (percent_to_alpha(int(alpha)) if alpha is not None else None)


def read_style(element: etree._Element) -> Style:
    """A ``<style>`` element as a :class:`Style` (also used by the writer to check itself)."""
    style = Style()
    width = element.get("lineWidth")
    if width is not None:
        style.line_width = int(width)
    for child in element:
        tag = child.tag
        if tag == Q_FILL:
            style.fill, style.fill_alpha = _color(child)
        elif tag == Q_LINE:
            style.line_color, style.line_alpha = _color(child)
        elif tag == Q_FONT:
            style.font_name = child.get("name")
            size = child.get("size")
            if size is not None:
                style.font_size = float(size)
            style.font_style = child.get("style")
            for sub in child:
                if sub.tag == Q_COLOR:
                    style.font_color = _color(sub)[0]
    return style


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else str(tag)


@dataclass
class _Parts:
    """The common children of an element, relationship or view, decoded."""

    name: str
    names: dict[str, str]
    documentation: str
    documentations: dict[str, str]
    properties: list[tuple[str, str]]
    children: dict[Any, list[etree._Element]]


class _Reader:
    """One import: the source, the model being built and the report of what was left out."""

    def __init__(self, data: bytes, name: str) -> None:
        self.data = data
        self.name = name
        self.report: list[str] = []
        self.counts: Counter[str] = Counter()
        self.lang = "vi"
        self.propdefs: dict[str, tuple[str, str]] = {}
        self.ids: dict[str, etree._Element] = {}
        self.skipped: set[str] = set()

    def fail(self, line: int | None, message: str) -> ExchangeImportError:
        return ExchangeImportError(
            tr("{name}, line {line}: {problem}", name=self.name, line=line or 1,
               problem=message),
            line=line,
        )

    # -------------------------------------------------------------- checks
    def parse(self) -> etree._Element:
        try:
            tree = parse_xml(self.data, self.name)
        except ExchangeImportError:
            raise
        except XmlInputError as exc:
            raise ExchangeImportError(str(exc), line=exc.line) from None
        root = tree.getroot()
        if root.tag != Q_MODEL:
            qname = etree.QName(root)
            if qname.localname == "model" and qname.namespace != NS:
                problem = tr("the root element is in the namespace {found}, not the ArchiMate "
                             "exchange namespace {expected}", found=qname.namespace or "-",
                             expected=NS)
            else:
                problem = tr("the root element is <{tag}> in the namespace {found}; an "
                             "ArchiMate exchange file starts with <model> in {expected}",
                             tag=qname.localname, found=qname.namespace or "-", expected=NS)
            raise self.fail(root.sourceline, tr("not an ArchiMate exchange file: {problem}",
                                                problem=problem))
        return root

    def check_references(self, root: etree._Element) -> None:
        """Unique identifiers, and every reference resolving to the right kind of thing."""
        ids = self.ids
        refs: list[tuple[etree._Element, str, str]] = []
        for element in root.iter():
            attrib = element.attrib
            if not attrib:
                continue
            for key, value in attrib.items():
                if key == "identifier":
                    other = ids.get(value)
                    if other is not None:
                        raise self.fail(element.sourceline, tr(
                            "the identifier {id} is used twice (first at line {first})",
                            id=value, first=other.sourceline))
                    ids[value] = element
                elif key in _REF_TARGETS or key in ("source", "target"):
                    refs.append((element, key, value))
        for element, key, value in refs:
            target = ids.get(value)
            kind = _local(element.tag)
            if key in ("source", "target"):
                allowed = _END_TARGETS.get(kind)
                if allowed is None:
                    continue
            else:
                allowed = _REF_TARGETS[key]
            if target is None:
                raise self.fail(element.sourceline, tr(
                    "{kind} refers to {id} ({attribute}), which does not exist in the file",
                    kind=kind, id=value, attribute=key))
            if allowed is not None and _local(target.tag) not in allowed:
                raise self.fail(element.sourceline, tr(
                    "{kind} refers to {id} ({attribute}), which is a {found}, not a {expected}",
                    kind=kind, id=value, attribute=key, found=_local(target.tag),
                    expected=" / ".join(allowed)))

    def check_schema(self, root: etree._Element) -> None:
        schema = exchange_schema()
        if schema is None:
            log.info("exchange XSD not found; structural checks only")
            return
        if schema.validate(root.getroottree()):
            return
        error = schema.error_log[0] if len(schema.error_log) else None
        message = (error.message if error else "?").replace(f"{{{NS}}}", "").replace(
            f"{{{DC_NS}}}", "dc:")
        raise self.fail(error.line if error else None, tr(
            "the file does not follow the ArchiMate exchange schema: {reason}",
            reason=message))

    # -------------------------------------------------------------- text helpers
    def lang_strings(self, elements: list[etree._Element]) -> tuple[str, dict[str, str]]:
        """The main text (model language or no language) and the others by language."""
        main: str | None = None
        others: dict[str, str] = {}
        for element in elements:
            language = element.get(XML_LANG)
            text = element.text or ""
            if main is None and (not language or language == self.lang):
                main = text
            elif language and language != self.lang and language not in others:
                others[language] = text
        if main is None and elements:
            first = elements[0]
            main = first.text or ""
            others.pop(first.get(XML_LANG) or "", None)
        return main or "", others

    def properties(self, holder: etree._Element | None, owner: str) -> list[tuple[str, str]]:
        if holder is None:
            return []
        out = []
        for prop in holder:
            if prop.tag != Q_PROP:
                continue
            key = self.propdefs.get(prop.get("propertyDefinitionRef", ""), ("", ""))[0]
            values = [v for v in prop if v.tag == Q_VALUE]
            main, others = self.lang_strings(values)
            if others:
                self.report.append(tr(
                    "{owner}: property ‘{key}’ has values in other languages ({languages}); "
                    "only the main one was imported", owner=owner, key=key,
                    languages=", ".join(sorted(others))))
            out.append((key, main))
        return out

    def children(self, el: etree._Element, *tags: Any) -> dict[Any, list[etree._Element]]:
        """``el``'s children with the given tags, grouped by tag in document order. Any
        other child is another tool's extension: counted for the report, not imported."""
        groups: dict[Any, list[etree._Element]] = {tag: [] for tag in tags}
        for child in el:
            group = groups.get(child.tag)
            if group is None:
                self.counts["extension"] += 1
            else:
                group.append(child)
        return groups

    def concept_parts(self, el: etree._Element, *tags: Any) -> _Parts:
        """What elements, relationships and views share: names and documentation in every
        language and the properties (plus the children with ``tags``, grouped)."""
        groups = self.children(el, Q_NAME, Q_DOC, Q_PROPS, *tags)
        name, names = self.lang_strings(groups[Q_NAME])
        doc, docs = self.lang_strings(groups[Q_DOC])
        holder = groups[Q_PROPS][-1] if groups[Q_PROPS] else None
        return _Parts(name, names, doc, docs,
                      self.properties(holder, el.get("identifier", "")), groups)

    def read_diagram_texts(self, target: Node | Connection | Folder,
                           groups: dict[Any, list[etree._Element]]) -> None:
        """The label in every language and the main documentation of a node, connection or
        folder (the model keeps their documentation in one language only)."""
        target.label, target.labels = self.lang_strings(groups[Q_LABEL])
        target.documentation = self.lang_strings(groups[Q_DOC])[0]

    # -------------------------------------------------------------- build
    def build(self, root: etree._Element) -> Model:
        names = [c for c in root if c.tag == Q_NAME]
        metadata = root.find(Q_METADATA)
        language = names[0].get(XML_LANG) if names else None
        if not language and metadata is not None:
            dc_language = metadata.find(f"{{{DC_NS}}}language")
            language = (dc_language.text or "").strip() if dc_language is not None else None
        self.lang = language or "vi"
        model = Model(language=self.lang, id=root.get("identifier"))
        model.name, model.names = self.lang_strings(names)
        model.documentation, model.documentations = self.lang_strings(
            [c for c in root if c.tag == Q_DOC])
        if root.get("version"):
            self.report.append(tr("The model's version attribute ({version}) was not imported",
                                  version=root.get("version")))
        self.read_propdefs(root.find(Q_PROPDEFS), model)
        generated_folders = None
        for key, value in self.properties(root.find(Q_PROPS), tr("the model")):
            if key == PROP_GENERATED_FOLDERS:
                generated_folders = value
            elif key.startswith(PROP_METADATA_PREFIX):
                model.metadata[key[len(PROP_METADATA_PREFIX):]] = value
            else:
                model.properties.append((key, value))
        if metadata is not None:
            self.read_metadata(metadata, model)
        self.read_elements(root.find(Q_ELEMENTS), model)
        self.read_relationships(root.find(Q_RELS), model)
        views = root.find(Q_VIEWS)
        if views is not None:
            self.read_views(views, model)
        folders: list[Folder] = []
        for organizations in root.iterfind(Q_ORGS):
            for item in organizations:
                folder = self.read_folder(item, model, None)
                if folder is not None:
                    folders.append(folder)
        if generated_folders is None or generated_folders != folders_fingerprint(folders):
            model.folders = folders
        self.summarise()
        model.load_report = self.report
        return model

    def read_propdefs(self, holder: etree._Element | None, model: Model) -> None:
        if holder is None:
            return
        definitions = []
        for definition in holder:
            if definition.tag != Q_PROPDEF:
                continue
            name, others = self.lang_strings([c for c in definition if c.tag == Q_NAME])
            kind = definition.get("type", "string")
            self.propdefs[definition.get("identifier", "")] = (name, kind)
            definitions.append((definition.get("identifier", ""), name, kind))
        used = {p.get("propertyDefinitionRef") for p in holder.getparent().iter(Q_PROP)}
        for identifier, name, kind in definitions:
            if name.startswith("egov:"):
                continue
            if kind != "string" or identifier not in used:
                model.property_types[name] = kind

    def read_metadata(self, metadata: etree._Element, model: Model) -> None:
        for child in metadata:
            tag = child.tag
            if tag in (Q_SCHEMA, Q_SCHEMAVERSION):
                continue
            if isinstance(tag, str) and tag.startswith(f"{{{DC_NS}}}"):
                key = _local(tag)
                text = child.text or ""
                if key in model.metadata and model.metadata[key] != text:
                    model.metadata[key] = f"{model.metadata[key]}; {text}"
                else:
                    model.metadata[key] = text
            else:
                self.report.append(tr("Metadata <{tag}> (line {line}) was not imported",
                                      tag=_local(tag), line=child.sourceline))

    def read_elements(self, holder: etree._Element | None, model: Model) -> None:
        if holder is None:
            return
        put = model._put_element
        for el in holder:
            if el.tag != Q_ELEMENT:
                continue
            identifier = el.get("identifier")
            kind = el.get(XSI_TYPE, "")
            if kind not in ELEMENT_TYPES:
                self.skipped.add(identifier)
                self.report.append(tr(
                    "Element {id} (line {line}) skipped: unknown element type {type}",
                    id=identifier, line=el.sourceline, type=kind))
                continue
            parts = self.concept_parts(el)
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

    def read_relationships(self, holder: etree._Element | None, model: Model) -> None:
        if holder is None:
            return
        pending: list[tuple[Relationship, int]] = []
        for el in holder:
            if el.tag != Q_REL:
                continue
            identifier = el.get("identifier")
            kind = el.get(XSI_TYPE, "")
            if kind not in RELATIONSHIP_TYPES:
                self.skipped.add(identifier)
                self.report.append(tr(
                    "Relationship {id} (line {line}) skipped: unknown relationship type {type}",
                    id=identifier, line=el.sourceline, type=kind))
                continue
            parts = self.concept_parts(el)
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
        while pending:
            rest = []
            for rel, line in pending:
                ends = (rel.source, rel.target)
                if any(end in self.skipped for end in ends):
                    self.skipped.add(rel.id)
                    self.report.append(tr(
                        "Relationship {id} (line {line}) skipped: one of its ends was skipped",
                        id=rel.id, line=line))
                elif all(model.has_concept(end) for end in ends):
                    model._put_relationship(rel)
                else:
                    rest.append((rel, line))
            if len(rest) == len(pending):
                rel, line = rest[0]
                raise self.fail(line, tr("relationship {id} and others form a cycle of "
                                         "relationships ending at each other", id=rel.id))
            pending = rest

    # -------------------------------------------------------------- views
    def read_views(self, views: etree._Element, model: Model) -> None:
        for child in views:
            if child.tag == Q_DIAGRAMS:
                for view_el in child:
                    if view_el.tag == Q_VIEW:
                        self.read_view(view_el, model)
            else:
                self.report.append(tr(
                    "<{tag}> (line {line}) was not imported: viewpoint definitions are not "
                    "supported", tag=_local(child.tag), line=child.sourceline))

    def read_view(self, view_el: etree._Element, model: Model) -> None:
        identifier = view_el.get("identifier")
        parts = self.concept_parts(view_el, Q_NODE, Q_CONN)
        name = parts.name
        view = View(id=identifier, name=name, names=parts.names,
                    documentation=parts.documentation, documentations=parts.documentations,
                    viewpoint=view_el.get("viewpoint", ""))
        extras: dict[str, Any] = {}
        for key, value in parts.properties:
            if key == PROP_VIEW_EXTRAS:
                try:
                    extras = json.loads(value)
                    if not isinstance(extras, dict):
                        raise ValueError("not an object")
                except ValueError:
                    self.report.append(tr("View ‘{view}’: unreadable {key} property ignored",
                                          view=name, key=key))
                    extras = {}
            else:
                view.properties.append((key, value))
        if view_el.get("viewpointRef"):
            self.report.append(tr("View ‘{view}’: viewpoint reference {ref} not imported",
                                  view=name, ref=view_el.get("viewpointRef")))
        model._put_view(view)
        try:
            origin = extras.get("origin") or [0, 0]
            dx, dy = int(origin[0]), int(origin[1])
            node_extras = dict(extras.get("nodes") or {})
            conn_extras = dict(extras.get("connections") or {})
            for extra in (*node_extras.values(), *conn_extras.values()):
                if not isinstance(extra, dict) or not isinstance(extra.get("style", {}), dict):
                    raise ValueError("not an object")
        except (TypeError, ValueError, IndexError, AttributeError):
            self.report.append(tr("View ‘{view}’: unreadable {key} property ignored",
                                  view=name, key=PROP_VIEW_EXTRAS))
            dx = dy = 0
            node_extras, conn_extras = {}, {}
        self.read_nodes(view, parts.children[Q_NODE], model, dx, dy, node_extras)
        self.read_connections(view, parts.children[Q_CONN], model, dx, dy, conn_extras)

    def _int(self, el: etree._Element, attribute: str) -> int:
        value = el.get(attribute)
        try:
            return int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise self.fail(el.sourceline, tr(
                "<{tag}> needs a whole number in {attribute}, found {value!r}",
                tag=_local(el.tag), attribute=attribute, value=value)) from None

    def read_nodes(self, view: View, node_els: list[etree._Element], model: Model, dx: int,
                   dy: int, extras: dict[str, Any]) -> None:
        stack: list[tuple[etree._Element, str | None]] = [(n, None) for n in reversed(node_els)]
        while stack:
            el, parent = stack.pop()
            identifier = el.get("identifier")
            kind_attr = el.get(XSI_TYPE, "")
            element_id = el.get("elementRef")
            if kind_attr == "Element" or element_id is not None:
                kind = NODE_ELEMENT
            elif kind_attr == "Label":
                kind = NODE_LABEL
            else:
                kind = NODE_CONTAINER
                if kind_attr != "Container":
                    self.report.append(tr(
                        "Node {id} (line {line}) of unknown type {type} imported as a group",
                        id=identifier, line=el.sourceline, type=kind_attr))
            if element_id is not None and element_id in self.skipped:
                self.skipped.add(identifier)
                self.report.append(tr(
                    "Node {id} (line {line}) in view ‘{view}’ skipped with what it holds: "
                    "its element was skipped", id=identifier, line=el.sourceline,
                    view=view.name))
                continue
            node = Node(id=identifier, x=self._int(el, "x") - dx, y=self._int(el, "y") - dy,
                        w=self._int(el, "w"), h=self._int(el, "h"), kind=kind,
                        element_id=element_id, parent=parent)
            groups = self.children(el, Q_NODE, Q_STYLE, Q_LABEL, Q_DOC, Q_VIEWREF)
            self.read_diagram_texts(node, groups)
            if groups[Q_STYLE]:
                node.style = read_style(groups[Q_STYLE][-1])
            view_refs = groups[Q_VIEWREF]
            if view_refs:
                node.view_ref = view_refs[0].get("ref")
                if len(view_refs) > 1:
                    self.counts["extra viewRef"] += len(view_refs) - 1
            if node.view_ref is not None and node.view_ref not in self.ids_of_views:
                self.report.append(tr(
                    "Node {id} (line {line}): its reference to {ref}, which is not a view, "
                    "was not imported", id=identifier, line=el.sourceline, ref=node.view_ref))
                node.view_ref = None
            for attribute in ("conceptRef", "xpathPart"):
                if el.get(attribute):
                    self.counts[f"label {attribute}"] += 1
            extra = extras.get(identifier)
            if extra:
                self.apply_node_extra(node, extra)
            model._put_node(view.id, node)
            stack.extend((c, identifier) for c in reversed(groups[Q_NODE]))

    @staticmethod
    def apply_node_extra(node: Node, extra: dict[str, Any]) -> None:
        if "layer" in extra:
            node.layer = extra["layer"]
        if "kind" in extra:
            node.kind = extra["kind"]
        for key in ("w", "h"):
            if isinstance(extra.get(key), int):
                setattr(node, key, extra[key])
        for key, value in (extra.get("style") or {}).items():
            if hasattr(node.style, key):
                setattr(node.style, key, value)

    def read_connections(self, view: View, conn_els: list[etree._Element], model: Model,
                         dx: int, dy: int, extras: dict[str, Any]) -> None:
        pending: list[tuple[Connection, int]] = []
        for el in conn_els:
            identifier = el.get("identifier")
            relationship_id = el.get("relationshipRef")
            source, target = el.get("source"), el.get("target")
            if source is None or target is None:
                self.report.append(tr(
                    "Connection {id} (line {line}) skipped: it has no source or target",
                    id=identifier, line=el.sourceline))
                self.skipped.add(identifier)
                continue
            if relationship_id in self.skipped or source in self.skipped or (
                    target in self.skipped):
                self.skipped.add(identifier)
                self.report.append(tr(
                    "Connection {id} (line {line}) in view ‘{view}’ skipped: what it shows or "
                    "connects was skipped", id=identifier, line=el.sourceline, view=view.name))
                continue
            conn = Connection(id=identifier, source=source, target=target,
                              relationship_id=relationship_id)
            groups = self.children(el, Q_BEND, Q_STYLE, Q_LABEL, Q_DOC, Q_SRC_ATT, Q_TGT_ATT,
                                   Q_VIEWREF)
            self.read_diagram_texts(conn, groups)
            conn.bendpoints = [(self._int(b, "x") - dx, self._int(b, "y") - dy)
                               for b in groups[Q_BEND]]
            if groups[Q_STYLE]:
                conn.style = read_style(groups[Q_STYLE][-1])
            self.counts["attachment"] += len(groups[Q_SRC_ATT]) + len(groups[Q_TGT_ATT])
            self.counts["connection viewRef"] += len(groups[Q_VIEWREF])
            extra = extras.get(identifier)
            if extra:
                for key, value in (extra.get("style") or {}).items():
                    if hasattr(conn.style, key):
                        setattr(conn.style, key, value)
            pending.append((conn, el.sourceline))
        # A connection may end at a connection written after it: add in rounds.
        while pending:
            rest = []
            for conn, line in pending:
                ends = (conn.source, conn.target)
                if all(e in view.nodes or e in view.connections for e in ends):
                    model._put_connection(view.id, conn)
                elif any(e in self.skipped for e in ends):
                    self.skipped.add(conn.id)
                    self.report.append(tr(
                        "Connection {id} (line {line}) in view ‘{view}’ skipped: what it "
                        "connects was skipped", id=conn.id, line=line, view=view.name))
                else:
                    rest.append((conn, line))
            if len(rest) == len(pending):
                conn, line = rest[0]
                raise self.fail(line, tr(
                    "connection {id} ends at something that is not in view ‘{view}’",
                    id=conn.id, view=view.name))
            pending = rest

    # -------------------------------------------------------------- folders
    def read_folder(self, item: etree._Element, model: Model,
                    parent: Folder | None) -> Folder | None:
        """An ``<item>``: a reference (added to ``parent``) or a folder (returned)."""
        ref = item.get("identifierRef")
        if ref is not None:
            nested = [c for c in item if c.tag == Q_ITEM]
            if nested:
                self.report.append(tr(
                    "Folder item at line {line}: {count} items nested under a reference were "
                    "not imported", line=item.sourceline, count=len(nested)))
            if parent is None:
                self.report.append(tr(
                    "Folder item at line {line}: a reference outside any folder was not "
                    "imported", line=item.sourceline))
            elif model.has_concept(ref) or model.has_view(ref):
                parent.refs.append(ref)
            elif ref not in self.skipped:
                self.report.append(tr(
                    "Folder item at line {line}: {ref} is not an element, relationship or view "
                    "and was not imported", line=item.sourceline, ref=ref))
            return None
        folder = Folder(label="", id=item.get("identifier"))
        groups = self.children(item, Q_LABEL, Q_DOC, Q_ITEM)
        self.read_diagram_texts(folder, groups)
        for child in groups[Q_ITEM]:
            sub = self.read_folder(child, model, folder)
            if sub is not None:
                folder.folders.append(sub)
        return folder

    # -------------------------------------------------------------- report
    @cached_property
    def ids_of_views(self) -> set[str]:
        """Identifiers of the file's views (asked only once :meth:`check_references` has
        indexed every id)."""
        return {k for k, v in self.ids.items() if v.tag == Q_VIEW}

    def summarise(self) -> None:
        messages = {
            "attachment": tr("{count} connection attachment points (sourceAttachment/"
                             "targetAttachment) were not imported; connections are drawn to "
                             "the edges of their nodes"),
            "extension": tr("{count} extension elements of other tools were not imported"),
            "extra viewRef": tr("{count} additional view references of nodes were not "
                                "imported (a node keeps its first)"),
            "connection viewRef": tr("{count} view references of connections were not "
                                     "imported"),
            "label conceptRef": tr("{count} label expressions (conceptRef) were not imported; "
                                   "the labels keep their text"),
            "label xpathPart": tr("{count} label expressions (xpathPart) were not imported; "
                                  "the labels keep their text"),
        }
        for key, count in sorted(self.counts.items()):
            if count:
                self.report.append(messages[key].format(count=count))


# ------------------------------------------------------------------ public API
def read_exchange_bytes(data: bytes, name: str = "<memory>") -> Model:
    """Import exchange XML from ``data`` into a new model (``name`` is used in messages).

    Raises :class:`ExchangeImportError`; what could not be imported is listed in the
    returned model's ``load_report``.
    """
    reader = _Reader(data, name)
    root = reader.parse()
    reader.check_references(root)
    reader.check_schema(root)
    try:
        model = reader.build(root)
    except ExchangeImportError:
        raise
    except ModelError as exc:  # the model refused something the checks let through
        raise ExchangeImportError(tr("{name}: {problem}", name=name, problem=str(exc))) from None
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise ExchangeImportError(tr("{name} could not be imported: {reason}", name=name,
                                     reason=f"{type(exc).__name__}: {exc}")) from None
    for line in model.load_report:
        log.info("%s: %s", name, line)
    return model


def read_exchange(path: str | os.PathLike[str]) -> Model:
    """Import the exchange file at ``path`` into a new model (see
    :func:`read_exchange_bytes`)."""
    source = Path(path)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ExchangeImportError(tr("Cannot read {path}: {reason}", path=source,
                                     reason=exc.strerror or exc)) from None
    return read_exchange_bytes(data, source.name)
