"""Reading the views of an ``.archimate`` file: figures nested in figures with bounds
relative to their parent (made absolute here, as the model keeps them), Archi's default
sizes where a size is not set, notes, groups, view references, and the connections Archi
stores inside their source figure (or inside their source connection), with bendpoints
turned from Archi's offsets into absolute points by Archi's own formula."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..i18n import tr
from ..model.field_reader import FieldReader
from ..model.model import Model
from ..model.serialization import defaults_from_dict
from ..model.views import (
    CONNECTION_ROUTERS,
    NODE_CONTAINER,
    NODE_ELEMENT,
    NODE_KINDS,
    NODE_LABEL,
    Connection,
    Node,
    View,
)
from .archi_read_common import ArchiRead, tag_name
from .archi_style import read_style
from .archi_vocabulary import (
    ARCHIMATE_CONNECTION,
    DEFAULT_ELEMENT_SIZE,
    DEFAULT_GROUP_SIZE,
    DEFAULT_JUNCTION_SIZE,
    DEFAULT_NOTE_SIZE,
    DIAGRAM_OBJECT,
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
    GROUP,
    IMAGE,
    LEGACY_VIEWPOINTS,
    LINE_CONNECTION,
    NOTE,
    ROUTERS_FROM_ARCHI,
    VIEW_REF,
    VIEWPOINT_NAMES,
    bendpoint_position,
    centre,
    path_reference,
)

#: Element types whose default figure Archi 5 swapped (figure 0 <-> 1) when it read older
#: models, so that they kept their look (Archi's ``Archimate32Handler``).
_SWAPPED_FIGURES = {
    "Grouping", "BusinessObject", "Contract", "Representation", "Product", "DataObject",
    "Meaning", "Value", "Deliverable", "ApplicationComponent", "Artifact", "Device", "Node",
}
_NODE_CLASSES = (DIAGRAM_OBJECT, GROUP, NOTE, VIEW_REF)
_NODE_CHILDREN = ("bounds", "child", "sourceConnection", "feature", "property",
                  "documentation", "content")
Box = tuple[int, int, int, int]


@dataclass
class _Line:
    """A connection read but not yet added: its ends may be connections read later."""

    conn: Connection
    offsets: list[tuple[int, int, int, int]]
    line: int


@dataclass
class _ViewState:
    """The geometry of one view while it is read."""

    view: View
    boxes: dict[str, Box] = field(default_factory=dict)
    lines: dict[str, _Line] = field(default_factory=dict)
    references: dict[str, tuple[int, int]] = field(default_factory=dict)


def read_views(state: ArchiRead, view_els: list[etree._Element], model: Model) -> None:
    """Every ArchiMate view: headers first (so references between views resolve), then
    figures and connections."""
    views = [(el, _view_header(state, el)) for el in view_els]
    for _, view in views:
        model.load_view(view)
    for el, view in views:
        _read_figures(state, el, _ViewState(view), model)


def _view_header(state: ArchiRead, el: etree._Element) -> View:
    name = el.get("name", "")
    view = View(id=state.id(el.get("id")), name=name, documentation=state.documentation(el),
                properties=state.properties(el))
    features = state.features(el)
    for key, target in ((F_NAMES, view.names), (F_DOCUMENTATIONS, view.documentations)):
        value = state.json_feature(features, key, name)
        if isinstance(value, dict):
            target.update({str(k): str(v) for k, v in value.items()})
    viewpoint = el.get("viewpoint", "")
    if viewpoint in VIEWPOINT_NAMES:
        view.viewpoint = VIEWPOINT_NAMES[viewpoint]
    elif viewpoint in LEGACY_VIEWPOINTS:
        old, new = LEGACY_VIEWPOINTS[viewpoint]
        view.viewpoint = new or ""
        if new is None:
            state.report.append(tr(
                "View ‘{view}’: the ArchiMate 2 viewpoint ‘{old}’ has no successor in "
                "ArchiMate 3 and was not imported", view=name, old=old))
    elif viewpoint:
        state.report.append(tr("View ‘{view}’: unknown viewpoint {viewpoint} not imported",
                               view=name, viewpoint=viewpoint))
    if F_VIEWPOINT in features:
        view.viewpoint = features[F_VIEWPOINT]
    defaults = state.json_feature(features, F_DEFAULTS, name)
    if defaults is not None:
        view.defaults = defaults_from_dict({"defaults": defaults}, FieldReader(state.report),
                                           tr("View {id}", id=name))
    router = el.get("connectionRouterType")
    if router is not None:
        code = int(router) if router.strip().isdigit() else -1
        view.connection_router = ROUTERS_FROM_ARCHI.get(code, "")
        if code not in ROUTERS_FROM_ARCHI or code == 1:
            state.report.append(tr(
                "View ‘{view}’: connection router {value} is not one Archi still draws; the "
                "lines follow their bendpoints", view=name, value=router))
    return view


# ------------------------------------------------------------------ figures
def _bounds(el: etree._Element) -> tuple[int, int, int, int]:
    bounds = el.find("bounds")
    if bounds is None:
        return 0, 0, -1, -1
    values = []
    for key, default in (("x", "0"), ("y", "0"), ("width", "-1"), ("height", "-1")):
        try:
            values.append(int(bounds.get(key, default)))
        except ValueError:
            values.append(int(default))
    return values[0], values[1], values[2], values[3]


def _default_size(state: ArchiRead, el: etree._Element, model: Model) -> tuple[int, int]:
    kind = state.xsi_class(el)
    if kind == GROUP:
        return DEFAULT_GROUP_SIZE
    if kind == NOTE:
        return DEFAULT_NOTE_SIZE
    if kind == DIAGRAM_OBJECT:
        element_id = state.id(el.get("archimateElement"))
        if model.has_element(element_id) and model.element(element_id).type in (
                "AndJunction", "OrJunction"):
            return DEFAULT_JUNCTION_SIZE
    return DEFAULT_ELEMENT_SIZE


def _size(state: ArchiRead, el: etree._Element, model: Model,
          memo: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """Width and height of a figure, with Archi's defaults where they are not set.

    A container without a size grows to hold its children (10 pixels beyond the farthest),
    as Archi's figures do; models older than Archi 3 had every unset size replaced this
    way when Archi opened them, both sides at once (``FixDefaultSizesHandler``)."""
    key = id(el)
    if key in memo:
        return memo[key]
    _, _, w, h = _bounds(el)
    if w > 0 and h > 0:
        memo[key] = (w, h)
        return w, h
    if w == 0 or h == 0 or min(w, h) < -1:
        state.counts["zero size"] += 1
    dw, dh = _default_size(state, el, model)
    children = [c for c in el.iterfind("child")]
    if children:
        need_w = need_h = 0
        for child in children:
            cx, cy, _, _ = _bounds(child)
            cw, ch = _size(state, child, model, memo)
            need_w, need_h = max(need_w, cx + cw + 10), max(need_h, cy + ch + 10)
        dw, dh = max(dw, need_w), max(dh, need_h)
    if state.version < (3, 0, 0):
        size = (dw, dh)
    else:
        size = (w if w > 0 else dw, h if h > 0 else dh)
    memo[key] = size
    return size


def _read_figures(state: ArchiRead, view_el: etree._Element, vs: _ViewState,
                  model: Model) -> None:
    view = vs.view
    memo: dict[int, tuple[int, int]] = {}
    pending: list[etree._Element] = []  # every sourceConnection of the view
    stack: list[tuple[etree._Element, str | None, int, int]] = [
        (c, None, 0, 0) for c in reversed(view_el.findall("child"))]
    for child in view_el:
        if tag_name(child.tag) not in ("child", "documentation", "property", "feature"):
            state.counts["unknown child"] += 1
    while stack:
        el, parent, px, py = stack.pop()
        node = _node(state, el, parent, view, model)
        if node is None:
            _skip_subtree(state, el)
            continue
        x, y, _, _ = _bounds(el)
        w, h = _size(state, el, model, memo)
        node.x, node.y, node.w, node.h = px + x, py + y, w, h
        model.load_node(view.id, node)
        vs.boxes[node.id] = node.bounds
        _collect_connections(el, pending)
        stack.extend((c, node.id, node.x, node.y) for c in reversed(el.findall("child")))
        for child in el:
            if tag_name(child.tag) not in _NODE_CHILDREN:
                state.counts["unknown child"] += 1
    _read_connections(state, pending, vs, model)


def _skip_subtree(state: ArchiRead, el: etree._Element) -> None:
    """A skipped figure takes its nested figures and connections with it."""
    for inner in el.iter("child", "sourceConnection"):
        state.skipped.add(state.id(inner.get("id")))


def _node(state: ArchiRead, el: etree._Element, parent: str | None, view: View,
          model: Model) -> Node | None:
    """The node of a figure (its geometry is set by the caller), ``None`` if skipped."""
    identifier = state.id(el.get("id"))
    kind = state.xsi_class(el)
    node = Node(id=identifier, x=0, y=0, w=0, h=0, parent=parent)
    if kind == DIAGRAM_OBJECT:
        element_id = state.id(el.get("archimateElement"))
        if not model.has_element(element_id):
            state.skipped.add(identifier)
            state.report.append(tr(
                "Figure {id} (line {line}) in view ‘{view}’ skipped with what it holds: its "
                "element {ref} was skipped or is missing", id=identifier, line=el.sourceline,
                view=view.name, ref=element_id))
            return None
        node.kind, node.element_id = NODE_ELEMENT, element_id
        _figure_type(state, el, model.element(element_id).type)
    elif kind == GROUP:
        node.kind, node.label = NODE_CONTAINER, el.get("name", "")
        node.documentation = state.documentation(el)
    elif kind == NOTE:
        node.kind, node.label = NODE_LABEL, state.documentation(el, "content")
    elif kind == VIEW_REF:
        node.kind = NODE_LABEL
        ref = state.id(el.get("model"))
        target = state.index.get(ref)
        node.label = target.get("name", "") if target is not None else ""
        if model.has_view(ref):
            node.view_ref = ref
        else:
            state.report.append(tr(
                "View reference {id} (line {line}) in view ‘{view}’: the view it opens was "
                "not imported; it is kept as a label", id=identifier, line=el.sourceline,
                view=view.name))
    else:
        state.skipped.add(identifier)
        if kind == IMAGE:
            state.counts["image object"] += 1
        else:
            state.report.append(tr(
                "Figure {id} (line {line}) in view ‘{view}’ skipped: unknown figure type "
                "{type}", id=identifier, line=el.sourceline, view=view.name, type=kind))
        return None
    features = state.features(el)
    node.style = read_style(el.attrib, features, connection=False)
    _compatible_style(state, el, node, model)
    _node_extras(state, node, features)
    if el.get("imagePath"):
        state.counts["image"] += 1
    if el.get("borderType", "0") != "0":
        state.counts["border"] += 1
    if el.get("locked") == "true":
        state.counts["locked"] += 1
    if kind in (GROUP, NOTE):
        state.counts["node properties"] += len(el.findall("property"))
    return node


def _figure_type(state: ArchiRead, el: etree._Element, element_type: str) -> None:
    """Count a figure drawn with Archi's alternate figure (the model has no place for it)."""
    try:
        figure = int(el.get("type", "0"))
    except ValueError:
        figure = 0
    if state.version < (5, 0, 0) and element_type in _SWAPPED_FIGURES:
        figure ^= 1
    if figure:
        state.counts["figure type"] += 1


def _compatible_style(state: ArchiRead, el: etree._Element, node: Node, model: Model) -> None:
    """What Archi changes in older models when it opens them, done the same way here."""
    style = node.style
    grouping = node.kind == NODE_CONTAINER or (
        node.element_id is not None and model.element(node.element_id).type == "Grouping")
    if grouping and state.version < (4, 4, 0) and style.text_alignment in (None, "center"):
        style.text_alignment = "left"  # DefaultTextAlignmentHandler
    if state.version in ((4, 0, 1), (4, 4, 0)) and style.line_alpha is None:
        style.line_alpha = style.fill_alpha  # OutlineOpacityHandler


def _node_extras(state: ArchiRead, node: Node, features: dict[str, str]) -> None:
    """This program's own features: what Archi's figures have no attribute for."""
    labels = state.json_feature(features, F_LABELS, node.id)
    if isinstance(labels, dict):
        node.labels = {str(k): str(v) for k, v in labels.items()}
    if F_LABEL in features:
        node.label = features[F_LABEL]
    if F_DOCUMENTATION in features:
        node.documentation = features[F_DOCUMENTATION]
    if F_LAYER in features:
        node.layer = features[F_LAYER]
    if features.get(F_KIND) in NODE_KINDS:
        node.kind = features[F_KIND]


# ------------------------------------------------------------------ connections
def _collect_connections(el: etree._Element, pending: list[etree._Element]) -> None:
    """The connections stored in a figure, and those stored in them, at any depth."""
    stack = list(reversed(el.findall("sourceConnection")))
    while stack:
        conn = stack.pop()
        pending.append(conn)
        stack.extend(reversed(conn.findall("sourceConnection")))


def _read_connections(state: ArchiRead, found: list[etree._Element], vs: _ViewState,
                      model: Model) -> None:
    view = vs.view
    for el in found:
        identifier = state.id(el.get("id"))
        source, target = state.id(el.get("source")), state.id(el.get("target"))
        kind = state.xsi_class(el) or LINE_CONNECTION
        relationship_id = None
        if kind == ARCHIMATE_CONNECTION:
            relationship_id = state.id(el.get("archimateRelationship") or el.get("relationship"))
            if not model.has_relationship(relationship_id):
                state.skipped.add(identifier)
                state.report.append(tr(
                    "Connection {id} (line {line}) in view ‘{view}’ skipped: its relationship "
                    "{ref} was skipped or is missing", id=identifier, line=el.sourceline,
                    view=view.name, ref=relationship_id))
                continue
        elif kind != LINE_CONNECTION:
            state.skipped.add(identifier)
            state.report.append(tr(
                "Connection {id} (line {line}) in view ‘{view}’ skipped: unknown connection "
                "type {type}", id=identifier, line=el.sourceline, view=view.name, type=kind))
            continue
        if identifier in state.skipped:
            continue
        # A relationship's connection shows the relationship's name in Archi (a name
        # written on it would rename the relationship), so its own label is a feature.
        conn = Connection(id=identifier, source=source, target=target,
                          relationship_id=relationship_id,
                          label="" if relationship_id else el.get("name", ""),
                          documentation=state.documentation(el))
        features = state.features(el)
        conn.style = read_style(el.attrib, features, connection=True)
        labels = state.json_feature(features, F_LABELS, identifier)
        if isinstance(labels, dict):
            conn.labels = {str(k): str(v) for k, v in labels.items()}
        conn.label = features.get(F_LABEL, conn.label)
        conn.documentation = features.get(F_DOCUMENTATION, conn.documentation)
        if features.get(F_ROUTER) in CONNECTION_ROUTERS:
            conn.router = features[F_ROUTER]
        state.counts["connection properties"] += len(el.findall("property"))
        offsets = []
        for bend in el.iterfind("bendpoint"):
            offsets.append(tuple(_int(bend.get(k)) for k in ("startX", "startY", "endX", "endY")))
        vs.lines[identifier] = _Line(conn, offsets, el.sourceline)  # type: ignore[arg-type]
    # A connection may end at a connection read later: add in rounds.
    pending = list(vs.lines.values())
    while pending:
        rest = []
        for line in pending:
            conn = line.conn
            ends = (conn.source, conn.target)
            if all(e in view.nodes or e in view.connections for e in ends):
                conn.bendpoints = _absolute_bendpoints(line, vs)
                model.load_connection(view.id, conn)
            elif any(e in state.skipped or e not in vs.boxes and e not in vs.lines
                     for e in ends):
                state.skipped.add(conn.id)
                state.report.append(tr(
                    "Connection {id} (line {line}) in view ‘{view}’ skipped: what it "
                    "connects was skipped or is not in the view", id=conn.id, line=line.line,
                    view=view.name))
            else:
                rest.append(line)
        if len(rest) == len(pending):
            for line in rest:
                state.report.append(tr(
                    "Connection {id} (line {line}) in view ‘{view}’ skipped: it ends at "
                    "connections that end at each other", id=line.conn.id, line=line.line,
                    view=view.name))
            break
        pending = rest


def _int(value: str | None) -> int:
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0


def _reference(end: str, vs: _ViewState) -> tuple[int, int]:
    """The point Archi measures bendpoint offsets from: the centre of a figure, or for a
    connection the centre of the box around its path (Archi's line anchor). A connection's
    ends are always added before it, so this never loops."""
    box = vs.boxes.get(end)
    if box is not None:
        return centre(box)
    known = vs.references.get(end)
    if known is None:
        conn = vs.lines[end].conn
        known = path_reference([_reference(conn.source, vs), *conn.bendpoints,
                                _reference(conn.target, vs)])
        vs.references[end] = known
    return known


def _absolute_bendpoints(line: _Line, vs: _ViewState) -> list[tuple[int, int]]:
    source = _reference(line.conn.source, vs)
    target = _reference(line.conn.target, vs)
    count = len(line.offsets)
    return [bendpoint_position((sx, sy), (ex, ey), i, count, source, target)
            for i, (sx, sy, ex, ey) in enumerate(line.offsets)]
