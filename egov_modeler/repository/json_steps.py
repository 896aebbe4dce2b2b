"""A model file's JSON parsed in small steps, for a reader that runs beside the window.

``json.loads`` is one call into C that holds the interpreter lock until the whole text is
parsed: for a 20,000-element model (13 MB) that is 70–400 ms in which the window's thread
cannot run a line of Python, so a worker reading a history made the window stutter once
per version. :func:`loads_in_steps` walks the outer levels of the text itself (the model,
its lists, each view and its lists of nodes and lines) and leaves each small value (an
element, a relationship, a node: see :data:`WALKED_ITEMS`) to the C decoder: the lock can
change hands between any two of them (up to twice the time of ``json.loads``, in steps of
microseconds instead of one of a tenth of a second or more). The result is the same value
as ``json.loads``; a text it cannot parse raises :class:`ValueError` (ask ``json.loads``
for the exact message).
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["loads_in_steps"]

def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a model holds")  # the safe reader says why


_decoder = json.JSONDecoder(parse_constant=_refuse_constant)
_scan_string = json.decoder.scanstring  # type: ignore[attr-defined]
_space = re.compile(r"[ \t\n\r]*")
#: Lists of the model whose items are walked too (a view's nodes and lines are decoded one
#: by one); the items of the model's other lists (elements, relationships) are decoded
#: whole.
WALKED_ITEMS = frozenset({"views"})


def loads_in_steps(text: str) -> Any:
    """The value of the JSON ``text``, as ``json.loads`` gives it."""
    at = _skip(text, 0)
    if text[at:at + 1] == "{":
        value, end = _object(text, at, WALKED_ITEMS)
    else:
        value, end = _decoder.raw_decode(text, at)
    if _skip(text, end) != len(text):
        raise ValueError("extra data after the JSON value")
    return value


def _skip(text: str, at: int) -> int:
    match = _space.match(text, at)
    assert match is not None
    return match.end()


def _object(text: str, at: int, walked: frozenset[str]) -> tuple[dict[str, Any], int]:
    """An object whose list values are decoded item by item (the items of those named in
    ``walked`` walked in turn)."""
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
        at = _skip(text, at + 1)
        if text[at:at + 1] == "[":
            out[key], at = _array(text, at, key in walked)
        else:
            out[key], at = _decoder.raw_decode(text, at)
        at = _skip(text, at)
        mark = text[at:at + 1]
        if mark == "}":
            return out, at + 1
        if mark != ",":
            raise ValueError(f"',' or '}}' expected at {at}")
        at = _skip(text, at + 1)


def _array(text: str, at: int, walk_items: bool) -> tuple[list[Any], int]:
    """A list decoded item by item; with ``walk_items``, an object item's own lists
    too."""
    out: list[Any] = []
    append = out.append
    at = _skip(text, at + 1)
    if text[at:at + 1] == "]":
        return out, at + 1
    while True:
        if walk_items and text[at:at + 1] == "{":
            item, at = _object(text, at, frozenset())
        else:
            item, at = _decoder.raw_decode(text, at)
        append(item)
        at = _skip(text, at)
        mark = text[at:at + 1]
        if mark == "]":
            return out, at + 1
        if mark != ",":
            raise ValueError(f"',' or ']' expected at {at}")
        at = _skip(text, at + 1)
