"""A model file's JSON parsed in small steps, for a reader that runs beside the window.

``json.loads`` is one call into C that holds the interpreter lock until the whole text is
parsed: for a 20,000-element model (13 MB) that is 70–400 ms in which the window's thread
cannot run a line of Python, so a worker reading a history made the window stutter once
per version. :func:`loads_in_steps` walks the outer levels of the text itself (the model,
its lists, each view and its lists of nodes and lines) and leaves each small value
(an element, a relationship, a node) to the C decoder: the lock can change hands between
any two of them. The result is the same value as ``json.loads``; a text it cannot parse
raises :class:`ValueError` (ask ``json.loads`` for the exact message).
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["loads_in_steps"]

_decoder = json.JSONDecoder()
_scan_string = json.decoder.scanstring  # type: ignore[attr-defined]
_space = re.compile(r"[ \t\n\r]*")
#: Levels walked here: the model, a list, a view, a view's list of nodes or lines.
DEPTH = 4


def loads_in_steps(text: str) -> Any:
    """The value of the JSON ``text``, as ``json.loads`` gives it."""
    value, end = _value(text, _skip(text, 0), DEPTH)
    if _skip(text, end) != len(text):
        raise ValueError("extra data after the JSON value")
    return value


def _skip(text: str, at: int) -> int:
    match = _space.match(text, at)
    assert match is not None
    return match.end()


def _value(text: str, at: int, depth: int) -> tuple[Any, int]:
    opening = text[at:at + 1]
    if depth == 0 or opening not in ("{", "["):
        return _decoder.raw_decode(text, at)
    if opening == "{":
        return _object(text, at, depth)
    return _array(text, at, depth)


def _object(text: str, at: int, depth: int) -> tuple[dict[str, Any], int]:
    out: dict[str, Any] = {}
    at = _skip(text, at + 1)
    if text[at:at + 1] == "}":
        return out, at + 1
    while True:
        if text[at:at + 1] != '"':
            raise ValueError(f"a name in double quotes expected at {at}")
        key, at = _scan_string(text, at + 1)
        at = _skip(text, at)
        if text[at:at + 1] != ":":
            raise ValueError(f"':' expected at {at}")
        out[key], at = _value(text, _skip(text, at + 1), depth - 1)
        at = _skip(text, at)
        mark = text[at:at + 1]
        if mark == "}":
            return out, at + 1
        if mark != ",":
            raise ValueError(f"',' or '}}' expected at {at}")
        at = _skip(text, at + 1)


def _array(text: str, at: int, depth: int) -> tuple[list[Any], int]:
    out: list[Any] = []
    at = _skip(text, at + 1)
    if text[at:at + 1] == "]":
        return out, at + 1
    while True:
        item, at = _value(text, at, depth - 1)
        out.append(item)
        at = _skip(text, at)
        mark = text[at:at + 1]
        if mark == "]":
            return out, at + 1
        if mark != ",":
            raise ValueError(f"',' or ']' expected at {at}")
        at = _skip(text, at + 1)
