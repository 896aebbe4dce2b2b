"""Undo and redo in the window: a ``QUndoStack`` of thin wrappers over model commands.

The model commands (:mod:`egov_modeler.model.commands`) do the work and remember how to
undo it; :class:`ModelUndoCommand` only adapts them to Qt. A command is executed *before*
it is pushed, so a refused edit (a forbidden relationship, a bad size) raises to the caller
and never reaches the stack: the model and the history stay unchanged.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack

from ..model.commands import Command, CompoundCommand

if TYPE_CHECKING:
    from ..model.model import Model

log = logging.getLogger(__name__)


class ModelUndoCommand(QUndoCommand):
    """One undo step: a model command that has already been applied once."""

    def __init__(self, model: Model, command: Command) -> None:
        super().__init__(command.describe())
        self.model = model
        self.command = command
        self._first_redo = True

    def redo(self) -> None:
        if self._first_redo:  # push() calls redo(); the command has already run
            self._first_redo = False
            return
        self.command.apply(self.model)

    def undo(self) -> None:
        self.command.revert(self.model)


def run_command(stack: QUndoStack, model: Model, command: Command) -> Command:
    """Execute ``command`` on ``model`` and, if it succeeded, make it one undo step.

    Exceptions from the model (``RelationshipNotAllowed``, ``ModelError``) propagate with
    nothing changed, for the caller to explain to the user.
    """
    model.execute(command)
    stack.push(ModelUndoCommand(model, command))
    return command


def run_commands(stack: QUndoStack, model: Model, label: str,
                 commands: list[Command]) -> Command | None:
    """Several commands as one undo step (a drag of many elements); none for an empty list."""
    if not commands:
        return None
    if len(commands) == 1:
        return run_command(stack, model, commands[0])
    return run_command(stack, model, CompoundCommand(label, list(commands)))
