"""One view as a flat, backend-neutral list of shapes and text runs (a display list).

Why a display list: the PDF and SVG (reportlab) and the PNG (Pillow) must show the same
diagram. The decisions (which outline, which glyph, which colour, where each line of a
name goes, where a connection meets a box) are made once here from
:mod:`~egov_modeler.diagram.notation` and :mod:`~egov_modeler.diagram.text_layout`; the
backends only paint :class:`ShapeItem` and :class:`TextItem`. Coordinates are scene
coordinates (points, y down), the model's own.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from egov_modeler.i18n import tr
from egov_modeler.model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES
from egov_modeler.model.terminology import bilingual_type_label
from egov_modeler.model.views import NODE_CONTAINER, NODE_LABEL, NODE_LEGEND, Node, Style, View

from . import notation as nt
from .text_layout import DEFAULT_FONT_SIZE, layout_lines, line_height, text_width

log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]

__all__ = [
    "CONTAINER_FILL",
    "Scene",
    "ShapeItem",
    "TextItem",
    "build_scene",
    "connection_label",
    "connection_text",
    "container_items",
    "localized_name",
    "legend_node_items",
    "legend_scene",
    "note_items",
    "view_bounds",
    "view_types",
]

#: Fill of a framework layer band or plain group that sets no colour.
CONTAINER_FILL = "#f4f6f8"
NOTE_FILL = "#ffffff"
NOTE_LINE = "#808080"
#: Size of relationship names written on connections.
CONNECTION_FONT_SIZE = 7.5
SCENE_MARGIN = 10.0
#: Written after a model text shown in the model's main language because the model has no
#: text in the document's language (an English dossier of a model with Vietnamese names).
UNTRANSLATED_MARK = "\u2020"  # dagger
#: The language model texts are written in first (``name``); other languages are extras.
MODEL_LANGUAGE = "vi"


def localized_name(names: dict[str, str], main: str, lang: str, mark: bool = False) -> str:
    """A model text in ``lang``: its translation, else the main text, followed by
    :data:`UNTRANSLATED_MARK` when ``mark`` is set and ``lang`` is not the model's own
    language (so a reader of an English dossier sees which names are still Vietnamese)."""
    text = names.get(lang)
    if text:
        return text
    if mark and main and lang != MODEL_LANGUAGE:
        return f"{main} {UNTRANSLATED_MARK}"
    return main


@dataclass(frozen=True)
class ShapeItem:
    """A primitive with resolved colours (``None`` = no fill / no stroke)."""

    prim: nt.Primitive
    fill: str | None
    stroke: str | None
    width: float = 1.0
    dash: tuple[float, ...] = ()
    fill_alpha: float = 1.0


@dataclass(frozen=True)
class TextItem:
    """One line of text: ``x`` is the left end, ``y`` the baseline."""

    x: float
    y: float
    text: str
    size: float
    bold: bool = False
    color: str = "#000000"
    background: str | None = None  # painted behind the text (connection labels)


@dataclass
class Scene:
    """The display list of a view, with its extent and the notation it uses (for legends)."""

    bounds: Box
    items: list[ShapeItem | TextItem] = field(default_factory=list)
    element_types: list[str] = field(default_factory=list)
    relationship_types: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # every element name shown, for checks
    access_types: list[str] = field(default_factory=list)  # how Access lines are drawn
    untranslated: int = 0  # texts shown with UNTRANSLATED_MARK

    @property
    def smallest_text(self) -> float | None:
        """The smallest font size of the scene's text (scene points), ``None`` without
        text: multiplied by the printing scale it is the smallest size on paper."""
        sizes = [item.size for item in self.items if isinstance(item, TextItem)]
        return min(sizes) if sizes else None


def _resolve_fill(key: str, shape_fill: str, line: str) -> str | None:
    if key == nt.FILL_SHAPE:
        return shape_fill
    if key == nt.FILL_LINE:
        return line
    if key == nt.FILL_WHITE:
        return "#ffffff"
    return None


def on_white(color: str, alpha: int | None) -> str:
    """``color`` at opacity ``alpha`` (0..255) as it looks on white paper: how a line's
    opacity is drawn, the same by every backend (Pillow's RGB canvas has no alpha)."""
    if alpha is None or alpha >= 255 or not (len(color) == 7 and color.startswith("#")):
        return color
    try:
        r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    except ValueError:
        return color
    k = max(0, alpha) / 255.0
    return "#{:02x}{:02x}{:02x}".format(*(round(c * k + 255 * (1 - k)) for c in (r, g, b)))


def _style_value(style: object | None, name: str) -> object | None:
    return getattr(style, name, None) if style is not None else None


def _is_bold(style: object | None, default: bool = False) -> bool:
    words = _style_value(style, "font_style")
    return default if not isinstance(words, str) else "bold" in words.split()


def _font_size(style: object | None) -> float:
    size = _style_value(style, "font_size")
    return float(size) if isinstance(size, int | float) and size > 0 else DEFAULT_FONT_SIZE


def _fill_alpha(style: object | None) -> float:
    alpha = _style_value(style, "fill_alpha")
    return 1.0 if not isinstance(alpha, int) else max(0, min(255, alpha)) / 255.0


def _line_width(style: object | None, default: float = 1.0) -> float:
    width = _style_value(style, "line_width")
    return float(width) if isinstance(width, int) and width > 0 else default


def _text_items(text: str, box: Box, size: float, bold: bool, color: str, align: str,
                valign: str) -> list[TextItem]:
    size, placed = layout_lines(text, box, size, bold, align, valign)
    return [TextItem(x, y, line, size, bold, color) for x, y, line in placed]


def _node_order(view: View) -> list[Node]:
    """Parents before children, siblings in the view's order (so children paint on top)."""
    ordered: list[Node] = []
    by_parent: dict[str | None, list[Node]] = {}
    for node in view.nodes.values():
        parent = node.parent if node.parent in view.nodes else None
        by_parent.setdefault(parent, []).append(node)
    stack = list(reversed(by_parent.get(None, [])))
    while stack:
        node = stack.pop()
        ordered.append(node)
        stack.extend(reversed(by_parent.get(node.id, [])))
    return ordered


def _children_top(view_children: dict[str, list[Node]], node: Node) -> float | None:
    kids = view_children.get(node.id)
    return min(k.y for k in kids) if kids else None


def element_items(type_name: str, box: Box, name: str, style: object | None = None,
                  has_children_at: float | None = None) -> list[ShapeItem | TextItem]:
    """The shapes and name lines of one element in ``box`` (used for nodes and legends).

    ``style`` (a :class:`~egov_modeler.model.views.Style`, already merged with the view's
    default for the type) sets the fill, line and font colours, the opacities, the line
    width, the font size, bold, and where the name sits (alignment and position)."""
    x, y, w, h = box
    fill, line, font = nt.element_colors(type_name, style)
    line = on_white(line, _style_value(style, "line_alpha"))  # type: ignore[arg-type]
    width = _line_width(style)
    alpha = _fill_alpha(style)
    items: list[ShapeItem | TextItem] = []
    size = _font_size(style)
    bold = _is_bold(style)
    shape = ELEMENT_TYPES[type_name].shape
    label_w = text_width(name, size, bold) if shape == "grouping" and name else None
    for prim in nt.element_outline(type_name, x, y, w, h, label_w):
        items.append(ShapeItem(prim, _resolve_fill(prim.fill, fill, line), line, width,
                               prim.dash, alpha))
    icon = nt.icon_box(type_name, x, y, w, h)
    if icon is not None:
        for prim in nt.element_icon(type_name, icon[0], icon[1], icon[2]):
            items.append(ShapeItem(prim, _resolve_fill(prim.fill, fill, line), line, 0.75,
                                   prim.dash))
    tx, ty, tw, th = nt.text_box(type_name, x, y, w, h, label_w)
    if has_children_at is not None and shape != "grouping":
        th = max(0.0, min(th, has_children_at - 2 - ty))
    valign = "top" if (has_children_at is not None or shape in ("grouping", "object")) \
        else "middle"
    position = _style_value(style, "text_position")
    if has_children_at is None and shape != "grouping" and position in ("top", "middle",
                                                                        "bottom"):
        valign = str(position)
    align = _style_value(style, "text_alignment")
    if align not in ("left", "center", "right"):
        align = nt.text_alignment(type_name)
    items.extend(_text_items(name, (tx, ty, tw, th), size, bold, font, str(align), valign))
    return items


def container_items(node: Node, label: str, top_child: float | None,
                    style: Style | None = None) -> list:
    """A band or group: the tabbed outline and its bold label in the tab.

    Public because both the PDF/image display list (below) and the canvas
    (:mod:`egov_modeler.ui.canvas.display`) draw containers from it, so screen and paper
    cannot drift apart. ``style`` is the node's (its own when not given)."""
    style = node.style if style is None else style
    x, y, w, h = node.bounds
    fill = style.fill or CONTAINER_FILL
    line = on_white(style.line_color or nt.ELEMENT_LINE_COLOR, style.line_alpha)
    size = _font_size(style)
    bold = _is_bold(style, default=True)
    width = _line_width(style)
    label_w = text_width(label, size, bold) if label else None
    items: list = [ShapeItem(p, _resolve_fill(p.fill, fill, line), line, width, p.dash,
                             _fill_alpha(style))
                   for p in nt.group_outline(x, y, w, h, label_w)]
    tab_w = nt.group_tab_width(w, label_w)
    th = min(nt.GROUP_TAB_HEIGHT, h) - 2
    items.extend(_text_items(label, (x + nt.TEXT_PADDING, y + 1, tab_w - 2 * nt.TEXT_PADDING,
                                     th), size, bold, style.font_color or "#000000",
                             "left", "middle"))
    return items


def note_items(node: Node, label: str, style: Style | None = None) -> list:
    """A free-text label box (note): the text wrapped in the box, top left unless the
    style says otherwise. Public because both the PDF and the canvas draw notes from it."""
    style = node.style if style is None else style
    x, y, w, h = node.bounds
    fill = style.fill or NOTE_FILL
    line = on_white(style.line_color or NOTE_LINE, style.line_alpha)
    pad = nt.TEXT_PADDING
    align = style.text_alignment if style.text_alignment in ("left", "center",
                                                             "right") else "left"
    valign = style.text_position if style.text_position in ("top", "middle",
                                                            "bottom") else "top"
    return [ShapeItem(nt.Rect(x, y, w, h), fill, line, _line_width(style, 0.75), (),
                      _fill_alpha(style)),
            *_text_items(label, (x + pad, y + pad, w - 2 * pad, h - 2 * pad),
                         _font_size(style), _is_bold(style), style.font_color or "#000000",
                         str(align), str(valign))]


def view_types(model, view: View) -> tuple[list[str], list[str], list[str]]:
    """The element types, relationship types and Access line styles shown on ``view``,
    in the metamodel's order: what its legend lists."""
    elements: set[str] = set()
    for node in view.nodes.values():
        if node.element_id and model.has_element(node.element_id):
            elements.add(model.element(node.element_id).type)
    relationships: set[str] = set()
    access: list[str] = []
    for connection in view.connections.values():
        if connection.relationship_id and model.has_relationship(connection.relationship_id):
            rel = model.relationship(connection.relationship_id)
            relationships.add(rel.type)
            if rel.type == "Access" and (rel.access_type or "") not in access:
                access.append(rel.access_type or "")
    return ([t for t in ELEMENT_TYPES if t in elements],
            [t for t in RELATIONSHIP_TYPES if t in relationships], access)


def legend_node_items(model, view: View, node: Node, lang: str,
                      style: Style | None = None) -> list:
    """A legend node: a framed box listing, as the PDF's legend does, the element and
    relationship types shown on its view, each with a sample of its notation. The title
    is the node's label (else "Legend"); a list taller than the box is shrunk to fit."""
    style = node.style if style is None else style
    x, y, w, h = node.bounds
    elements, relationships, access = view_types(model, view)
    labels = {t: bilingual_type_label(t, lang) for t in (*elements, *relationships)}
    title = localized_name(node.labels, node.label, lang) or tr("Legend", language=lang)
    inner = legend_scene(elements, relationships, max(1.0, w), labels, title,
                         access[0] if access else None)
    content_h = inner.bounds[3]
    k = min(1.0, h / content_h) if content_h > 0 else 1.0
    frame = ShapeItem(nt.Rect(x, y, w, h), style.fill or NOTE_FILL,
                      on_white(style.line_color or NOTE_LINE, style.line_alpha),
                      _line_width(style, 0.75), (), _fill_alpha(style))
    return [frame, *(_placed(item, x, y, k) for item in inner.items)]


def _placed(item: ShapeItem | TextItem, x: float, y: float, k: float) -> ShapeItem | TextItem:
    """``item`` scaled by ``k`` and moved by ``(x, y)``."""
    if isinstance(item, TextItem):
        return dataclasses.replace(item, x=x + item.x * k, y=y + item.y * k, size=item.size * k)
    return dataclasses.replace(item, prim=nt.scaled(item.prim, x, y, k), width=item.width * k)


_LABEL_POSITIONS = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.12, 0.88)

Segment = tuple[tuple[float, float], tuple[float, float]]


def _point_along(points: list[tuple[float, float]], fraction: float) -> tuple[float, float]:
    lengths = [math.dist(a, b) for a, b in zip(points, points[1:], strict=False)]
    goal = sum(lengths) * fraction
    for (a, b), length in zip(zip(points, points[1:], strict=False), lengths, strict=False):
        if goal <= length and length > 0:
            t = goal / length
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        goal -= length
    return points[-1]


def _overlap_count(box: Box, others: Iterable[Box]) -> int:
    x, y, w, h = box
    return sum(1 for ox, oy, ow, oh in others
               if x < ox + ow and ox < x + w and y < oy + oh and oy < y + h)


def _overlaps(box: Box, others: list[Box]) -> bool:
    return _overlap_count(box, others) > 0


def segment_hits_box(segment: Segment, box: Box) -> bool:
    """Whether a line segment passes through a box (Liang-Barsky clipping)."""
    (x0, y0), (x1, y1) = segment
    bx, by, bw, bh = box
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - bx), (dx, bx + bw - x0), (-dy, y0 - by), (dy, by + bh - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


#: Where along its line a connection's name starts looking for room, by text position.
_LABEL_START = {"source": 0.15, "middle": 0.5, "target": 0.85}


def _label_positions(position: str | None) -> tuple[float, ...]:
    """The places tried along a line, nearest the wanted one first."""
    start = _LABEL_START.get(position or "middle", 0.5)
    return tuple(sorted(set(_LABEL_POSITIONS) | {start}, key=lambda f: (abs(f - start), f)))


def connection_label(points: list[tuple[float, float]], text: str,
                     taken: list[Box], obstacles: Iterable[Box] = (),
                     crossings: Iterable[Segment] = (), style: Style | None = None
                     ) -> TextItem | None:
    """The relationship name on its line (public: both the PDF and the canvas place
    connection labels with it): at the middle (or near the source or target end, as the
    line's style says), or slid along the line to the first place where it covers no
    other label or element name (``taken``, updated), no element box (``obstacles``) and
    no other connection's line (``crossings``), so a label never hides where two lines
    cross or what a box says. When every place is covered somewhere, the least covered
    one is used. ``style`` gives the font size, colour and bold."""
    if not text:
        return None
    size = float(style.font_size) if style is not None and style.font_size else \
        CONNECTION_FONT_SIZE
    bold = _is_bold(style)
    color = (style.font_color if style is not None else None) or "#000000"
    width = text_width(text, size, bold)
    obstacles = list(obstacles)
    crossings = list(crossings)
    best: tuple[int, float, float, Box] | None = None
    for fraction in _label_positions(style.text_position if style is not None else None):
        mx, my = _point_along(points, fraction)
        box = (mx - width / 2 - 1, my - size * 0.8, width + 2, size * 1.3)
        score = (4 * _overlap_count(box, taken) + 2 * _overlap_count(box, obstacles)
                 + sum(1 for seg in crossings if segment_hits_box(seg, box)))
        if best is None or score < best[0]:
            best = (score, mx, my, box)
        if score == 0:
            break
    assert best is not None  # _LABEL_POSITIONS is not empty
    _, mx, my, box = best
    taken.append(box)
    return TextItem(mx - width / 2, my + size / 3, text, size, bold, color, "#ffffff")


def connection_text(rel, connection, lang: str, mark: bool = False) -> str:
    """What is written on a connection's line (public: the PDF and the canvas both write
    it): the relationship's name in ``lang`` (else the line's own label) and, for an
    Influence, its modifier as ArchiMate draws it: "Name (+)", or "(+)" unnamed. Why the
    brackets even alone: a bare "--" or "-" on a dashed Influence line reads as more dashes.

    ``rel`` is the :class:`~egov_modeler.model.concepts.Relationship` shown, or None for a
    plain line. ``mark`` flags a text shown untranslated (see :func:`localized_name`)."""
    text = (localized_name(rel.names, rel.name, lang, mark) if rel is not None else "") or (
        localized_name(connection.labels, connection.label or "", lang, mark))
    modifier = (rel.modifier or "").strip() if rel is not None else ""
    if rel is not None and rel.type == "Influence" and modifier:
        return f"{text} ({modifier})" if text else f"({modifier})"
    return text


def view_bounds(view: View) -> Box:
    """Extent of a view's nodes and bendpoints plus a margin (cheap: no text layout), so
    page counts can be known without drawing."""
    xs: list[float] = []
    ys: list[float] = []
    for node in view.nodes.values():
        xs.extend((node.x, node.x + node.w))
        ys.extend((node.y, node.y + node.h))
    for connection in view.connections.values():
        for px, py in connection.bendpoints:
            xs.append(px)
            ys.append(py)
    if not xs:
        return (0.0, 0.0, 200.0, 100.0)
    x0, y0 = min(xs) - SCENE_MARGIN, min(ys) - SCENE_MARGIN
    return (x0, y0, max(xs) + SCENE_MARGIN - x0, max(ys) + SCENE_MARGIN - y0)


def _routed_connections(view: View):
    """``(connection, points)`` for every drawable connection, in the view's order.

    An end may be another connection (a relationship attached to a relationship); it is
    met at the middle of that connection's line, so those are routed after their hosts.
    """
    routed: dict[str, list[tuple[float, float]]] = {}
    pending = list(view.connections.values())
    while pending:
        waiting = []
        for connection in pending:
            ends: list[Box | None] = []
            for end in (connection.source, connection.target):
                node = view.nodes.get(end)
                if node is not None:
                    ends.append(node.bounds)
                elif end in routed:
                    mx, my = _point_along(routed[end], 0.5)
                    ends.append((mx, my, 0.0, 0.0))
                else:
                    ends.append(None)
            source_box, target_box = ends
            if source_box is None or target_box is None:
                waiting.append(connection)
                continue
            routed[connection.id] = nt.connection_points(source_box, target_box,
                                                         connection.bendpoints)
        if len(waiting) == len(pending):  # missing ends or a cycle: nothing more to route
            for connection in waiting:
                log.warning("view %s: connection %s has an end that cannot be drawn; "
                            "skipped", view.id, connection.id)
            break
        pending = waiting
    return [(c, routed[c.id]) for c in view.connections.values() if c.id in routed]


def build_scene(model, view: View, lang: str, mark_untranslated: bool = False) -> Scene:
    """The display list of ``view``: nodes (parents first), then connections and labels.

    With ``mark_untranslated`` a model text that has no ``lang`` form is shown in the
    model's language followed by :data:`UNTRANSLATED_MARK` (documents in one language at
    a time); the canvas leaves it off."""
    items: list[ShapeItem | TextItem] = []
    names: list[str] = []
    seen_types: set[str] = set()
    seen_rels: set[str] = set()
    access_types: list[str] = []
    obstacles: list[Box] = []  # element boxes a line label must not cover
    children: dict[str, list[Node]] = {}
    for node in view.nodes.values():
        if node.parent:
            children.setdefault(node.parent, []).append(node)

    for node in _node_order(view):
        label = localized_name(node.labels, node.label, lang, mark_untranslated)
        top_child = _children_top(children, node)
        if node.kind == NODE_CONTAINER:
            items.extend(container_items(node, label, top_child))
        elif node.kind == NODE_LABEL:
            items.extend(note_items(node, label))
            obstacles.append(node.bounds)
        elif node.kind == NODE_LEGEND:
            items.extend(legend_node_items(model, view, node, lang))
            obstacles.append(node.bounds)
        elif node.element_id and model.has_element(node.element_id):
            element = model.element(node.element_id)
            if element.type not in ELEMENT_TYPES:
                log.warning("view %s: node %s has unknown type %s", view.id, node.id,
                            element.type)
                continue
            name = localized_name(element.names, element.name, lang, mark_untranslated)
            seen_types.add(element.type)
            shape = ELEMENT_TYPES[element.type].shape
            if shape != "junction":
                names.append(name)
            if shape != "grouping" and not children.get(node.id):
                obstacles.append(node.bounds)
            items.extend(element_items(element.type, node.bounds, name,
                                       view.node_style(node, element.type), top_child))
        else:
            log.warning("view %s: node %s shows nothing known; skipped", view.id, node.id)
    labels: list[TextItem] = []
    taken: list[Box] = [(t.x, t.y - t.size, text_width(t.text, t.size, t.bold), t.size * 1.25)
                        for t in items if isinstance(t, TextItem)]
    routed = _routed_connections(view)
    segments = {connection.id: list(zip(points, points[1:], strict=False))
                for connection, points in routed}
    for connection, points in routed:
        rel = None
        if connection.relationship_id and model.has_relationship(connection.relationship_id):
            rel = model.relationship(connection.relationship_id)
            if rel.type not in RELATIONSHIP_TYPES:
                rel = None
        dash, source_end, target_end = nt.relationship_decorations(
            rel.type if rel else None, rel.access_type if rel else None,
            rel.is_directed if rel else False, points)
        color = on_white(connection.style.line_color or nt.CONNECTION_COLOR,
                         connection.style.line_alpha)
        width = _line_width(connection.style)
        items.append(ShapeItem(nt.Polyline(tuple(points)), None, color, width, dash))
        for prim in source_end + target_end:
            items.append(ShapeItem(prim, _resolve_fill(prim.fill, "#ffffff", color), color,
                                   width))
        if rel is not None:
            seen_rels.add(rel.type)
            if rel.type == "Access" and (rel.access_type or "") not in access_types:
                access_types.append(rel.access_type or "")
        text = connection_text(rel, connection, lang, mark_untranslated)
        # the other lines' segments only for a label (a view of 2,000 unlabelled lines
        # gathered them for every line: quadratic)
        others = [seg for cid, segs in segments.items() if cid != connection.id
                  for seg in segs] if text else []
        label_item = connection_label(points, text, taken, obstacles, others,
                                      connection.style)
        if label_item is not None:
            labels.append(label_item)
    items.extend(labels)
    untranslated = sum(1 for t in items if isinstance(t, TextItem)
                       and t.text.endswith(UNTRANSLATED_MARK))
    return Scene(
        bounds=view_bounds(view),
        items=items,
        element_types=[t for t in ELEMENT_TYPES if t in seen_types],
        relationship_types=[t for t in RELATIONSHIP_TYPES if t in seen_rels],
        names=names,
        access_types=access_types,
        untranslated=untranslated,
    )


LEGEND_ROW = 18.0
LEGEND_SAMPLE_W = 34.0
LEGEND_SAMPLE_H = 15.0
LEGEND_FONT_SIZE = 7.5


def legend_scene(element_types: Iterable[str], relationship_types: Iterable[str],
                 width: float, labels: dict[str, str], title: str,
                 access_type: str | None = None, note: str = "") -> Scene:
    """A legend: a title, then one row per element type (a small sample of the notation)
    and one per relationship type (a short line with its ends), each with its label.

    ``labels`` maps type names to the text to show (already in the wanted language).
    ``access_type`` is how the view draws its Access lines (the legend draws the same
    ends, not an arrowhead the diagram lacks); ``note`` is a last line (e.g. what the
    untranslated mark means).
    """
    items: list[ShapeItem | TextItem] = []
    pad = 4.0
    y = pad
    title_size = 9.0
    items.append(TextItem(pad, y + title_size, title, title_size, True))
    y += line_height(title_size) + 4
    text_x = pad + LEGEND_SAMPLE_W + 6
    text_w = max(10.0, width - text_x - pad)
    for type_name in element_types:
        sample = (pad, y + (LEGEND_ROW - LEGEND_SAMPLE_H) / 2, LEGEND_SAMPLE_W, LEGEND_SAMPLE_H)
        for item in element_items(type_name, sample, ""):
            items.append(item)
        items.extend(_text_items(labels.get(type_name, type_name), (text_x, y, text_w,
                                                                    LEGEND_ROW),
                                 LEGEND_FONT_SIZE, False, "#000000", "left", "middle"))
        y += LEGEND_ROW + 2
    for rel_type in relationship_types:
        mid = y + LEGEND_ROW / 2
        points = [(pad, mid), (pad + LEGEND_SAMPLE_W, mid)]
        access = (access_type or None) if rel_type == "Access" else None
        dash, source_end, target_end = nt.relationship_decorations(rel_type, access, False,
                                                                   points)
        items.append(ShapeItem(nt.Polyline(tuple(points)), None, nt.CONNECTION_COLOR, 1.0,
                               dash))
        for prim in source_end + target_end:
            items.append(ShapeItem(prim, _resolve_fill(prim.fill, "#ffffff",
                                                       nt.CONNECTION_COLOR),
                                   nt.CONNECTION_COLOR, 1.0))
        items.extend(_text_items(labels.get(rel_type, rel_type), (text_x, y, text_w,
                                                                  LEGEND_ROW),
                                 LEGEND_FONT_SIZE, False, "#000000", "left", "middle"))
        y += LEGEND_ROW + 2
    if note:
        size, placed = layout_lines(note, (pad, y, width - 2 * pad, 200.0), LEGEND_FONT_SIZE,
                                    False, "left", "top")
        items.extend(TextItem(x, ty, line, size) for x, ty, line in placed)
        y += len(placed) * line_height(size) + 2
    return Scene(bounds=(0.0, 0.0, width, y + pad), items=items)
