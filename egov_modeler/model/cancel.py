"""Stopping long work half way, where nothing is half-written.

Why: the whole dossier of a national model takes seconds here and longer on an office PC;
a user who ticked the wrong views must be able to stop it rather than wait or kill the
program. The work runs in another thread (``ui/long_work.py``), so it is asked, not
interrupted: the writers call :meth:`CancelToken.check` between views, pages and tables,
and they write their file atomically at the very end, so a stop leaves any old file as it
was.
"""

from __future__ import annotations

import threading

from ..i18n import tr
from .errors import ModelError


class Cancelled(ModelError):
    """The user stopped the work; nothing was written."""


class CancelToken:
    """Set by the window (any thread), checked by the work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` once :meth:`cancel` was called."""
        if self._event.is_set():
            raise Cancelled(tr("Stopped: nothing was written"))


def check(token: CancelToken | None) -> None:
    """:meth:`CancelToken.check` for work that may have no token."""
    if token is not None:
        token.check()
