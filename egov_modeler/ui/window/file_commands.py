"""File commands of the main window: new from a template, open, save, save as, recent
files, and the "save your changes?" question before the open model is dropped.

Replacing the model happens only once the new one has been read completely, so a broken
file leaves the open model as it was. Part of
:class:`~egov_modeler.ui.window.main_window.MainWindow` (a mixin: the window's state lives
in the window).
"""

from __future__ import annotations

import os
from pathlib import Path

from ...model.errors import ModelError
from ...model.model import Model
from ..dialogs.file_actions import SaveChoice
from ..recovery import offer_recovery

NATIVE_FILTER = "egov-modeler (*.egov)"


class FileCommandsMixin:
    """New, Open, Save, Save as, Open recent."""

    def new_from_template(self, name: str) -> bool:
        """Replace the model with a fresh copy of template ``name`` (untitled)."""
        if not self.maybe_save():
            return False
        try:
            from ...storage.templates import load_template

            model = load_template(name)
        except ImportError:
            model = Model(self.tr("Untitled"))
            model.add_view(self.tr("Overview diagram"))
            self.show_status(self.tr("Templates are not available in this build"))
        except ModelError as exc:
            self.dialogs.error(self.tr("Cannot create the model"), str(exc))
            return False
        self.set_model(model, None)
        return True

    def open_path(self, path: str, ask_to_save: bool = True) -> bool:
        """Open a ``.egov`` file; on failure explain why and keep the open model."""
        from ...storage.native import NativeFileError, load

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
        self.set_model(model, os.path.abspath(path))
        self.recent.add(path)
        self._fill_recent_menu()
        if model.load_report:
            self.dialogs.info(self.tr("Some objects were skipped"),
                              self.tr("{count} objects could not be read and were left "
                                      "out.").format(count=len(model.load_report)),
                              "\n".join(model.load_report))
        self.offer_recovery(os.path.abspath(path))
        return True

    def save_to(self, path: str) -> bool:
        """Write the model to ``path``; the window then shows that file, unmodified."""
        from ...storage.native import save

        try:
            save(self.model, path)
        except (OSError, ModelError) as exc:
            self.dialogs.error(self.tr("Cannot save"),
                               self.tr("‘{path}’ could not be written.").format(path=path),
                               str(exc))
            return False
        self.path = os.path.abspath(path)
        self.undo_stack.setClean()
        self.journal_keeper.restart(self.model, self.path)  # the saved file is the new base
        self.recent.add(path)
        self._fill_recent_menu()
        self._update_title()
        self.show_status(self.tr("Saved {path}").format(path=path))
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        suggested = self.path or (self.model.name or self.tr("Untitled")) + ".egov"
        path = self.dialogs.save_path(self.tr("Save as"), NATIVE_FILTER, suggested)
        if not path:
            return False
        if not path.endswith(".egov"):
            path += ".egov"
        return self.save_to(path)

    def open_dialog(self) -> bool:
        path = self.dialogs.open_path(self.tr("Open model"), NATIVE_FILTER,
                                      os.path.dirname(self.path or ""))
        return self.open_path(path) if path else False

    def maybe_save(self) -> bool:
        """True when it is fine to drop the open model (saved, or the user said so)."""
        if self.undo_stack.isClean():
            return True
        choice = self.dialogs.ask_save_changes(self.document_name())
        if choice is SaveChoice.SAVE:
            return self.save()
        return choice is SaveChoice.DISCARD

    def offer_recovery(self, document: str | None = None) -> bool:
        """Offer back the edits a crash left unsaved (see :mod:`.recovery`)."""
        return offer_recovery(self, document)

    def document_name(self) -> str:
        if self.path:
            return Path(self.path).name
        return self.model.name or self.tr("Untitled")

    def _fill_recent_menu(self) -> None:
        if not hasattr(self, "recent_menu"):
            return
        self.recent_menu.clear()
        paths = self.recent.paths()
        for path in paths:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self._open_recent(p))
        self.recent_menu.setEnabled(bool(paths))

    def _open_recent(self, path: str) -> None:
        if not os.path.exists(path):
            self.recent.remove(path)
            self._fill_recent_menu()
            self.dialogs.error(self.tr("Cannot open the file"),
                               self.tr("‘{path}’ no longer exists.").format(path=path))
            return
        self.open_path(path)

