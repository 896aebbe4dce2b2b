"""Managing warnings: accept one with a reason (kept in the model, printed as accepted
in the dossier), or reopen it; the Problems panel's "Current view" filter follows the
diagram tab shown.

A small province carries warnings that are right in general and wrong for it (a national
system it never hosts); accepting them keeps the list to what still needs work. Errors
cannot be accepted: the rules refuse them when drawing, and an imported error must be
fixed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ...model.accepted import accept_command, reopen_command
from ...model.problems import Problem
from ..dialogs.file_actions import Dialogs
from ..docks.problems_dock import ProblemsDock
from ..document import Document
from .view_controller import ViewController


class ProblemsController(QObject):
    """Accept and reopen warnings from the Problems panel, as undo steps."""

    def __init__(self, document: Document, views: ViewController, dock: ProblemsDock,
                 dialogs: Dialogs, validate: Callable[[], None],
                 show_status: Callable[..., None], parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.views = views
        self.dock = dock
        self.dialogs = dialogs
        self.validate = validate
        self.show_status = show_status
        dock.acceptRequested.connect(self.accept)
        dock.reopenRequested.connect(self.reopen)
        views.currentChanged.connect(self._view_changed)

    def _view_changed(self) -> None:
        self.dock.set_current_view(self.views.current_view_id())

    def accept(self, problem: Problem) -> bool:
        """Ask why the warning does not apply; record it (one undo step) and list it as
        accepted from now on."""
        reason = self.dialogs.ask_text(
            self.tr("Accept warning"),
            self.tr("Why does this warning not apply to this model? The reason is kept in "
                    "the model and printed in the dossier.\n\n{message}").format(
                message=problem.message), "")
        if reason is None:
            return False
        if not reason.strip():
            self.show_status(self.tr("A warning is accepted only with a reason"))
            return False
        if not self.document.editor.run(accept_command(self.document.model, problem, reason)):
            return False
        self.validate()
        self.show_status(self.tr("Warning accepted; tick “Show accepted” to see it again"))
        return True

    def reopen(self, problem: Problem) -> bool:
        """Take the acceptance back: the warning is open again (one undo step)."""
        if not self.document.editor.run(reopen_command(self.document.model, problem)):
            return False
        self.validate()
        return True
