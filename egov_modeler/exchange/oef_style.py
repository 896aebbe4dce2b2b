"""Styles both ways: a :class:`~egov_modeler.model.views.Style` as the exchange format's
``<style>`` element and back. One codec, so the writer can check what it wrote by reading it
back (what the format cannot hold exactly goes into the view's extras)."""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..model.views import Style
from .oef_vocabulary import FONT_STYLES, Q_COLOR, Q_FILL, Q_FONT, Q_LINE, q, xml_text


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


def _color(element: etree._Element) -> tuple[str, int | None]:
    r, g, b = (int(element.get(c, "0")) for c in "rgb")
    alpha = element.get("a")
    return format_color(r, g, b), (percent_to_alpha(int(alpha)) if alpha is not None else None)


def read_style(element: etree._Element) -> Style:
    """A ``<style>`` element as a :class:`Style` (also used by the writer to check itself)."""
    style = Style()
    width = element.get("lineWidth")
    if width is not None:
        style.line_width = int(width)
    for child in element:
        tag = child.tag
        if tag == Q_FILL:
            style.fill, style.fill_alpha = _color(child)
        elif tag == Q_LINE:
            style.line_color, style.line_alpha = _color(child)
        elif tag == Q_FONT:
            style.font_name = child.get("name")
            size = child.get("size")
            if size is not None:
                style.font_size = float(size)
            style.font_style = child.get("style")
            for sub in child:
                if sub.tag == Q_COLOR:
                    style.font_color = _color(sub)[0]
    return style
