"""Undo and redo without Qt, for scripts, the CLI and tests.

The window uses a ``QUndoStack`` over the very same command objects; this class is its
headless twin so that model behaviour can be tested without a window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .commands.base import Command
    from .model import Model


class History:
    """A linear undo/redo history of commands applied to one model."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._clean_index = 0

    def do(self, command: Command) -> Command:
        """Apply ``command``; on success it becomes undoable and the redo list is cleared."""
        self.model.execute(command)
        if len(self._done) < self._clean_index:
            self._clean_index = -1  # the saved state can no longer be reached
        self._done.append(command)
        self._undone.clear()
        return command

    def undo(self) -> Command | None:
        if not self._done:
            return None
        command = self._done.pop()
        command.revert(self.model)
        self._undone.append(command)
        return command

    def redo(self) -> Command | None:
        if not self._undone:
            return None
        command = self._undone.pop()
        command.apply(self.model)
        self._done.append(command)
        return command

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    def set_clean(self) -> None:
        """Mark the current state as saved."""
        self._clean_index = len(self._done)

    @property
    def is_clean(self) -> bool:
        return len(self._done) == self._clean_index
