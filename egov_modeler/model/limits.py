"""The bounds every reader and writer of a model holds to, defined once.

Why one module: a value one reader accepts and another refuses is a model that imports
and is then dropped on the next load (a node 0 wide, a font size of ``Infinity``), or one
that loads and then hangs the text fitting or a PNG export (a node 10^9 wide). The native
``.egov`` reader, the journal, the clipboard, the user catalog and the exchange XML reader
all check against these numbers, so what one of them accepts the others accept too.

The bounds are far beyond any real diagram (the largest coordinate in the public exchange
files the tests use is 2,308; their font sizes run from 6 to 26 pt) and small enough that
arithmetic on them stays exact and drawing stays bounded.

Readers clamp a number outside its range to the nearest bound and say so; they drop a
colour or a font style that is not valid (the type's default is drawn) and say so.
"""

from __future__ import annotations

import math
import re

#: Largest absolute x or y of a node or bendpoint, in view units (pixels at 100 %).
MAX_COORDINATE = 100_000
#: Smallest and largest width or height of a node.
MIN_NODE_SIZE = 1
MAX_NODE_SIZE = 100_000
#: What a node whose width or height is missing, zero or negative gets (Archi's default
#: size, which Archi writes as -1).
DEFAULT_NODE_WIDTH = 120
DEFAULT_NODE_HEIGHT = 55
#: Font sizes in points.
MIN_FONT_SIZE = 1.0
MAX_FONT_SIZE = 200.0
#: Line widths of nodes and connections.
MIN_LINE_WIDTH = 1
MAX_LINE_WIDTH = 50
#: Opacity of fill and line, 0 (transparent) to 255 (opaque).
MIN_ALPHA = 0
MAX_ALPHA = 255
#: A colour is ``#rrggbb``.
COLOUR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}\Z")
#: Words a font style may hold (space separated).
FONT_STYLE_WORDS = ("plain", "bold", "italic", "underline")
#: Longest name (of a model, element, relationship, view, folder, property key), in
#: characters: names are drawn and fitted into boxes.
MAX_NAME_LENGTH = 4_000
#: Longest other text (documentation, a label's text, a property value), in characters.
MAX_TEXT_LENGTH = 1_000_000
#: Most bendpoints on one connection.
MAX_BENDPOINTS = 1_000
#: Deepest nesting of JSON arrays and objects any reader accepts (a model file needs
#: about 6, a journal line about 12, a folder tree two per folder level).
MAX_JSON_DEPTH = 200
#: Longest number literal (digits, sign, exponent) a JSON reader accepts.
MAX_NUMBER_LENGTH = 40


def is_colour(value: object) -> bool:
    """True for a ``#rrggbb`` string."""
    return isinstance(value, str) and COLOUR_PATTERN.match(value) is not None


def is_font_style(value: object) -> bool:
    """True for one or more of :data:`FONT_STYLE_WORDS`, space separated."""
    return (isinstance(value, str) and bool(value.split())
            and all(word in FONT_STYLE_WORDS for word in value.split()))


def is_finite_number(value: object) -> bool:
    """True for an int or a finite float (``bool`` is not a number here)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value)


def clamp(value: float, low: float, high: float) -> float:
    """``value`` moved into ``[low, high]``."""
    return low if value < low else high if value > high else value


def clamp_coordinate(value: int) -> int:
    return int(clamp(value, -MAX_COORDINATE, MAX_COORDINATE))


def clamp_node_size(value: int) -> int:
    return int(clamp(value, MIN_NODE_SIZE, MAX_NODE_SIZE))


def clamp_font_size(value: float) -> float:
    return float(clamp(value, MIN_FONT_SIZE, MAX_FONT_SIZE))


__all__ = [
    "COLOUR_PATTERN", "DEFAULT_NODE_HEIGHT", "DEFAULT_NODE_WIDTH", "FONT_STYLE_WORDS",
    "MAX_ALPHA", "MAX_BENDPOINTS", "MAX_COORDINATE", "MAX_FONT_SIZE", "MAX_JSON_DEPTH",
    "MAX_LINE_WIDTH", "MAX_NAME_LENGTH", "MAX_NODE_SIZE", "MAX_NUMBER_LENGTH",
    "MAX_TEXT_LENGTH", "MIN_ALPHA", "MIN_FONT_SIZE", "MIN_LINE_WIDTH", "MIN_NODE_SIZE",
    "clamp", "clamp_coordinate", "clamp_font_size", "clamp_node_size", "is_colour",
    "is_finite_number", "is_font_style",
]
