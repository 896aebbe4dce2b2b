"""The bundled font inside an SVG: embedded as a subset, or its glyphs as outlines.

Why: an SVG that only names "Be Vietnam Pro" shows another font (and wraps badly) on a
PC without it, which is every PC the file is mailed to. So the SVG carries the font:
either a ``@font-face`` with the TrueType subset of the letters it uses (base64; the text
stays text, searchable and selectable), or, with ``text_as_paths``, every letter drawn as
its outline (no font at all, for tools that ignore ``@font-face``). The subset keeps the
font's name table, so its copyright and licence (SIL OFL 1.1) travel with it.
"""

from __future__ import annotations

import base64
import io
import unicodedata
from functools import lru_cache

from ..diagram.fonts import font_path

__all__ = ["EMBEDDED_FAMILY", "font_face_css", "text_path"]

#: The family name the embedded subset is declared under (distinct from an installed
#: "Be Vietnam Pro", so the embedded letters are the ones used).
EMBEDDED_FAMILY = "Be Vietnam Pro Embedded"


def _subset(weight: str, text: str) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.name_IDs = ["*"]  # copyright, licence and their URLs stay in the file
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"]
    font = TTFont(str(font_path(weight)))
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=unicodedata.normalize("NFC", text) + " ")
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def font_face_css(regular_text: str, bold_text: str) -> str:
    """``@font-face`` rules with the subsets of the regular and bold faces that write
    ``regular_text`` and ``bold_text`` (empty text: that face is left out)."""
    rules = []
    for weight, text, css_weight in (("regular", regular_text, "normal"),
                                     ("bold", bold_text, "bold")):
        if not text:
            continue
        data = base64.b64encode(_subset(weight, text)).decode("ascii")
        rules.append(f"@font-face {{ font-family: '{EMBEDDED_FAMILY}'; "
                     f"font-weight: {css_weight}; font-style: normal; "
                     f"src: url(data:font/ttf;base64,{data}) format('truetype'); }}")
    return "\n".join(rules)


@lru_cache(maxsize=4)
def _font(weight: str):
    from fontTools.ttLib import TTFont

    font = TTFont(str(font_path(weight)))
    return font, font.getGlyphSet(), font.getBestCmap(), font["hmtx"], \
        font["head"].unitsPerEm


def text_path(text: str, x: float, y: float, size: float, bold: bool = False):
    """A reportlab ``Path`` of ``text``'s outlines, baseline at ``(x, y)`` in a y-up
    drawing, advancing by the font's widths exactly as the PDF sets the text."""
    from fontTools.pens.basePen import BasePen
    from reportlab.graphics import shapes as rl

    _, glyphs, cmap, hmtx, units = _font("bold" if bold else "regular")
    scale = size / units
    path = rl.Path()

    class Pen(BasePen):
        origin = 0.0

        def _moveTo(self, p):
            path.moveTo(self.origin + p[0] * scale, y + p[1] * scale)

        def _lineTo(self, p):
            path.lineTo(self.origin + p[0] * scale, y + p[1] * scale)

        def _curveToOne(self, p1, p2, p3):
            path.curveTo(self.origin + p1[0] * scale, y + p1[1] * scale,
                         self.origin + p2[0] * scale, y + p2[1] * scale,
                         self.origin + p3[0] * scale, y + p3[1] * scale)

        def _closePath(self):
            path.closePath()

    pen = Pen(glyphs)
    cursor = x
    for char in unicodedata.normalize("NFC", text):
        name = cmap.get(ord(char), ".notdef")
        pen.origin = cursor
        glyphs[name].draw(pen)
        cursor += hmtx[name][0] * scale
    return path
