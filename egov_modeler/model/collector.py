"""Python's cycle collector, paused while a reader builds a large model.

Why: the collector runs after every 700 new objects and then walks the objects already
made; a reader that builds a 20,000-element model makes a million objects and none of them
garbage, so about a third of loading a large file went to collections that found nothing
(issue 19). Readers build the model inside :func:`collection_paused`; the collector runs
again, as before, once the model is built.

Switched back on, the collector would still walk everything the block made once, as young
objects, at the next allocation (a fifth of a 20k .egov load). A reader's block says
``keep=True``: what it made is the model, kept as long as the document, so it goes straight
to the oldest generation, walked only by the full collections that walk every old object
anyway. Cyclic garbage made meanwhile is not lost: a full collection frees it.

Pauses may overlap across threads (a long export in one, the Repository dock's history in
another): the collector stays off until the last of them ends, whichever ends first, so no
worker ever runs with it on (a collection in a worker could destroy Qt wrappers there; see
:mod:`egov_modeler.ui.long_work`).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
#: Blocks inside a pause now, in any thread.
_holders = 0
#: Whether the collector was on when the first of them began (then the last switches it
#: back on), and whether any of them asked to keep what it made.
_restore = False
_keep = False


@contextmanager
def collection_paused(*, keep: bool = False) -> Iterator[None]:
    """Pause the cycle collector for the block. Nested and overlapping blocks, in one
    thread or several, are safe: the collector is switched back on when the last of them
    ends, and only when it was on before the first began. ``keep``: what the block made is
    long-lived (see the module docstring)."""
    global _holders, _restore, _keep
    with _lock:
        if _holders == 0:
            _restore, _keep = gc.isenabled(), False
        _holders += 1
        _keep = _keep or keep
        gc.disable()
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _restore:
                if _keep:
                    promote_to_oldest()
                gc.enable()


def promote_to_oldest() -> None:
    """Move every object the collector tracks into its oldest generation without walking
    them (two list splices). Only when nothing is frozen: unfreezing would also release
    what the window froze on purpose (``ui.document.settle_memory``)."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
