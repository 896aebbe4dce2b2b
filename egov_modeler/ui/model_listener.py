"""One subscription of a Qt object (a scene, the model tree) to a model's change events.

Why a helper: such an object follows one model at a time, must stop following it when it
is closed or shown another model, and may be told to stop twice (a view removed, then its
tab closed); the model's unsubscribe function raises ``ValueError`` the second time. The
scene and the model tree each carried the same guard; this is the one copy.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.model import Model, Subscriber


class ModelListener:
    """Follows at most one model with one callback; :meth:`stop` is safe to call again."""

    def __init__(self) -> None:
        self._unsubscribe: Callable[[], None] | None = None

    @property
    def active(self) -> bool:
        """True while a model's events reach the callback."""
        return self._unsubscribe is not None

    def follow(self, model: Model, callback: Subscriber) -> None:
        """Send ``model``'s change events to ``callback`` (ending any earlier subscription)."""
        self.stop()
        self._unsubscribe = model.subscribe(callback)

    def stop(self) -> None:
        """Stop following; nothing happens if there is nothing to stop."""
        if self._unsubscribe is not None:
            try:
                self._unsubscribe()
            except ValueError:  # already removed from the model's subscribers
                pass
            self._unsubscribe = None
