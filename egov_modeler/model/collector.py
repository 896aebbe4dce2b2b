"""Python's cycle collector, paused while a reader builds a large model.

Why: the collector runs after every 700 new objects and then walks the objects already
made; a reader that builds a 20,000-element model makes a million objects and none of them
garbage, so about a third of loading a large file went to collections that found nothing
(issue 19). Readers build the model inside :func:`collection_paused`; the collector runs
again, as before, once the model is built.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cycle collector for the block (nested and threaded use are safe: the
    collector is switched back on only by the block that switched it off)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
