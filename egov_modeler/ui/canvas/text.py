"""Text in boxes, wrapped exactly as the PDF wraps it.

Lines and baselines come from the PDF's display list (:mod:`egov_modeler.diagram.display_list`,
measured with the bundled TrueType file); they are painted with the same font registered
in Qt. Geometry is in
points (1 scene unit = 1 point), so the font is drawn at ``size`` scene units: to keep
fractional sizes exact the painter draws a ten times larger font scaled by 0.1.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from ...diagram import text_layout as _layout
from ..app import ui_font_family

DEFAULT_FONT_SIZE = _layout.DEFAULT_FONT_SIZE
_SCALE = 10.0


@dataclass
class TextBlock:
    """Wrapped lines with their baselines, ready to paint."""

    lines: list[tuple[float, float, str]] = field(default_factory=list)  # (x, baseline, text)
    size: float = DEFAULT_FONT_SIZE
    bold: bool = False

    def paint(self, painter: QPainter, color: QColor) -> None:
        if not self.lines:
            return
        painter.save()
        painter.setPen(QPen(color))
        painter.setFont(scaled_font(self.size, self.bold))
        painter.scale(1 / _SCALE, 1 / _SCALE)
        for x, baseline, text in self.lines:
            painter.drawText(QPointF(x * _SCALE, baseline * _SCALE), text)
        painter.restore()


_fonts: dict[tuple[float, bool], QFont] = {}


def scaled_font(size: float, bold: bool = False) -> QFont:
    key = (size, bold)
    font = _fonts.get(key)
    if font is None:
        font = QFont(ui_font_family())
        font.setPixelSize(max(1, round(size * _SCALE)))
        font.setBold(bold)
        font.setKerning(False)  # reportlab measures without kerning
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        _fonts[key] = font
    return font
