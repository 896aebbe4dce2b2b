"""The cycle collector around a reader: paused while it builds, and what it kept not walked
again as young objects, without losing cyclic garbage or what the window froze."""

from __future__ import annotations

import gc
import weakref

import pytest

from egov_modeler.model.collector import collection_paused


class _Box:
    """A tracked object a weak reference can follow."""

    def __init__(self) -> None:
        self.other: object = None


@pytest.fixture(autouse=True)
def _collector_on():
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    gc.unfreeze()
    if not was_enabled:
        gc.disable()


def _in_generation(obj: object, generation: int) -> bool:
    return any(o is obj for o in gc.get_objects(generation=generation))


def test_collector_is_off_inside_and_on_after():
    with collection_paused(keep=True):
        assert not gc.isenabled()
    assert gc.isenabled()


def test_what_a_reader_kept_is_in_the_oldest_generation():
    with collection_paused(keep=True):
        kept = [_Box() for _ in range(2000)]
    assert _in_generation(kept[0], 2) and _in_generation(kept[-1], 2)
    assert not _in_generation(kept[0], 0)


def test_without_keep_the_young_stay_young():
    gc.collect()
    with collection_paused():
        made = _Box()
    assert _in_generation(made, 0)


def test_cyclic_garbage_made_by_a_reader_is_still_freed():
    with collection_paused(keep=True):
        first, second = _Box(), _Box()
        first.other, second.other = second, first
        gone = weakref.ref(first)
        del first, second
    assert gone() is not None  # a cycle: reference counting alone cannot free it
    gc.collect()
    assert gone() is None


def test_what_the_window_froze_stays_frozen():
    frozen = _Box()
    gc.freeze()
    count = gc.get_freeze_count()
    with collection_paused(keep=True):
        _made = [_Box() for _ in range(100)]
    assert gc.get_freeze_count() == count
    assert not any(o is frozen for g in range(3) for o in gc.get_objects(generation=g))
