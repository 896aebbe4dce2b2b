"""The PDF's display list for single nodes, at the item's origin.

The canvas paints each node from exactly the shapes and text lines the PDF and the images
paint (:mod:`egov_modeler.diagram.display_list`), so screen and paper cannot drift apart. Those
builders take a node with absolute bounds; an item paints in its own coordinates, so the
node is moved to (0, 0) first.
"""

from __future__ import annotations

import dataclasses

from ...diagram import display_list as _scene
from ...model.model import Model
from ...model.views import Node, Style, View


def _at_origin(node: Node, w: float, h: float) -> Node:
    return dataclasses.replace(node, x=0, y=0, w=max(1, round(w)), h=max(1, round(h)))


def element_items(type_name: str, w: float, h: float, name: str, style: object,
                  children_top: float | None) -> list:
    """An element's outline, glyph and name lines in box (0, 0, w, h)."""
    return _scene.element_items(type_name, (0.0, 0.0, w, h), name, style, children_top)


def container_items(node: Node, label: str, w: float, h: float,
                    children_top: float | None = None) -> list:
    """A band or group: tab and dashed body, bold label in the tab."""
    return _scene.container_items(_at_origin(node, w, h), label, children_top)


def note_items(node: Node, label: str, w: float, h: float) -> list:
    """A free-text label box."""
    return _scene.note_items(_at_origin(node, w, h), label)


def legend_items(model: Model, view: View, node: Node, lang: str, w: float, h: float) -> list:
    """A legend node: the types shown on its view, as the PDF draws it."""
    return _scene.legend_node_items(model, view, _at_origin(node, w, h), lang)


def connection_label(points: list[tuple[float, float]], text: str,
                     style: Style | None = None):
    """The relationship's name on its line, placed as the PDF places it (the PDF also
    slides labels apart across the whole view; the canvas, which redraws one line at a
    time, keeps each at its first choice)."""
    return _scene.connection_label(points, text, [], style=style)
