"""Crash recovery in the window: keep the open document's journal, and offer it back.

:class:`JournalKeeper` follows the window's model and ``QUndoStack``: every command the
model executes is written as ``do``, every undo and redo as ``undo``/``redo`` (the stack's
``indexChanged`` says which commands moved). When the user undoes something the journal
never saw (an edit made before the last Save), a snapshot of the model is written instead,
so the journal always replays to what is on screen. Writing never stops editing: a failing
disk turns journaling off and says so in the status bar.

Where journals live: ``EGOV_MODELER_JOURNAL_DIR`` if set (tests point it into their own
folder), else ``<GenericDataLocation>/egov-modeler/journals`` (``~/.local/share/...`` on
Linux, ``%LOCALAPPDATA%\\...`` on Windows). Not ``AppDataLocation``: that folder is named
after the application name Qt guesses from how the program was started (``egov-modeler``,
``python -m egov_modeler``), and a journal must be found whichever way the program is
started after the crash; and on Windows it roams, which a per-machine journal must not.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ..model.errors import ModelError
from ..storage.journal import (
    FileBase,
    Journal,
    JournalError,
    JournalInfo,
    discard_journal,
    file_base,
    find_journals,
    journal_path_for,
    model_base,
    prune_journals,
    recover,
    set_aside,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QUndoStack

    from ..model.commands import Command
    from ..model.model import Model
    from .dialogs.file_actions import Dialogs
    from .document import Document

log = logging.getLogger(__name__)

JOURNAL_DIR_ENV = "EGOV_MODELER_JOURNAL_DIR"
IDLE_SYNC_MS = 1000  # fsync this long after the last edit (at most this much lost to a power cut)


def _t(text: str) -> str:
    return QCoreApplication.translate("Recovery", text)


def default_journal_folder() -> Path:
    """The per-user folder for journals (see the module docstring)."""
    override = os.environ.get(JOURNAL_DIR_ENV)
    if override:
        return Path(override)
    location = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(location or Path.home()) / "egov-modeler" / "journals"


class RecoverChoice(Enum):
    RECOVER = "recover"
    DISCARD = "discard"
    LATER = "later"  # keep the journal and ask again next time


def ask_recover(parent: QWidget | None, info: JournalInfo) -> RecoverChoice:
    """The real question; tests give ``window.dialogs.ask_recover`` instead."""
    from .dialogs.file_actions import ask_choice

    return ask_choice(
        parent, QMessageBox.Icon.Question, _t("Unsaved changes found"),
        _t("Recover unsaved changes?"), describe(info),
        (_t("Recover"), RecoverChoice.RECOVER), (_t("Discard"), RecoverChoice.DISCARD),
        (_t("Later"), RecoverChoice.LATER))


def describe(info: JournalInfo) -> str:
    """"‘name’: 12 edits, the last at 14:05 27/11/2026, were not saved." in local time."""
    when = (info.last_edit.astimezone().strftime("%H:%M %d/%m/%Y")
            if info.last_edit else "?")
    return _t("‘{name}’: {count} edits, the last at {time}, were not saved when the "
              "program stopped.").format(name=info.name, count=info.edits, time=when)


class JournalKeeper(QObject):
    """The journal of the document open in one window."""

    failed = Signal(str)  # journaling stopped; the message says why

    def __init__(self, stack: QUndoStack, parent: QObject | None = None,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self._folder = folder
        self.journal: Journal | None = None
        self.model: Model | None = None
        self._unlisten: Callable[[], None] | None = None
        self._index = 0
        self._pushed: Command | None = None
        self._done: list[Command] = []  # mirrors what a replay of the journal holds
        self._undone: list[Command] = []
        # Journals stopped by a write that failed: kept for a crash, deleted once the
        # document is saved or closed (their edits are then saved or discarded).
        self._left_behind: list[Path] = []
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(IDLE_SYNC_MS)
        self._sync_timer.timeout.connect(self.sync)
        stack.indexChanged.connect(self._index_changed)

    @property
    def folder(self) -> Path:
        """Read when a journal starts, so a test can redirect it after the window is made."""
        return self._folder or default_journal_folder()

    @folder.setter
    def folder(self, value: Path) -> None:
        self._folder = Path(value)

    @property
    def path(self) -> Path | None:
        return self.journal.path if self.journal else None

    def start(self, model: Model, document: str | None, *, from_model: bool = False,
              carried: int = 0, written: FileBase | None = None) -> None:
        """Journal ``model`` from now on. The base is the saved file ``document`` as it is
        on disk (``written``: its bytes as Save wrote them, so they are not read back),
        or (untitled, or ``from_model`` after a recovery) the model itself; with
        ``from_model`` the header is written at once, so the recovered state is safe
        before the next edit; ``carried`` says how many unsaved edits it holds."""
        self.stop(delete=True)
        try:
            base: dict[str, Any] = (
                model_base(model) if not document or from_model
                else written if written is not None else file_base(document))
            path = self._free_path(document)
            self.journal = Journal(path, base, document=document, carried=carried)
            if from_model:
                self.journal.start()
        except OSError as exc:
            self._fail(exc)
            return
        self.model = model
        self._unlisten = model.add_command_listener(self._executed)
        self._index = self.stack.index()
        self._done, self._undone, self._pushed = [], [], None

    def stop(self, delete: bool = True) -> None:
        """Stop journaling; ``delete`` when the document was closed or saved cleanly."""
        self._sync_timer.stop()
        if self._unlisten is not None:
            self._unlisten()
            self._unlisten = None
        if self.journal is not None:
            try:
                self.journal.close(delete=delete)
            except OSError as exc:
                log.warning("journal %s not closed: %s", self.journal.path, exc)
            self.journal = None
        if delete:
            self._discard_left_behind()
        self.model = None

    def _discard_left_behind(self) -> None:
        for path in self._left_behind:
            try:
                discard_journal(path)
            except OSError as exc:
                log.warning("journal %s not deleted: %s", path, exc)
        self._left_behind.clear()

    def restart(self, model: Model, document: str | None,
                written: FileBase | None = None) -> None:
        """After Save: the saved file is the new base (``written``: the bytes Save wrote,
        see :meth:`start`); the old journal goes."""
        self.start(model, document, written=written)

    def mark_saving(self, sha256: str) -> None:
        """Save is about to replace the file with bytes of this hash (called on the GUI
        thread once they are made, before the worker writes them; or passed as
        ``storage.native.save``'s ``before_replace``): a crash after the replace and before
        the journal restarts then offers nothing, one before it still offers the edits."""
        if self.journal is not None:
            try:
                self.journal.mark_saving(sha256)
            except OSError as exc:
                self._fail(exc)

    def sync(self) -> None:
        if self.journal is not None:
            try:
                self.journal.sync()
            except OSError as exc:
                self._fail(exc)

    def _free_path(self, document: str | None) -> Path:
        """The journal's name. An existing file of that name is never overwritten: it is
        another running program's journal of the same file, or one left by a crash that
        the user has not recovered yet."""
        if document is None:
            return journal_path_for(self.folder, None, uuid.uuid4().hex[:12])
        path = journal_path_for(self.folder, document)
        if path.exists():
            return path.with_name(f"{path.stem}-{uuid.uuid4().hex[:8]}{path.suffix}")
        return path

    # ------------------------------------------------------------ following the edits
    def _executed(self, command: Command) -> None:
        self._pushed = command
        self._done.append(command)
        self._undone.clear()
        self._write("do", command)

    def _index_changed(self, index: int) -> None:
        old, self._index = self._index, index
        if self.journal is None:
            return
        pushed, self._pushed = self._pushed, None
        try:
            if self.stack.count() == 0:
                return  # the history was cleared: the model did not change
            if index == old + 1 and pushed is not None and self._command_at(old) is pushed:
                return  # the push of a command already written as "do"
        except RuntimeError:  # the window is being destroyed without closing: keep the file
            self.stop(delete=False)
            return
        if index < old:
            moved = [self._command_at(i) for i in range(old - 1, index - 1, -1)]
            source, target, op = self._done, self._undone, "undo"
        elif index > old:
            moved = [self._command_at(i) for i in range(old, index)]
            source, target, op = self._undone, self._done, "redo"
        else:
            return
        for command in moved:
            if command is None or not source or source[-1] is not command:
                self._snapshot()  # an edit the journal never saw: write what is on screen
                return
            target.append(source.pop())
            self._write(op, command)

    def _command_at(self, index: int) -> Command | None:
        wrapper = self.stack.command(index)
        return getattr(wrapper, "command", None)

    def _snapshot(self) -> None:
        self._done.clear()
        self._undone.clear()
        if self.journal is None or self.model is None:
            return
        try:
            self.journal.append_snapshot(self.model)
        except OSError as exc:
            self._fail(exc)
            return
        self._sync_timer.start()

    def _write(self, op: str, command: Command) -> None:
        if self.journal is None:
            return
        try:
            self.journal.append(op, command)
        except OSError as exc:
            self._fail(exc)
            return
        self._sync_timer.start()

    def _fail(self, exc: OSError) -> None:
        log.warning("crash-recovery journal stopped: %s", exc)
        if self.journal is not None:
            if self.journal.started:
                self._left_behind.append(self.journal.path)
            try:
                self.journal.close(delete=False)
            except OSError:
                log.debug("journal not closed", exc_info=True)
        self.journal = None
        if self._unlisten is not None:
            self._unlisten()
            self._unlisten = None
        self.failed.emit(_t("Unsaved changes can no longer be recovered after a crash: "
                            "{reason}").format(reason=exc.strerror or exc))


# ------------------------------------------------------------ offering it back
def offer_recovery(document: Document, dialogs: Dialogs, show_status: Callable[[str], None],
                   path: str | None = None) -> bool:
    """Offer the edits a crash left in the journal folder: those of the file ``path``
    (just opened), or at start (no ``path``) the newest of any, while the open document
    has no unsaved changes. True when a journal was recovered into the document."""
    if path is None and document.is_modified():
        return False
    keeper = document.journal_keeper
    if path is None:  # at start: old .failed and postponed journals, debris
        prune_journals(keeper.folder)
    own = keeper.path
    for info in find_journals(keeper.folder, skip=own):
        if info.path == own or (path is not None and info.document != path):
            continue
        if path is None and document.path and info.document == document.path:
            continue  # asked when the file was opened
        choice = _offer_journal(document, dialogs, show_status, info)
        if choice is not RecoverChoice.DISCARD:
            # Recovered, or "later": one question per start is enough; the other
            # journals stay and are offered next time.
            return choice is RecoverChoice.RECOVER
    return False


def _offer_journal(document: Document, dialogs: Dialogs, show_status: Callable[[str], None],
                   info: JournalInfo) -> RecoverChoice:
    """Ask about one journal and act on the answer; returns the answer (RECOVER only when
    the edits really were recovered into the document)."""
    choice = dialogs.ask_recover(info)
    if choice is RecoverChoice.DISCARD:
        with contextlib.suppress(OSError):
            discard_journal(info.path)
        return choice
    if choice is not RecoverChoice.RECOVER:
        return choice  # later: the journal stays and is offered again
    try:
        model, report = recover(info.path)
    except (JournalError, ModelError, OSError) as exc:  # nothing recoverable: say why
        kept = info.path.with_suffix(".failed")
        with contextlib.suppress(OSError):
            kept = set_aside(info.path)
        dialogs.error(_t("Cannot recover the unsaved changes"), str(exc),
                      _t("The journal was kept as {path}.").format(path=kept))
        return RecoverChoice.DISCARD  # nothing left to recover here: the next may work
    # The recovered state is the journal's base now, written before the old one goes.
    document.recovered(model, info.document, info.edits)
    if document.journal_keeper.path is not None:
        with contextlib.suppress(OSError):
            discard_journal(info.path)
    if report:
        dialogs.info(_t("Some changes could not be recovered"),
                     _t("The changes were recovered up to the point described below; "
                        "check the model and save it."), "\n".join(report))
    show_status(_t("Recovered {count} unsaved edits of ‘{name}’").format(
        count=info.edits, name=info.name))
    return RecoverChoice.RECOVER
