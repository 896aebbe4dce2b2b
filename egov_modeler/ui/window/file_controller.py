"""The File menu's own entries: new from a template, open, open recent, save, save as, and
the "save your changes?" question before the open model is dropped.

Replacing the model happens only once the new one has been read completely, so a broken
file leaves the open model as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ...model.errors import ModelError
from ...storage.native import NativeFileError, load, save
from ...storage.templates import load_template, template_description
from ..dialogs.file_actions import Dialogs, RecentFiles, SaveChoice
from ..document import Document
from ..plain_text import menu_text, tooltip
from ..recovery import offer_recovery
from .actions import make_action

NATIVE_FILTER = "egov-modeler (*.egov)"


class FileController(QObject):
    """New, Open, Open recent, Save, Save as; and the unsaved-changes question."""

    def __init__(self, document: Document, dialogs: Dialogs, recent: RecentFiles,
                 show_status: Callable[..., None], parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.dialogs = dialogs
        self.recent = recent
        self.show_status = show_status
        self.recent_menu = QMenu(self.tr("Open &recent"), parent)
        self._build_actions()
        self.fill_recent_menu()

    # ================================================================ actions and menus
    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.template_actions: dict[str, QAction] = {}
        for name, label in (("national", self.tr("National overview (Khung 2.0)")),
                            ("provincial", self.tr("Provincial architecture")),
                            ("empty", self.tr("Empty model"))):
            self.template_actions[name] = make_action(
                self, label, partial(self.new_from_template, name), tip=_template_tip(name))
        self.template_actions["national"].setShortcut(QKeySequence(S.New))
        self.act_open = make_action(self, self.tr("&Open…"), self.open_dialog, S.Open)
        self.act_save = make_action(self, self.tr("&Save"), self.save, S.Save)
        self.act_save_as = make_action(self, self.tr("Save &As…"), self.save_as, S.SaveAs)

    def fill_file_menu(self, menu: QMenu) -> None:
        """New from template, Open, Open recent, then Save and Save as."""
        new_menu = menu.addMenu(self.tr("&New from template"))
        for action in self.template_actions.values():
            new_menu.addAction(action)
        menu.addAction(self.act_open)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.act_save)
        menu.addAction(self.act_save_as)

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        for path in paths:
            action = self.recent_menu.addAction(menu_text(Path(path).name))
            action.setToolTip(tooltip(path))
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self._open_recent(p))
        self.recent_menu.setEnabled(bool(paths))

    # ================================================================ commands
    def new_from_template(self, name: str) -> bool:
        """Replace the model with a fresh copy of template ``name`` (untitled)."""
        if not self.maybe_save():
            return False
        try:
            model = load_template(name)
        except ModelError as exc:
            self.dialogs.error(self.tr("Cannot create the model"), str(exc))
            return False
        self.document.replace(model, None)
        return True

    def open_path(self, path: str, ask_to_save: bool = True) -> bool:
        """Open a ``.egov`` file; on failure explain why and keep the open model."""
        if ask_to_save and not self.maybe_save():
            return False
        try:
            model = load(path)
        except (NativeFileError, ModelError, OSError) as exc:
            self.dialogs.error(self.tr("Cannot open the file"),
                               self.tr("‘{path}’ could not be opened.").format(path=path),
                               str(exc))
            self.show_status(str(exc))
            return False
        self.document.replace(model, path)
        self._remember(path)
        if model.load_report:
            self.dialogs.info(self.tr("Some objects were skipped"),
                              self.tr("{count} objects could not be read and were left "
                                      "out.").format(count=len(model.load_report)),
                              "\n".join(model.load_report))
        self.offer_recovery(os.path.abspath(path))
        return True

    def save_to(self, path: str) -> bool:
        """Write the model to ``path``; the document then is that file, unmodified."""
        try:
            save(self.document.model, path)
        except (OSError, ModelError) as exc:
            self.dialogs.error(self.tr("Cannot save"),
                               self.tr("‘{path}’ could not be written.").format(path=path),
                               str(exc))
            return False
        self.document.saved_as(path)  # the saved file is the journal's new base
        self._remember(path)
        self.show_status(self.tr("Saved {path}").format(path=path))
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        document = self.document
        suggested = document.path or (document.model.name or self.tr("Untitled")) + ".egov"
        path = self.dialogs.save_path(self.tr("Save as"), NATIVE_FILTER, suggested)
        if not path:
            return False
        if not path.endswith(".egov"):
            path += ".egov"
        return self.save_to(path)

    def open_dialog(self) -> bool:
        path = self.dialogs.open_path(self.tr("Open model"), NATIVE_FILTER,
                                      os.path.dirname(self.document.path or ""))
        return self.open_path(path) if path else False

    def maybe_save(self) -> bool:
        """True when it is fine to drop the open model (saved, or the user said so)."""
        if not self.document.is_modified():
            return True
        choice = self.dialogs.ask_save_changes(self.document.name())
        if choice is SaveChoice.SAVE:
            return self.save()
        return choice is SaveChoice.DISCARD

    def offer_recovery(self, path: str | None = None) -> bool:
        """Offer back the edits a crash left unsaved (see :mod:`..recovery`)."""
        return offer_recovery(self.document, self.dialogs, self.show_status, path)

    def _remember(self, path: str) -> None:
        self.recent.add(path)
        self.fill_recent_menu()

    def _open_recent(self, path: str) -> None:
        if not os.path.exists(path):
            self.recent.remove(path)
            self.fill_recent_menu()
            self.dialogs.error(self.tr("Cannot open the file"),
                               self.tr("‘{path}’ no longer exists.").format(path=path))
            return
        self.open_path(path)


def _template_tip(name: str) -> str:
    try:
        return template_description(name)
    except ModelError:
        return ""

