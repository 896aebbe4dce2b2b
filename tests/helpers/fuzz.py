"""A seeded mutator for the fuzzers of the JSON readers (tests/*/test_fuzz_*.py).

Why our own and not hypothesis: the mutations are structural (replace a field of a real
file with a hostile value, drop a key, shuffle or duplicate a list, swap ids) plus
byte-level damage, seeded so a failure names the seed that replays it
(``EGOV_FUZZ_SEED=<seed>``). ``EGOV_FUZZ_ITERATIONS`` sets how many cases each fuzzer
runs: a few seconds' worth in CI by default, e.g. 20000 for the long run.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import random
import signal
from collections.abc import Iterator
from typing import Any

#: Values that broke a reader once (issue 11) or easily could.
HOSTILE_VALUES: list[Any] = [
    5, -1, 0, True, None, "", "big", "#zzzzzz", "\ud800", "x\udfffy", "x" * 5000,
    10**9, -(10**9), 10**30, 1e300, -1e300, 1e-300, 2.5, [], {}, [[]], {"a": {"b": {}}},
    [1, 2, 3], ["a", "b"], "id-dup", "<img src='/dev/zero'>", "../../etc/passwd",
    "\\\\host\\share", "NaN", "Infinity", "\u202e", "\x00",
]
#: Texts spliced into the serialized file (what no encoder writes).
HOSTILE_SNIPPETS = [
    b"Infinity", b"-Infinity", b"NaN", b"1e400", b"9" * 5000, b"[" * 3000, b"{" * 3000,
    b'"\\ud800"', b'"\\udc00\\ud800"', b"\xff\xfe", b"\x00", b'"', b",", b"}", b"]",
    b'{"$Command": {}}', b'{"$Node": 5}',
]


def iterations(default: int) -> int:
    """How many cases a fuzzer runs (``EGOV_FUZZ_ITERATIONS`` overrides)."""
    return int(os.environ.get("EGOV_FUZZ_ITERATIONS", default))


def seeds(default: int, base: int = 0) -> Iterator[int]:
    """The seeds to run: ``EGOV_FUZZ_SEED`` alone (replaying one failure), else a range."""
    if os.environ.get("EGOV_FUZZ_SEED"):
        yield int(os.environ["EGOV_FUZZ_SEED"])
        return
    yield from range(base, base + iterations(default))


def _containers(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    stack = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, dict | list):
            yield where, item
            keys = item.keys() if isinstance(item, dict) else range(len(item))
            stack.extend((where + (k,), item[k]) for k in keys)


def _ids(value: Any) -> list[str]:
    return [item["id"] for _, item in _containers(value)
            if isinstance(item, dict) and isinstance(item.get("id"), str)]


def mutate_json(value: Any, rng: random.Random, count: int = 3) -> Any:
    """``value`` (decoded JSON) with ``count`` structural mutations."""
    value = copy.deepcopy(value)
    ids = _ids(value) or ["id-x"]
    for _ in range(count):
        places = list(_containers(value))
        _, target = rng.choice(places)
        if isinstance(target, dict):
            if not target:
                target["x"] = rng.choice(HOSTILE_VALUES)
                continue
            key = rng.choice(list(target))
            action = rng.randrange(5)
            if action == 0:
                del target[key]
            elif action == 1:
                target[key] = copy.deepcopy(rng.choice(HOSTILE_VALUES))
            elif action == 2:
                target[key] = rng.choice(ids)  # a reference to something else
            elif action == 3:
                target[rng.choice(["id", "parent", "source", "target", "element", "w",
                                   "font_size", "style", "kind", "format_version"])] = (
                    copy.deepcopy(rng.choice(HOSTILE_VALUES + ids)))
            else:
                target[key] = [copy.deepcopy(target[key])] * rng.randrange(0, 3)
        else:
            if not target:
                target.append(copy.deepcopy(rng.choice(HOSTILE_VALUES)))
                continue
            index = rng.randrange(len(target))
            action = rng.randrange(4)
            if action == 0:
                del target[index]
            elif action == 1:
                target.append(copy.deepcopy(target[index]))  # duplicate ids
            elif action == 2:
                rng.shuffle(target)
            else:
                target[index] = copy.deepcopy(rng.choice(HOSTILE_VALUES))
    return value


def mutate_bytes(raw: bytes, rng: random.Random) -> bytes:
    """``raw`` with byte-level damage: cut short, a byte flipped, a hostile snippet in."""
    action = rng.randrange(3)
    position = rng.randrange(len(raw) + 1)
    if action == 0:
        return raw[:position]
    if action == 1 and raw:
        position = min(position, len(raw) - 1)
        return raw[:position] + bytes([rng.randrange(256)]) + raw[position + 1:]
    return raw[:position] + rng.choice(HOSTILE_SNIPPETS) + raw[position:]


def mutated(original: Any, seed: int) -> bytes:
    """The bytes of one fuzz case of ``original`` (decoded JSON), made from ``seed``."""
    rng = random.Random(seed)
    if rng.random() < 0.7:
        text = json.dumps(mutate_json(original, rng, rng.randrange(1, 5)), ensure_ascii=False)
        return text.encode("utf-8", "surrogatepass")
    return mutate_bytes(json.dumps(original, ensure_ascii=False).encode("utf-8"), rng)


class Hang(Exception):
    """A case ran longer than the watchdog allows."""


@contextlib.contextmanager
def watchdog(seconds: int, what: str) -> Iterator[None]:
    """Raise :class:`Hang` naming ``what`` if the block runs longer than ``seconds``
    (POSIX; elsewhere the block just runs). A hang detector, not a speed test: the limit
    is far above any honest case."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def alarm(_signum: int, _frame: Any) -> None:
        raise Hang(f"{what} ran over {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
