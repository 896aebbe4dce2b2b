"""Styles both ways: a :class:`~egov_modeler.model.views.Style` as the exchange format's
``<style>`` element and back. One codec, so the writer can check what it wrote by reading it
back (what the format cannot hold exactly goes into the view's extras)."""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

from lxml import etree

from ..model.limits import MAX_FONT_SIZE, MAX_TEXT_LENGTH, MIN_FONT_SIZE
from ..model.views import Style
from .oef_vocabulary import FONT_STYLES, Q_COLOR, Q_FILL, Q_FONT, Q_LINE, q, xml_text

#: The widest line read from a file, in points: wider than any notation needs, narrow
#: enough that drawing stays cheap (the exchange schema only says "positive").
MAX_LINE_WIDTH = 100
_WHOLE = re.compile(r"\s*\+?[0-9]{1,9}\s*\Z")


def parse_color(value: str | None) -> tuple[int, int, int] | None:
    """``#rrggbb`` to a triple; ``None`` for anything else."""
    if not value or len(value) != 7 or value[0] != "#":
        return None
    try:
        return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)
    except ValueError:
        return None


def format_color(r: int, g: int, b: int) -> str:
    return f"#{r:02x}{g:02x}{b:02x}"


def alpha_to_percent(alpha: int) -> int:
    """The model's 0..255 alpha as the exchange format's 0..100 percentage."""
    return max(0, min(100, round(alpha * 100 / 255)))


def percent_to_alpha(percent: int) -> int:
    return max(0, min(255, round(percent * 255 / 100)))


def font_size_text(size: float) -> str | None:
    """The size in the XSD's half-point granularity (``9``, ``9.5``), or ``None`` if it
    cannot be written (zero or negative)."""
    halves = round(size * 2)
    if halves < 2:
        return None
    return str(halves // 2) if halves % 2 == 0 else f"{halves // 2}.5"


def _color_element(parent: etree._Element, tag: str, color: str | None,
                   alpha: int | None) -> None:
    rgb = parse_color(color)
    if rgb is None:
        if alpha is None:
            return
        rgb = (0, 0, 0)
    element = etree.SubElement(parent, q(tag), r=str(rgb[0]), g=str(rgb[1]), b=str(rgb[2]))
    if alpha is not None:
        element.set("a", str(alpha_to_percent(alpha)))


def write_style(parent: etree._Element, style: Style) -> dict[str, Any]:
    """Write ``style`` under ``parent``; return the fields the format could not hold exactly
    (they go into the view's extras)."""
    if style.is_default():
        return {}
    element = etree.SubElement(parent, q("style"))
    if style.line_width is not None and style.line_width > 0:
        element.set("lineWidth", str(style.line_width))
    _color_element(element, "lineColor", style.line_color, style.line_alpha)
    _color_element(element, "fillColor", style.fill, style.fill_alpha)
    size = font_size_text(style.font_size) if style.font_size is not None else None
    tokens = (style.font_style or "").split()
    font_style_ok = bool(tokens) and all(t in FONT_STYLES for t in tokens)
    if style.font_name or size or font_style_ok or parse_color(style.font_color):
        font = etree.SubElement(element, q("font"))
        if style.font_name:
            font.set("name", xml_text(style.font_name))
        if size:
            font.set("size", size)
        if font_style_ok:
            font.set("style", " ".join(tokens))
        _color_element(font, "color", style.font_color, None)
    if len(element) == 0 and not element.attrib:
        parent.remove(element)
    back = read_style(element) if element.getparent() is not None else Style()
    return {k: v for k, v in style.__dict__.items() if getattr(back, k) != v}


def _whole(value: str | None, most: int) -> int | None:
    """``value`` as a whole number from 0 to ``most``, else ``None``."""
    if value is None or not _WHOLE.match(value):
        return None
    number = int(value)
    return number if number <= most else None


def _color(element: etree._Element) -> tuple[str, int | None] | None:
    """``(#rrggbb, alpha or None)``; ``None`` when a component is not a byte (or the alpha
    not a percentage)."""
    r, g, b = (_whole(element.get(c), 255) for c in "rgb")
    if r is None or g is None or b is None:
        return None
    alpha_text = element.get("a")
    alpha = _whole(alpha_text, 100)
    if alpha_text is not None and alpha is None:
        return None
    return format_color(r, g, b), (percent_to_alpha(alpha) if alpha is not None else None)


def _font_size(value: str) -> float | None:
    try:
        size = float(value)
    except ValueError:
        return None
    return size if math.isfinite(size) and MIN_FONT_SIZE <= size <= MAX_FONT_SIZE else None


def _short(value: str | None) -> str | None:
    return value if value is None or len(value) <= MAX_TEXT_LENGTH else value[:MAX_TEXT_LENGTH]


def read_style(element: etree._Element, problems: Counter[str] | None = None) -> Style:
    """A ``<style>`` element as a :class:`Style` (also used by the writer to check itself).

    What the program cannot hold (a colour component that is not a byte, a font size
    outside the limits every reader uses, a line width that is not a sane whole number) is
    left at its default and counted in ``problems`` under "colour", "font size" and
    "line width", for the import report."""
    counts: Counter[str] = problems if problems is not None else Counter()
    style = Style()
    width_text = element.get("lineWidth")
    if width_text is not None:
        width = _whole(width_text, MAX_LINE_WIDTH)
        if width:
            style.line_width = width
        else:
            counts["line width"] += 1
    for child in element:
        tag = child.tag
        if tag in (Q_FILL, Q_LINE):
            color = _color(child)
            if color is None:
                counts["colour"] += 1
            elif tag == Q_FILL:
                style.fill, style.fill_alpha = color
            else:
                style.line_color, style.line_alpha = color
        elif tag == Q_FONT:
            style.font_name = _short(child.get("name"))
            size_text = child.get("size")
            if size_text is not None:
                style.font_size = _font_size(size_text)
                if style.font_size is None:
                    counts["font size"] += 1
            style.font_style = _short(child.get("style"))
            for sub in child:
                if sub.tag == Q_COLOR:
                    color = _color(sub)
                    if color is None:
                        counts["colour"] += 1
                    else:
                        style.font_color = color[0]
    return style
