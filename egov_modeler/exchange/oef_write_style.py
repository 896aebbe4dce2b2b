"""A node's or connection's ``<style>`` as text, for the exchange writer.

Why a cache: a styled view repeats a few styles thousands of times (pyArchimate's sample
writes 7,425 styles, nearly all ``Segoe UI 9`` in black), and writing each one through
lxml and reading it back to see what the format lost took most of that file's export.
Each distinct style is still made by the one codec, :func:`.oef_style.write_style` (so
what is written and what the view's extras keep cannot drift from the reader), once per
export and depth; the text of its element is then what lxml would have written.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..model.views import Style
from .oef_style import write_style
from .oef_xml_text import attribute, indent

#: The fields of the default style, and what it is written as (nothing).
_DEFAULT = tuple(Style().__dict__.values())
_NOTHING: tuple[str, dict[str, Any]] = ("", {})


class StyleTexts:
    """The ``<style>`` lines and the extras of each style met, by style and depth."""

    def __init__(self) -> None:
        self._made: dict[tuple[Any, ...], tuple[str, dict[str, Any]]] = {}

    def lines(self, style: Style, depth: int) -> tuple[str, dict[str, Any]]:
        """The ``<style>`` element ``depth`` levels below the root as text (empty for the
        default style, or when the format cannot say any of it) and the fields it could
        not hold exactly (they go into the view's extras; the caller must not change
        them)."""
        values = tuple(style.__dict__.values())
        if values == _DEFAULT:
            return _NOTHING
        if 0 in values:  # 0, 0.0 and -0.0 are one key but -0.0 is kept apart in extras
            return _made(style, depth)
        key = (depth, values, tuple(map(type, values)))  # 1 and 1.0 are written apart
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = _made(style, depth)
        return found


def _made(style: Style, depth: int) -> tuple[str, dict[str, Any]]:
    holder = etree.Element("holder")
    extras = write_style(holder, style)
    out: list[str] = []
    for element in holder:
        _element_lines(out, element, depth)
    return "".join(out), extras


def _element_lines(out: list[str], element: etree._Element, depth: int) -> None:
    """An element of attributes and children only (what a style is made of), as lxml's
    ``pretty_print`` writes it."""
    tag = element.tag.partition("}")[2] or element.tag
    opening = f"{indent(depth)}<{tag}" + "".join(
        f' {name}="{attribute(value)}"' for name, value in element.attrib.items())
    if len(element) == 0:
        out.append(f"{opening}/>\n")
        return
    out.append(f"{opening}>\n")
    for child in element:
        _element_lines(out, child, depth + 1)
    out.append(f"{indent(depth)}</{tag}>\n")
