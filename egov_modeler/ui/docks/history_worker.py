"""The Repository dock's "What changed" texts, worked out beside the window.

At 20,000 elements one version's text takes a third of a second to a second (its model
and its parent's read, parsed and compared); a history lists up to 200. Done on the GUI
thread, one per turn of the event loop, that stuttered the window for as long as the
column took. :class:`HistorySummaries` runs
:func:`~egov_modeler.repository.version_summaries.summaries` in a Python thread instead
and hands each text back through a queued signal, newest version first.

The worker never touches a Qt object: it reads through its own
:class:`~egov_modeler.repository.store.ModelRepository` (a dulwich repository object's
pack files are read with seek-and-read on shared file handles, which two threads must not
share; git objects never change, so a second reader of the same folder sees what the
first sees), opened on the GUI thread before the thread starts (opening finishes an
interrupted update, which must not race the window's own writes), and emits the signal
of an object that lives on the GUI thread. The cycle collector stays paused while it runs
(:func:`~egov_modeler.model.collector.collection_paused`), for the reason
:mod:`egov_modeler.ui.long_work` gives: a collection started in the worker would destroy
unreachable Qt wrappers there.

Each run has a number; a newer run (a new commit, a pull, another document) makes the old
one stop after the step it is in, and the dock ignores anything that still arrives under
an old number, so no text lands in a row of another history.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ...model.collector import collection_paused
from ...repository.errors import RepositoryError
from ...repository.store import ModelRepository
from ...repository.version_summaries import summaries

log = logging.getLogger(__name__)

__all__ = ["HistorySummaries"]

THREAD_NAME = "history-summaries"


class HistorySummaries(QObject):
    """Starts, replaces and stops the worker; :attr:`ready` arrives on the GUI thread."""

    #: ``(run number, version id, text)``, on the thread this object lives on.
    ready = Signal(int, str, str)
    #: ``(run number)``: that run has nothing more to say (done or stopped).
    finished = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.run = 0
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def start(self, model_file: str, version_ids: list[str],
              deliver: Callable[[int, str, str], None] | None = None) -> int:
        """Work out the texts of ``version_ids`` (newest first) of the repository holding
        ``model_file``; the previous run is told to stop. Returns the new run's number."""
        self._stop.set()
        self.run += 1
        self._stop = threading.Event()
        try:
            repo = ModelRepository.discover(model_file)
        except (RepositoryError, OSError) as exc:
            log.warning("cannot read the history of %s: %s", model_file, exc)
            repo = None
        if repo is None or not version_ids:
            if repo is not None:
                repo.close()
            self.finished.emit(self.run)
            return self.run
        emit, done = self.ready.emit, self.finished.emit
        self._thread = threading.Thread(
            target=_work, args=(repo, list(version_ids), self.run, self._stop, emit, done),
            name=THREAD_NAME, daemon=True)  # it only reads: a quit never waits for it
        self._thread.start()
        return self.run

    def stop(self, wait: bool = True) -> None:
        """Tell the worker to stop after the step it is in; with ``wait``, until it has
        (at most one step: a parse or a comparison of one version)."""
        self._stop.set()
        self.run += 1  # anything still queued from the old run is ignored
        thread = self._thread
        if wait and thread is not None:
            thread.join()
            self._thread = None

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()


def _work(repo: ModelRepository, version_ids: list[str], run: int, stop: threading.Event,
          emit: Callable[[int, str, str], None], done: Callable[[int], None]) -> None:
    """The worker thread: plain library code, the collector paused, one signal a text."""
    try:
        with collection_paused():
            for version_id, text in summaries(repo, version_ids, stop.is_set):
                if stop.is_set():
                    break
                emit(run, version_id, text)
    except RuntimeError:  # the dock went with its window while the last text was on its way
        log.debug("history summaries stopped: the dock is gone")
    except Exception:  # a fault in the diff must not pass silently in a thread
        log.exception("history summaries failed")
    finally:
        repo.close()
        try:
            done(run)
        except RuntimeError:
            pass
