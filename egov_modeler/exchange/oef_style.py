"""Styles both ways: a :class:`~egov_modeler.model.views.Style` as the exchange format's
``<style>`` element and back. One codec, so the writer can check what it wrote by reading it
back (what the format cannot hold exactly goes into the view's extras)."""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

from lxml import etree

from ..model import limits
from ..model.views import Style
from .oef_vocabulary import FONT_STYLES, Q_COLOR, Q_FILL, Q_FONT, Q_LINE, q, xml_text

#: A decimal number as the exchange schema writes sizes and colour components.
_DECIMAL = re.compile(r"\s*[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\s*\Z")


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
    if rgb is None:  # an alpha alone (opacity on the type's own colour) goes to the
        return       # view's extras: written with black, other tools drew a black box
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


def _number(value: str | None) -> float | None:
    """A finite decimal number as the schema writes it, else ``None`` (text, NaN,
    Infinity, or digits too many to be finite)."""
    if value is None:
        return None
    if value.isdigit() and value.isascii() and len(value) <= 15:  # the usual "12"
        return float(value)
    if not _DECIMAL.match(value):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _byte(value: str | None) -> int | None:
    """A colour component: a whole number from 0 to 255, else ``None``."""
    if value is not None and len(value) <= 3 and value.isdigit() and value.isascii():
        whole = int(value)  # the usual "255", without the general parse
        return whole if whole <= 255 else None
    number = _number(value)
    return int(number) if number is not None and number.is_integer() and (
        0 <= number <= 255) else None


def _color(element: etree._Element, counts: Counter[str]) -> tuple[str, int | None] | None:
    """``(#rrggbb, alpha or None)``; ``None`` (counted) when a component is not a byte or
    the alpha not a number; an alpha beyond 0..100 % is brought within it (counted)."""
    r, g, b = (_byte(element.get(c)) for c in "rgb")
    alpha_text = element.get("a")
    alpha = _number(alpha_text)
    if r is None or g is None or b is None or (alpha_text is not None and alpha is None):
        counts["colour"] += 1
        return None
    if alpha is not None and not 0 <= alpha <= 100:
        counts["alpha"] += 1
        alpha = limits.clamp(alpha, 0, 100)
    return format_color(r, g, b), (percent_to_alpha(round(alpha))
                                   if alpha is not None else None)


def _short(value: str | None) -> str | None:
    """A font name cut to the length every reader accepts for a name."""
    if value is None or len(value) <= limits.MAX_NAME_LENGTH:
        return value
    return value[:limits.MAX_NAME_LENGTH]


def read_style(element: etree._Element, problems: Counter[str] | None = None) -> Style:
    """A ``<style>`` element as a :class:`Style` (also used by the writer to check itself).

    Held to the rules every reader uses (:mod:`egov_modeler.model.limits`): a line width
    or font size beyond its range is brought within it; a colour whose component is not a
    byte, a size that is not a number and a font style other than plain, bold, italic and
    underline are left at their default. Each is counted in ``problems`` ("line width",
    "font size", "colour", "alpha", "font style") for the import report."""
    counts: Counter[str] = problems if problems is not None else Counter()
    style = Style()
    width_text = element.get("lineWidth")
    if width_text is not None:
        width = _number(width_text)
        if width is None or not limits.MIN_LINE_WIDTH <= width <= limits.MAX_LINE_WIDTH:
            counts["line width"] += 1
        if width is not None:
            style.line_width = round(limits.clamp(width, limits.MIN_LINE_WIDTH,
                                                  limits.MAX_LINE_WIDTH))
    for child in element:
        tag = child.tag
        if tag in (Q_FILL, Q_LINE):
            color = _color(child, counts)
            if color is not None and tag == Q_FILL:
                style.fill, style.fill_alpha = color
            elif color is not None:
                style.line_color, style.line_alpha = color
        elif tag == Q_FONT:
            style.font_name = _short(child.get("name"))
            size_text = child.get("size")
            if size_text is not None:
                size = _number(size_text)
                if size is None or not limits.MIN_FONT_SIZE <= size <= limits.MAX_FONT_SIZE:
                    counts["font size"] += 1
                if size is not None:
                    style.font_size = limits.clamp_font_size(size)
            font_style = child.get("style")
            if font_style is not None:
                if limits.is_font_style(font_style):
                    style.font_style = " ".join(font_style.split())
                else:
                    counts["font style"] += 1
            for sub in child:
                if sub.tag == Q_COLOR:
                    color = _color(sub, counts)
                    if color is not None:
                        style.font_color = color[0]
    return style
