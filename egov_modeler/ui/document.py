"""The open document: one model, its undo history, the file it came from, whether it has
unsaved changes, and its crash-recovery journal.

Why an object of its own: the window's controllers (files, exports, editing, view tabs)
all work on "the open model", and a New, Open, Import or recovery replaces it. With the
document owning the model and announcing the replacement (:attr:`Document.replaced`),
each controller asks the document for the current model when it acts instead of keeping
a copy that a replacement would leave stale, and no controller needs the window.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..model.incremental_validation import IncrementalValidator
from ..model.model import Model
from ..storage.disk_state import DiskState
from ..storage.journal import FileBase
from ..storage.lock import REFRESH_SECONDS, DocumentLock
from ..storage.paths import display_path
from .editor import Editor
from .recovery import JournalKeeper

#: From this many elements a model is kept out of the cycle collector's walks
#: (:func:`settle_memory`); below it the collector's pauses go unnoticed.
FREEZE_FROM_ELEMENTS = 2_000


class Document(QObject):
    """The model shown in one window, with its ``QUndoStack``, path and journal."""

    #: The model was replaced (New, Open, Import, recovery): views and docks follow.
    replaced = Signal()
    #: The name or the modified state changed: the window title follows.
    titleChanged = Signal()

    def __init__(self, language: str = "vi", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.undo_stack = QUndoStack(self)
        self.journal_keeper = JournalKeeper(self.undo_stack, self)
        self.model: Model = Model(self.tr("Untitled"))
        self.path: str | None = None
        self.editor = Editor(self.model, self.undo_stack, language, self)
        #: What the file was when loaded or last saved (Save checks it is still that).
        self.disk_state: DiskState | None = None
        #: The lock this window holds on the file, so a second window opens it read-only.
        self.lock: DocumentLock | None = None
        #: Opened read-only (locked by another window, or a read-only file): Save asks
        #: for another name.
        self.read_only = False
        #: A validator that already judged the model just shown (the open judged it
        #: beside the window, while its progress showed), for the window to take once.
        self.judged: IncrementalValidator | None = None
        #: How work that can wait for the new model to be on screen is run (the window
        #: waits for the diagram's first paint; alone, the next turn of the event loop).
        self.after_shown: Callable[[Callable[[], object]], None] = \
            lambda work: QTimer.singleShot(0, self, work)
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(REFRESH_SECONDS * 1000)
        self._lock_timer.timeout.connect(self._refresh_lock)
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, _clean: bool) -> None:
        self.titleChanged.emit()

    # ------------------------------------------------------------------ state
    def is_modified(self) -> bool:
        """Unsaved changes: the undo stack is not at the state last saved or opened."""
        return not self.undo_stack.isClean()

    def name(self) -> str:
        """What the title bar and the questions call the document: the file name, else the
        model's name, else "Untitled"."""
        if self.path:
            return display_path(Path(self.path).name)
        return self.model.name or self.tr("Untitled")

    # ------------------------------------------------------------------ lifecycle
    def replace(self, model: Model, path: str | None, *, disk_state: DiskState | None = None,
                lock: DocumentLock | None = None, read_only: bool = False,
                judged: IncrementalValidator | None = None) -> None:
        """Show ``model`` (read completely beforehand) as the document at ``path``; the
        undo history starts afresh and the journal follows the new model. ``disk_state``
        is what the file was when read, ``lock`` the lock taken on it, ``judged`` a
        validator that judged ``model`` already (see :attr:`judged`)."""
        gc.unfreeze()  # the model replaced may be collected (see :func:`settle_memory`)
        replaced_large = len(self.model.element_index) >= FREEZE_FROM_ELEMENTS
        self.journal_keeper.stop()  # the old document is dropped (saved or discarded)
        self._release_lock()
        self.undo_stack.clear()
        self.model = model
        if self.judged is not None:  # made for a model no window took: stop it listening
            self.judged.close()
        self.judged = judged if judged is not None and judged.model is model else None
        self.path = os.path.abspath(path) if path else None
        self.disk_state = disk_state
        self.read_only = read_only
        self._hold(lock)
        self.editor.deleteLater()
        self.editor = Editor(model, self.undo_stack, self.language, self)
        self.undo_stack.setClean()
        self.journal_keeper.start(model, self.path)
        large = len(model.element_index) >= FREEZE_FROM_ELEMENTS
        if large:
            gc.freeze()  # the views and docks are built without walking the model (below)
        self.replaced.emit()
        self.titleChanged.emit()
        if large and replaced_large:
            self.after_shown(settle_memory)

    def saved_as(self, path: str, disk_state: DiskState | None = None,
                 lock: DocumentLock | None = None, written: FileBase | None = None) -> None:
        """The model was written to ``path``: that file is the document now, unmodified,
        and the base of a fresh journal. ``lock``: the lock taken on a new path (the old
        file's is released); ``written``: the bytes written, the journal's base without
        reading the file back."""
        if lock is not None:
            self._release_lock()
            self._hold(lock)
        self.path = os.path.abspath(path)
        self.disk_state = disk_state
        self.read_only = False
        self.undo_stack.setClean()
        self.journal_keeper.restart(self.model, self.path, written)
        self.titleChanged.emit()

    def recovered(self, model: Model, path: str | None, edits: int) -> None:
        """A crash journal was replayed into ``model``: shown as the document with its
        ``edits`` unsaved, and journaled from this state at once."""
        self.replace(model, path)
        self.journal_keeper.start(model, self.path, from_model=True, carried=edits)
        self.undo_stack.resetClean()  # unsaved: closing asks, Save writes it
        self.titleChanged.emit()

    def close(self) -> None:
        """A clean close: nothing is left to recover, and the file is free for others."""
        self.journal_keeper.stop()
        self._release_lock()
        gc.unfreeze()  # this window's model may be collected (see :func:`settle_memory`)

    # ------------------------------------------------------------------ the lock
    def _hold(self, lock: DocumentLock | None) -> None:
        self.lock = lock
        if lock is not None:
            self._lock_timer.start()

    def _release_lock(self) -> None:
        self._lock_timer.stop()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _refresh_lock(self) -> None:
        """Show other PCs on the shared folder that this window still has the file."""
        if self.lock is not None:
            self.lock.refresh()


def settle_memory() -> None:
    """Collect what the replaced model left behind, then freeze what is alive.

    Why: a 20,000-element model is some 500,000 Python objects, and Python's cycle
    collector walks all of them on each full collection, which it starts whenever the
    objects made since the last one reach a quarter of those it keeps: the window froze
    0.5-0.9 s in the middle of edits, and building the diagram at open stalled the same
    way (issue 19). Objects frozen with :func:`gc.freeze` are never walked.

    :meth:`Document.replace` of a model of :data:`FREEZE_FROM_ELEMENTS` or more freezes
    what exists before the views are built; this runs after the first paint (a
    zero-delay timer), unfreezes everything so that the replaced model, its editor and
    its diagrams (cycles, gone once Qt has deleted them) are collected in one full
    collection, and freezes the new model with its views. The frozen set is released at
    every replacement and when the window closes, so no model stays in memory across
    opens. When the model replaced was small (the template shown at start), what it left
    is small too: it stays frozen with the new model until the next replacement, and the
    full collection (a third of a second over a 20,000-element model) is not made."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
