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
from ..model.views import NODE_CONTAINER, NODE_ELEMENT, NODE_LABEL, NODE_LEGEND, Node, View
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
    body: list[str] = []
    node_extras = _node_lines(w, body, view, dx, dy, styles)
    conn_extras = _connection_lines(w, body, view, dx, dy, styles)
    props = _view_properties(view, extras, node_extras, conn_extras)
    w.property_lines(head, 4, props)
    close(out, opening, head + body, "      </view>\n")


def _node_lines(w: TextWriter, out: list[str], view: View, dx: int, dy: int,
                styles: StyleTexts) -> dict[str, Any]:
    """The view's nodes, nested, depth first (without recursion: a file may nest
    deeply), each with its label, documentation, style and view reference; returns the
    nodes' extras by id."""
    children = _children(view)
    node_extras: dict[str, Any] = {}
    plain, style_text, lang_lines = w.plain_ids, styles.lines, w.lang_lines
    stack: list[tuple[Node, int] | str] = [(n, 4) for n in reversed(children.get(None, []))]
    pop, push, append = stack.pop, stack.append, out.append
    while stack:
        item = pop()
        if isinstance(item, str):  # the closing line of a node with nested nodes
            append(item)
            continue
        node, depth = item
        extra: dict[str, Any] = {}
        node_id, kind, element_id = node.id, node.kind, node.element_id
        if element_id is not None:
            what = ('xsi:type="Element" elementRef="'
                    f'{element_id if plain else attribute(element_id)}"')
            if kind != NODE_ELEMENT:
                extra["kind"] = kind
        elif kind in (NODE_LABEL, NODE_LEGEND):
            what = 'xsi:type="Label"'  # a legend: a label with its title, kind kept
            if kind != NODE_LABEL:
                extra["kind"] = kind
        else:
            what = 'xsi:type="Container"'
            if kind != NODE_CONTAINER:
                extra["kind"] = kind
        width, height, pad = node.w, node.h, indent(depth)
        opening = (f'{pad}<node identifier="{node_id if plain else attribute(node_id)}" '
                   f'{what} x="{node.x + dx}" y="{node.y + dy}" w="{max(width, 1)}" '
                   f'h="{max(height, 1)}"')
        if width < 1:
            extra["w"] = width
        if height < 1:
            extra["h"] = height
        own: list[str] = []
        if node.label or node.labels:
            lang_lines(own, depth + 1, "label", node.label, node.labels)
        if node.documentation:
            lang_lines(own, depth + 1, "documentation", node.documentation, {})
        written, lost = style_text(node.style, depth + 1)
        if written:
            own.append(written)
        if lost:
            extra["style"] = lost
        if node.view_ref:
            own.append(f'{indent(depth + 1)}<viewRef ref="{attribute(node.view_ref)}"/>\n')
        if node.layer:
            extra["layer"] = node.layer
        if extra:
            node_extras[node_id] = extra
        kids = children.get(node_id)
        if kids and kind in (NODE_LABEL, NODE_LEGEND):  # a Label holds no nodes
            log.warning("label node %s has children; they are written beside it", node_id)
            close(out, opening, own, f"{pad}</node>\n")
            stack.extend((k, depth) for k in reversed(kids))
        elif kids:
            append(f"{opening}>\n")
            out += own
            push(f"{pad}</node>\n")
            stack.extend((k, depth + 1) for k in reversed(kids))
        elif own:
            append(f"{opening}>\n{''.join(own)}{pad}</node>\n")
        else:
            append(f"{opening}/>\n")
    return node_extras


def _connection_lines(w: TextWriter, out: list[str], view: View, dx: int, dy: int,
                      styles: StyleTexts) -> dict[str, Any]:
    """The view's connections, each with its label, documentation, style and
    bendpoints; returns the connections' extras by id."""
    conn_extras: dict[str, Any] = {}
    plain, style_text, ident = w.plain_ids, styles.lines, w.ident
    append = out.append
    for conn in view.connections.values():
        conn_id, source, target = conn.id, conn.source, conn.target
        if not plain:
            conn_id, source, target = attribute(conn_id), attribute(source), attribute(target)
        if conn.relationship_id is not None:
            opening = (f'        <connection identifier="{conn_id}" xsi:type="Relationship" '
                       f'relationshipRef="{ident(conn.relationship_id)}" source="{source}" '
                       f'target="{target}"')
        else:
            opening = (f'        <connection identifier="{conn_id}" xsi:type="Line" '
                       f'source="{source}" target="{target}"')
        extra: dict[str, Any] = {}
        own: list[str] = []
        if conn.label or conn.labels:
            w.lang_lines(own, 5, "label", conn.label, conn.labels)
        if conn.documentation:
            w.lang_lines(own, 5, "documentation", conn.documentation, {})
        written, lost = style_text(conn.style, 5)
        if written:
            own.append(written)
        if lost:
            extra["style"] = lost
        if conn.router:
            extra["router"] = conn.router
        for x, y in conn.bendpoints:
            own.append(f'          <bendpoint x="{x + dx}" y="{y + dy}"/>\n')
        if own:
            append(f"{opening}>\n{''.join(own)}        </connection>\n")
        else:
            append(f"{opening}/>\n")
        if extra:
            conn_extras[conn.id] = extra
    return conn_extras


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
