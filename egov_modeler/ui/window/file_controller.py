"""The File menu's own entries: new from a template, open, open recent, save, save as, and
the "save your changes?" question before the open model is dropped.

Replacing the model happens only once the new one has been read completely, so a broken
file leaves the open model as it was.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ...exchange.open_any import read_any
from ...exchange.save_any import SAVE_SUFFIXES, write_any
from ...i18n import os_reason
from ...model.errors import ModelError
from ...model.incremental_validation import IncrementalValidator
from ...model.model import Model
from ...storage.journal import FileBase, file_base
from ...storage.lock import DocumentLock, DocumentLockedError, acquire_lock, can_write
from ...storage.native import (
    FileChangedOnDiskError,
    LoadedDocument,
    NativeFileError,
    ReadOnlyFileError,
    model_bytes,
    read_document,
    save_bytes,
)
from ...storage.paths import display_path
from ...storage.templates import (
    TEMPLATE_NAMES,
    load_template,
    template_description,
    template_info,
)
from ..dialogs.file_actions import Dialogs, DiskChoice, LockChoice, RecentFiles, SaveChoice
from ..document import Document
from ..long_work import run_long
from ..plain_text import menu_text, tooltip
from ..recovery import offer_recovery
from .actions import make_action

#: What File > Open reads (chosen by content; see exchange/open_any.py).
OPEN_FILTER = ("Models (*.egov *.archimate *.xml *.csv);;egov-modeler (*.egov);;"
               "Archi (*.archimate);;ArchiMate Open Exchange (*.xml);;Archi CSV (*.csv)")
#: What Save as writes: the program's own file; Archi's and the exchange XML as copies.
SAVE_FILTER = ("egov-modeler (*.egov);;Archi (*.archimate);;"
               "ArchiMate Open Exchange (*.xml)")
NATIVE_FILTER = "egov-modeler (*.egov)"

log = logging.getLogger(__name__)


class FileController(QObject):
    """New, Open, Open recent, Save, Save as; and the unsaved-changes question."""

    #: A model file was opened (after its recovery question): its path. Other controllers
    #: act on it (the profile controller offers migration of an old framework's model).
    fileOpened = Signal(str)

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
        self.template_actions: dict[str, QAction] = {
            info.name: make_action(self, self.tr(_TEMPLATE_LABELS.get(info.name, info.name)),
                                   partial(self.new_from_template, info.name),
                                   tip=_template_tip(info.name))
            for info in (template_info(name) for name in TEMPLATE_NAMES)}
        self.act_new = make_action(self, self.tr("&New…"), self.new_model_dialog, S.New,
                                   self.tr("A new model: choose its framework profile and "
                                           "template"))
        self.act_open = make_action(self, self.tr("&Open…"), self.open_dialog, S.Open)
        self.act_save = make_action(self, self.tr("&Save"), self.save, S.Save)
        self.act_save_as = make_action(self, self.tr("Save &As…"), self.save_as, S.SaveAs)

    def fill_file_menu(self, menu: QMenu) -> None:
        """New, New from template (current framework, then the 2.0 archives), Open, Open
        recent, then Save and Save as."""
        menu.addAction(self.act_new)
        new_menu = menu.addMenu(self.tr("New from &template"))
        archive = QMenu(self.tr("Archives of framework 2.0 (2019–2024)"), new_menu)
        for name, action in self.template_actions.items():
            (archive if template_info(name).archived else new_menu).addAction(action)
        archive.addAction(self.template_actions["empty"])
        new_menu.removeAction(self.template_actions["empty"])
        new_menu.addSeparator()
        new_menu.addMenu(archive)
        menu.addAction(self.act_open)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.act_save)
        menu.addAction(self.act_save_as)

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        for path in paths:
            action = self.recent_menu.addAction(menu_text(display_path(Path(path).name)))
            action.setToolTip(tooltip(display_path(path)))
            action.setStatusTip(display_path(path))
            action.triggered.connect(lambda _c=False, p=path: self._open_recent(p))
        self.recent_menu.setEnabled(bool(paths))

    # ================================================================ new
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

    def new_model_dialog(self) -> bool:
        """File > New: the framework profile and the template, then the untitled model."""
        from ..dialogs.new_model import NewModelDialog

        if not self.maybe_save():
            return False
        dialog = NewModelDialog(self._parent_widget())
        try:
            if not self.dialogs.run_dialog(dialog):
                return False
            model = dialog.create_model()
        except ModelError as exc:
            self.dialogs.error(self.tr("Cannot create the model"), str(exc))
            return False
        finally:
            dialog.deleteLater()
        self.document.replace(model, None)
        return True

    # ================================================================ open
    def open_dialog(self) -> bool:
        path = self.dialogs.open_path(self.tr("Open model"), OPEN_FILTER,
                                      os.path.dirname(self.document.path or ""))
        return self.open_path(path) if path else False

    def open_path(self, path: str, ask_to_save: bool = True) -> bool:
        """Open a model file; on failure explain why and keep the open model. A ``.egov``
        file becomes the document (locked for this window, checked before each Save);
        an Archi model, an exchange file or Archi CSV is read into an untitled model, so
        Save asks where to keep it rather than overwrite the other tool's file."""
        if ask_to_save and not self.maybe_save():
            return False
        if Path(path).suffix.lower() == ".egov":
            opened = self._open_native(path)
        else:
            opened = self._open_other(path)
        if not opened:
            return False
        model = self.document.model
        if model.load_report:
            self.dialogs.info(self.tr("Some values were repaired or skipped"),
                              self.tr("Repaired or left out, as they could not be read as "
                                      "written: %n item(s) of the file.", "",
                                      len(model.load_report)),
                              "\n".join(model.load_report))
        if self.document.path is not None:
            self.offer_recovery(self.document.path)
        self.fileOpened.emit(os.path.abspath(path))
        return True

    def _open_native(self, path: str) -> bool:
        locking = self._lock_for_opening(path)
        if locking is None:
            return False
        lock, read_only = locking
        def read() -> tuple[LoadedDocument, IncrementalValidator | None]:
            loaded = read_document(path)
            return loaded, _judged(loaded.model)

        try:
            loaded, judged = run_long(self._parent_widget(), self.tr("Opening {name}…").format(
                name=os.path.basename(path)), read, keep=True)
        except (NativeFileError, ModelError, OSError) as exc:
            _release(lock)
            self._cannot_open(path, exc)
            return False
        self.document.replace(loaded.model, path, disk_state=loaded.state, lock=lock,
                              read_only=read_only, judged=judged)
        self._remember(path)
        if read_only:
            self.show_status(self.tr("‘{name}’ is open read-only: Save asks for another "
                                     "name").format(name=self.document.name()))
        return True

    def _lock_for_opening(self, path: str) -> tuple[DocumentLock | None, bool] | None:
        """The lock to hold on ``path`` and whether to open it read-only; ``None`` when
        the user cancelled. Another window's live lock is asked about; a folder that
        takes no lock file (a read-only share) opens the file read-only."""
        read_only = not can_write(path) if os.path.exists(path) else False
        if read_only:
            return None, True
        held = self.document.lock
        if held is not None and os.path.realpath(held.document) == os.path.realpath(path):
            held.release()  # this window opens its own file again: its lock is not another's
        try:
            return acquire_lock(path), False
        except DocumentLockedError as exc:
            choice = self.dialogs.ask_locked(str(exc))
            if choice is LockChoice.CANCEL:
                return None
            if choice is LockChoice.READ_ONLY:
                return None, True
            try:
                return acquire_lock(path, force=True), False
            except OSError:
                return None, False
        except OSError as exc:
            log.info("no lock beside %s (%s): opened read-only", display_path(path), exc)
            return None, True

    def _open_other(self, path: str) -> bool:
        def read() -> tuple[Model, IncrementalValidator | None]:
            model = read_any(path)
            return model, _judged(model)

        try:
            model, judged = run_long(self._parent_widget(), self.tr("Opening {name}…").format(
                name=os.path.basename(path)), read, keep=True)
        except (ModelError, OSError) as exc:
            self._cannot_open(path, exc)
            return False
        self.document.replace(model, None, judged=judged)
        self.show_status(self.tr("Opened {path}; Save keeps it as an egov-modeler model").format(
            path=display_path(path)))
        return True

    def _cannot_open(self, path: str, exc: Exception) -> None:
        self.dialogs.error(self.tr("Cannot open the file"),
                           self.tr("‘{path}’ could not be opened.").format(
                               path=display_path(path)), str(exc))
        self.show_status(str(exc))

    # ================================================================ save
    def save(self) -> bool:
        if self.document.path is None or self.document.read_only:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        document = self.document
        suggested = document.path or (document.model.name or self.tr("Untitled")) + ".egov"
        path = self.dialogs.save_path(self.tr("Save as"), SAVE_FILTER, suggested)
        if not path:
            return False
        if Path(path).suffix.lower() not in SAVE_SUFFIXES:
            path += ".egov"
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Write the model to ``path``: a ``.egov`` file becomes the document, unmodified;
        Archi's file and the exchange XML are written as copies (the document stays what
        it was: only the ``.egov`` file holds everything)."""
        if Path(path).suffix.lower() != ".egov":
            return self._save_copy(path)
        document = self.document
        same = document.path is not None and os.path.abspath(path) == document.path
        lock = None
        if not same:
            try:
                lock = acquire_lock(path)
            except DocumentLockedError as exc:
                self.dialogs.error(self.tr("Cannot save"), str(exc))
                return False
            except OSError:
                lock = None  # a share that takes no lock file: save without one
        expected = document.disk_state if same else None
        label = self.tr("Saving {name}…").format(
            name=display_path(os.path.basename(path)))
        try:  # made once, beside the window; no edit reaches the model meanwhile
            written = run_long(self._parent_widget(), label,
                               partial(_serialised, document.model, path),
                               paint_meanwhile=True)
        except (OSError, ModelError) as exc:
            _release(lock)
            return self._not_written(path, exc)
        # A crash once the file is replaced finds the journal's edits saved (before the
        # write, not between it and the replace: the write runs beside the window).
        document.journal_keeper.mark_saving(written["sha256"])
        while True:
            try:
                state = run_long(self._parent_widget(), label,
                                 partial(save_bytes, written.raw, path, expected=expected),
                                 paint_meanwhile=True)
                break
            except FileChangedOnDiskError as exc:
                choice = self.dialogs.ask_changed_on_disk(str(exc))
                if choice is DiskChoice.OVERWRITE:
                    expected = None
                    continue
                _release(lock)
                return self.save_as() if choice is DiskChoice.SAVE_AS else False
            except ReadOnlyFileError as exc:
                _release(lock)
                self.dialogs.error(self.tr("Cannot save"), str(exc))
                return self.save_as()
            except (OSError, ModelError) as exc:
                _release(lock)
                return self._not_written(path, exc)
        document.saved_as(path, state, lock, written)  # the journal's new base
        self._remember(path)
        self.show_status(self.tr("Saved {path}").format(path=display_path(path)))
        return True

    def _not_written(self, path: str, exc: Exception) -> bool:
        """Say that ``path`` could not be written, and why; False (nothing was saved)."""
        self.dialogs.error(self.tr("Cannot save"),
                           self.tr("‘{path}’ could not be written.").format(
                               path=display_path(path)),
                           os_reason(exc) if isinstance(exc, OSError) else str(exc))
        return False

    def _save_copy(self, path: str) -> bool:
        """Archi's file or the exchange XML, written beside the window (a second at 20,000
        elements), as the exports are."""
        label = self.tr("Saving {name}…").format(name=display_path(os.path.basename(path)))
        try:
            warnings = run_long(self._parent_widget(), label,
                                partial(write_any, self.document.model, path),
                                paint_meanwhile=True)
        except (OSError, ModelError) as exc:
            return self._not_written(path, exc)
        if warnings:
            self.dialogs.info(self.tr("Written with omissions"),
                              self.tr("{count} things could not be written to {path}.").format(
                                  count=len(warnings), path=display_path(path)),
                              "\n".join(warnings))
        self.show_status(self.tr("A copy was written to {path}; the model itself is kept "
                                 "in its .egov file").format(path=display_path(path)))
        return True

    # ================================================================ questions
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
                               self.tr("‘{path}’ no longer exists.").format(
                                   path=display_path(path)))
            return
        self.open_path(path)

    def _parent_widget(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None


#: Menu labels of the templates (the descriptions are their tooltips).
_TEMPLATE_LABELS = {
    "provincial-2026": "Provincial digital architecture (2026)",
    "national-2025": "National digital architecture (2025)",
    "empty-2025": "Empty model (2025 framework)",
    "provincial-2020": "Provincial architecture 2.0 (2020)",
    "national-2019": "National overview 2.0 (2019)",
    "empty": "Empty model (framework 2.0)",
}


def _release(lock: DocumentLock | None) -> None:
    if lock is not None:
        lock.release()


def _template_tip(name: str) -> str:
    try:
        return template_description(name)
    except ModelError:
        return ""


def _judged(model: Model) -> IncrementalValidator | None:
    """A validator that judged ``model`` once, made beside the window by the open's
    worker: a national model takes a third of a second to judge, which froze the window
    after its first paint while the progress window could have shown. ``None`` when a
    rule fails: the open goes on, and the window judges again and shows its message."""
    validator = IncrementalValidator(model)
    try:
        validator.refresh()
    except Exception:  # the open must not fail on a rule: the window validates again
        log.exception("validation beside the open failed")
        validator.close()
        return None
    return validator


def _serialised(model: Model, path: str) -> FileBase:
    """The bytes of ``model`` as Save writes them to ``path``, with their hash: made once
    for the file and the journal's base (the base otherwise read the file back)."""
    return file_base(path, model_bytes(model))
