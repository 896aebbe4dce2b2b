"""One view as a PNG or SVG image (``egov-modeler export --format png|svg``).

Both come from the same display list as the PDF (:mod:`egov_modeler.diagram.display_list`), so
shapes, colours, line styles and wrapped names match the diagram pages. SVG is vector
(reportlab's ``renderSVG``). PNG is painted with Pillow (a reportlab dependency), because
reportlab's own bitmap renderer needs a Cairo build that Windows users do not have; the
text is drawn from the bundled TrueType font at the same positions.

No Qt here: images can be made headless, in the CLI and in batch jobs.
"""

from __future__ import annotations

import io
import logging
import math
import os
import re
from functools import lru_cache

from ..diagram.display_list import Scene, ShapeItem, TextItem, build_scene
from ..diagram.fonts import FONT_FAMILY, font_path, reportlab_font_name
from ..diagram.notation import Ellipse, Polygon, Polyline, Rect, RoundedRect
from ..diagram.notation import Path as PathPrim
from ..i18n import current_language, tr
from ..model.errors import ModelError
from ..model.views import View
from ..storage.atomic import atomic_file, write_atomically

log = logging.getLogger(__name__)

__all__ = [
    "resolve_view",
    "write_png",
    "write_svg",
]

#: Largest PNG painted, in pixels (width × height); bigger requests are scaled down.
MAX_PIXELS = 60_000_000
#: Internal supersampling for smooth (anti-aliased) lines.
SUPERSAMPLE = 2
DEFAULT_SCALE = 2.0


def resolve_view(model, name: str | None) -> View:
    """The view called (or with id) ``name``; the first view when ``name`` is None."""
    if name:
        if model.has_view(name):
            return model.view(name)
        return model.view_by_name(name)
    if not model.views:
        raise ModelError(tr("The model has no views to export"))
    return model.views[0]


# --- SVG --------------------------------------------------------------------------------

def _hex_color(color) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in
                                           (color.red, color.green, color.blue)))


def _exact_svg_canvas():
    """reportlab's SVG canvas writes colours as whole percentages (#b5ffff becomes
    #b2ffff); this one writes the exact ``#rrggbb`` of the notation."""
    from reportlab.graphics import renderSVG

    class ExactColorSVGCanvas(renderSVG.SVGCanvas):
        def setStrokeColor(self, color) -> None:
            super().setStrokeColor(color)
            if color is not None:
                self.style["stroke"] = _hex_color(color)

        def setFillColor(self, color) -> None:
            super().setFillColor(color)
            if color is not None:
                self.style["fill"] = _hex_color(color)

    return ExactColorSVGCanvas


def svg_bytes(scene: Scene, title: str = "", description: str = "",
              text_as_paths: bool = False) -> bytes:
    """The scene as an SVG document that browsers and Qt's renderer draw alike.

    reportlab's SVG needs five repairs: it writes ``fill: None`` (SVG is case-sensitive,
    so Qt paints those shapes black), a clip path that Qt paints as a black slab, a
    DOCTYPE pointing at the W3C's DTD (which our own XML readers refuse, and some tools
    fetch), "..." as title, and only the font's name.
    Here the DOCTYPE goes, ``None`` becomes ``none``, the view's name is the ``<title>``
    and the bundled font travels inside (a subset, see :mod:`.svg_fonts`) or, with
    ``text_as_paths``, the text is drawn as outlines."""
    from xml.sax.saxutils import escape

    from reportlab.graphics import renderSVG
    from reportlab.graphics.renderbase import renderScaledDrawing

    from .pdf.draw import scene_to_drawing
    from .svg_fonts import EMBEDDED_FAMILY, font_face_css

    drawing = renderScaledDrawing(scene_to_drawing(scene, text_as_paths=text_as_paths))
    canvas = _exact_svg_canvas()((drawing.width, drawing.height))
    renderSVG.draw(drawing, canvas, 0, 0)
    out = io.StringIO()
    canvas.save(out)
    svg = out.getvalue()
    svg = re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg, count=1)
    svg = re.sub(r"(fill|stroke): None\b", r"\1: none", svg)
    # a clipPath to the drawing's own size: the viewBox clips already, and Qt's SVG Tiny
    # renderer, which knows no clipPath, paints its rectangle as a black slab
    svg = re.sub(r"\s*<clipPath id=\"clip\">.*?</clipPath>", "", svg, count=1, flags=re.S)
    svg = svg.replace(' style="clip-path: url(#clip)"', "", 1)
    svg = svg.replace("<title>...</title>", f"<title>{escape(title)}</title>", 1)
    svg = svg.replace("<desc>...</desc>", f"<desc>{escape(description)}</desc>", 1)
    if not text_as_paths:
        regular = "".join(t.text for t in scene.items if isinstance(t, TextItem) and not t.bold)
        bold = "".join(t.text for t in scene.items if isinstance(t, TextItem) and t.bold)
        css = font_face_css(regular, bold)
        svg = svg.replace("</desc>", f"</desc>\n\t<defs><style type=\"text/css\"><![CDATA[\n"
                          f"{css}\n]]></style></defs>", 1)
        # reportlab writes its internal font names; name the embedded family first, then
        # the installed one, then any sans-serif face
        for is_bold in (True, False):
            svg = svg.replace(f"font-family: {reportlab_font_name(is_bold)};",
                              f"font-family: '{EMBEDDED_FAMILY}', '{FONT_FAMILY}', "
                              "sans-serif;" + (" font-weight: bold;" if is_bold else ""))
    return svg.encode("utf-8")


def write_svg(model, view: View, path: str | os.PathLike, lang: str | None = None,
              text_as_paths: bool = False) -> None:
    """Write ``view`` as an SVG file: vector, the view's name as title, the bundled font
    embedded (or the text as outlines with ``text_as_paths``)."""
    from ..diagram.display_list import MODEL_LANGUAGE, localized_name

    lang = lang or current_language()
    mark = lang != MODEL_LANGUAGE
    scene = build_scene(model, view, lang, mark)
    title = localized_name(view.names, view.name, lang, mark)
    description = view.documentations.get(lang) or view.documentation
    write_atomically(path, svg_bytes(scene, title, description, text_as_paths))


# --- PNG --------------------------------------------------------------------------------

@lru_cache(maxsize=64)
def _font(size_px: int, bold: bool):
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path("bold" if bold else "regular")), size_px)


def _bezier(p0, p1, p2, p3, steps: int = 12) -> list[tuple[float, float]]:
    points = []
    for i in range(1, steps + 1):
        t = i / steps
        u = 1 - t
        points.append((u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0]
                       + t**3 * p3[0],
                       u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1]
                       + t**3 * p3[1]))
    return points


def _arc(cx: float, cy: float, rx: float, ry: float, start: float, end: float,
         steps: int = 8) -> list[tuple[float, float]]:
    return [(cx + rx * math.cos(start + (end - start) * i / steps),
             cy + ry * math.sin(start + (end - start) * i / steps)) for i in range(steps + 1)]


def _outline(prim) -> list[tuple[list[tuple[float, float]], bool]]:
    """The primitive as point lists with a closed flag (scene coordinates)."""
    if isinstance(prim, Rect):
        x, y, w, h = prim.x, prim.y, prim.w, prim.h
        return [([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], True)]
    if isinstance(prim, RoundedRect):
        x, y, w, h = prim.x, prim.y, prim.w, prim.h
        r = max(0.0, min(prim.r, w / 2, h / 2))
        pts = (_arc(x + w - r, y + r, r, r, -math.pi / 2, 0)
               + _arc(x + w - r, y + h - r, r, r, 0, math.pi / 2)
               + _arc(x + r, y + h - r, r, r, math.pi / 2, math.pi)
               + _arc(x + r, y + r, r, r, math.pi, 1.5 * math.pi))
        return [(pts, True)]
    if isinstance(prim, Ellipse):
        return [(_arc(prim.x + prim.w / 2, prim.y + prim.h / 2, prim.w / 2, prim.h / 2, 0,
                      2 * math.pi, 32), True)]
    if isinstance(prim, Polygon):
        return [(list(prim.points), True)]
    if isinstance(prim, Polyline):
        return [(list(prim.points), False)]
    if isinstance(prim, PathPrim):
        runs: list[tuple[list[tuple[float, float]], bool]] = []
        current: list[tuple[float, float]] = []
        for op in prim.ops:
            if op[0] == "M":
                if len(current) > 1:
                    runs.append((current, False))
                current = [(op[1], op[2])]
            elif op[0] == "L":
                current.append((op[1], op[2]))
            elif op[0] == "C" and current:
                current.extend(_bezier(current[-1], op[1:3], op[3:5], op[5:7]))
            elif op[0] == "Z":
                if len(current) > 1:
                    runs.append((current, True))
                current = []
        if len(current) > 1:
            runs.append((current, False))
        return runs
    return []


def _dashed(points: list[tuple[float, float]], dash: tuple[float, ...]):
    """Split a polyline into the drawn pieces of a dash pattern."""
    pieces: list[list[tuple[float, float]]] = []
    pattern = [d for d in dash if d > 0] or [1.0]
    index, left, on = 0, pattern[0], True
    current = [points[0]]
    for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
        length = math.hypot(bx - ax, by - ay)
        pos = 0.0
        while length - pos > left:
            pos += left
            t = pos / length
            point = (ax + (bx - ax) * t, ay + (by - ay) * t)
            if on:
                current.append(point)
                pieces.append(current)
            current = [point]
            on = not on
            index = (index + 1) % len(pattern)
            left = pattern[index]
        left -= length - pos
        current.append((bx, by))
    if on and len(current) > 1:
        pieces.append(current)
    return pieces


def _on_white(color: str, alpha: float) -> str:
    """A translucent fill as it looks on white paper (Pillow's RGB canvas has no alpha)."""
    if alpha >= 1.0:
        return color
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(c * alpha + 255 * (1 - alpha))
                                           for c in (r, g, b)))


def png_image(scene: Scene, scale: float = DEFAULT_SCALE):
    """The scene painted as a Pillow RGB image, ``scale`` pixels per point."""
    from PIL import Image, ImageDraw

    bx, by, bw, bh = scene.bounds
    if bw * bh * scale * scale > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / (bw * bh))
        log.warning("image too large; scaled down to %.2f pixels per point", scale)
    ss = SUPERSAMPLE if bw * bh * (scale * SUPERSAMPLE) ** 2 <= MAX_PIXELS else 1
    k = scale * ss
    size = (max(1, math.ceil(bw * k)), max(1, math.ceil(bh * k)))
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)

    def tx(p: tuple[float, float]) -> tuple[float, float]:
        return ((p[0] - bx) * k, (p[1] - by) * k)

    for item in scene.items:
        if isinstance(item, TextItem):
            font = _font(max(1, round(item.size * k)), item.bold)
            x, y = tx((item.x, item.y))
            if item.background:
                left, top, right, bottom = draw.textbbox((x, y), item.text, font=font,
                                                         anchor="ls")
                draw.rectangle((left - k, top - k, right + k, bottom + k),
                               fill=item.background)
            draw.text((x, y), item.text, font=font, fill=item.color, anchor="ls")
            continue
        assert isinstance(item, ShapeItem)
        width = max(1, round(item.width * k))
        for points, closed in _outline(item.prim):
            pts = [tx(p) for p in points]
            if closed and item.fill is not None and len(pts) > 2:
                draw.polygon(pts, fill=_on_white(item.fill, item.fill_alpha))
            if item.stroke is None:
                continue
            line = pts + [pts[0]] if closed else pts
            if item.dash:
                for piece in _dashed(line, tuple(d * k for d in item.dash)):
                    draw.line(piece, fill=item.stroke, width=width)
            else:
                draw.line(line, fill=item.stroke, width=width, joint="curve")
    if ss > 1:  # each pixel the mean of its ss×ss drawn ones: 15× quicker than Lanczos,
        image = image.reduce(ss)  # which made a 20k model's Word figures take seconds
    return image


def write_png(model, view: View, path: str | os.PathLike, scale: float = DEFAULT_SCALE,
              lang: str | None = None) -> tuple[int, int]:
    """Write ``view`` as a PNG, ``scale`` pixels per point; returns (width, height)."""
    lang = lang or current_language()
    from ..diagram.display_list import MODEL_LANGUAGE

    image = png_image(build_scene(model, view, lang, lang != MODEL_LANGUAGE), scale)
    with atomic_file(path) as handle:
        image.save(handle, format="PNG", optimize=False)
    return image.size
