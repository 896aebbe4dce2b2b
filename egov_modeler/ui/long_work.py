"""Long work off the GUI thread, behind a modal "please wait" window.

The PDF dossier of a national model takes eight seconds on the development machine (more
on an office PC), importing it or generating a large overview a few more. Run on the GUI
thread, that work freezes the window: it no longer paints, and Windows marks it "Not
responding" after five seconds, which office users take as a crash and end the program,
losing their work. :func:`run_long` runs the work in
a thread instead while the window shows what it is doing and for how long.

Why a thread and not progress callbacks: the work is the library's own pure-Python code
(``export``, ``exchange``, ``storage``, ``diagram`` never touch Qt), so it can run anywhere,
and threading callbacks through every writer would tie the library to the window. The
progress window is application-modal, so nobody edits the model the work is reading.

Why the cycle collector is paused meanwhile: a collection that ran in the worker would
destroy unreachable Qt wrappers (a closed dialog, a dropped menu) on the wrong thread.
The loaders already pause it for speed; only the timing changes.

Work that ends within :data:`QUICK` seconds shows nothing at all: a dialog that flashes
for a tenth of a second is worse than none.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from ..model.cancel import CancelToken
from ..model.collector import collection_paused

T = TypeVar("T")

#: Seconds the work may take before the progress window appears.
QUICK = 0.3
#: How often the window looks whether the work is done, in milliseconds.
_POLL_MS = 100
#: The same before the progress window is up (quick work must not wait for the look).
_QUIET_POLL_MS = 5


def _t(text: str) -> str:
    return QCoreApplication.translate("LongWork", text)


class WorkingDialog(QProgressDialog):
    """A busy bar with what is being done and the seconds it has taken. With a ``cancel``
    token it has a Stop button (Escape too) that asks the work to stop at its next safe
    point and says so while it winds down; without one, nothing hides it (the title bar's
    close button neither)."""

    def __init__(self, label: str, parent: QWidget | None, started: float,
                 cancel: CancelToken | None = None,
                 detail: Callable[[], str] | None = None) -> None:
        super().__init__(label, "", 0, 0, parent)
        self.setWindowTitle(_t("Please wait"))
        self._cancel = cancel
        if cancel is None:
            self.setCancelButton(None)
        else:
            self.setCancelButtonText(_t("Stop"))
            self.canceled.connect(self._stop)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(360)
        self._label = label
        self._detail = detail
        self._started = started
        self._shown = ""

    def tick(self) -> None:
        """Say how long the work has taken (counted from its start, in whole seconds),
        and how far it is when the work says (``detail``: read from the worker's
        counters, e.g. "page 3 of 40")."""
        seconds = int(time.monotonic() - self._started)
        what = (_t("Stopping…") if self._cancel is not None and self._cancel.cancelled
                else self._label)
        if self._detail is not None:
            what = f"{what} {self._detail()}"
        text = _t("{what}\n{seconds} s so far").format(what=what, seconds=seconds)
        if text != self._shown:
            self._shown = text
            self.setLabelText(text)

    def _stop(self) -> None:
        """The Stop button (which also hid the window): ask the work to stop, and stay up
        saying so until it has."""
        assert self._cancel is not None
        self._cancel.cancel()
        for button in self.findChildren(QPushButton):
            button.setEnabled(False)  # asked once is enough
        self.tick()
        self.show()

    def reject(self) -> None:  # Escape: Stop when there is one, else nothing
        if self._cancel is not None and not self._cancel.cancelled:
            self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()


def run_long(parent: QWidget | None, label: str, work: Callable[[], T], *,
             keep: bool = False, cancel: CancelToken | None = None,
             paint_meanwhile: bool = False,
             detail: Callable[[], str] | None = None) -> T:
    """``work()``'s result, or its exception raised here; the window keeps painting
    meanwhile and, past :data:`QUICK` seconds, shows ``label`` in a modal progress window.
    ``keep``: the work reads a model the window keeps (see
    :func:`~egov_modeler.model.collector.collection_paused`). ``cancel``: the token the
    work checks; the progress window then has a Stop button, and a stopped work raises
    :class:`~egov_modeler.model.cancel.Cancelled` here. ``paint_meanwhile``: during the
    first :data:`QUICK` seconds the window keeps painting and running its timers instead
    of waiting blocked (see :func:`_wait_painting`). ``detail``: how far the work is,
    shown after ``label`` (called on the GUI thread; it may only read what the work
    counts).

    ``work`` must not touch Qt objects (it runs in another thread)."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="egov-long-work", daemon=True)
    with collection_paused(keep=keep):
        started = time.monotonic()
        thread.start()
        if paint_meanwhile:
            _wait_painting(thread, started + QUICK)
        else:
            thread.join(QUICK)
        if thread.is_alive():
            _wait_showing(WorkingDialog(label, parent, started, cancel, detail), thread)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _wait_painting(thread: threading.Thread, until: float) -> None:
    """Run the event loop without user input until ``thread`` ends or the monotonic
    clock reaches ``until``.

    Why: a plain ``join`` leaves the window unpainted for up to :data:`QUICK` seconds
    (Save of a national model: a third of a second). Here paints, timers and posted
    events run as they do behind the progress window, while the keys, clicks and close
    requests the user makes meanwhile wait in the window system's queue, as they do
    during a ``join``: delivered once the work is done, or refused by the progress
    window's modality once it is up. No edit reaches the model the work reads."""
    _loop_until(lambda: not thread.is_alive() or time.monotonic() >= until,
                _QUIET_POLL_MS, QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def _wait_showing(dialog: WorkingDialog, thread: threading.Thread) -> None:
    """Run the event loop, with the progress window up, until ``thread`` ends."""
    dialog.tick()
    dialog.show()
    try:
        _loop_until(lambda: not thread.is_alive(), _POLL_MS,
                    QEventLoop.ProcessEventsFlag.AllEvents, dialog.tick)
    finally:
        dialog.hide()
        dialog.setParent(None)
        dialog.deleteLater()


def _loop_until(done: Callable[[], bool], every_ms: int,
                flags: QEventLoop.ProcessEventsFlag,
                meanwhile: Callable[[], None] | None = None) -> None:
    """Run a nested event loop (``flags``: which events it handles) until ``done()``,
    asked every ``every_ms`` milliseconds; ``meanwhile`` runs at each ask that is not
    the last."""
    loop = QEventLoop()

    def check() -> None:
        if done():
            loop.quit()
        elif meanwhile is not None:
            meanwhile()

    timer = QTimer()
    timer.setInterval(every_ms)
    timer.timeout.connect(check)
    timer.start()
    try:
        if not done():
            loop.exec(flags)
    finally:
        timer.stop()
