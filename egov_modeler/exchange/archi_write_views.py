"""Writing views as Archi holds them: figures nested in their parent with bounds relative
to it, connections stored in their source figure (or source connection) with the list of
incoming connections on their target, and bendpoints as Archi's offsets from the two
ends' reference points."""

from __future__ import annotations

import json
import logging

from lxml import etree

from ..i18n import tr
from ..model.model import Model
from ..model.serialization import defaults_to_dict
from ..model.views import (
    NODE_CONTAINER,
    NODE_ELEMENT,
    NODE_LABEL,
    NODE_LEGEND,
    Connection,
    Node,
    View,
)
from .archi_style import write_style
from .archi_vocabulary import (
    F_DEFAULTS,
    F_DOCUMENTATION,
    F_DOCUMENTATIONS,
    F_KIND,
    F_LABEL,
    F_LABELS,
    F_LAYER,
    F_NAMES,
    F_ROUTER,
    F_VIEWPOINT,
    ROUTERS_TO_ARCHI,
    VIEWPOINT_IDS,
    XSI_TYPE,
    bendpoint_offsets,
    centre,
    path_reference,
)
from .oef_vocabulary import xml_text

log = logging.getLogger(__name__)


def add_features(el: etree._Element, features: dict[str, str]) -> None:
    """``<feature name= value=/>`` children, in the order given."""
    for key, value in features.items():
        etree.SubElement(el, "feature", name=key, value=xml_text(value))


def lang_feature(features: dict[str, str], key: str, values: dict[str, str]) -> None:
    """Texts in other languages as one JSON feature (Archi holds one language)."""
    if values:
        features[key] = json.dumps({k: values[k] for k in sorted(values)}, ensure_ascii=False,
                                   separators=(",", ":"))


class ViewWriter:
    """One view: the model, the warnings of the whole write, the reference points."""

    def __init__(self, model: Model, view: View, warnings: list[str]) -> None:
        self.model = model
        self.view = view
        self.warnings = warnings
        self.elements: dict[str, etree._Element] = {}
        self.incoming: dict[str, list[str]] = {}
        self.references: dict[str, tuple[int, int]] = {}

    def build(self) -> etree._Element:
        view = self.view
        el = etree.Element("element", {XSI_TYPE: "archimate:ArchimateDiagramModel",
                                       "name": xml_text(view.name), "id": view.id})
        features: dict[str, str] = {}
        lang_feature(features, F_NAMES, view.names)
        lang_feature(features, F_DOCUMENTATIONS, view.documentations)
        if view.viewpoint in VIEWPOINT_IDS:
            el.set("viewpoint", VIEWPOINT_IDS[view.viewpoint])
        elif view.viewpoint:
            features[F_VIEWPOINT] = view.viewpoint
        router = ROUTERS_TO_ARCHI.get(view.connection_router, 0)
        if router:
            el.set("connectionRouterType", str(router))
        defaults = defaults_to_dict(view.defaults)
        if defaults:
            features[F_DEFAULTS] = json.dumps(defaults, ensure_ascii=False, sort_keys=True,
                                              separators=(",", ":"))
        add_features(el, features)
        self.nodes(el)
        self.connections()
        for node_id, incoming in self.incoming.items():
            if incoming and node_id in self.elements:
                self.elements[node_id].set("targetConnections", " ".join(incoming))
        if view.documentation:
            etree.SubElement(el, "documentation").text = xml_text(view.documentation)
        for key, value in view.properties:
            etree.SubElement(el, "property", key=xml_text(key), value=xml_text(value))
        return el

    # -------------------------------------------------------------- figures
    def nodes(self, view_el: etree._Element) -> None:
        view = self.view
        children: dict[str | None, list[Node]] = {}
        for node in view.nodes.values():
            parent_id = node.parent if node.parent in view.nodes else None
            children.setdefault(parent_id, []).append(node)
        stack: list[tuple[etree._Element, Node | None, Node]] = [
            (view_el, None, n) for n in reversed(children.get(None, []))]
        while stack:
            holder, parent, node = stack.pop()
            kids = children.get(node.id, [])
            el = self.figure(node, parent, bool(kids))
            holder.append(el)
            self.elements[node.id] = el
            stack.extend((el, node, k) for k in reversed(kids))

    def figure(self, node: Node, parent: Node | None, has_children: bool) -> etree._Element:
        features: dict[str, str] = {}
        kind = node.kind
        if node.element_id is not None:
            archi_type = "archimate:DiagramObject"
            if kind != NODE_ELEMENT:
                features[F_KIND] = kind
            if node.label:
                features[F_LABEL] = node.label
            if node.documentation:
                features[F_DOCUMENTATION] = node.documentation
        elif kind == NODE_LABEL and node.view_ref and not has_children:
            archi_type = "archimate:DiagramModelReference"
            shown = self.model.view(node.view_ref).name if self.model.has_view(
                node.view_ref) else ""
            if node.label != shown:
                features[F_LABEL] = node.label
            if node.documentation:
                features[F_DOCUMENTATION] = node.documentation
        elif kind in (NODE_LABEL, NODE_LEGEND) and not has_children:
            archi_type = "archimate:Note"  # a legend: a note with its title, kind kept
            if kind != NODE_LABEL:
                features[F_KIND] = kind
            if node.documentation:
                features[F_DOCUMENTATION] = node.documentation
        else:  # a group, or a label that holds figures (only a group can in Archi)
            archi_type = "archimate:Group"
            if kind != NODE_CONTAINER:
                features[F_KIND] = kind
            if node.view_ref:
                log.warning("label %s holds figures; its view reference is not written",
                            node.id)
                self.warnings.append(tr(
                    "View ‘{view}’: the label {id} holds other figures, so Archi gets it as "
                    "a group, without its link to another view", view=self.view.name,
                    id=node.id))
        el = etree.Element("child", {XSI_TYPE: archi_type, "id": node.id})
        if archi_type == "archimate:Group":
            el.set("name", xml_text(node.label))
        elif archi_type == "archimate:DiagramModelReference":
            el.set("model", str(node.view_ref))
        lang_feature(features, F_LABELS, node.labels)
        if node.layer:
            features[F_LAYER] = node.layer
        attrs, style_features = write_style(node.style, connection=False,
                                            element=node.element_id is not None)
        for key, value in attrs.items():
            el.set(key, value)
        if node.element_id is not None:
            el.set("archimateElement", node.element_id)
        px, py = (parent.x, parent.y) if parent is not None else (0, 0)
        etree.SubElement(el, "bounds", x=str(node.x - px), y=str(node.y - py),
                         width=str(node.w), height=str(node.h))
        add_features(el, {**features, **style_features})
        if archi_type == "archimate:Note":
            etree.SubElement(el, "content").text = xml_text(node.label)
        elif archi_type == "archimate:Group" and node.documentation:
            etree.SubElement(el, "documentation").text = xml_text(node.documentation)
        return el

    # -------------------------------------------------------------- connections
    def connections(self) -> None:
        """Every connection, inside its source, ends checked the way Archi checks them. A
        connection that starts or ends at a connection waits until that one is written."""
        view = self.view
        written: set[str] = set()
        pending = list(view.connections.values())
        while pending:
            rest = []
            for conn in pending:
                if any(end in view.connections and end not in written
                       for end in (conn.source, conn.target)):
                    rest.append(conn)
                elif self.connection(conn):
                    written.add(conn.id)
            if len(rest) == len(pending):
                for conn in rest:
                    self.refuse(conn, tr("it starts or ends at a connection that was left "
                                         "out"))
                break
            pending = rest

    def refuse(self, conn: Connection, reason: str) -> None:
        self.warnings.append(tr("View ‘{view}’: connection {id} was not written: {reason}",
                                view=self.view.name, id=conn.id, reason=reason))

    def _concept_of(self, end: str) -> str | None:
        view = self.view
        if end in view.nodes:
            return view.nodes[end].element_id
        if end in view.connections:
            return view.connections[end].relationship_id
        return None

    def connection(self, conn: Connection) -> bool:
        holder = self.elements.get(conn.source)
        if holder is None or conn.target not in self.elements:
            self.refuse(conn, tr("one of its ends was left out"))
            return False
        if conn.relationship_id is not None:
            rel = self.model.relationship(conn.relationship_id)
            if (self._concept_of(conn.source), self._concept_of(conn.target)) != (
                    rel.source, rel.target):
                self.refuse(conn, tr("its ends do not show the ends of its relationship, "
                                     "which Archi does not accept"))
                return False
        el = etree.SubElement(holder, "sourceConnection")
        if conn.relationship_id is not None:
            el.set(XSI_TYPE, "archimate:Connection")
        el.set("id", conn.id)
        features: dict[str, str] = {}
        if conn.relationship_id is not None:
            if conn.label:
                features[F_LABEL] = conn.label
            if conn.documentation:
                features[F_DOCUMENTATION] = conn.documentation
        elif conn.label:
            el.set("name", xml_text(conn.label))
        lang_feature(features, F_LABELS, conn.labels)
        if conn.router:
            features[F_ROUTER] = conn.router
        attrs, style_features = write_style(conn.style, connection=True, element=False)
        for key, value in attrs.items():
            el.set(key, value)
        el.set("source", conn.source)
        el.set("target", conn.target)
        if conn.relationship_id is not None:
            el.set("archimateRelationship", conn.relationship_id)
        add_features(el, {**features, **style_features})
        source, target = self.reference(conn.source), self.reference(conn.target)
        count = len(conn.bendpoints)
        for index, point in enumerate(conn.bendpoints):
            sx, sy, ex, ey = bendpoint_offsets(point, index, count, source, target)
            bend = etree.SubElement(el, "bendpoint")
            for key, offset in (("startX", sx), ("startY", sy), ("endX", ex), ("endY", ey)):
                if offset:
                    bend.set(key, str(offset))
        if conn.relationship_id is None and conn.documentation:
            etree.SubElement(el, "documentation").text = xml_text(conn.documentation)
        self.elements[conn.id] = el
        self.incoming.setdefault(conn.target, []).append(conn.id)
        return True

    def reference(self, end: str) -> tuple[int, int]:
        """The reader's reference point of an end (see ``path_reference``)."""
        view = self.view
        if end in view.nodes:
            return centre(view.nodes[end].bounds)
        if end not in self.references:
            conn = view.connections[end]
            self.references[end] = path_reference(
                [self.reference(conn.source), *conn.bendpoints, self.reference(conn.target)])
        return self.references[end]
