"""Paint a :class:`~egov_modeler.diagram.display_list.Scene` with reportlab, as vectors.

The scene is in y-down scene coordinates; a reportlab ``Drawing`` is y-up. The flip is
done here once, per coordinate, so text stays upright and no transform tricks reach the
PDF. The same ``Drawing`` serves the PDF (``renderPDF``) and SVG (``renderSVG``).
"""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics import shapes as rl
from reportlab.lib.colors import HexColor

from ...diagram.display_list import Scene, ShapeItem
from ...diagram.fonts import register_reportlab_fonts, reportlab_font_name
from ...diagram.notation import (
    Ellipse,
    Path,
    Polygon,
    Polyline,
    Rect,
    RoundedRect,
    primitive_bounds,
)
from ...diagram.text_layout import text_width

__all__ = ["draw_scene", "scene_to_drawing"]

Box = tuple[float, float, float, float]

_colors: dict[str, HexColor] = {}


def _color(value: str | None):
    if value is None:
        return None
    color = _colors.get(value)
    if color is None:
        color = _colors[value] = HexColor(value)
    return color


def _intersects(a: Box, b: Box) -> bool:
    return (a[0] <= b[0] + b[2] and b[0] <= a[0] + a[2]
            and a[1] <= b[1] + b[3] and b[1] <= a[1] + a[3])


def _shape(item: ShapeItem, fx, fy):
    """One reportlab shape for a scene shape; ``fx``/``fy`` map scene to drawing."""
    prim = item.prim
    if isinstance(prim, (Rect, RoundedRect)):
        r = prim.r if isinstance(prim, RoundedRect) else 0
        shape = rl.Rect(fx(prim.x), fy(prim.y + prim.h), prim.w, prim.h, rx=r, ry=r)
    elif isinstance(prim, Ellipse):
        shape = rl.Ellipse(fx(prim.x + prim.w / 2), fy(prim.y + prim.h / 2), prim.w / 2,
                           prim.h / 2)
    elif isinstance(prim, Polygon):
        shape = rl.Polygon([c for x, y in prim.points for c in (fx(x), fy(y))])
    elif isinstance(prim, Polyline):
        shape = rl.PolyLine([c for x, y in prim.points for c in (fx(x), fy(y))])
    elif isinstance(prim, Path):
        shape = rl.Path()
        for op in prim.ops:
            kind = op[0]
            if kind == "M":
                shape.moveTo(fx(op[1]), fy(op[2]))
            elif kind == "L":
                shape.lineTo(fx(op[1]), fy(op[2]))
            elif kind == "C":
                shape.curveTo(fx(op[1]), fy(op[2]), fx(op[3]), fy(op[4]), fx(op[5]), fy(op[6]))
            elif kind == "Z":
                shape.closePath()
    else:  # pragma: no cover - notation only makes the kinds above
        raise TypeError(f"cannot draw {prim!r}")
    if not isinstance(prim, Polyline):
        shape.fillColor = _color(item.fill)
        if item.fill is not None and item.fill_alpha < 1.0:
            shape.fillOpacity = item.fill_alpha
    shape.strokeColor = _color(item.stroke)
    shape.strokeWidth = item.width
    shape.strokeLineJoin = 1
    if item.dash:
        shape.strokeDashArray = list(item.dash)
    return shape


def scene_to_drawing(scene: Scene, region: Box | None = None, text_as_paths: bool = False):
    """A reportlab ``Drawing`` of the scene (or of the items touching ``region``, a box in
    scene coordinates, for one tile); the drawing's origin is the scene's top-left
    (``region``'s when given). With ``text_as_paths`` every letter is its outline (for
    an SVG that needs no font)."""
    font_regular = register_reportlab_fonts()
    bx, by, bw, bh = region or scene.bounds
    drawing = rl.Drawing(bw, bh)
    drawing.initialFontName = font_regular  # else renderPDF selects unembedded Helvetica

    def fx(x: float) -> float:
        return x - bx

    def fy(y: float) -> float:
        return by + bh - y

    for item in scene.items:
        if isinstance(item, ShapeItem):
            if region is not None and not _intersects(primitive_bounds(item.prim), region):
                continue
            drawing.add(_shape(item, fx, fy))
            continue
        if region is not None and not _intersects(
                (item.x, item.y - item.size, len(item.text) * item.size, item.size * 1.5),
                region):
            continue
        font = reportlab_font_name(item.bold) if item.bold else font_regular
        if item.background:
            w = text_width(item.text, item.size, item.bold)
            drawing.add(rl.Rect(fx(item.x - 1), fy(item.y + item.size * 0.3), w + 2,
                                item.size * 1.25, fillColor=_color(item.background),
                                strokeColor=None))
        if text_as_paths:
            from ..svg_fonts import text_path

            outline = text_path(item.text, fx(item.x), fy(item.y), item.size, item.bold)
            outline.fillColor = _color(item.color)
            outline.strokeColor = None
            drawing.add(outline)
            continue
        drawing.add(rl.String(fx(item.x), fy(item.y), item.text, fontName=font,
                              fontSize=item.size, fillColor=_color(item.color),
                              textAnchor="start"))
    return drawing


def draw_scene(canvas, scene: Scene, x: float, y: float, scale: float,
               region: Box | None = None) -> None:
    """Paint the scene (or ``region`` of it) on a PDF ``canvas`` with its top-left corner
    at page point ``(x, y)`` (y up: ``y`` is the top edge), scaled by ``scale``, clipped to
    the painted area."""
    drawing = scene_to_drawing(scene, region)
    width, height = drawing.width * scale, drawing.height * scale
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(x, y - height, width, height)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.translate(x, y - height)
    canvas.scale(scale, scale)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.restoreState()
