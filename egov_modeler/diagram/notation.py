"""ArchiMate notation as plain geometry that any painter can draw.

Why: the canvas (Qt) and the PDF/SVG/PNG export (reportlab) must draw the same shapes.
Instead of two painters each inventing the notation, this module turns "an element of type
T in box (x, y, w, h)" into a list of simple frozen primitives (:class:`Rect`,
:class:`RoundedRect`, :class:`Ellipse`, :class:`Polygon`, :class:`Polyline`, :class:`Path`)
and "a relationship of type R along these points" into a dash pattern and end glyphs. A
painter only has to know how to draw six primitives.

Conventions:

- Coordinates are scene coordinates: points, **y grows downwards** (as in Qt and in the
  model's geometry). A PDF painter flips the y axis once for the whole diagram.
- ``fill`` on a primitive says what to fill it with: :data:`FILL_NONE` (stroke only),
  :data:`FILL_SHAPE` (the element's fill colour), :data:`FILL_LINE` (the line colour, for
  solid glyphs such as filled arrowheads) or :data:`FILL_WHITE` (paper, for hollow glyphs
  that must hide the line under them).
- ``dash`` is a dash pattern in points (``()`` = solid).

The facts (which type has which shape, icon, line style and ends) are in
:mod:`egov_modeler.model.metamodel`; this module only turns those keys into geometry.
Pure Python: no Qt and no reportlab.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from egov_modeler.model.metamodel import (
    ELEMENT_TYPES,
    RELATIONSHIP_TYPES,
    element_type,
    line_ends,
)

__all__ = [
    "CONNECTION_COLOR",
    "ELEMENT_LINE_COLOR",
    "FILL_LINE",
    "FILL_NONE",
    "FILL_SHAPE",
    "FILL_WHITE",
    "GROUP_TAB_HEIGHT",
    "ICON_MARGIN",
    "ICON_SIZE",
    "SHAPES_WITHOUT_ICON",
    "TEXT_PADDING",
    "Ellipse",
    "Path",
    "Polygon",
    "Polyline",
    "Primitive",
    "Rect",
    "RoundedRect",
    "clip_to_box",
    "connection_points",
    "element_colors",
    "element_icon",
    "element_outline",
    "end_glyph",
    "group_outline",
    "group_tab_width",
    "primitive_bounds",
    "all_element_types",
    "icon_box",
    "line_dash",
    "relationship_decorations",
    "scaled",
    "text_alignment",
    "text_box",
]

Point = tuple[float, float]
Box = tuple[float, float, float, float]

FILL_NONE = "none"
FILL_SHAPE = "shape"
FILL_LINE = "line"
FILL_WHITE = "white"

#: Side of the square corner glyph, in points.
ICON_SIZE = 14.0
#: Distance of the glyph from the top and right edges.
ICON_MARGIN = 4.0
#: Gap between a box's border and its text.
TEXT_PADDING = 4.0
#: Height of the name tab of a Grouping (and of a framework layer band).
GROUP_TAB_HEIGHT = 18.0

#: Shapes that are the notation themselves, so their box shows no corner glyph.
SHAPES_WITHOUT_ICON = frozenset(
    {"service", "event", "object", "representation", "junction", "grouping"})

#: Default outline colour of element boxes and text colour.
ELEMENT_LINE_COLOR = "#404040"
#: Default colour of connections.
CONNECTION_COLOR = "#000000"


# --- Primitives ------------------------------------------------------------------------

@dataclass(frozen=True)
class Rect:
    """Axis-aligned rectangle."""

    x: float
    y: float
    w: float
    h: float
    fill: str = FILL_NONE
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class RoundedRect:
    """Rectangle with corners of radius ``r``."""

    x: float
    y: float
    w: float
    h: float
    r: float
    fill: str = FILL_NONE
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class Ellipse:
    """Ellipse inscribed in the box ``(x, y, w, h)``."""

    x: float
    y: float
    w: float
    h: float
    fill: str = FILL_NONE
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class Polygon:
    """Closed polygon through ``points``."""

    points: tuple[Point, ...]
    fill: str = FILL_NONE
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class Polyline:
    """Open line through ``points`` (never filled)."""

    points: tuple[Point, ...]
    fill: str = FILL_NONE
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class Path:
    """A path of operations: ``("M", x, y)``, ``("L", x, y)``,
    ``("C", x1, y1, x2, y2, x, y)`` (cubic Bézier) and ``("Z",)`` (close)."""

    ops: tuple[tuple, ...]
    fill: str = FILL_NONE
    dash: tuple[float, ...] = ()


Primitive = Rect | RoundedRect | Ellipse | Polygon | Polyline | Path


def primitive_bounds(prim: Primitive) -> Box:
    """Bounding box of a primitive (control points included for paths)."""
    if isinstance(prim, (Rect, RoundedRect, Ellipse)):
        return (prim.x, prim.y, prim.w, prim.h)
    if isinstance(prim, (Polygon, Polyline)):
        xs = [p[0] for p in prim.points]
        ys = [p[1] for p in prim.points]
    else:
        xs, ys = [], []
        for op in prim.ops:
            coords = op[1:]
            xs.extend(coords[0::2])
            ys.extend(coords[1::2])
    return (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


# --- Element outlines --------------------------------------------------------------------

def group_tab_width(w: float, label_width: float | None = None) -> float:
    """Width of a group's name tab: wide enough for the name (``label_width``, measured by
    the caller) when given, else 40% of the box; at least 60 points, at most the box."""
    if label_width is None:
        return min(w, max(w * 0.4, 60.0))
    return min(w, max(60.0, label_width + 2 * TEXT_PADDING + 2))


def group_outline(x: float, y: float, w: float, h: float,
                  label_width: float | None = None) -> list[Primitive]:
    """A Grouping: a name tab on the top left over a dashed body. Framework layer bands
    (view containers) use it too."""
    tab_w = group_tab_width(w, label_width)
    tab_h = min(GROUP_TAB_HEIGHT, h)
    return [
        Rect(x, y, tab_w, tab_h, FILL_SHAPE, (4.0, 3.0)),
        Rect(x, y + tab_h, w, h - tab_h, FILL_SHAPE, (4.0, 3.0)),
    ]


def _event_path(x: float, y: float, w: float, h: float, fill: str) -> Path:
    """Event: notched (concave) left end, rounded right end."""
    notch = min(h / 4.0, w / 4.0)
    right = x + w - min(h / 2.0, w / 2.0)
    k = 0.5523  # cubic approximation of a quarter circle
    rx = x + w - right
    ry = h / 2.0
    return Path((
        ("M", x, y),
        ("L", right, y),
        ("C", right + rx * k, y, x + w, y + ry - ry * k, x + w, y + ry),
        ("C", x + w, y + ry + ry * k, right + rx * k, y + h, right, y + h),
        ("L", x, y + h),
        ("C", x + notch, y + h * 0.75, x + notch, y + h * 0.25, x, y),
        ("Z",),
    ), fill)


def _wavy_path(x: float, y: float, w: float, h: float, fill: str) -> Path:
    """Rectangle whose bottom edge is one wave (representation, deliverable)."""
    wave = min(h * 0.15, 10.0)
    bottom = y + h - wave
    return Path((
        ("M", x, y),
        ("L", x + w, y),
        ("L", x + w, bottom),
        ("C", x + w * 0.75, bottom - wave, x + w * 0.25, bottom + wave, x, bottom),
        ("Z",),
    ), fill)


def element_outline(element_type_name: str, x: float, y: float, w: float,
                    h: float, label_width: float | None = None) -> list[Primitive]:
    """The body of an element of ``element_type_name`` in the box, by its ``shape`` key.

    The first primitive is the one to fill with the element's colour; any further ones are
    lines drawn on top (the header band of an object, say).
    """
    shape = element_type(element_type_name).shape
    if shape == "rect":
        return [Rect(x, y, w, h, FILL_SHAPE)]
    if shape == "rounded":
        return [RoundedRect(x, y, w, h, min(10.0, w / 4, h / 4), FILL_SHAPE)]
    if shape == "service":
        return [RoundedRect(x, y, w, h, min(h / 2.0, w / 2.0), FILL_SHAPE)]
    if shape == "event":
        return [_event_path(x, y, w, h, FILL_SHAPE)]
    if shape == "object":
        band = min(GROUP_TAB_HEIGHT - 4, h / 3.0)
        return [Rect(x, y, w, h, FILL_SHAPE), Polyline(((x, y + band), (x + w, y + band)))]
    if shape == "representation":
        return [_wavy_path(x, y, w, h, FILL_SHAPE)]
    if shape == "motivation":
        c = min(8.0, w / 4, h / 4)
        return [Polygon(((x + c, y), (x + w - c, y), (x + w, y + c), (x + w, y + h - c),
                         (x + w - c, y + h), (x + c, y + h), (x, y + h - c), (x, y + c)),
                        FILL_SHAPE)]
    if shape == "junction":
        d = min(w, h)
        return [Ellipse(x + (w - d) / 2, y + (h - d) / 2, d, d, FILL_SHAPE)]
    if shape == "grouping":
        return group_outline(x, y, w, h, label_width)
    raise ValueError(f"no outline for shape {shape!r}")  # a metamodel test guards this


# --- Corner icons --------------------------------------------------------------------------
# Each icon is drawn in the unit square (y down) and scaled into place. ``U`` holds the unit
# geometry; element_icon maps it to the requested square.

_K = 0.5523


def _u_arrow_ends(y: float) -> list[Primitive]:
    return [Polyline(((0.25, y - 0.2), (0.05, y), (0.25, y + 0.2))),
            Polyline(((0.75, y - 0.2), (0.95, y), (0.75, y + 0.2)))]


def _u_cylinder() -> list[Primitive]:
    return [Path((("M", 0.8, 0.2), ("L", 0.2, 0.2), ("C", 0.02, 0.2, 0.02, 0.8, 0.2, 0.8),
                  ("L", 0.8, 0.8))),
            Ellipse(0.65, 0.2, 0.3, 0.6)]


def _u_target(with_dot: bool = True) -> list[Primitive]:
    prims: list[Primitive] = [Ellipse(0.0, 0.0, 1.0, 1.0), Ellipse(0.2, 0.2, 0.6, 0.6)]
    if with_dot:
        prims.append(Ellipse(0.4, 0.4, 0.2, 0.2, FILL_LINE))
    return prims


def _u_wavy() -> list[Primitive]:
    return [Path((("M", 0.0, 0.1), ("L", 1.0, 0.1), ("L", 1.0, 0.8),
                  ("C", 0.75, 0.65, 0.25, 0.95, 0.0, 0.8), ("Z",)))]


def _u_object(lines: int) -> list[Primitive]:
    prims: list[Primitive] = [Rect(0.0, 0.15, 1.0, 0.7)]
    for i in range(lines):
        y = 0.35 + 0.15 * i
        prims.append(Polyline(((0.0, y), (1.0, y))))
    return prims


def _u_parallelogram() -> list[Primitive]:
    return [Polygon(((0.25, 0.2), (1.0, 0.2), (0.75, 0.8), (0.0, 0.8)))]


def _u_cog(cx: float, cy: float, r: float) -> list[Primitive]:
    teeth = []
    for i in range(8):
        a = i * math.pi / 4
        teeth.append(Polyline(((cx + r * math.cos(a), cy + r * math.sin(a)),
                               (cx + r * 1.3 * math.cos(a), cy + r * 1.3 * math.sin(a)))))
    return [Ellipse(cx - r, cy - r, 2 * r, 2 * r), Ellipse(cx - r / 3, cy - r / 3,
                                                           2 * r / 3, 2 * r / 3), *teeth]


_NETWORK_DOTS = ((0.35, 0.2), (0.91, 0.2), (0.65, 0.8), (0.09, 0.8))

_UNIT_ICONS: dict[str, list[Primitive]] = {
    "actor": [Ellipse(0.35, 0.0, 0.3, 0.3), Polyline(((0.5, 0.3), (0.5, 0.65))),
              Polyline(((0.2, 0.42), (0.8, 0.42))),
              Polyline(((0.25, 1.0), (0.5, 0.65), (0.75, 1.0)))],
    "role": _u_cylinder(),
    "collaboration": [Ellipse(0.0, 0.15, 0.65, 0.7), Ellipse(0.35, 0.15, 0.65, 0.7)],
    "interface": [Ellipse(0.5, 0.25, 0.5, 0.5), Polyline(((0.0, 0.5), (0.5, 0.5)))],
    "component": [Rect(0.25, 0.0, 0.75, 1.0), Rect(0.05, 0.2, 0.4, 0.2, FILL_SHAPE),
                  Rect(0.05, 0.6, 0.4, 0.2, FILL_SHAPE)],
    "node": [Rect(0.0, 0.25, 0.75, 0.75),
             Polygon(((0.0, 0.25), (0.25, 0.0), (1.0, 0.0), (0.75, 0.25))),
             Polygon(((0.75, 0.25), (1.0, 0.0), (1.0, 0.75), (0.75, 1.0)))],
    "device": [RoundedRect(0.1, 0.0, 0.8, 0.65, 0.08),
               Polygon(((0.0, 1.0), (0.2, 0.75), (0.8, 0.75), (1.0, 1.0)))],
    "system_software": [Ellipse(0.25, 0.0, 0.75, 0.75),
                        Ellipse(0.0, 0.25, 0.75, 0.75, FILL_SHAPE)],
    "path": [Polyline(((0.1, 0.5), (0.9, 0.5)), dash=(0.12, 0.08)), *_u_arrow_ends(0.5)],
    "network": [Polygon(_NETWORK_DOTS),
                *[Ellipse(px - 0.09, py - 0.09, 0.18, 0.18, FILL_LINE)
                  for px, py in _NETWORK_DOTS]],
    "equipment": [*_u_cog(0.32, 0.65, 0.22), *_u_cog(0.72, 0.28, 0.16)],
    "facility": [Polygon(((0.0, 1.0), (0.0, 0.35), (0.3, 0.55), (0.3, 0.35), (0.6, 0.55),
                          (0.75, 0.55), (0.75, 0.0), (0.95, 0.0), (0.95, 1.0)))],
    "distribution_network": [Polyline(((0.1, 0.4), (0.9, 0.4))),
                             Polyline(((0.1, 0.6), (0.9, 0.6))), *_u_arrow_ends(0.5)],
    "process": [Polygon(((0.0, 0.3), (0.6, 0.3), (0.6, 0.1), (1.0, 0.5), (0.6, 0.9),
                         (0.6, 0.7), (0.0, 0.7)))],
    "function": [Polygon(((0.1, 0.3), (0.5, 0.0), (0.9, 0.3), (0.9, 1.0), (0.5, 0.7),
                          (0.1, 1.0)))],
    "interaction": [Path((("M", 0.45, 0.0), ("C", 0.15, 0.0, 0.0, 0.25, 0.0, 0.5),
                          ("C", 0.0, 0.75, 0.15, 1.0, 0.45, 1.0), ("Z",))),
                    Path((("M", 0.55, 0.0), ("C", 0.85, 0.0, 1.0, 0.25, 1.0, 0.5),
                          ("C", 1.0, 0.75, 0.85, 1.0, 0.55, 1.0), ("Z",)))],
    "event": [_event_path(0.0, 0.2, 1.0, 0.6, FILL_NONE)],
    "service": [RoundedRect(0.0, 0.25, 1.0, 0.5, 0.25)],
    "object": _u_object(1),
    "contract": _u_object(2),
    "representation": _u_wavy(),
    "deliverable": _u_wavy(),
    "product": [Rect(0.0, 0.15, 1.0, 0.7), Rect(0.0, 0.15, 0.5, 0.2)],
    "artifact": [Polygon(((0.15, 0.0), (0.65, 0.0), (0.9, 0.25), (0.9, 1.0), (0.15, 1.0))),
                 Polyline(((0.65, 0.0), (0.65, 0.25), (0.9, 0.25)))],
    "material": [Polygon(((0.25, 0.07), (0.75, 0.07), (1.0, 0.5), (0.75, 0.93),
                          (0.25, 0.93), (0.0, 0.5))),
                 Polyline(((0.3, 0.2), (0.7, 0.2))), Polyline(((0.3, 0.8), (0.7, 0.8))),
                 Polyline(((0.15, 0.5), (0.3, 0.25)))],
    "stakeholder": _u_cylinder(),
    "driver": [Ellipse(0.1, 0.1, 0.8, 0.8), Ellipse(0.4, 0.4, 0.2, 0.2, FILL_LINE),
               Polyline(((0.0, 0.5), (1.0, 0.5))), Polyline(((0.5, 0.0), (0.5, 1.0))),
               Polyline(((0.15, 0.15), (0.85, 0.85))), Polyline(((0.85, 0.15), (0.15, 0.85)))],
    "assessment": [Ellipse(0.35, 0.0, 0.65, 0.65), Polyline(((0.45, 0.55), (0.0, 1.0)))],
    "goal": [*_u_target(), Ellipse(0.0, 0.0, 1.0, 1.0)],
    "outcome": [*_u_target(), Polyline(((0.5, 0.5), (1.0, 0.0))),
                Polyline(((0.75, 0.0), (1.0, 0.0), (1.0, 0.25)))],
    "principle": [Rect(0.1, 0.0, 0.8, 1.0), Polyline(((0.5, 0.15), (0.5, 0.62))),
                  Ellipse(0.43, 0.75, 0.14, 0.14, FILL_LINE)],
    "requirement": _u_parallelogram(),
    "constraint": [*_u_parallelogram(), Polyline(((0.45, 0.2), (0.2, 0.8)))],
    "meaning": [Path((("M", 0.2, 0.8), ("C", 0.0, 0.8, 0.0, 0.45, 0.2, 0.45),
                      ("C", 0.2, 0.15, 0.5, 0.1, 0.55, 0.3),
                      ("C", 0.65, 0.1, 0.95, 0.15, 0.85, 0.45),
                      ("C", 1.0, 0.5, 1.0, 0.8, 0.8, 0.8), ("Z",)))],
    "value": [Ellipse(0.0, 0.2, 1.0, 0.6)],
    "resource": [RoundedRect(0.0, 0.2, 0.85, 0.6, 0.15), Rect(0.85, 0.38, 0.12, 0.24),
                 Polyline(((0.25, 0.35), (0.25, 0.65))), Polyline(((0.45, 0.35), (0.45, 0.65))),
                 Polyline(((0.65, 0.35), (0.65, 0.65)))],
    "capability": [Rect(0.0, 0.67, 0.33, 0.33), Rect(0.33, 0.67, 0.33, 0.33),
                   Rect(0.66, 0.67, 0.33, 0.33), Rect(0.33, 0.34, 0.33, 0.33),
                   Rect(0.66, 0.34, 0.33, 0.33), Rect(0.66, 0.01, 0.33, 0.33)],
    "value_stream": [Polygon(((0.0, 0.2), (0.7, 0.2), (1.0, 0.5), (0.7, 0.8), (0.0, 0.8),
                              (0.3, 0.5)))],
    "course_of_action": [Ellipse(0.3, 0.0, 0.7, 0.7), Ellipse(0.45, 0.15, 0.4, 0.4),
                         Ellipse(0.58, 0.28, 0.14, 0.14, FILL_LINE),
                         Polyline(((0.0, 1.0), (0.55, 0.45))),
                         Polyline(((0.3, 0.45), (0.55, 0.45), (0.55, 0.7)))],
    "work_package": [Path((("M", 0.85, 0.5), ("C", 0.85, 0.7, 0.7, 0.85, 0.5, 0.85),
                           ("C", 0.3, 0.85, 0.15, 0.7, 0.15, 0.5),
                           ("C", 0.15, 0.3, 0.3, 0.15, 0.5, 0.15))),
                     Polygon(((0.5, 0.0), (0.72, 0.15), (0.5, 0.3)), FILL_LINE)],
    "plateau": [Polyline(((0.3, 0.2), (1.0, 0.2))), Polyline(((0.15, 0.5), (0.85, 0.5))),
                Polyline(((0.0, 0.8), (0.7, 0.8)))],
    "gap": [Ellipse(0.1, 0.1, 0.8, 0.8), Polyline(((0.0, 0.4), (1.0, 0.4))),
            Polyline(((0.0, 0.6), (1.0, 0.6)))],
    "location": [Path((("M", 0.5, 1.0), ("C", 0.2, 0.6, 0.15, 0.45, 0.15, 0.35),
                       ("C", 0.15, 0.15, 0.3, 0.0, 0.5, 0.0),
                       ("C", 0.7, 0.0, 0.85, 0.15, 0.85, 0.35),
                       ("C", 0.85, 0.45, 0.8, 0.6, 0.5, 1.0), ("Z",))),
                 Ellipse(0.4, 0.22, 0.2, 0.2)],
    "grouping": [],
    "junction": [],
}


def _scale(prim: Primitive, x: float, y: float, s: float) -> Primitive:
    dash = tuple(d * s for d in prim.dash)
    if isinstance(prim, Rect):
        return Rect(x + prim.x * s, y + prim.y * s, prim.w * s, prim.h * s, prim.fill, dash)
    if isinstance(prim, RoundedRect):
        return RoundedRect(x + prim.x * s, y + prim.y * s, prim.w * s, prim.h * s, prim.r * s,
                           prim.fill, dash)
    if isinstance(prim, Ellipse):
        return Ellipse(x + prim.x * s, y + prim.y * s, prim.w * s, prim.h * s, prim.fill, dash)
    if isinstance(prim, (Polygon, Polyline)):
        pts = tuple((x + px * s, y + py * s) for px, py in prim.points)
        return type(prim)(pts, prim.fill, dash)
    ops = []
    for op in prim.ops:
        coords = op[1:]
        moved = [x + c * s if i % 2 == 0 else y + c * s for i, c in enumerate(coords)]
        ops.append((op[0], *moved))
    return Path(tuple(ops), prim.fill, dash)


def scaled(prim: Primitive, x: float, y: float, s: float) -> Primitive:
    """``prim`` scaled by ``s`` about the origin, then moved by ``(x, y)`` (a legend
    shrunk into its box)."""
    return _scale(prim, x, y, s)


def element_icon(element_type_name: str, x: float, y: float,
                 size: float = ICON_SIZE) -> list[Primitive]:
    """The corner glyph of ``element_type_name`` in the square at ``(x, y)`` of side
    ``size``; empty for types whose shape is the notation (grouping, junction)."""
    icon = element_type(element_type_name).icon
    try:
        unit = _UNIT_ICONS[icon]
    except KeyError:
        raise ValueError(f"no icon geometry for {icon!r}") from None
    return [_scale(p, x, y, size) for p in unit]


def icon_box(element_type_name: str, x: float, y: float, w: float, h: float) -> Box | None:
    """Where the corner glyph goes in an element box, or ``None`` when it has none, when
    the shape itself is the notation (service, event, object, representation, as Archi
    draws them) or when the box is too small to show it next to any text."""
    t = element_type(element_type_name)
    if not _UNIT_ICONS[t.icon] or t.shape in SHAPES_WITHOUT_ICON:
        return None
    size = min(ICON_SIZE, (w - 2 * ICON_MARGIN) / 3, h - 2 * ICON_MARGIN)
    if size < 6:
        return None
    return (x + w - ICON_MARGIN - size, y + ICON_MARGIN, size, size)


def text_alignment(element_type_name: str) -> str:
    """"left" for names written in a tab (grouping), "center" for everything else."""
    return "left" if element_type(element_type_name).shape == "grouping" else "center"


def text_box(element_type_name: str, x: float, y: float, w: float, h: float,
             label_width: float | None = None) -> Box:
    """The area an element's name wraps in, inside its box and clear of the corner glyph.

    The glyph's width is kept free on both sides so a centred name stays centred; a
    grouping's name goes in its tab; a junction shows no name (zero-size box).
    """
    shape = element_type(element_type_name).shape
    if shape == "junction":
        return (x + w / 2, y + h / 2, 0.0, 0.0)
    if shape == "grouping":
        tab_w = group_tab_width(w, label_width)
        return (x + TEXT_PADDING, y + 1, max(0.0, tab_w - 2 * TEXT_PADDING),
                max(0.0, min(GROUP_TAB_HEIGHT, h) - 2))
    icon = icon_box(element_type_name, x, y, w, h)
    side = TEXT_PADDING + ((icon[2] + 2) if icon else 0.0)
    top = y + TEXT_PADDING
    bottom = y + h - TEXT_PADDING
    if shape == "service":  # keep clear of the round ends
        r = min(h / 2, w / 2)
        side = max(side, r * 0.55)
        top, bottom = top + r * 0.08, bottom - r * 0.08
    if shape == "object":
        top = y + 1  # the name sits in the header band
    return (x + side, top, max(0.0, w - 2 * side), max(0.0, bottom - top))


def element_colors(element_type_name: str, style: object | None = None) -> tuple[str, str, str]:
    """``(fill, line, font)`` colours: the type's default overridden by a view
    :class:`~egov_modeler.model.views.Style` (any object with those attributes)."""
    fill = element_type(element_type_name).fill
    line = ELEMENT_LINE_COLOR
    font = "#000000"
    if style is not None:
        fill = getattr(style, "fill", None) or fill
        line = getattr(style, "line_color", None) or line
        font = getattr(style, "font_color", None) or font
    return fill, line, font


# --- Connections -------------------------------------------------------------------------

_DASHES: dict[str, tuple[float, ...]] = {
    "solid": (),
    "dashed": (6.0, 3.0),
    "dotted": (1.5, 2.5),
}


def line_dash(line_style: str) -> tuple[float, ...]:
    """Dash pattern (points on, off, ...) of a metamodel line style; ``()`` is solid."""
    try:
        return _DASHES[line_style]
    except KeyError:
        raise ValueError(f"unknown line style {line_style!r}") from None


def _unit(a: Point, b: Point) -> tuple[float, float]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length == 0:
        return (1.0, 0.0)
    return (dx / length, dy / length)


def end_glyph(end_style: str, tip: Point, towards: Point) -> list[Primitive]:
    """Glyph of an :data:`~egov_modeler.model.metamodel.END_STYLES` key at ``tip``, the line
    arriving from ``towards``."""
    ux, uy = _unit(towards, tip)  # direction of travel, into the tip
    nx, ny = -uy, ux

    def at(back: float, side: float) -> Point:
        return (tip[0] - ux * back + nx * side, tip[1] - uy * back + ny * side)

    if end_style == "none":
        return []
    if end_style in ("diamond_filled", "diamond_hollow"):
        fill = FILL_LINE if end_style == "diamond_filled" else FILL_WHITE
        return [Polygon((tip, at(6, 3.5), at(12, 0), at(6, -3.5)), fill)]
    if end_style == "dot":
        r = 2.5
        cx, cy = at(r, 0)
        return [Ellipse(cx - r, cy - r, 2 * r, 2 * r, FILL_LINE)]
    if end_style == "arrow_filled":
        return [Polygon((tip, at(9, 4), at(9, -4)), FILL_LINE)]
    if end_style == "arrow_open":
        return [Polyline((at(9, 4.5), tip, at(9, -4.5)))]
    if end_style == "arrow_small":
        return [Polyline((at(6, 3), tip, at(6, -3)))]
    if end_style == "arrow_half":
        return [Polyline((at(9, 4.5), tip))]
    if end_style == "triangle_hollow":
        return [Polygon((tip, at(11, 5.5), at(11, -5.5)), FILL_WHITE)]
    raise ValueError(f"unknown end style {end_style!r}")


def relationship_decorations(
    relationship_type: str | None,
    access_type: str | None,
    is_directed: bool,
    points: Sequence[Point],
) -> tuple[tuple[float, ...], list[Primitive], list[Primitive]]:
    """``(dash, source end glyphs, target end glyphs)`` for a connection along ``points``
    (source first). ``relationship_type`` ``None`` is a plain line (a connection that shows
    no relationship)."""
    if relationship_type is None or len(points) < 2:
        return (), [], []
    rel = RELATIONSHIP_TYPES[relationship_type]
    source_end, target_end = line_ends(relationship_type, access_type, is_directed)
    return (
        line_dash(rel.line),
        end_glyph(source_end, points[0], points[1]),
        end_glyph(target_end, points[-1], points[-2]),
    )


def clip_to_box(box: Box, from_point: Point) -> Point:
    """Where the line from the centre of ``box`` towards ``from_point`` crosses the box's
    border (a connection ends there, not at the centre)."""
    x, y, w, h = box
    cx, cy = x + w / 2.0, y + h / 2.0
    dx, dy = from_point[0] - cx, from_point[1] - cy
    if dx == 0 and dy == 0:
        return (cx, cy)
    scales = []
    if dx:
        scales.append((w / 2.0) / abs(dx))
    if dy:
        scales.append((h / 2.0) / abs(dy))
    t = min(scales)
    return (cx + dx * t, cy + dy * t)


def connection_points(source_box: Box, target_box: Box,
                      bendpoints: Sequence[Point] = ()) -> list[Point]:
    """The polyline of a connection: clipped at both boxes, through its bendpoints.

    Without bendpoints, boxes that overlap horizontally (or vertically) get a straight
    vertical (horizontal) line through the middle of the overlap, as Archi draws them.
    """
    sx, sy, sw, sh = source_box
    tx, ty, tw, th = target_box
    if bendpoints:
        first = clip_to_box(source_box, bendpoints[0])
        last = clip_to_box(target_box, bendpoints[-1])
        return [first, *[(float(px), float(py)) for px, py in bendpoints], last]
    left, right = max(sx, tx), min(sx + sw, tx + tw)
    top, bottom = max(sy, ty), min(sy + sh, ty + th)
    if left < right and not top < bottom:
        mid = (left + right) / 2.0
        if sy + sh <= ty:
            return [(mid, sy + sh), (mid, ty)]
        return [(mid, sy), (mid, ty + th)]
    if top < bottom and not left < right:
        mid = (top + bottom) / 2.0
        if sx + sw <= tx:
            return [(sx + sw, mid), (tx, mid)]
        return [(sx, mid), (tx + tw, mid)]
    s_centre = (sx + sw / 2.0, sy + sh / 2.0)
    t_centre = (tx + tw / 2.0, ty + th / 2.0)
    return [clip_to_box(source_box, t_centre), clip_to_box(target_box, s_centre)]


def all_element_types() -> list[str]:
    """Every element type name (convenience for painters' self-tests)."""
    return list(ELEMENT_TYPES)
