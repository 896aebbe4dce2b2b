"""The Repository menu and dock: versions of the model file shared between units on git
(see :mod:`egov_modeler.repository`). The dock does the work; this wires it to the
document (save before anything reads the file, reload after a pull or a restore) and to
the diagram (highlight what a comparison found)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ..dialogs.file_actions import Dialogs
from ..docks.repository_dock import RepositoryDock
from ..document import Document
from .actions import make_action
from .file_controller import FileController
from .view_controller import ViewController


class RepositoryController(QObject):
    """Repository menu: create, commit, pull, push, compare, restore, bundles."""

    def __init__(self, document: Document, files: FileController, views: ViewController,
                 dialogs: Dialogs, show_status: Callable[..., None], parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.files = files
        self.views = views
        self.dock = RepositoryDock(parent, dialogs)
        self.dock.prepare = self._saved_on_disk
        self.dock.modelReplaced.connect(self._reload)
        self.dock.highlightRequested.connect(self._highlight)
        self.dock.statusMessage.connect(show_status)
        self._shown_path: str | None = None
        document.replaced.connect(self._follow_path)
        document.titleChanged.connect(self._follow_path)  # Save as: another file
        dock = self.dock
        self.actions = [
            make_action(self, self.tr("&Create a repository for this file…"),
                        dock.create_repository),
            make_action(self, self.tr("&Commit…"), self.commit,
                        QKeySequence("Ctrl+K"),
                        self.tr("Record this version with a message")),
            make_action(self, self.tr("&Pull"), dock.pull, QKeySequence("Ctrl+Shift+L"),
                        self.tr("Bring in the other units' versions and merge them")),
            make_action(self, self.tr("P&ush"), dock.push, QKeySequence("Ctrl+Shift+U"),
                        self.tr("Send this unit's versions to the shared repository")),
            make_action(self, self.tr("Co&mpare the selected versions"), dock.compare),
            make_action(self, self.tr("&Restore the selected version"), dock.restore),
            make_action(self, self.tr("Write a &bundle (USB stick)…"), dock.write_bundle),
            make_action(self, self.tr("Pull from a b&undle…"), dock.pull_bundle),
        ]

    def fill_menu(self, menu: QMenu) -> None:
        for i, action in enumerate(self.actions):
            if i in (1, 4, 6):
                menu.addSeparator()
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.dock.toggleViewAction())

    def commit(self) -> None:
        """Show the dock with the cursor in the message field; its button commits."""
        self.dock.show()
        self.dock.raise_()
        self.dock.message.setFocus()

    def _saved_on_disk(self) -> bool:
        """Before the repository reads the file: unsaved edits are saved (or the user
        cancels)."""
        return not self.document.is_modified() or self.files.save()

    def _follow_path(self) -> None:
        if self.document.path != self._shown_path:
            self._shown_path = self.document.path
            self.dock.set_document(self.document.path)

    def _reload(self, path: str) -> None:
        """A pull or a restore replaced the file: show what it holds now."""
        self.files.open_path(path, ask_to_save=False)

    def _highlight(self, view_id: str, ids: tuple) -> None:
        if view_id:
            self.views.open_view(view_id)
        self.views.reveal(ids)
