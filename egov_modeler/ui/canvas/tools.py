"""Mouse modes of the diagram as objects (DESIGN.md, "The canvas").

The view hands each mouse and key event to the active tool. A tool shows previews by
moving items, but edits the model only through commands on release, so a drag of many
elements is one undo step, and a refused edit puts every item back where the model says.

- :class:`SelectTool` (:mod:`.select_tool`): select, rubber-band select, move (and nest by
  dropping onto a band, group or element), resize by the handles, move/add/remove
  bendpoints, keyboard nudge.
- :class:`ConnectTool` (:mod:`.connect_tool`): drag from one element to another (or click
  one, then the other), pick a relationship type among those the rules allow; invalid
  targets are dimmed.
- :class:`PlaceTool` (:mod:`.place_tool`): places a catalog component where it is dropped
  (or clicked).

This module only gathers them (and their shared helpers from :mod:`.tool_base`), so that
``from egov_modeler.ui.canvas.tools import ...`` keeps working.
"""

from __future__ import annotations

from .connect_tool import ConnectTool, suggested_type
from .place_tool import ELEMENT_SIZE, PlaceTool, element_for_payload, element_size_for
from .select_tool import BIG_NUDGE, MIN_SIZE, NUDGE, SelectTool
from .tool_base import DRAG_THRESHOLD, Tool, band_warnings

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
