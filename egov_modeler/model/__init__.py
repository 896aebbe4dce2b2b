"""The model layer: pure Python, no Qt, no lxml, no reportlab.

Import what scripts need from here: ``Model``, the concept classes, ``History`` and the
commands (``egov_modeler.model.commands``).
"""

from .concepts import Element, Folder, Relationship
from .errors import (
    DuplicateIdError,
    ModelError,
    RelationshipNotAllowed,
    UnknownIdError,
    UnknownTypeError,
)
from .history import History
from .ids import new_id
from .model import Model
from .problems import Problem, Severity
from .views import Connection, Node, Style, View

__all__ = [
    "Connection", "DuplicateIdError", "Element", "Folder", "History", "Model", "ModelError",
    "Node", "Problem", "Relationship", "RelationshipNotAllowed", "Severity", "Style",
    "UnknownIdError", "UnknownTypeError", "View", "new_id",
]
