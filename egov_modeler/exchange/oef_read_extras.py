"""Reading this program's ``egov:view-extras`` view property: a small JSON text with what the
exchange format cannot hold for a view (layer bands, the shift that kept coordinates
non-negative, exact alpha values and font sizes).

Why its own checked reader: the property travels inside a file from outside, so it is as
hostile as the rest. Every value is read with its type and the limits every reader holds
(:mod:`egov_modeler.model.limits`); NaN, Infinity, deep nesting and huge numbers are
refused. A text that fails any check is ignored whole (the import reports it), so a bad
property never puts a value in the model that the next load or an export would trip on.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from ..model.limits import (
    COLOR_PATTERN,
    MAX_COORDINATE,
    MAX_FONT_SIZE,
    MAX_SIZE,
    MAX_TEXT_LENGTH,
    MIN_FONT_SIZE,
    MIN_SIZE,
)
from ..model.views import NODE_KINDS, Node, Style
from .oef_style import MAX_LINE_WIDTH

_COLOR = re.compile(COLOR_PATTERN)
_COLOR_FIELDS = ("fill", "line_color", "font_color")
_ALPHA_FIELDS = ("fill_alpha", "line_alpha")
_TEXT_FIELDS = ("font_name", "font_style")


class _Invalid(ValueError):
    """A value of the extras that is not what the writer writes."""


def _whole(value: Any, least: int, most: int) -> int:
    if type(value) is not int or not least <= value <= most:
        raise _Invalid(value)
    return value


def _refuse_constant(name: str) -> Any:
    raise _Invalid(name)  # NaN, Infinity, -Infinity


def _style_fields(raw: Any) -> dict[str, Any]:
    """The style fields of a node or connection extra, each checked."""
    if not isinstance(raw, dict):
        raise _Invalid(raw)
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if value is None and key in Style.__dataclass_fields__:
            out[key] = None
        elif key in _COLOR_FIELDS:
            if not isinstance(value, str) or not _COLOR.match(value):
                raise _Invalid(value)
            out[key] = value
        elif key in _ALPHA_FIELDS:
            out[key] = _whole(value, 0, 255)
        elif key == "line_width":
            out[key] = _whole(value, 0, MAX_LINE_WIDTH)
        elif key == "font_size":
            if type(value) not in (int, float) or not math.isfinite(value) or not (
                    MIN_FONT_SIZE <= value <= MAX_FONT_SIZE):
                raise _Invalid(value)
            out[key] = float(value)
        elif key in _TEXT_FIELDS:
            if not isinstance(value, str) or len(value) > MAX_TEXT_LENGTH:
                raise _Invalid(value)
            out[key] = value
        # other keys: written by a later version; nothing here to set
    return out


@dataclass
class NodeExtra:
    """What the format could not hold for one node."""

    kind: str | None = None
    layer: str | None = None
    w: int | None = None
    h: int | None = None
    style: dict[str, Any] = field(default_factory=dict)

    def apply(self, node: Node) -> None:
        if self.kind is not None:
            node.kind = self.kind
        if self.layer is not None:
            node.layer = self.layer
        if self.w is not None:
            node.w = self.w
        if self.h is not None:
            node.h = self.h
        for key, value in self.style.items():
            setattr(node.style, key, value)


@dataclass
class ConnectionExtra:
    """What the format could not hold for one connection."""

    style: dict[str, Any] = field(default_factory=dict)

    def apply_style(self, style: Style) -> None:
        for key, value in self.style.items():
            setattr(style, key, value)


@dataclass
class ViewExtras:
    """The whole property, read; the default is "nothing extra"."""

    origin: tuple[int, int] = (0, 0)
    nodes: dict[str, NodeExtra] = field(default_factory=dict)
    connections: dict[str, ConnectionExtra] = field(default_factory=dict)


def _node_extra(raw: Any) -> NodeExtra:
    if not isinstance(raw, dict):
        raise _Invalid(raw)
    extra = NodeExtra(style=_style_fields(raw.get("style") or {}))
    if "kind" in raw:
        if raw["kind"] not in NODE_KINDS:
            raise _Invalid(raw["kind"])
        extra.kind = raw["kind"]
    if "layer" in raw:
        if not isinstance(raw["layer"], str) or len(raw["layer"]) > MAX_TEXT_LENGTH:
            raise _Invalid(raw["layer"])
        extra.layer = raw["layer"]
    if "w" in raw:
        extra.w = _whole(raw["w"], MIN_SIZE, MAX_SIZE)
    if "h" in raw:
        extra.h = _whole(raw["h"], MIN_SIZE, MAX_SIZE)
    return extra


def read_view_extras(text: str) -> ViewExtras | None:
    """The extras in ``text``, or ``None`` when it is not what the writer writes."""
    try:
        raw = json.loads(text, parse_constant=_refuse_constant)
        if not isinstance(raw, dict):
            raise _Invalid(raw)
        extras = ViewExtras()
        origin = raw.get("origin") or [0, 0]
        if not isinstance(origin, list) or len(origin) != 2:
            raise _Invalid(origin)
        reach = 2 * MAX_COORDINATE
        extras.origin = (_whole(origin[0], -reach, reach), _whole(origin[1], -reach, reach))
        nodes, connections = raw.get("nodes") or {}, raw.get("connections") or {}
        if not isinstance(nodes, dict) or not isinstance(connections, dict):
            raise _Invalid(raw)
        extras.nodes = {str(k): _node_extra(v) for k, v in nodes.items()}
        for key, value in connections.items():
            if not isinstance(value, dict):
                raise _Invalid(value)
            extras.connections[str(key)] = ConnectionExtra(
                _style_fields(value.get("style") or {}))
        return extras
    except (ValueError, RecursionError):  # _Invalid and JSONDecodeError are ValueErrors
        return None
