"""Change events: what the model tells its subscribers after each change.

Past-tense names; each carries only ids, so a subscriber (the canvas, the Problems
panel) reads the current state from the model itself. The model never calls the UI.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ModelEvent:
    """Base of every change event."""


@dataclass(frozen=True)
class ModelReset(ModelEvent):
    """Everything may have changed (a file was loaded into this model)."""


@dataclass(frozen=True)
class ModelPropertiesChanged(ModelEvent):
    """The model's name, documentation, properties or metadata changed."""


@dataclass(frozen=True)
class FoldersChanged(ModelEvent):
    """The folder tree changed: a folder added, renamed, moved or deleted, or concepts
    and views filed elsewhere."""


@dataclass(frozen=True)
class ElementAdded(ModelEvent):
    element_id: str


@dataclass(frozen=True)
class ElementRemoved(ModelEvent):
    element_id: str


@dataclass(frozen=True)
class ElementChanged(ModelEvent):
    """Name, type, documentation or properties of an element changed."""

    element_id: str


@dataclass(frozen=True)
class RelationshipAdded(ModelEvent):
    relationship_id: str


@dataclass(frozen=True)
class RelationshipRemoved(ModelEvent):
    relationship_id: str


@dataclass(frozen=True)
class RelationshipChanged(ModelEvent):
    relationship_id: str


@dataclass(frozen=True)
class ViewAdded(ModelEvent):
    view_id: str


@dataclass(frozen=True)
class ViewRemoved(ModelEvent):
    view_id: str


@dataclass(frozen=True)
class ViewChanged(ModelEvent):
    """Name, viewpoint, documentation or properties of a view changed."""

    view_id: str


@dataclass(frozen=True)
class NodeAdded(ModelEvent):
    view_id: str
    node_id: str


@dataclass(frozen=True)
class NodeRemoved(ModelEvent):
    view_id: str
    node_id: str


@dataclass(frozen=True)
class NodeMoved(ModelEvent):
    """The node's bounds changed (moved or resized)."""

    view_id: str
    node_id: str


@dataclass(frozen=True)
class NodeChanged(ModelEvent):
    """The node's parent, label or style changed."""

    view_id: str
    node_id: str


@dataclass(frozen=True)
class ConnectionAdded(ModelEvent):
    view_id: str
    connection_id: str


@dataclass(frozen=True)
class ConnectionRemoved(ModelEvent):
    view_id: str
    connection_id: str


@dataclass(frozen=True)
class ConnectionChanged(ModelEvent):
    """Bendpoints or style of a connection changed."""

    view_id: str
    connection_id: str
