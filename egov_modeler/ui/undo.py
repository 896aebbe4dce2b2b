"""Undo and redo in the window: a ``QUndoStack`` of thin wrappers over model commands.

The model commands (:mod:`egov_modeler.model.commands`) do the work and remember how to
undo it; :class:`ModelUndoCommand` only adapts them to Qt. A command is executed *before*
it is pushed, so a refused edit (a forbidden relationship, a bad size) raises to the caller
and never reaches the stack: the model and the history stay unchanged.

Every edit, undo and redo runs inside :func:`edit_burst`: one undo step of a 200-element
delete sends hundreds of change events, and what follows the selection or the model as a
whole (the Properties dock, the tree's selection, the diagram's legends) asks
:meth:`EditBurst.after` to do its work once, when the last event is out, instead of once
per event.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack

from ..model.commands import Command, CompoundCommand

if TYPE_CHECKING:
    from ..model.model import Model

log = logging.getLogger(__name__)


class EditBurst:
    """Whether an edit's change events are still coming, and the work put off until
    they are all out (each piece once, in the order first asked)."""

    def __init__(self) -> None:
        self._depth = 0
        self._pending: dict[Callable[[], object], None] = {}

    @property
    def active(self) -> bool:
        return self._depth > 0

    def after(self, work: Callable[[], object]) -> None:
        """Run ``work`` now, or once the edit under way is over (once however often it
        is asked for during the edit)."""
        if self._depth:
            self._pending[work] = None
        else:
            work()

    @contextmanager
    def running(self) -> Iterator[None]:
        """The events sent inside come from one edit."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            while not self._depth and self._pending:
                work = next(iter(self._pending))
                del self._pending[work]
                try:
                    work()
                except Exception:  # one follower failing must not stop the others
                    log.exception("work after an edit failed")


_burst = EditBurst()


def edit_burst() -> EditBurst:
    """The burst of the edit running now (the window runs one edit at a time)."""
    return _burst


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
        with _burst.running():
            self.command.apply(self.model)

    def undo(self) -> None:
        with _burst.running():
            self.command.revert(self.model)


def run_command(stack: QUndoStack, model: Model, command: Command) -> Command:
    """Execute ``command`` on ``model`` and, if it succeeded, make it one undo step.

    Exceptions from the model (``RelationshipNotAllowed``, ``ModelError``) propagate with
    nothing changed, for the caller to explain to the user.
    """
    with _burst.running():
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
