"""Graphics items of the diagram: one per node or connection of the view, no own state."""

from .band_item import BandItem
from .connection_item import ConnectionItem
from .element_item import ElementItem, NodeItem

__all__ = ["BandItem", "ConnectionItem", "ElementItem", "NodeItem"]
