"""Work done a slice at a time while the window waits for the user.

Why: on a national model (20,000 elements, 40,000 relationships) some work the user will
probably ask for soon costs a few tenths of a second in one go: the model tree's sort keys
of the Relationships folder (worked out the first time a relationship is revealed), the
inventory's folded search text of every row (the first filter keystroke). Done at once
when the user asks, it freezes the window; done a few milliseconds at a time on a timer
while nothing else happens, nobody notices it, and the click or keystroke finds it ready.

A job is a generator that does a small piece of work per ``next()``; :class:`IdleSlices`
runs it until a slice's time is up, then lets the event loop run, and goes on at the next
tick. Whatever the job caches must stay right if the model changes in between: the jobs
here only fill caches that the change handlers already keep up to date, so a half-done job
is never wrong, only not finished.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer

#: Seconds of work per slice: well under a frame, so typing and scrolling stay smooth.
SLICE_SECONDS = 0.010
#: Milliseconds between slices (the event loop handles what came in meanwhile).
SLICE_GAP_MS = 5
#: Milliseconds before the first slice: what the user does right after the work was
#: asked for (the edits of a burst, the clicks after an open) goes first.
START_DELAY_MS = 250


class IdleSlices(QObject):
    """Runs one job (a generator) a slice at a time on a timer; a new job replaces it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: Iterator[object] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(SLICE_GAP_MS)
        self._timer.timeout.connect(self._slice)
        #: Slices run since this object was made (what tests may count).
        self.slices = 0

    def start(self, job: Iterator[object], delay_ms: int = START_DELAY_MS) -> None:
        """Run ``job`` from ``delay_ms`` on, instead of any job not finished (sooner than
        :data:`START_DELAY_MS` for the rest of what the user asked for: the filter's rows
        a keystroke left untested)."""
        self._job = job
        self._timer.start(delay_ms)

    def postpone(self) -> None:
        """Something else is being done (an edit): the next slice waits
        :data:`START_DELAY_MS` again, so a burst of edits runs without slices between."""
        if self._job is not None:
            self._timer.start(START_DELAY_MS)

    def stop(self) -> None:
        """Forget the job (the model it worked on is gone)."""
        self._job = None
        self._timer.stop()

    def running(self) -> bool:
        return self._job is not None

    def _slice(self) -> None:
        job = self._job
        if job is None:
            self._timer.stop()
            return
        self.slices += 1
        self._timer.setInterval(SLICE_GAP_MS)
        deadline = time.perf_counter() + SLICE_SECONDS
        try:
            while time.perf_counter() < deadline:
                next(job)
        except StopIteration:
            if self._job is job:
                self.stop()
