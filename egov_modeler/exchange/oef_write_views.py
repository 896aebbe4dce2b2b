"""The exchange file's views (``<views><diagrams>``), as text: nodes nested as on the
canvas, then connections, styles and bendpoints, in the XSD's order.

Why the view extras: the format cannot say everything a view of this program holds (a
layer band's framework layer, exact alpha values, a width below one, negative
coordinates, line routing, a view's default styles); what it cannot say goes into one
``egov:view-extras`` property of the view, a small JSON text the reader recognises, and
the coordinates are shifted so none is negative (the XSD forbids it).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from ..model.serialization import defaults_to_dict
from ..model.views import NODE_CONTAINER, NODE_LABEL, NODE_LEGEND, Connection, Node, View
from .oef_vocabulary import PROP_VIEW_EXTRAS
from .oef_write_common import TextWriter
from .oef_write_style import StyleTexts
from .oef_xml_text import attribute, close, indent

log = logging.getLogger(__name__)


def views_lines(w: TextWriter, out: list[str], views: list[View]) -> None:
    """``<views>`` with every view (nothing when there are none), each view's lines
    joined into one text."""
    if not views:
        return
    styles = StyleTexts()
    out.append("  <views>\n    <diagrams>\n")
    for view in views:
        lines: list[str] = []
        view_lines(w, lines, view, styles)
        out.append("".join(lines))
    out.append("    </diagrams>\n  </views>\n")


def view_lines(w: TextWriter, out: list[str], view: View, styles: StyleTexts) -> None:
    """One ``<view>``: name, documentation, properties (with the extras), nodes depth
    first, then connections."""
    opening = f'      <view identifier="{w.ident(view.id)}" xsi:type="Diagram"'
    if view.viewpoint:
        opening += f' viewpoint="{attribute(w.clean(view.viewpoint))}"'
    head: list[str] = []
    w.lang_lines(head, 4, "name", view.name, view.names, required=True)
    w.lang_lines(head, 4, "documentation", view.documentation, view.documentations)
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
        node_opening, own, extra = _node_text(w, node, depth, dx, dy, styles)
        if extra:
            node_extras[node.id] = extra
        closing = f"{indent(depth)}</node>\n"
        kids = children.get(node.id)
        if kids and node.kind in (NODE_LABEL, NODE_LEGEND):  # a Label holds no nodes
            log.warning("label node %s has children; they are written beside it", node.id)
            close(body, node_opening, own, closing)
            stack.extend((k, depth) for k in reversed(kids))
        elif kids:
            body.append(f"{node_opening}>\n")
            body += own
            stack.append(closing)
            stack.extend((k, depth + 1) for k in reversed(kids))
        else:
            close(body, node_opening, own, closing)
    conn_extras: dict[str, Any] = {}
    for conn in view.connections.values():
        extra = _connection_text(w, body, conn, dx, dy, styles)
        if extra:
            conn_extras[conn.id] = extra
    props = _view_properties(view, extras, node_extras, conn_extras)
    w.property_lines(head, 4, props)
    close(out, opening, head + body, "      </view>\n")


def _node_text(w: TextWriter, node: Node, depth: int, dx: int, dy: int,
               styles: StyleTexts) -> tuple[str, list[str], dict[str, Any]]:
    """A node as text: the opening tag (unclosed), the lines of its own children (label,
    documentation, style, view reference) and its extras."""
    extra: dict[str, Any] = {}
    ident = w.ident
    kind = node.kind
    if node.element_id is not None:
        what = f'xsi:type="Element" elementRef="{ident(node.element_id)}"'
        if kind != "element":
            extra["kind"] = kind
    elif kind in (NODE_LABEL, NODE_LEGEND):
        what = 'xsi:type="Label"'  # a legend: a label with its title, kind kept
        if kind != NODE_LABEL:
            extra["kind"] = kind
    else:
        what = 'xsi:type="Container"'
        if kind != NODE_CONTAINER:
            extra["kind"] = kind
    w_, h_ = node.w, node.h
    opening = (f'{indent(depth)}<node identifier="{ident(node.id)}" {what} '
               f'x="{node.x + dx}" y="{node.y + dy}" w="{max(w_, 1)}" h="{max(h_, 1)}"')
    if w_ < 1:
        extra["w"] = w_
    if h_ < 1:
        extra["h"] = h_
    own: list[str] = []
    if node.label or node.labels:
        w.lang_lines(own, depth + 1, "label", node.label, node.labels)
    if node.documentation:
        w.lang_lines(own, depth + 1, "documentation", node.documentation, {})
    style = node.style
    if not style.is_default():
        written, lost = styles.lines(style, depth + 1)
        if written:
            own.append(written)
        if lost:
            extra["style"] = lost
    if node.view_ref:
        own.append(f'{indent(depth + 1)}<viewRef ref="{attribute(node.view_ref)}"/>\n')
    if node.layer:
        extra["layer"] = node.layer
    return opening, own, extra


def _connection_text(w: TextWriter, out: list[str], conn: Connection, dx: int, dy: int,
                     styles: StyleTexts) -> dict[str, Any]:
    """A connection written as text into ``out``; returns its extras."""
    ident = w.ident
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
        w.lang_lines(own, 5, "label", conn.label, conn.labels)
    if conn.documentation:
        w.lang_lines(own, 5, "documentation", conn.documentation, {})
    style = conn.style
    if not style.is_default():
        written, lost = styles.lines(style, 5)
        if written:
            own.append(written)
        if lost:
            extra["style"] = lost
    if conn.router:
        extra["router"] = conn.router
    for x, y in conn.bendpoints:
        own.append(f'          <bendpoint x="{x + dx}" y="{y + dy}"/>\n')
    close(out, opening, own, "        </connection>\n")
    return extra


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
    nodes = view.nodes
    for node in nodes.values():
        parent = node.parent if node.parent in nodes else None
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
