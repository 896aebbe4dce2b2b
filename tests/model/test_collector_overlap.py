"""Pauses of the cycle collector that overlap across threads (a long export in one, the
Repository dock's history in another): it stays off until the last of them ends."""

from __future__ import annotations

import gc
import threading

import pytest

from egov_modeler.model.collector import collection_paused


@pytest.fixture(autouse=True)
def _collector_on():
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_stays_off_until_the_last_overlapping_pause_ends():
    entered, leave = threading.Event(), threading.Event()
    seen: list[bool] = []

    def worker() -> None:
        with collection_paused():
            entered.set()
            leave.wait(10)
            seen.append(gc.isenabled())

    with collection_paused(keep=True):  # began first, ends first
        thread = threading.Thread(target=worker)
        thread.start()
        assert entered.wait(10)
    assert not gc.isenabled()  # the worker still runs: still off
    leave.set()
    thread.join(10)
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_someone_switched_off_stays_off():
    gc.disable()
    with collection_paused():
        pass
    assert not gc.isenabled()
