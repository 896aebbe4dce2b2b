"""Paint a :class:`~egov_modeler.diagram.display_list.Scene` with reportlab, as vectors.

The scene is in y-down scene coordinates; a reportlab ``Drawing`` is y-up. The flip is
done here once, per coordinate, so text stays upright and no transform tricks reach the
PDF. A ``Drawing`` serves the PNG and SVG (:func:`scene_to_drawing`); the PDF is painted
straight on the canvas with the same look (:func:`draw_scene`).
"""

from __future__ import annotations

from typing import Any

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

__all__ = ["draw_scene", "scene_boxes", "scene_to_drawing"]

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


def scene_boxes(scene: Scene) -> list[Box]:
    """Each item's box in scene coordinates, in the scene's order: worked out once per
    scene, so that each of a view's many detail pages only compares boxes."""
    return [primitive_bounds(item.prim) if isinstance(item, ShapeItem)
            else (item.x, item.y - item.size, len(item.text) * item.size, item.size * 1.5)
            for item in scene.items]


class _Painter:
    """Paints scene items straight on a reportlab canvas, y flipped by hand as in
    :func:`scene_to_drawing`, with the look ``renderPDF`` gives that drawing: each shape
    filled and stroked in its colours, joins rounded, dashes, a label's background, text
    in the bundled font. Colours, widths and dashes are set only when they change and runs of
    text are one text object (the 2,000-node view took a ``Drawing`` of 40,000 shapes per
    page, each in its own saved state)."""

    def __init__(self, canvas, fx, fy) -> None:
        self.canvas, self.fx, self.fy = canvas, fx, fy
        self.fill: str | None = ""
        self.stroke: str | None = ""
        self.width = -1.0
        self.dash: tuple[float, ...] = ()
        self.alpha = 1.0
        self.text: Any = None  # the open text object of a run of text
        self.font: tuple[str, float] | None = None
        canvas.setLineJoin(1)
        canvas.setLineCap(0)

    def _set_fill(self, color: str | None, alpha: float = 1.0) -> None:
        if color is not None and color != self.fill:
            self.canvas.setFillColor(_color(color))
            self.fill = color
        if color is not None and alpha != self.alpha:
            self.canvas.setFillAlpha(alpha)
            self.alpha = alpha

    def _set_stroke(self, item: ShapeItem) -> None:
        canvas = self.canvas
        if item.stroke is not None and item.stroke != self.stroke:
            canvas.setStrokeColor(_color(item.stroke))
            self.stroke = item.stroke
        if item.width != self.width:
            canvas.setLineWidth(item.width)
            self.width = item.width
        if tuple(item.dash) != self.dash:
            if item.dash:
                canvas.setDash(list(item.dash), 0)
            else:
                canvas.setDash()
            self.dash = tuple(item.dash)

    def flush(self) -> None:
        """Draw the open run of text."""
        if self.text is not None:
            self.canvas.drawText(self.text)
            self.text = None
            self.font = None

    def shape(self, item: ShapeItem) -> None:
        prim, fx, fy, canvas = item.prim, self.fx, self.fy, self.canvas
        stroke = 1 if item.stroke is not None else 0
        if isinstance(prim, Polyline):
            if not stroke or len(prim.points) < 2:
                return
            # each line its own path: lines gathered into one path are the same geometry,
            # but viewers' stroke adjustment then renders them a fraction of a pixel apart
            self.flush()
            self._set_stroke(item)
            path = canvas.beginPath()
            (x0, y0), *rest = prim.points
            path.moveTo(fx(x0), fy(y0))
            for x, y in rest:
                path.lineTo(fx(x), fy(y))
            canvas.drawPath(path, stroke=1, fill=0)
            return
        self.flush()
        fill = 1 if item.fill is not None else 0
        if not fill and not stroke:
            return
        self._set_fill(item.fill, item.fill_alpha)
        self._set_stroke(item)
        if isinstance(prim, (Rect, RoundedRect)):
            r = prim.r if isinstance(prim, RoundedRect) else 0
            if r:
                canvas.roundRect(fx(prim.x), fy(prim.y + prim.h), prim.w, prim.h, r,
                                 stroke=stroke, fill=fill)
            else:
                canvas.rect(fx(prim.x), fy(prim.y + prim.h), prim.w, prim.h, stroke=stroke,
                            fill=fill)
        elif isinstance(prim, Ellipse):
            canvas.ellipse(fx(prim.x), fy(prim.y + prim.h), fx(prim.x + prim.w), fy(prim.y),
                           stroke=stroke, fill=fill)
        elif isinstance(prim, Polygon):
            path = canvas.beginPath()
            (x0, y0), *rest = prim.points
            path.moveTo(fx(x0), fy(y0))
            for x, y in rest:
                path.lineTo(fx(x), fy(y))
            path.close()
            canvas.drawPath(path, stroke=stroke, fill=fill)
        elif isinstance(prim, Path):
            path = canvas.beginPath()
            closed = False
            for op in prim.ops:
                kind = op[0]
                closed = kind == "Z"
                if kind == "M":
                    path.moveTo(fx(op[1]), fy(op[2]))
                elif kind == "L":
                    path.lineTo(fx(op[1]), fy(op[2]))
                elif kind == "C":
                    path.curveTo(fx(op[1]), fy(op[2]), fx(op[3]), fy(op[4]), fx(op[5]),
                                 fy(op[6]))
                elif closed:
                    path.close()
            # as renderPDF: an open path is only stroked
            canvas.drawPath(path, stroke=stroke, fill=fill if closed else 0)
        else:  # pragma: no cover - notation only makes the kinds above
            raise TypeError(f"cannot draw {prim!r}")

    def text_item(self, item, font_regular: str) -> None:
        fx, fy = self.fx, self.fy
        if item.background:
            self.flush()
            self._set_fill(item.background)
            w = text_width(item.text, item.size, item.bold)
            self.canvas.rect(fx(item.x - 1), fy(item.y + item.size * 0.3), w + 2,
                             item.size * 1.25, stroke=0, fill=1)
        if self.text is None:
            self.text = self.canvas.beginText()
        font = (reportlab_font_name(item.bold) if item.bold else font_regular, item.size)
        if font != self.font:
            self.text.setFont(*font)
            self.font = font
        if item.color != self.fill:
            self.text.setFillColor(_color(item.color))
            self.fill = item.color
        if self.alpha != 1.0:
            self.canvas.setFillAlpha(1.0)  # allowed inside a text object
            self.alpha = 1.0
        self.text.setTextOrigin(fx(item.x), fy(item.y))
        self.text.textOut(item.text)


def draw_scene(canvas, scene: Scene, x: float, y: float, scale: float,
               region: Box | None = None, boxes: list[Box] | None = None) -> None:
    """Paint the scene (or ``region`` of it) on a PDF ``canvas`` with its top-left corner
    at page point ``(x, y)`` (y up: ``y`` is the top edge), scaled by ``scale``, clipped to
    the painted area. ``boxes`` are :func:`scene_boxes` of the scene, when the caller
    paints several regions of it."""
    font_regular = register_reportlab_fonts()
    bx, by, bw, bh = region or scene.bounds
    width, height = bw * scale, bh * scale
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(x, y - height, width, height)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.translate(x, y - height)
    canvas.scale(scale, scale)

    def fx(px: float) -> float:
        return px - bx

    def fy(py: float) -> float:
        return by + bh - py

    painter = _Painter(canvas, fx, fy)
    items = scene.items
    if region is not None:
        boxes = boxes if boxes is not None else scene_boxes(scene)
        items = [item for item, box in zip(items, boxes, strict=True)
                 if _intersects(box, region)]
    for item in items:
        if isinstance(item, ShapeItem):
            painter.shape(item)
        else:
            painter.text_item(item, font_regular)
    painter.flush()
    canvas.restoreState()
