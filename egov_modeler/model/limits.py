"""The bounds every reader holds a file to, so that what one reader accepts the other
readers, every writer and the canvas, PDF and image exports can handle.

Why these numbers:

- ``MAX_COORDINATE`` (points, either sign) and ``MAX_SIZE``: a province's overview diagram
  is a few thousand points wide; a million leaves room for any real view, while 10^9 made a
  PNG export take minutes and gigabytes and 10^300 overflowed. ``MIN_SIZE`` is 1 because a
  node of width or height 0 cannot be drawn, hit or selected, and the exchange schema
  requires a positive size (``xs:positiveInteger``).
- ``MIN_FONT_SIZE``/``MAX_FONT_SIZE``: text fitting shrinks a font step by step, so an
  infinite, NaN or astronomic size never ended; 400 pt is already larger than any
  printed page holds.
- ``MAX_TEXT_LENGTH``: a name or documentation of a million characters is already far
  beyond anything a person writes; beyond it a hostile file only costs memory and time.
- ``COLOR_PATTERN``: the only colour form the model, the exchange format (three bytes)
  and the drawing code share is ``#rrggbb``.

The .egov reader and the exchange reader both check against these; a change here changes
both, which is the point.
"""

from __future__ import annotations

#: Largest absolute x or y of a node or bendpoint, in points.
MAX_COORDINATE = 1_000_000
#: Smallest and largest width or height of a node, in points.
MIN_SIZE = 1
MAX_SIZE = 1_000_000
#: Font sizes, in points.
MIN_FONT_SIZE = 1.0
MAX_FONT_SIZE = 400.0
#: Longest name, label, documentation or property value, in characters.
MAX_TEXT_LENGTH = 1_000_000
#: A colour: ``#rrggbb``.
COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"
