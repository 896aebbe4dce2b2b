"""Reading this program's ``egov:view-extras`` view property: a small JSON text with what the
exchange format cannot hold for a view (layer bands, the shift that kept coordinates
non-negative, exact alpha values and font sizes).

Why its own checked reader: the property travels inside a file from outside, so it is as
hostile as the rest. Every value is read with its type and the limits every reader holds
(:mod:`egov_modeler.model.limits`), after the program's one safe JSON reader
(:mod:`egov_modeler.model.safe_json`: no NaN, Infinity, huge numbers or deep nesting). A
text that fails any check is ignored whole (the import reports it), so a bad property
never puts a value in the model that the next load or an export would trip on.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from ..model import limits, safe_json
from ..model.views import (
    CONNECTION_ROUTERS,
    NODE_KINDS,
    ROUTER_MANUAL,
    ROUTER_ORTHOGONAL,
    Node,
    Style,
)

_SURROGATE = re.compile("[\ud800-\udfff]")
_COLOR_FIELDS = ("fill", "line_color", "font_color")
_ALPHA_FIELDS = ("fill_alpha", "line_alpha")
#: Style fields with a fixed set of values (in models that have them).
_CHOICES = {"text_alignment": ("left", "center", "right"),
            "text_position": ("top", "middle", "bottom", "source", "target")}


class _Invalid(ValueError):
    """A value of the extras that is not what the writer writes."""


def _whole(value: Any, least: int, most: int) -> int:
    if type(value) is not int or not least <= value <= most:
        raise _Invalid(value)
    return value


def _name(value: Any) -> str:
    """A text no longer than a name, that UTF-8 can hold (no unpaired surrogate, which a
    JSON escape such as ``\\ud800`` can smuggle in and which no file could then save)."""
    if not isinstance(value, str) or len(value) > limits.MAX_NAME_LENGTH or (
            _SURROGATE.search(value)):
        raise _Invalid(value)
    return value


def _style_fields(raw: Any) -> dict[str, Any]:
    """The style fields of a node or connection extra, each checked."""
    if not isinstance(raw, dict):
        raise _Invalid(raw)
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in Style.__dataclass_fields__:
            continue  # written by another version; nothing here to set
        if value is None:
            out[key] = None
        elif key in _COLOR_FIELDS:
            if not limits.is_colour(value):
                raise _Invalid(value)
            out[key] = value
        elif key in _ALPHA_FIELDS:
            out[key] = _whole(value, limits.MIN_ALPHA, limits.MAX_ALPHA)
        elif key == "line_width":
            out[key] = _whole(value, limits.MIN_LINE_WIDTH, limits.MAX_LINE_WIDTH)
        elif key == "font_size":
            if type(value) not in (int, float) or not math.isfinite(value) or not (
                    limits.MIN_FONT_SIZE <= value <= limits.MAX_FONT_SIZE):
                raise _Invalid(value)
            out[key] = float(value)
        elif key == "font_style":
            if not limits.is_font_style(value):
                raise _Invalid(value)
            out[key] = value
        elif key in _CHOICES:
            if value not in _CHOICES[key]:
                raise _Invalid(value)
            out[key] = value
        else:  # font_name
            out[key] = _name(value)
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
    #: The line's own router ("" follows the view's).
    router: str = ""

    def apply_style(self, style: Style) -> None:
        for key, value in self.style.items():
            setattr(style, key, value)


@dataclass
class ViewExtras:
    """The whole property, read; the default is "nothing extra"."""

    origin: tuple[int, int] = (0, 0)
    nodes: dict[str, NodeExtra] = field(default_factory=dict)
    connections: dict[str, ConnectionExtra] = field(default_factory=dict)
    #: The view's connection router ("" manual, "manhattan" orthogonal).
    router: str = ""
    #: The view's default style per element type, as written (checked when applied).
    defaults: dict[str, Any] = field(default_factory=dict)


def _node_extra(raw: Any) -> NodeExtra:
    if not isinstance(raw, dict):
        raise _Invalid(raw)
    extra = NodeExtra(style=_style_fields(raw.get("style") or {}))
    if "kind" in raw:
        if raw["kind"] not in NODE_KINDS:
            raise _Invalid(raw["kind"])
        extra.kind = raw["kind"]
    if "layer" in raw:
        extra.layer = _name(raw["layer"])
    if "w" in raw:
        extra.w = _whole(raw["w"], limits.MIN_NODE_SIZE, limits.MAX_NODE_SIZE)
    if "h" in raw:
        extra.h = _whole(raw["h"], limits.MIN_NODE_SIZE, limits.MAX_NODE_SIZE)
    return extra


def read_view_extras(text: str) -> ViewExtras | None:
    """The extras in ``text``, or ``None`` when it is not what the writer writes."""
    try:
        raw = safe_json.loads(text)
        if not isinstance(raw, dict):
            raise _Invalid(raw)
        extras = ViewExtras()
        origin = raw.get("origin") or [0, 0]
        if not isinstance(origin, list) or len(origin) != 2:
            raise _Invalid(origin)
        reach = 2 * limits.MAX_COORDINATE
        extras.origin = (_whole(origin[0], -reach, reach), _whole(origin[1], -reach, reach))
        nodes, connections = raw.get("nodes") or {}, raw.get("connections") or {}
        if not isinstance(nodes, dict) or not isinstance(connections, dict):
            raise _Invalid(raw)
        extras.nodes = {str(k): _node_extra(v) for k, v in nodes.items()}
        for key, value in connections.items():
            if not isinstance(value, dict):
                raise _Invalid(value)
            router = value.get("router", "")
            if router not in CONNECTION_ROUTERS:
                raise _Invalid(router)
            extras.connections[str(key)] = ConnectionExtra(
                _style_fields(value.get("style") or {}), router)
        router = raw.get("router", "")
        if router not in (ROUTER_MANUAL, ROUTER_ORTHOGONAL):
            raise _Invalid(router)
        extras.router = router
        defaults = raw.get("defaults") or {}
        if not isinstance(defaults, dict):
            raise _Invalid(defaults)
        extras.defaults = defaults
        return extras
    except (ValueError, RecursionError):  # _Invalid and JSONDecodeError are ValueErrors
        return None
