"""Mouse modes of the diagram as objects (DESIGN.md, "The canvas").

The view hands each mouse and key event to the active tool. A tool shows previews by
moving items, but edits the model only through commands on release, so a drag of many
elements is one undo step, and a refused edit puts every item back where the model says.

- :class:`SelectTool` (:mod:`.select`): select, rubber-band select, move (and nest by
  dropping onto a band, group or element), resize by the handles, move/add/remove
  bendpoints, keyboard nudge.
- :class:`ConnectTool` (:mod:`.connect`): drag from one element to another (or click
  one, then the other), pick a relationship type among those the rules allow; invalid
  targets are dimmed.
- :class:`PlaceTool` (:mod:`.place`): places a catalog component where it is dropped
  (or clicked).

This module only gathers them (and their shared helpers from :mod:`.base`), so that
``from egov_modeler.ui.canvas.tools import ...`` keeps working.
"""

from __future__ import annotations

from .base import DRAG_THRESHOLD, Tool, band_warnings
from .connect import ConnectTool, suggested_type
from .place import ELEMENT_SIZE, PlaceTool, element_for_payload, element_size_for
from .select import BIG_NUDGE, MIN_SIZE, NUDGE, SelectTool

__all__ = [
    "BIG_NUDGE",
    "DRAG_THRESHOLD",
    "ELEMENT_SIZE",
    "MIN_SIZE",
    "NUDGE",
    "ConnectTool",
    "PlaceTool",
    "SelectTool",
    "Tool",
    "band_warnings",
    "element_for_payload",
    "element_size_for",
    "suggested_type",
]
