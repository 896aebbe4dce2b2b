"""Write a model as ArchiMate Open Exchange XML (exchange format 3.1, the format Archi,
Sparx EA and BiZZdesign read).

Why it is built the way it is:

- Archi refuses a file that is not valid against the Open Group schemas, so the writer
  follows the XSD's element order to the letter (all nodes of a view before its
  connections; properties after names and documentation) and never writes an empty
  container element the schema forbids.
- Nothing of the model may be lost on the way out and back in. What the exchange format
  can say natively (names per language, documentation, properties with typed definitions,
  access type, association direction, influence modifier, folders, views, absolute
  geometry, bendpoints, styles, viewpoints, label references to views) is written
  natively. The framework provenance of an element (``catalog_ref``, ``layer`` and the
  reference model) is written as ordinary properties with stable ``egov:`` names, so other
  tools show it and :mod:`.oef_reader` restores it. The few things the format cannot hold
  (a layer band's framework layer, exact alpha values, negative coordinates) go into one
  ``egov:view-extras`` property of the view, a small JSON text the reader recognises.
- A model without folders of its own gets Archi's top-level folders, with the framework
  layers as sub-folders. A fingerprint of that generated tree is stored as the model
  property ``egov:generated-folders``, so the reader can tell a generated tree (dropped
  again, the model had no folders) from one a user rearranged in Archi (kept).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from functools import partial
from typing import Any

from lxml import etree

from ..model.concepts import Element, Folder, Relationship
from ..model.ids import all_new_usual_ids
from ..model.metamodel import ELEMENT_TYPES
from ..model.model import Model
from ..model.serialization import defaults_to_dict
from ..model.views import NODE_CONTAINER, NODE_LABEL, NODE_LEGEND, Connection, Node, View
from ..storage.atomic import write_atomically
from . import oef_file_facts as facts
from .oef_style import write_style
from .oef_vocabulary import (
    DATA_TYPES,
    DC_ELEMENTS,
    DC_NS,
    DC_SCHEMA,
    DC_SCHEMA_VERSION,
    NS,
    PROP_CATALOG_REF,
    PROP_GENERATED_FOLDERS,
    PROP_LAYER,
    PROP_METADATA_PREFIX,
    PROP_REFERENCE_MODEL,
    PROP_VIEW_EXTRAS,
    Q_PROP,
    Q_PROPS,
    Q_VALUE,
    RELATIONS_FOLDER,
    SCHEMA_LOCATION,
    TOP_FOLDERS,
    VIEWS_FOLDER,
    XML_LANG,
    XSI_NS,
    XSI_TYPE,
    folders_fingerprint,
    q,
    xml_text,
)
from .oef_xml_text import attribute, encoded, indent, text
from .xml_safety import safe_parser

log = logging.getLogger(__name__)


# ------------------------------------------------------------------ framework catalog
def _active_catalog() -> Any:
    """The active framework catalog (built-in plus user catalogs), or ``None`` when this
    build has none or it cannot be loaded: export must never fail because of it."""
    try:
        from ..model.catalog import active_catalog
    except ImportError:
        return None
    try:
        return active_catalog()
    except Exception:  # a broken user catalog must not stop an export
        log.warning("framework catalog unavailable; layer ids used as folder names",
                    exc_info=True)
        return None


def layer_names(layer_id: str, language: str = "vi") -> tuple[str, dict[str, str]]:
    """The framework layer's name in the model's ``language`` and in the other language,
    from the catalog; the layer id itself when the catalog does not know the layer."""
    catalog = _active_catalog()
    if catalog is None or not catalog.has_layer(layer_id):
        return layer_id, {}
    layer = catalog.layer(layer_id)
    names = {"vi": layer.name_vi, "en": layer.name_en}
    main = names.pop("en" if language == "en" else "vi") or layer_id
    return main, {k: v for k, v in names.items() if v and v != main}


def reference_model_of(element: Element) -> str | None:
    """The reference model (BRM, DRM, ARM, TRM, SRM, overview) of the element's catalog
    component: derived data, written so other tools see it, not read back."""
    if not element.catalog_ref:
        return None
    catalog = _active_catalog()
    component = catalog.find_component(element.catalog_ref) if catalog is not None else None
    return component.reference_model if component is not None else None


# ------------------------------------------------------------------ folders
def default_folders(model: Model) -> list[Folder]:
    """Archi's top-level folders with the framework layers as sub-folders.

    Deterministic (model order), so the reader can regenerate it and compare.
    """
    by_top: dict[str, tuple[list[str], dict[str, list[str]]]] = {
        label: ([], {}) for label, _ in TOP_FOLDERS
    }
    top_of_layer = {layer: label for label, layers in TOP_FOLDERS for layer in layers}
    for element in model.elements:
        element_type = ELEMENT_TYPES.get(element.type)
        top = top_of_layer.get(element_type.layer) if element_type else "Other"
        refs, sub = by_top[top or "Other"]
        if element.layer:
            sub.setdefault(element.layer, []).append(element.id)
        else:
            refs.append(element.id)
    catalog = _active_catalog()
    order = {layer.id: i for i, layer in enumerate(catalog.layers)} if catalog else {}
    folders: list[Folder] = []
    for label, _ in TOP_FOLDERS:
        refs, sub = by_top[label]
        if not refs and not sub:
            continue
        children = []
        for layer_id in sorted(sub, key=lambda k: order.get(k, len(order))):  # stable
            layer_refs = sub[layer_id]
            name, names = layer_names(layer_id, model.language)
            children.append(Folder(label=name, labels=names, refs=layer_refs))
        folders.append(Folder(label=label, refs=refs, folders=children))
    relationships = [r.id for r in model.relationships]
    if relationships:
        folders.append(Folder(label=RELATIONS_FOLDER, refs=relationships))
    views = [v.id for v in model.views]
    if views:
        folders.append(Folder(label=VIEWS_FOLDER, refs=views))
    return folders


# ------------------------------------------------------------------ styles
# ------------------------------------------------------------------ the writer
class _Writer:
    """One export: the model, its language, the property definitions met on the way."""

    def __init__(self, model: Model) -> None:
        self.model = model
        #: The language main texts are written in; none for a model whose file named none.
        untagged = facts.text_fact(model, facts.META_UNTAGGED) == "true"
        self.lang = "" if untagged else model.language or ""
        self.used_ids = self._all_ids()
        self.prop_ids: dict[str, str] = {}
        self._next_prop = 1
        #: The definitions the imported file had, by key (first one wins), their ids
        #: reserved so a new definition never takes one.
        self.file_definitions: dict[str, facts.PropertyDefinition] = {}
        #: Archi's specialization definition, when some concept is specialized and no
        #: object of the model already has that id (then it is an ordinary property).
        self.specialization_id: str | None = None
        self.specialized = False
        if facts.SPECIALIZATION_ID not in self.used_ids:
            self.used_ids.add(facts.SPECIALIZATION_ID)
            self.specialization_id = facts.SPECIALIZATION_ID
        for definition in facts.definitions(model):
            if definition.identifier not in self.used_ids:
                self.file_definitions.setdefault(definition.key, definition)
                self.used_ids.add(definition.identifier)
        #: ``xml:lang`` of the texts in the model's language (none when it has none).
        self._lang_attrib = {XML_LANG: self.lang} if self.lang else {}
        self._lang_text = f' xml:lang="{attribute(self.lang)}"' if self.lang else ""
        #: Parts written as text: (the placeholder's line, the part's bytes).
        self.spliced: list[tuple[bytes, bytes]] = []
        #: Every id of the model is of the usual form (no character to escape), checked
        #: at once: ids, ends and references are then written as they are.
        self.plain_ids = all_new_usual_ids(list(self.used_ids))
        #: What frees the texts written as text of characters XML cannot hold: nothing
        #: at first (they are rare, and searching every text for them took a tenth of the
        #: export); when the written part turns out to hold one, it is written again with
        #: :func:`xml_text`, which drops them (see :meth:`_spliced`).
        self.clean: Callable[[str], str] = _as_is
        #: The reference model of each catalog component met (see :meth:`element`).
        self._reference_models: dict[str, str | None] = {}
        #: Attribute values met many times (types, property references), escaped once.
        self._escaped: dict[str, str] = {}

    def _all_ids(self) -> set[str]:
        m = self.model
        ids = {m.id}
        ids.update(e.id for e in m.elements)
        ids.update(r.id for r in m.relationships)
        for view in m.views:
            ids.add(view.id)
            ids.update(view.nodes)
            ids.update(view.connections)
        ids.update(f.id for f in m.iter_folders() if f.id)
        return ids

    def prop_id(self, key: str) -> str:
        """The propertyDefinition id of ``key``: the one the imported file gave it, else
        one made on first use, never clashing."""
        found = self.prop_ids.get(key)
        if found is None and key in self.file_definitions:
            found = self.prop_ids[key] = self.file_definitions[key].identifier
        if found is None:
            while f"propid-{self._next_prop}" in self.used_ids:
                self._next_prop += 1
            found = f"propid-{self._next_prop}"
            self._next_prop += 1
            self.prop_ids[key] = found
        return found

    # -------------------------------------------------------------- small pieces
    def lang_strings(self, parent: etree._Element, tag: str, main: str,
                     others: dict[str, str], required: bool = False) -> None:
        """``main`` in the model's language, then the other languages, sorted.

        An empty ``main`` is still written when other languages follow, so that the reader
        does not promote another language's text to the main one."""
        if others:
            others = {k: v for k, v in others.items() if k and k != self.lang}
        if main or required or others:
            element = etree.SubElement(parent, q(tag), self._lang_attrib)
            element.text = xml_text(main)
        for language in sorted(others):
            element = etree.SubElement(parent, q(tag))
            element.set(XML_LANG, language)
            element.text = xml_text(others[language])

    def properties(self, parent: etree._Element, props: list[tuple[str, str]],
                   specialization: str | None = None) -> None:
        """``props`` in order, then a concept's ``specialization`` as Archi writes it."""
        if not props and not specialization:
            return
        holder = etree.SubElement(parent, Q_PROPS)
        items = [(self.prop_ids.get(key) or self.prop_id(key), value) for key, value in props]
        if specialization and self.specialization_id is not None:
            self.specialized = True
            items.append((self.specialization_id, specialization))
        elif specialization:  # the id is taken by an object: an ordinary property then
            items.append((self.prop_id(facts.SPECIALIZATION_NAME), specialization))
        attrib, sub = self._lang_attrib, etree.SubElement
        for ref, value in items:
            prop = sub(holder, Q_PROP, propertyDefinitionRef=ref)
            sub(prop, Q_VALUE, attrib).text = xml_text(value)

    # -------------------------------------------------------------- the same, as text
    # (for the bulk of the file: see :mod:`.oef_xml_text`)
    def lang_lines(self, out: list[str], depth: int, tag: str, main: str,
                   others: dict[str, str], required: bool = False) -> None:
        """:meth:`lang_strings` written as lines into ``out``."""
        if others:
            others = {k: v for k, v in others.items() if k and k != self.lang}
        pad = indent(depth)
        if main or required or others:
            out.append(f"{pad}<{tag}{self._lang_text}>{text(self.clean(main))}</{tag}>\n")
        for language in sorted(others) if others else ():
            out.append(f'{pad}<{tag} xml:lang="{self.repeated(language)}">'
                       f"{text(self.clean(others[language]))}</{tag}>\n")

    def property_lines(self, out: list[str], depth: int, props: list[tuple[str, str]],
                       specialization: str | None = None) -> None:
        """:meth:`properties` written as lines into ``out``."""
        if not props and not specialization:
            return
        prop_ids = self.prop_ids
        items = [(prop_ids.get(key) or self.prop_id(key), value) for key, value in props]
        if specialization and self.specialization_id is not None:
            self.specialized = True
            items.append((self.specialization_id, specialization))
        elif specialization:  # the id is taken by an object: an ordinary property then
            items.append((self.prop_id(facts.SPECIALIZATION_NAME), specialization))
        pad, pad1, pad2 = indent(depth), indent(depth + 1), indent(depth + 2)
        repeated, clean = self.repeated, self.clean
        value_open = f"{pad2}<value{self._lang_text}>"
        out.append(f"{pad}<properties>\n")
        for ref, value in items:
            out.append(f'{pad1}<property propertyDefinitionRef="{repeated(ref)}">\n'
                       f"{value_open}{text(clean(value))}</value>\n{pad1}</property>\n")
        out.append(f"{pad}</properties>\n")

    def ident(self, value: str) -> str:
        """An id (or a reference to one) as an attribute value."""
        return value if self.plain_ids else attribute(value)

    def repeated(self, value: str) -> str:
        """An attribute value that recurs (a type, a property reference), escaped."""
        found = self._escaped.get(value)
        if found is None:
            found = self._escaped[value] = attribute(value)
        return found

    def _spliced(self, parent: etree._Element, write: Callable[[list[str]], None],
                 depth: int = 1) -> None:
        """Put the lines ``write`` writes (as text, ``depth`` levels below the root) where
        a placeholder now goes in ``parent``; :func:`exchange_bytes` swaps them in (in the
        order they were made, which is the file's order)."""
        lines: list[str] = []
        write(lines)
        if not lines:
            return
        try:
            data = encoded("".join(lines))
        except ValueError:  # a text with a character XML cannot hold: written again
            self.clean = xml_text
            lines = []
            write(lines)
            data = encoded("".join(lines))  # still: an id or a type, refused as before
        marker = q(f"egov-splice{len(self.spliced)}")
        etree.SubElement(parent, marker)
        self.spliced.append((f"{indent(depth)}<egov-splice{len(self.spliced)}/>\n".encode(),
                             data))

    # -------------------------------------------------------------- model
    def build(self) -> etree._Element:
        m = self.model
        root = etree.Element(q("model"), nsmap={None: NS, "xsi": XSI_NS, "dc": DC_NS})
        root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
        root.set("identifier", m.id)
        version = facts.text_fact(m, facts.META_VERSION)
        if version is not None:
            root.set("version", xml_text(version))
        self.lang_strings(root, "name", m.name, m.names, required=True)
        self.lang_strings(root, "documentation", m.documentation, m.documentations)
        folders = m.folders
        top_level_refs = facts.top_level_refs(m)
        model_props = list(m.properties)
        extra_metadata = [(k, v) for k, v in m.metadata.items()
                          if _dc_key(k) is None and not facts.is_fact_key(k)]
        model_props += [(PROP_METADATA_PREFIX + k, v) for k, v in extra_metadata]
        if not folders and not top_level_refs:
            folders = default_folders(m)
            if folders:
                model_props.append((PROP_GENERATED_FOLDERS, folders_fingerprint(folders)))
        self.properties(root, model_props)
        self.metadata(root)
        elements = m.elements
        relationships = m.relationships
        known = {e.id for e in elements} | {r.id for r in relationships} | {
            v.id for v in m.views}

        def write(lines: list[str]) -> None:
            self.concept_lines(lines, elements, relationships, folders, top_level_refs,
                               known)

        self._spliced(root, write)
        views = m.views
        diagrams = etree.Element(q("diagrams"))
        for view in views:
            if _plain_view(view):  # the usual: written as text
                self._spliced(diagrams, partial(self.view_lines, view=view), depth=3)
            else:
                diagrams.append(self.view(view))
        self.property_definitions(root)
        if views:
            holder = etree.SubElement(root, q("views"))
            holder.append(diagrams)
        return root

    def concept_lines(self, lines: list[str], elements: list[Element],
                      relationships: list[Relationship], folders: list[Folder],
                      top_level_refs: list[tuple[int, str]], known: set[str]) -> None:
        """``<elements>``, ``<relationships>`` and ``<organizations>``, as text."""
        if elements:
            lines.append("  <elements>\n")
            for element in elements:
                self.element(lines, element)
            lines.append("  </elements>\n")
        if relationships:
            lines.append("  <relationships>\n")
            for rel in relationships:
                self.relationship(lines, rel)
            lines.append("  </relationships>\n")
        if folders or top_level_refs:
            items: list[str] = []
            for folder in folders:
                item: list[str] = []
                self.folder(item, 2, folder, known)
                items.append("".join(item))
            for position, ref in top_level_refs:  # in order: each lands where it was
                if ref in known:
                    items.insert(position, f'    <item identifierRef="{self.ident(ref)}"/>\n')
            if items:
                lines += ["  <organizations>\n", *items, "  </organizations>\n"]

    def metadata(self, root: etree._Element) -> None:
        metadata = self.model.metadata
        items = [(_dc_key(k), v) for k, v in metadata.items()]
        items = [(k, v) for k, v in items if k is not None]
        schema = (DC_SCHEMA, DC_SCHEMA_VERSION) if items else ("", "")
        if facts.META_SCHEMA in metadata:  # the imported file's own (or none)
            schema = (facts.text_fact(self.model, facts.META_SCHEMA) or "",
                      facts.text_fact(self.model, facts.META_SCHEMA_VERSION) or "")
        if not items and not any(schema):
            return
        holder = etree.SubElement(root, q("metadata"))
        if schema[0]:
            etree.SubElement(holder, q("schema")).text = xml_text(schema[0])
        if schema[1]:
            etree.SubElement(holder, q("schemaversion")).text = xml_text(schema[1])
        for key, value in items:
            etree.SubElement(holder, f"{{{DC_NS}}}{key}").text = xml_text(value)

    def property_definitions(self, root: etree._Element) -> None:
        for key in self.model.property_types:  # declared types even when unused
            self.prop_id(key)
        if not self.prop_ids and not self.specialized:
            return
        holder = etree.SubElement(root, q("propertyDefinitions"))
        if self.specialized and self.specialization_id is not None:  # as Archi writes it
            definition = etree.SubElement(holder, q("propertyDefinition"),
                                          identifier=self.specialization_id, type="string")
            etree.SubElement(definition, q("name")).text = facts.SPECIALIZATION_NAME
        for key, prop_id in self.prop_ids.items():
            kind = self.model.property_types.get(key, "string")
            if kind not in DATA_TYPES:
                log.warning("property %s has type %s, written as string", key, kind)
                kind = "string"
            definition = etree.SubElement(holder, q("propertyDefinition"), identifier=prop_id,
                                          type=kind)
            found = self.file_definitions.get(key)
            if found is not None and found.identifier == prop_id:  # as the file wrote it
                name = etree.SubElement(definition, q("name"))
                if found.lang:
                    name.set(XML_LANG, found.lang)
                name.text = xml_text(key)
                for language in sorted(found.names):
                    other = etree.SubElement(definition, q("name"))
                    other.set(XML_LANG, language)
                    other.text = xml_text(found.names[language])
            else:
                etree.SubElement(definition, q("name")).text = xml_text(key)

    def element(self, out: list[str], element: Element) -> None:
        opening = (f'    <element identifier="{self.ident(element.id)}" '
                   f'xsi:type="{self.repeated(element.type)}"')
        body: list[str] = []
        if element.names or element.type in ("AndJunction", "OrJunction"):
            junction = element.type in ("AndJunction", "OrJunction")
            self.lang_lines(body, 3, "name", element.name, element.names,
                            required=not junction)
        else:  # the usual: one name, in the model's language
            body.append(f"      <name{self._lang_text}>{text(self.clean(element.name))}"
                        "</name>\n")
        if element.documentation or element.documentations:
            self.lang_lines(body, 3, "documentation", element.documentation,
                            element.documentations)
        props = element.properties
        catalog_ref = element.catalog_ref
        if catalog_ref or element.layer:
            props = list(props)
            if catalog_ref:
                props.append((PROP_CATALOG_REF, catalog_ref))
            if element.layer:
                props.append((PROP_LAYER, element.layer))
            if catalog_ref:  # the catalog asked once per component, not per element
                found = self._reference_models.get(catalog_ref, "")
                if found == "":
                    found = self._reference_models[catalog_ref] = reference_model_of(element)
                if found:
                    props.append((PROP_REFERENCE_MODEL, found))
        if props or element.specialization:
            self.property_lines(body, 3, props, element.specialization)
        _close(out, opening, body, "    </element>\n")

    def relationship(self, out: list[str], rel: Relationship) -> None:
        ident = self.ident
        opening = (f'    <relationship identifier="{ident(rel.id)}" '
                   f'source="{ident(rel.source)}" target="{ident(rel.target)}" '
                   f'xsi:type="{self.repeated(rel.type)}"')
        if rel.type == "Access":
            opening += f' accessType="{self.repeated(rel.access_type or "Access")}"'
        elif rel.type == "Association":
            opening += f' isDirected="{"true" if rel.is_directed else "false"}"'
        elif rel.type == "Influence" and rel.modifier:
            opening += f' modifier="{attribute(self.clean(rel.modifier))}"'
        if not (rel.name or rel.names or rel.documentation or rel.documentations
                or rel.properties or rel.specialization):
            out.append(f"{opening}/>\n")
            return
        body: list[str] = []
        self.lang_lines(body, 3, "name", rel.name, rel.names)
        self.lang_lines(body, 3, "documentation", rel.documentation, rel.documentations)
        self.property_lines(body, 3, rel.properties, rel.specialization)
        _close(out, opening, body, "    </relationship>\n")

    def folder(self, out: list[str], depth: int, folder: Folder, known: set[str]) -> None:
        pad = indent(depth)
        opening = (f'{pad}<item identifier="{self.ident(folder.id)}"' if folder.id
                   else f"{pad}<item")
        body: list[str] = []
        self.lang_lines(body, depth + 1, "label", folder.label, folder.labels)
        self.lang_lines(body, depth + 1, "documentation", folder.documentation, {})
        for child in folder.folders:
            self.folder(body, depth + 1, child, known)
        ident = self.ident
        ref_line = f'{indent(depth + 1)}<item identifierRef="'
        for ref in folder.refs:
            if ref in known:
                body.append(f'{ref_line}{ident(ref)}"/>\n')
            else:
                log.warning("folder %s: reference to missing %s not written", folder.label, ref)
        _close(out, opening, body, f"{pad}</item>\n")

    # -------------------------------------------------------------- views
    def view(self, view: View) -> etree._Element:
        element = etree.Element(q("view"), identifier=view.id)
        element.set(XSI_TYPE, "Diagram")
        if view.viewpoint:
            element.set("viewpoint", xml_text(view.viewpoint))
        self.lang_strings(element, "name", view.name, view.names, required=True)
        self.lang_strings(element, "documentation", view.documentation, view.documentations)
        extras, dx, dy = _view_extras(view)
        children = _children(view)
        node_extras: dict[str, Any] = {}
        body: list[etree._Element] = []
        stack: list[tuple[etree._Element | None, Node]] = [
            (None, n) for n in reversed(children.get(None, []))]
        while stack:
            parent_element, node = stack.pop()
            node_element, extra = self.node(node, dx, dy)
            if extra:
                node_extras[node.id] = extra
            if parent_element is None:
                body.append(node_element)
            else:
                parent_element.append(node_element)
            kids = children.get(node.id, [])
            if kids and node.kind in (NODE_LABEL, NODE_LEGEND):  # a Label holds no nodes
                log.warning("label node %s has children; they are written beside it", node.id)
                stack.extend((parent_element, k) for k in reversed(kids))
            else:
                stack.extend((node_element, k) for k in reversed(kids))
        conn_extras: dict[str, Any] = {}
        for conn in view.connections.values():
            conn_element, extra = self.connection(conn, dx, dy)
            if extra:
                conn_extras[conn.id] = extra
            body.append(conn_element)
        props = _view_properties(view, extras, node_extras, conn_extras)
        self.properties(element, props)
        element.extend(body)
        return element

    def view_lines(self, out: list[str], view: View) -> None:
        """:meth:`view` written as text, for a view whose nodes and connections all have
        the default style (see :func:`_plain_view`)."""
        opening = f'      <view identifier="{self.ident(view.id)}" xsi:type="Diagram"'
        if view.viewpoint:
            opening += f' viewpoint="{attribute(self.clean(view.viewpoint))}"'
        head: list[str] = []
        self.lang_lines(head, 4, "name", view.name, view.names, required=True)
        self.lang_lines(head, 4, "documentation", view.documentation, view.documentations)
        extras, dx, dy = _view_extras(view)
        children = _children(view)
        node_extras: dict[str, Any] = {}
        body: list[str] = []
        stack: list[tuple[Node, int] | str] = [(n, 4) for n in reversed(children.get(None, []))]
        while stack:  # depth first, without recursion (a file may nest deeply)
            item = stack.pop()
            if isinstance(item, str):  # the closing line of a node with nested nodes
                body.append(item)
                continue
            node, depth = item
            node_opening, own, extra = self.node_text(node, depth, dx, dy)
            if extra:
                node_extras[node.id] = extra
            closing = f"{indent(depth)}</node>\n"
            kids = children.get(node.id, [])
            if kids and node.kind in (NODE_LABEL, NODE_LEGEND):  # a Label holds no nodes
                log.warning("label node %s has children; they are written beside it", node.id)
                _close(body, node_opening, own, closing)
                stack.extend((k, depth) for k in reversed(kids))
            elif kids:
                body.append(f"{node_opening}>\n")
                body += own
                stack.append(closing)
                stack.extend((k, depth + 1) for k in reversed(kids))
            else:
                _close(body, node_opening, own, closing)
        conn_extras: dict[str, Any] = {}
        for conn in view.connections.values():
            extra = self.connection_text(body, conn, dx, dy)
            if extra:
                conn_extras[conn.id] = extra
        props = _view_properties(view, extras, node_extras, conn_extras)
        self.property_lines(head, 4, props)
        _close(out, opening, head + body, "      </view>\n")

    def node_text(self, node: Node, depth: int, dx: int,
                  dy: int) -> tuple[str, list[str], dict[str, Any]]:
        """:meth:`node` as text: the opening tag (unclosed), the lines of its own
        children (label, documentation, view reference) and its extras."""
        extra: dict[str, Any] = {}
        opening = f'{indent(depth)}<node identifier="{self.ident(node.id)}" '
        if node.element_id is not None:
            opening += f'xsi:type="Element" elementRef="{self.ident(node.element_id)}"'
            if node.kind != "element":
                extra["kind"] = node.kind
        elif node.kind in (NODE_LABEL, NODE_LEGEND):
            opening += 'xsi:type="Label"'
            if node.kind != NODE_LABEL:
                extra["kind"] = node.kind
        else:
            opening += 'xsi:type="Container"'
            if node.kind != NODE_CONTAINER:
                extra["kind"] = node.kind
        opening += (f' x="{node.x + dx}" y="{node.y + dy}" w="{max(node.w, 1)}" '
                    f'h="{max(node.h, 1)}"')
        if node.w < 1:
            extra["w"] = node.w
        if node.h < 1:
            extra["h"] = node.h
        own: list[str] = []
        if node.label or node.labels:
            self.lang_lines(own, depth + 1, "label", node.label, node.labels)
        if node.documentation:
            self.lang_lines(own, depth + 1, "documentation", node.documentation, {})
        if node.view_ref:
            own.append(f'{indent(depth + 1)}<viewRef ref="{attribute(node.view_ref)}"/>\n')
        if node.layer:
            extra["layer"] = node.layer
        return opening, own, extra

    def connection_text(self, out: list[str], conn: Connection, dx: int,
                        dy: int) -> dict[str, Any]:
        """:meth:`connection` written as text into ``out``; returns its extras."""
        ident = self.ident
        if conn.relationship_id is not None:
            opening = (f'        <connection identifier="{ident(conn.id)}" '
                       f'xsi:type="Relationship" relationshipRef="{ident(conn.relationship_id)}"'
                       f' source="{ident(conn.source)}" target="{ident(conn.target)}"')
        else:
            opening = (f'        <connection identifier="{ident(conn.id)}" xsi:type="Line" '
                       f'source="{ident(conn.source)}" target="{ident(conn.target)}"')
        extra: dict[str, Any] = {}
        own: list[str] = []
        if conn.label or conn.labels:
            self.lang_lines(own, 5, "label", conn.label, conn.labels)
        if conn.documentation:
            self.lang_lines(own, 5, "documentation", conn.documentation, {})
        if conn.router:
            extra["router"] = conn.router
        for x, y in conn.bendpoints:
            own.append(f'          <bendpoint x="{x + dx}" y="{y + dy}"/>\n')
        _close(out, opening, own, "        </connection>\n")
        return extra

    def node(self, node: Node, dx: int, dy: int) -> tuple[etree._Element, dict[str, Any]]:
        element = etree.Element(q("node"), identifier=node.id)
        extra: dict[str, Any] = {}
        if node.element_id is not None:
            element.set(XSI_TYPE, "Element")
            element.set("elementRef", node.element_id)
            if node.kind != "element":
                extra["kind"] = node.kind
        elif node.kind in (NODE_LABEL, NODE_LEGEND):
            element.set(XSI_TYPE, "Label")  # a legend: a label with its title, kind kept
            if node.kind != NODE_LABEL:
                extra["kind"] = node.kind
        else:
            element.set(XSI_TYPE, "Container")
            if node.kind != NODE_CONTAINER:
                extra["kind"] = node.kind
        element.set("x", str(node.x + dx))
        element.set("y", str(node.y + dy))
        element.set("w", str(max(node.w, 1)))
        element.set("h", str(max(node.h, 1)))
        if node.w < 1:
            extra["w"] = node.w
        if node.h < 1:
            extra["h"] = node.h
        self.lang_strings(element, "label", node.label, node.labels)
        self.lang_strings(element, "documentation", node.documentation, {})
        style = write_style(element, node.style)
        if style:
            extra["style"] = style
        if node.view_ref:
            etree.SubElement(element, q("viewRef"), ref=node.view_ref)
        if node.layer:
            extra["layer"] = node.layer
        return element, extra

    def connection(self, conn: Connection, dx: int,
                   dy: int) -> tuple[etree._Element, dict[str, Any]]:
        element = etree.Element(q("connection"), identifier=conn.id)
        if conn.relationship_id is not None:
            element.set(XSI_TYPE, "Relationship")
            element.set("relationshipRef", conn.relationship_id)
        else:
            element.set(XSI_TYPE, "Line")
        element.set("source", conn.source)
        element.set("target", conn.target)
        extra: dict[str, Any] = {}
        self.lang_strings(element, "label", conn.label, conn.labels)
        self.lang_strings(element, "documentation", conn.documentation, {})
        style = write_style(element, conn.style)
        if style:
            extra["style"] = style
        if conn.router:
            extra["router"] = conn.router
        for x, y in conn.bendpoints:
            etree.SubElement(element, q("bendpoint"), x=str(x + dx), y=str(y + dy))
        return element, extra


def _plain_view(view: View) -> bool:
    """A view whose nodes and connections all have the default style: written as text
    (the few others through the tree, as :func:`.oef_style.write_style` writes styles)."""
    return all(n.style.is_default() for n in view.nodes.values()) and all(
        c.style.is_default() for c in view.connections.values())


def _as_is(text: str) -> str:
    return text


def _close(out: list[str], opening: str, body: list[str], closing: str) -> None:
    """An element as lxml writes it: ``<tag .../>`` when it has no children, else its
    opening line, its children's lines and its closing line."""
    if body:
        out.append(f"{opening}>\n")
        out += body
        out.append(closing)
    else:
        out.append(f"{opening}/>\n")


def _dc_key(key: str) -> str | None:
    """The Dublin Core element a metadata key names (``title``, ``creator``...), if any.

    Only the bare names count: any other key (``dc:title``, a dossier field) travels as an
    ``egov:metadata.`` model property so that it comes back under the same key."""
    return key if key in DC_ELEMENTS else None



def _view_extras(view: View) -> tuple[dict[str, Any], int, int]:
    """What the exchange format cannot say about a view itself (its origin shift, line
    routing, default styles), and the shift ``(dx, dy)`` applied to its coordinates."""
    extras: dict[str, Any] = {}
    dx, dy = _origin_shift(view)
    if dx or dy:
        extras["origin"] = [dx, dy]
    if view.connection_router:
        extras["router"] = view.connection_router
    defaults = defaults_to_dict(view.defaults)
    if defaults:
        extras["defaults"] = defaults
    return extras, dx, dy


def _children(view: View) -> dict[str | None, list[Node]]:
    """Each node's children in the view's order (``None``: the top level; a node whose
    parent is missing is written at the top level)."""
    children: dict[str | None, list[Node]] = {}
    for node in view.nodes.values():
        parent = node.parent if node.parent in view.nodes else None
        children.setdefault(parent, []).append(node)
    return children


def _view_properties(view: View, extras: dict[str, Any], node_extras: dict[str, Any],
                     conn_extras: dict[str, Any]) -> list[tuple[str, str]]:
    """The view's properties, with the extras (its own, its nodes', its lines') as one
    JSON property when there are any."""
    if node_extras:
        extras["nodes"] = node_extras
    if conn_extras:
        extras["connections"] = conn_extras
    props = list(view.properties)
    if extras:
        props.append((PROP_VIEW_EXTRAS, json.dumps(extras, ensure_ascii=False,
                                                   sort_keys=True, separators=(",", ":"))))
    return props

def _origin_shift(view: View) -> tuple[int, int]:
    """How far to move the view so no coordinate is negative (the XSD forbids it)."""
    min_x = min_y = 0
    for node in view.nodes.values():
        min_x = min(min_x, node.x)
        min_y = min(min_y, node.y)
    for conn in view.connections.values():
        for x, y in conn.bendpoints:
            min_x = min(min_x, x)
            min_y = min(min_y, y)
    return -min_x, -min_y


# ------------------------------------------------------------------ public API
def exchange_tree(model: Model) -> etree._Element:
    """The exchange document of ``model`` as an lxml element (for tests and tools)."""
    return etree.fromstring(exchange_bytes(model), safe_parser())


def exchange_bytes(model: Model) -> bytes:
    """The exchange XML of ``model``, UTF-8, with an XML declaration: the tree of its
    smaller parts serialised by lxml, the parts written as text put in their places."""
    writer = _Writer(model)
    root = writer.build()
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    if not writer.spliced:
        return data
    pieces: list[bytes] = []
    for marker, chunk in writer.spliced:
        before, found, data = data.partition(marker)
        if not found:  # never: the placeholder is an element only this writer makes
            raise RuntimeError("exchange export: a part was lost")
        pieces += (before, chunk)
    pieces.append(data)
    return b"".join(pieces)


def write_exchange(model: Model, path: str | os.PathLike[str]) -> None:
    """Write ``model`` to ``path`` as exchange XML, atomically (old file or new, never half)."""
    data = exchange_bytes(model)
    write_atomically(path, data)
    log.info("wrote %s (%d bytes)", path, len(data))
