"""What the canvas needs from the window to edit: the model, the undo stack, a status line
and the choices it must ask the user about.

Why a separate object: the tools (:mod:`egov_modeler.ui.canvas.tools`) are tested without a
main window, and questions to the user (which relationship type?) are injectable callables
so tests never leave a modal menu open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QUndoStack

from ..model.commands import Command
from ..model.errors import ModelError
from ..model.model import Model
from .undo import run_command, run_commands

log = logging.getLogger(__name__)

#: ``(offered types, suggested type or None, global position) -> chosen type or None``.
RelationshipChooser = Callable[[list[tuple[str, str | None]], str | None, QPoint], str | None]
#: ``(title, question, details) -> yes``.
Confirmer = Callable[[str, str, str], bool]


class Editor(QObject):
    """Runs edits as undo steps and reports refusals on the status line."""

    #: A sentence for the status bar (a refusal, or what just happened).
    status = Signal(str)
    #: The user double-clicked an element: the window asks for its new name.
    renameRequested = Signal()

    def __init__(self, model: Model, stack: QUndoStack, language: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.stack = stack
        self.language = language
        #: Asks which relationship to create; the window installs a popup menu.
        self.choose_relationship: RelationshipChooser | None = None
        #: How an element dropped or moved onto another nests (``canvas.nesting`` modes:
        #: "ask", "suggested", "nest", "off"); the window sets the user's preference.
        self.nesting = "ask"
        #: Asks which relationship a nesting states (None: the nesting states none).
        self.choose_nesting: RelationshipChooser | None = None
        #: Asks a yes/no question (None answers no); the window installs its dialogs'.
        self.confirm: Confirmer | None = None

    def run(self, command: Command) -> bool:
        """Apply one command as one undo step; a refusal goes to the status bar."""
        try:
            run_command(self.stack, self.model, command)
        except ModelError as exc:
            self.status.emit(str(exc))
            return False
        return True

    def run_many_strict(self, label: str, commands: list[Command]) -> None:
        """Like :meth:`run_many` but a refusal raises, for callers that explain it."""
        run_commands(self.stack, self.model, label, commands)

    def run_many(self, label: str, commands: list[Command]) -> bool:
        """Several commands as one undo step (all or nothing)."""
        try:
            run_commands(self.stack, self.model, label, commands)
        except ModelError as exc:
            self.status.emit(str(exc))
            return False
        return True
