"""Styles both ways: a :class:`~egov_modeler.model.views.Style` as the attributes and
features Archi keeps on a figure or a connection, and back.

One codec, so the writer can check what it wrote by reading it back: whatever Archi's
attributes cannot say exactly (a font without a name, an underline, an upper-case colour)
is written as this program's ``egov:style`` feature and restored by the reader.

Archi's fonts are SWT ``FontData`` strings, ``1|Segoe UI|9.0|1|WINDOWS|...``: a version,
the name, the height in points, the style bits (1 bold, 2 italic) and platform data that
may be left out.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..model.views import Style
from .archi_vocabulary import (
    CONNECTION_TEXT_POSITIONS,
    F_STYLE,
    FEATURE_DERIVE_LINE_COLOR,
    FEATURE_LINE_ALPHA,
    NODE_TEXT_POSITIONS,
    TEXT_ALIGNMENT_CODES,
    TEXT_ALIGNMENTS,
)

_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_BOLD, _ITALIC = 1, 2


def color(value: str | None) -> str | None:
    """An Archi colour (``#B5FFFF``) as the model keeps it (``#b5ffff``); ``None`` if it
    is not a colour."""
    return value.lower() if value and _COLOR.match(value) else None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def parse_font(value: str | None) -> tuple[str | None, float | None, str | None]:
    """``(name, size, style)`` of an SWT font string; ``None`` for what it lacks."""
    parts = (value or "").split("|")
    if len(parts) < 4 or parts[0] != "1":
        return None, None, None
    try:
        size: float | None = float(parts[2])
    except ValueError:
        size = None
    bits = _int(parts[3]) or 0
    words = [w for bit, w in ((_BOLD, "bold"), (_ITALIC, "italic")) if bits & bit]
    return parts[1] or None, size, " ".join(words) or None


def format_font(name: str, size: float | None, style: str | None) -> str:
    """The SWT font string Archi reads on every platform (no platform part)."""
    tokens = (style or "").split()
    bits = (_BOLD if "bold" in tokens else 0) | (_ITALIC if "italic" in tokens else 0)
    return f"1|{name}|{float(size if size is not None else 9):.1f}|{bits}|"


def read_style(attrs: Any, features: dict[str, str], connection: bool) -> Style:
    """The style of a figure (``connection`` False) or connection from its XML attributes
    (``attrs``, e.g. an lxml ``attrib``) and its features."""
    style = Style()
    style.fill = color(attrs.get("fillColor"))
    alpha = _int(attrs.get("alpha"))
    style.fill_alpha = max(0, min(255, alpha)) if alpha is not None else None
    style.line_color = color(attrs.get("lineColor"))
    line_alpha = _int(features.get(FEATURE_LINE_ALPHA))
    style.line_alpha = max(0, min(255, line_alpha)) if line_alpha is not None else None
    style.line_width = _int(attrs.get("lineWidth"))
    style.font_name, style.font_size, style.font_style = parse_font(attrs.get("font"))
    style.font_color = color(attrs.get("fontColor"))
    alignment = _int(attrs.get("textAlignment"))
    style.text_alignment = TEXT_ALIGNMENTS.get(alignment) if alignment is not None else None
    position = _int(attrs.get("textPosition"))
    positions = CONNECTION_TEXT_POSITIONS if connection else NODE_TEXT_POSITIONS
    style.text_position = positions.get(position) if position is not None else None
    exact = features.get(F_STYLE)
    if exact:
        try:
            extra = json.loads(exact)
        except ValueError:
            extra = {}
        for key, value in (extra.items() if isinstance(extra, dict) else ()):
            if hasattr(style, key):
                setattr(style, key, value)
    return style


def write_style(style: Style, connection: bool,
                element: bool) -> tuple[dict[str, str], dict[str, str]]:
    """The attributes and features that carry ``style`` (``element``: the figure of an
    ArchiMate element, whose line colour Archi derives from the fill unless told not to)."""
    attrs: dict[str, str] = {}
    features: dict[str, str] = {}
    if style.font_name:
        attrs["font"] = format_font(style.font_name, style.font_size, style.font_style)
    if color(style.font_color):
        attrs["fontColor"] = str(style.font_color)
    if style.line_width is not None:
        attrs["lineWidth"] = str(style.line_width)
    if color(style.line_color):
        attrs["lineColor"] = str(style.line_color)
        if element:
            features[FEATURE_DERIVE_LINE_COLOR] = "false"
    if style.text_alignment in TEXT_ALIGNMENT_CODES:
        attrs["textAlignment"] = str(TEXT_ALIGNMENT_CODES[style.text_alignment])
    positions = CONNECTION_TEXT_POSITIONS if connection else NODE_TEXT_POSITIONS
    codes = {v: k for k, v in positions.items()}
    if style.text_position in codes:
        attrs["textPosition"] = str(codes[style.text_position])
    if not connection:
        if color(style.fill):
            attrs["fillColor"] = str(style.fill)
        if style.fill_alpha is not None:
            attrs["alpha"] = str(style.fill_alpha)
        if style.line_alpha is not None:
            features[FEATURE_LINE_ALPHA] = str(style.line_alpha)
    back = read_style(attrs, features, connection)
    leftover = {k: v for k, v in style.__dict__.items() if getattr(back, k) != v}
    if leftover:
        features[F_STYLE] = json.dumps(leftover, ensure_ascii=False, sort_keys=True,
                                       separators=(",", ":"))
    return attrs, features
