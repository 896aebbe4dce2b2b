"""Diagrams from data: the generated overview of an inventory, and "Re-layout" of a view.

**Generate overview** puts every inventory object of the model in the band of its framework
layer (its own layer, else its catalog component's, else the layer whose components most
often have its ArchiMate type), the bands stacked in the profile's order; inside a band the
objects are grouped by owner (or by scope level), one labelled group each, groups packed in
rows, objects in a grid inside their group. Nothing overlaps by construction: every box has
its own cell, with a lane around it for the lines. The order of groups and of objects in
them follows the connections (networkx gives the graph; a few barycentre sweeps bring
connected objects above one another), so lines between bands run short and mostly
straight. Then every relationship between two placed objects is routed orthogonally around
the boxes by the router the templates use (:mod:`.routing`).

**Re-layout** tidies an existing view the same way: its bands keep their order and their
objects, the groups inside them stay groups, sizes and positions are recomputed, and every
line is routed again. Both are one command (one undo step).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import networkx as nx

from ..i18n import tr
from ..model.cancel import CancelToken
from ..model.catalog.catalog import Catalog
from ..model.commands import (
    AddBendpointCommand,
    Command,
    CompoundCommand,
    CreateViewCommand,
    RemoveBendpointCommand,
    SetNodeBoundsCommand,
)
from ..model.concepts import Element
from ..model.ids import new_id
from ..model.inventory.rows import Inventory
from ..model.inventory.schema import MULTI_SEPARATOR
from ..model.model import Model
from ..model.views import NODE_CONTAINER, NODE_ELEMENT, Connection, Node, View
from .routing import Request, Router

MARGIN = 40
TAB = 18              # a container's label tab (notation.GROUP_TAB_HEIGHT)
PAD = 16              # space between a container's side and what it holds
TOP_PAD = 28          # below a container's tab: room for a lane with an arrowhead
BOTTOM_PAD = 24
GAP = 36              # between two boxes, two groups, two bands: a lane for lines
ELEMENT_H = 64
WIDTHS = (150, 170, 190, 220, 250)
FONT_SIZE = 9.0
MAX_LINES = 3
#: At most this many boxes side by side in one group.
GROUP_COLUMNS = 4
#: The width the bands aim at; a band with a wide group grows.
BAND_WIDTH = 1600
SWEEPS = 4
GROUP_BY = ("owner", "scope")


def box_width(element_type: str, name: str) -> int:
    """The width of ``name``'s box in a generated overview."""
    return fitting_width(element_type, name, WIDTHS, ELEMENT_H)


def fitting_width(element_type: str, name: str, widths: Sequence[int], height: int) -> int:
    """The narrowest of ``widths`` in which ``name`` wraps in at most three lines at the
    canvas's font size, measured with the bundled font (the templates use it too, with
    their own sizes, so a template and a generated overview wrap names alike)."""
    from .notation import text_box
    from .text_layout import line_height, wrap_text

    for width in widths:
        _x, _y, tw, th = text_box(element_type, 0, 0, width, height)
        lines = wrap_text(name, FONT_SIZE, tw)
        if len(lines) <= MAX_LINES and len(lines) * line_height(FONT_SIZE) <= th:
            return width
    return widths[-1]


# ------------------------------------------------------------------ which band
def type_layers(catalog: Catalog) -> dict[str, str]:
    """For each ArchiMate type, the overview layer whose components most often have it."""
    votes: dict[str, Counter[str]] = {}
    kinds = {layer.id for layer in catalog.layers if layer.kind == "overview"}
    for component in catalog.components:
        if component.layer in kinds:
            votes.setdefault(component.archimate_type, Counter())[component.layer] += 1
    return {kind: counter.most_common(1)[0][0] for kind, counter in votes.items()}


def band_of(element: Element, catalog: Catalog | None, by_type: dict[str, str]) -> str | None:
    """The overview (or external) layer an element belongs in, if the catalog knows one."""
    if catalog is None:
        return None
    if element.layer and catalog.has_layer(element.layer):
        return element.layer
    component = catalog.find_component(element.catalog_ref)
    if component is not None and catalog.has_layer(component.layer):
        return component.layer
    return by_type.get(element.type)


def group_of(inventory: Inventory, element: Element, group_by: str) -> str:
    """The group an object joins within its band: its owner, or its scope level."""
    spec = inventory.schema.field("owner" if group_by == "owner" else "scope_level")
    value = (inventory.value(element, spec) if spec else None) or ""
    return value.split(MULTI_SEPARATOR)[0].strip()


# ------------------------------------------------------------------ the plan
@dataclass
class _Group:
    label: str
    members: list[Element]
    node_id: str | None = None  # a group that exists already (re-layout)
    width: int = 0
    height: int = 0
    columns: int = 1
    cell_w: int = 0


@dataclass
class _Band:
    key: str
    label: str
    labels: dict[str, str]
    layer: str | None
    groups: list[_Group] = field(default_factory=list)
    node_id: str | None = None
    #: "left" or "right" for a vertical band beside the stack (external systems,
    #: cross-cutting layers), "" for a band of the stack.
    side: str = ""


@dataclass
class Placement:
    """Where every band, group and object goes: absolute boxes by node id, nodes in
    drawing order (parents first)."""

    nodes: list[Node] = field(default_factory=list)


def _order(bands: list[_Band], graph: nx.Graph) -> None:
    """Sort groups and their members so connected objects sit above one another: start
    from connected components, then a few barycentre sweeps down and up the bands."""
    component_of: dict[str, int] = {}
    for index, members in enumerate(sorted(nx.connected_components(graph), key=len,
                                           reverse=True)):
        for member in members:
            component_of[member] = index
    for band in bands:
        for group in band.groups:
            group.members.sort(key=lambda e: (component_of.get(e.id, 1 << 30),
                                              -graph.degree(e.id) if e.id in graph else 0,
                                              e.name.casefold()))
        band.groups.sort(key=lambda g: (g.label == "", min(
            (component_of.get(e.id, 1 << 30) for e in g.members), default=0), g.label))
    for sweep in range(SWEEPS):
        position: dict[str, float] = {}
        for band in bands:
            index = 0
            for group in band.groups:
                for element in group.members:
                    position[element.id] = index
                    index += 1
        order = bands if sweep % 2 == 0 else list(reversed(bands))
        for band in order:
            centre = _centre(graph, position)
            for group in band.groups:
                group.members.sort(key=centre)
            band.groups.sort(key=lambda g, c=centre: (  # type: ignore[misc]
                g.label == "", sum(c(e) for e in g.members) / max(1, len(g.members))))


def _centre(graph: nx.Graph, position: dict[str, float]):
    """The mean position of an element's neighbours (its own when it has none)."""
    def centre(element: Element) -> float:
        others = [position[n] for n in graph.neighbors(element.id)
                  if n in position] if element.id in graph else []
        return sum(others) / len(others) if others else position[element.id]
    return centre


def _size_groups(bands: list[_Band], grouped: bool) -> int:
    """Size every group; the width the bands need."""
    widest = 0
    for band in bands:
        for group in band.groups:
            cell = max((box_width(e.type, e.name) for e in group.members), default=WIDTHS[0])
            count = len(group.members)
            group.columns = max(1, min(GROUP_COLUMNS if grouped else 8, count,
                                       math.ceil(math.sqrt(count * 2))))
            rows = math.ceil(count / group.columns) if count else 1
            group.cell_w = cell
            inner_w = group.columns * cell + (group.columns - 1) * GAP
            inner_h = rows * ELEMENT_H + (rows - 1) * GAP
            if grouped:
                group.width = inner_w + 2 * PAD
                group.height = TAB + TOP_PAD + inner_h + BOTTOM_PAD
            else:
                group.width, group.height = inner_w, inner_h
            widest = max(widest, group.width)
    return max(BAND_WIDTH, widest + 2 * PAD)


def _place(bands: list[_Band], grouped: bool, origin: tuple[int, int] = (MARGIN, MARGIN),
           ) -> list[Node]:
    """Boxes for bands, groups and objects, parents before children."""
    width = _size_groups(bands, grouped)
    x0, y = origin
    nodes: list[Node] = []
    for band in bands:
        band_id = band.node_id or new_id()
        rows: list[list[_Group]] = [[]]
        used = 0
        for group in band.groups:
            if rows[-1] and used + GAP + group.width > width - 2 * PAD:
                rows.append([])
                used = 0
            used += (GAP if rows[-1] else 0) + group.width
            rows[-1].append(group)
        rows = [r for r in rows if r]
        content_h = sum(max(g.height for g in row) for row in rows) + GAP * max(0, len(rows) - 1)
        band_h = TAB + TOP_PAD + (content_h if rows else 30) + BOTTOM_PAD
        nodes.append(Node(band_id, x0, y, width, band_h, kind=NODE_CONTAINER,
                          label=band.label, labels=dict(band.labels), layer=band.layer))
        gy = y + TAB + TOP_PAD
        for row in rows:
            row_w = sum(g.width for g in row) + GAP * (len(row) - 1)
            gx = x0 + (width - row_w) // 2
            for group in row:
                parent = band_id
                ex0, ey0 = gx, gy
                if grouped:
                    group_id = group.node_id or new_id()
                    nodes.append(Node(group_id, gx, gy, group.width, group.height,
                                      kind=NODE_CONTAINER, label=group.label, parent=band_id))
                    parent = group_id
                    ex0, ey0 = gx + PAD, gy + TAB + TOP_PAD
                for index, element in enumerate(group.members):
                    column, line = index % group.columns, index // group.columns
                    w = box_width(element.type, element.name)
                    ex = ex0 + column * (group.cell_w + GAP) + (group.cell_w - w) // 2
                    nodes.append(Node(new_id(), ex, ey0 + line * (ELEMENT_H + GAP), w,
                                      ELEMENT_H, kind=NODE_ELEMENT, element_id=element.id,
                                      parent=parent))
                gx += group.width + GAP
            gy += max(g.height for g in row) + GAP
        y += band_h + GAP // 2
    return nodes


def route(model: Model, view: View, relationship_ids: Iterable[str] | None = None,
          cancel: CancelToken | None = None) -> list[Connection]:
    """Connections for every relationship between two element nodes of ``view`` (or those
    of ``relationship_ids``), routed around the boxes; existing connections keep their id.
    ``cancel`` stops it between lines (:class:`~egov_modeler.model.cancel.Cancelled`)."""
    by_element: dict[str, Node] = {}
    for node in view.nodes.values():
        if node.element_id and node.element_id not in by_element:
            by_element[node.element_id] = node
    existing = {c.relationship_id: c for c in view.connections.values() if c.relationship_id}
    wanted = []
    ids = set(relationship_ids) if relationship_ids is not None else None
    for rel in model.relationships:
        if ids is not None and rel.id not in ids:
            continue
        source, target = by_element.get(rel.source), by_element.get(rel.target)
        if source is not None and target is not None and source.id != target.id:
            wanted.append((rel, source, target))
    routes = Router(view, cancel=cancel).route_all(
        [Request(s, t, rel.type) for rel, s, t in wanted])
    out = []
    for (rel, source, target), bends in zip(wanted, routes, strict=True):
        old = existing.get(rel.id)
        out.append(Connection(old.id if old else new_id(), source.id, target.id, rel.id,
                              bendpoints=list(bends)))
    return out


# ------------------------------------------------------------------ generate
def overview_bands(inventory: Inventory, group_by: str = "owner",
                   elements: list[Element] | None = None) -> list[_Band]:
    """The bands (in the profile's order) and their groups for ``elements`` (default:
    every inventory object)."""
    catalog = inventory.schema.catalog
    by_type = type_layers(catalog) if catalog else {}
    chosen = elements if elements is not None else inventory.objects()
    keyed: dict[str | None, dict[str, list[Element]]] = {}
    for element in chosen:
        layer_id = band_of(element, catalog, by_type)
        keyed.setdefault(layer_id, {}).setdefault(group_of(inventory, element, group_by),
                                              []).append(element)
    bands: list[_Band] = []
    layers = [layer for layer in (catalog.layers if catalog else [])
              if layer.kind in ("overview", "external")]
    for layer in layers:
        if layer.id in keyed:
            groups = keyed.get(layer.id, {})
            side = "left" if layer.kind == "external" else (
                "right" if layer.cross_cutting else "")
            bands.append(_Band(layer.id, layer.name_vi, {"en": layer.name_en}, layer.id,
                               [_Group(label, members) for label, members in groups.items()],
                               side=side))
    if None in keyed or any(k not in {b.key for b in bands} for k in keyed):
        rest = {label: members for key, groups in keyed.items()
                if key is None or key not in {b.key for b in bands}
                for label, members in groups.items()}
        bands.append(_Band("other", "Khác", {"en": "Other"}, None,
                           [_Group(label, members) for label, members in rest.items()]))
    for band in bands:
        for group in band.groups:
            if not group.label:
                group.label = "Chưa xác định"
    return bands


def _graph(model: Model, bands: list[_Band]) -> nx.Graph:
    """The relationships between the bands' members. Nodes go in in the bands' order: the
    connected components are listed in that order, and :func:`_order` breaks ties between
    components of one size by it, so the same model always gets the same diagram (a set's
    order changes from one run of the program to the next)."""
    graph = nx.Graph()
    graph.add_nodes_from(e.id for band in bands for g in band.groups for e in g.members)
    ids = graph.nodes
    for rel in model.relationships:
        if rel.source in ids and rel.target in ids and rel.source != rel.target:
            graph.add_edge(rel.source, rel.target)
    return graph


def generate_overview(model: Model, group_by: str = "owner", name: str | None = None,
                      inventory: Inventory | None = None,
                      cancel: CancelToken | None = None) -> tuple[CreateViewCommand, View]:
    """A new view with every inventory object in its band and group and every relationship
    between them routed; the command adds it (one undo step)."""
    inventory = inventory or Inventory(model)
    bands = overview_bands(inventory, group_by)
    _order(bands, _graph(model, bands))
    view = View(new_id(), name=name or "Sơ đồ tổng thể (tạo từ danh mục)",
                names={"en": "Overview (generated from the inventory)"},
                connection_router="manhattan")
    for node in _place_with_sides(bands, grouped=True):
        view.nodes[node.id] = node
    for connection in route(model, view, cancel=cancel):
        view.connections[connection.id] = connection
    return CreateViewCommand(view), view


# ------------------------------------------------------------------ re-layout
def _existing_bands(model: Model, view: View, inventory: Inventory) -> list[_Band]:
    """The view's structure as bands: each top-level container (a layer band or a group)
    with its element nodes (directly or in nested groups); loose elements last."""
    bands: list[_Band] = []
    loose: list[Element] = []
    top = sorted(view.children(None), key=lambda n: (n.y, n.x))
    for node in top:
        if node.kind == NODE_CONTAINER:
            band = _Band(node.id, node.label, dict(node.labels), node.layer, node_id=node.id)
            if node.h > node.w:  # a vertical band keeps its side of the stack
                band.side = "left" if node.x + node.w / 2 < _stack_centre(view) else "right"
            direct = [model.element(c.element_id) for c in sorted(
                view.children(node.id), key=lambda n: (n.y, n.x))
                if c.kind == NODE_ELEMENT and c.element_id and model.has_element(c.element_id)]
            if direct:
                band.groups.append(_Group("", direct))
            for child in sorted(view.children(node.id), key=lambda n: (n.y, n.x)):
                if child.kind == NODE_CONTAINER:
                    members = [model.element(d.element_id) for d in view.descendants(child.id)
                               if d.kind == NODE_ELEMENT and d.element_id
                               and model.has_element(d.element_id)]
                    band.groups.append(_Group(child.label, members, node_id=child.id))
            bands.append(band)
        elif node.kind == NODE_ELEMENT and node.element_id and model.has_element(
                node.element_id):
            loose.append(model.element(node.element_id))
    if loose:
        bands.append(_Band("", "", {}, None, [_Group("", loose)]))
    return bands


def _stack_centre(view: View) -> float:
    """The horizontal centre of the view's horizontal bands (where the stack is)."""
    wide = [n for n in view.children(None) if n.kind == NODE_CONTAINER and n.w >= n.h]
    if not wide:
        return 0.0
    return (min(n.x for n in wide) + max(n.x + n.w for n in wide)) / 2


def _column(band: _Band, x: int, y: int, height: int) -> list[Node]:
    """A vertical band at ``(x, y)`` of ``height``: its objects one above another."""
    members = [e for g in band.groups for e in g.members]
    width = max((box_width(e.type, e.name) for e in members), default=WIDTHS[0]) + 2 * PAD
    band_id = band.node_id or new_id()
    nodes = [Node(band_id, x, y, width, height, kind=NODE_CONTAINER, label=band.label,
                  labels=dict(band.labels), layer=band.layer)]
    top = y + TAB + TOP_PAD
    for index, element in enumerate(members):
        w = box_width(element.type, element.name)
        nodes.append(Node(new_id(), x + (width - w) // 2, top + index * (ELEMENT_H + GAP), w,
                          ELEMENT_H, kind=NODE_ELEMENT, element_id=element.id,
                          parent=band_id))
    return nodes


def _column_height(band: _Band) -> int:
    count = sum(len(g.members) for g in band.groups)
    return TAB + TOP_PAD + count * ELEMENT_H + max(0, count - 1) * GAP + BOTTOM_PAD


def _column_width(band: _Band) -> int:
    members = [e for g in band.groups for e in g.members]
    return max((box_width(e.type, e.name) for e in members), default=WIDTHS[0]) + 2 * PAD


def _place_with_sides(bands: list[_Band], grouped: bool) -> list[Node]:
    """The stack of horizontal bands, with the vertical bands beside it as they were."""
    stack = [b for b in bands if not b.side]
    left = [b for b in bands if b.side == "left"]
    right = [b for b in bands if b.side == "right"]
    x = MARGIN + sum(_column_width(b) + GAP for b in left)
    nodes = _place(stack, grouped, (x, MARGIN)) if stack else []
    tops = [n for n in nodes if n.parent is None]
    bottom = max((n.y + n.h for n in tops), default=MARGIN)
    height = max([bottom - MARGIN, *(_column_height(b) for b in left + right)])
    if tops and height > bottom - MARGIN:  # the last band grows to the sides' height
        last = max(tops, key=lambda n: n.y)
        last.h += height - (bottom - MARGIN)
    column_x = MARGIN
    for band in left:
        nodes += _column(band, column_x, MARGIN, height)
        column_x += _column_width(band) + GAP
    column_x = max((n.x + n.w for n in tops), default=x) + GAP
    for band in right:
        nodes += _column(band, column_x, MARGIN, height)
        column_x += _column_width(band) + GAP
    return nodes


def relayout_command(model: Model, view_id: str,
                     cancel: CancelToken | None = None) -> CompoundCommand | None:
    """Tidy ``view_id``: bands and groups kept, every box placed again without overlaps,
    every line routed again; ``None`` when the view holds no element. ``cancel`` stops
    the routing between lines."""
    view = model.view(view_id)
    bands = _existing_bands(model, view, Inventory(model))
    if not any(g.members for b in bands for g in b.groups):
        return None
    _order(bands, _graph(model, bands))
    grouped = any(g.node_id for b in bands for g in b.groups)
    planned: dict[str, tuple[int, int, int, int]] = {}
    element_nodes: dict[str, list[Node]] = {}
    for node in view.nodes.values():
        if node.element_id:
            element_nodes.setdefault(node.element_id, []).append(node)
    for band in bands:  # ungrouped elements in a grouped view: one group without a box
        band.groups.sort(key=lambda g: g.node_id is None)
    layout = _place_with_sides(bands, grouped)
    used: set[str] = set()
    for node in layout:
        if node.kind == NODE_CONTAINER:
            if node.id in view.nodes:
                planned[node.id] = node.bounds
            continue
        candidates = [n for n in element_nodes.get(node.element_id or "", []) if n.id not in used]
        if candidates:
            used.add(candidates[0].id)
            planned[candidates[0].id] = node.bounds
    commands: list[Command] = []
    for connection in view.connections.values():
        for index in reversed(range(len(connection.bendpoints))):
            commands.append(RemoveBendpointCommand(view_id, connection.id, index))
    order = {node_id: i for i, node_id in enumerate(view.nodes)}
    for node_id in sorted(planned, key=order.__getitem__):
        if view.nodes[node_id].bounds != planned[node_id]:
            commands.append(SetNodeBoundsCommand(view_id, node_id, *planned[node_id]))
    shadow = View(view.id, nodes={k: _moved(n, planned.get(k)) for k, n in view.nodes.items()})
    routed = {c.relationship_id: c for c in route(model, shadow, [
        c.relationship_id for c in view.connections.values() if c.relationship_id],
        cancel=cancel)}
    for connection in view.connections.values():
        new = routed.get(connection.relationship_id)
        if new is None or (new.source, new.target) != (connection.source, connection.target):
            continue
        for index, (x, y) in enumerate(new.bendpoints):
            commands.append(AddBendpointCommand(view_id, connection.id, index, x, y))
    if not commands:
        return None
    return CompoundCommand(tr("Re-layout view ‘{name}’", name=view.name), commands)


def _moved(node: Node, bounds: tuple[int, int, int, int] | None) -> Node:
    if bounds is None:
        return node
    x, y, w, h = bounds
    return Node(node.id, x, y, w, h, kind=node.kind, element_id=node.element_id,
                parent=node.parent, label=node.label, labels=node.labels, layer=node.layer,
                style=node.style)
