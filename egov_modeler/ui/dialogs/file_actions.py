"""Questions the window asks the user (file names, confirmations, errors) and the list of
recent files.

Every dialog goes through :class:`Dialogs` so tests (and scripts) can replace it with
answers given in advance: no modal dialog is ever left open in a test.
"""

from __future__ import annotations

import os
from enum import Enum

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)

MAX_RECENT = 8
RECENT_KEY = "recent_files"
LAST_FOLDER_KEY = "last_folder"


def initial_path(suggested: str = "", settings: QSettings | None = None) -> str:
    """Where a file dialog starts: a bare name (an untitled model's) goes into the folder
    the user last used, else their Documents folder — never the program's working
    directory, which on a desktop start is somewhere the user did not choose."""
    if suggested and os.path.isabs(suggested):
        return suggested
    folder = str((settings or QSettings()).value(LAST_FOLDER_KEY, "") or "")
    if not folder or not os.path.isdir(folder):
        folder = (QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or os.path.expanduser("~"))
    return os.path.join(folder, suggested) if suggested else folder


def remember_folder(path: str, settings: QSettings | None = None) -> None:
    """The next dialog starts where this file was chosen."""
    (settings or QSettings()).setValue(LAST_FOLDER_KEY, os.path.dirname(os.path.abspath(path)))


def _t(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


class SaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class LockChoice(Enum):
    """The file is open in another window: open it read-only, anyway, or not at all."""

    READ_ONLY = "read-only"
    ANYWAY = "anyway"
    CANCEL = "cancel"


class DiskChoice(Enum):
    """Another program changed the file since it was opened: overwrite it, save under
    another name, or not save."""

    OVERWRITE = "overwrite"
    SAVE_AS = "save-as"
    CANCEL = "cancel"


def ask_choice(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
               informative: str, accept: tuple, destructive: tuple, reject: tuple):
    """A three-way question (accept / destructive / reject buttons, each a ``(label,
    answer)`` pair); returns the answer of the button clicked, the reject one on Escape."""
    box = message_box(parent, icon, title, text, informative)
    first = box.addButton(accept[0], QMessageBox.ButtonRole.AcceptRole)
    second = box.addButton(destructive[0], QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(reject[0], QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(first)
    box.exec()
    clicked = box.clickedButton()
    if clicked is first:
        return accept[1]
    if clicked is second:
        return destructive[1]
    return reject[1]


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                informative: str = "", details: str = "") -> QMessageBox:
    """A message box that shows its texts as plain text. Why: the texts carry names from
    the model, and a model may come from another organisation; Qt would render a name such
    as ``<img src="//host/x">`` as rich text and fetch it."""
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the informative text follows it
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    return box


def confirm_box(parent: QWidget | None, title: str, text: str,
                details: str = "") -> tuple[QMessageBox, QAbstractButton]:
    """The question before a deletion, and its Delete button. Cancel is the default and
    the Escape button: Enter pressed out of habit must not delete."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text, details)
    yes = box.addButton(_t("Delete"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_t("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box, yes


def _show(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
          details: str) -> None:
    """An error or information box, with ``details`` behind its "Show details" button."""
    message_box(parent, icon, title, text, details=details).exec()


class Dialogs:
    """The real dialogs; replace the instance's methods (or the instance) in tests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def open_path(self, title: str, filters: str, directory: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, initial_path(directory),
                                              filters)
        if path:
            remember_folder(path)
        return path or None

    def save_path(self, title: str, filters: str, suggested: str = "") -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, initial_path(suggested),
                                              filters)
        if path:
            remember_folder(path)
        return path or None

    def ask_save_changes(self, name: str) -> SaveChoice:
        return ask_choice(
            self.parent, QMessageBox.Icon.Warning, _t("Unsaved changes"),
            _t("Save the changes to ‘{name}’ before closing?").format(name=name),
            _t("Your changes will be lost if you don't save them."),
            (_t("Save"), SaveChoice.SAVE), (_t("Don't save"), SaveChoice.DISCARD),
            (_t("Cancel"), SaveChoice.CANCEL))

    def ask_locked(self, text: str) -> LockChoice:
        """``text`` says who has the file open; read-only is the safe default."""
        return ask_choice(
            self.parent, QMessageBox.Icon.Warning, _t("The file is already open"), text,
            _t("Opened read-only, it can be read and saved under another name; opened "
               "anyway, the later Save replaces the other window's work."),
            (_t("Open read-only"), LockChoice.READ_ONLY),
            (_t("Open anyway"), LockChoice.ANYWAY), (_t("Cancel"), LockChoice.CANCEL))

    def ask_changed_on_disk(self, text: str) -> DiskChoice:
        """``text`` says what happened to the file; saving under another name is the
        default, so nobody's work is overwritten by a reflex."""
        return ask_choice(
            self.parent, QMessageBox.Icon.Warning, _t("The file changed on disk"), text,
            _t("Overwriting replaces what the other program wrote; saving under another "
               "name keeps both."),
            (_t("Save as…"), DiskChoice.SAVE_AS), (_t("Overwrite"), DiskChoice.OVERWRITE),
            (_t("Cancel"), DiskChoice.CANCEL))

    def ask_migrate(self, model) -> bool:
        """A model of a superseded framework was opened: migrate it now?"""
        from .migration import MigrationOffer

        return MigrationOffer.ask(self.parent, model)

    def ask_recover(self, info):
        """After a crash: recover, discard or decide later (see ui/recovery.py)."""
        from ..recovery import ask_recover

        return ask_recover(self.parent, info)

    def confirm(self, title: str, text: str, details: str = "") -> bool:
        box, yes = confirm_box(self.parent, title, text, details)
        box.exec()
        return box.clickedButton() is yes

    def error(self, title: str, text: str, details: str = "") -> None:
        _show(self.parent, QMessageBox.Icon.Critical, title, text, details)

    def info(self, title: str, text: str, details: str = "") -> None:
        _show(self.parent, QMessageBox.Icon.Information, title, text, details)

    def run_dialog(self, dialog) -> bool:
        """Show a prepared dialog modally; True when the user accepted it."""
        from PySide6.QtWidgets import QDialog

        return dialog.exec() == QDialog.DialogCode.Accepted

    def ask_printer(self):
        """The system print dialog; a configured ``QPrinter`` or ``None`` if cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.parent)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return None
        return printer

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return value if ok else None

    def choose_from_menu(self, menu, pos):
        """Show a popup ``menu`` at global ``pos``; the action chosen, or None."""
        return menu.exec(pos)

    def choose_colour(self, title: str, initial: str) -> str | None:
        """The system colour picker, starting at ``initial`` (``#rrggbb``); the colour
        chosen as ``#rrggbb``, or None when cancelled."""
        from PySide6.QtGui import QColor
        from PySide6.QtWidgets import QColorDialog

        colour = QColorDialog.getColor(QColor(initial), self.parent, title)
        return colour.name() if colour.isValid() else None


class RecentFiles:
    """The most recently opened or saved files, newest first, kept in ``QSettings``."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings()

    def paths(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)):  # a settings file from elsewhere
            return []
        return [str(p) for p in value if p]

    def add(self, path: str) -> None:
        path = os.path.abspath(path)
        paths = [p for p in self.paths() if os.path.abspath(p) != path]
        self.settings.setValue(RECENT_KEY, [path, *paths][:MAX_RECENT])

    def remove(self, path: str) -> None:
        self.settings.setValue(RECENT_KEY, [p for p in self.paths() if p != path])

    def clear(self) -> None:
        self.settings.setValue(RECENT_KEY, [])
