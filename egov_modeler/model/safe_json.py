"""The one way this program reads JSON it did not just write itself.

Why: every JSON reader (the ``.egov`` file, the journal, the clipboard, a user catalog,
the ``egov:view-extras`` property of an exchange file) reads text that may come from
another organisation or a damaged disk, and Python's ``json.loads`` lets such text escape
as ``RecursionError`` (deep nesting), ``ValueError`` (an integer over 4,300 digits) or
hand back ``NaN``/``Infinity`` and unpaired surrogates that crash a later step (drawing,
saving). :func:`loads` refuses or repairs all of these and raises only
:class:`UnsafeJSONError` (a ``ValueError``) with a message for the user:

- nesting deeper than :data:`~.limits.MAX_JSON_DEPTH` is refused *before* parsing;
- a number literal longer than :data:`~.limits.MAX_NUMBER_LENGTH` characters, ``NaN``,
  ``Infinity`` and a float that overflows are refused;
- an unpaired surrogate (``"\\ud800"`` alone, or one already in the text) is replaced by
  U+FFFD, so every string read can be written again as UTF-8. The replacements are
  counted for the caller's report; ``keep_surrogates=True`` keeps them (file paths, whose
  undecodable bytes Python carries as surrogates).

Structural checks only: the typed readers (``serialization``, the catalog reader) then
check every field's type and range.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from ..i18n import tr
from .limits import MAX_JSON_DEPTH, MAX_NUMBER_LENGTH

__all__ = ["LoadedJSON", "UnsafeJSONError", "dumps", "loads", "loads_counted", "nests_within",
           "scrub_text"]


class UnsafeJSONError(ValueError):
    """Text that is not JSON this program accepts; the message says why (and where, for a
    syntax error: ``lineno``, ``colno`` and ``pos`` as in :class:`json.JSONDecodeError`)."""

    def __init__(self, message: str, lineno: int = 0, colno: int = 0, pos: int = 0) -> None:
        super().__init__(message)
        self.lineno, self.colno, self.pos = lineno, colno, pos


# The depth scan works on the UTF-8 bytes (no bracket, quote or backslash byte is ever
# part of another character): everything but quotes and brackets is deleted, escaped
# backslashes and quotes first, then what is left of the strings.
_KEEP_STRUCTURE = bytes(range(256)).translate(None, b'"[]{}')  # the bytes to delete
_STRING_LEFT = re.compile(rb'"[^"]*"')
_NESTING = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
# A \uXXXX escape for a surrogate, preceded by an even number of backslashes (so it is an
# escape and not the text "\\ud800").
_ESCAPED_SURROGATE = re.compile(
    r"(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?"
    r"|(?<!\\)((?:\\\\)*)\\u([dD][c-fC-F][0-9a-fA-F]{2})")
_RAW_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class LoadedJSON:
    """What :func:`loads_counted` read, and how many unpaired surrogates it replaced."""

    value: Any
    surrogates_replaced: int


def _structure(text: str | bytes) -> bytes:
    """The brackets of ``text`` outside strings, in a few passes of C over its bytes:
    ``\\`` and ``\"`` go first (what a backslash escapes is not structure), then every
    byte but quotes and brackets; adjacent quotes (an empty string, or the end of one
    string and the start of the next) go without changing what is outside strings, and
    the few strings left (holding brackets) go last. An unterminated string ends the
    scan (the rest is its text). Given the UTF-8 bytes, it spares encoding them again."""
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    if b"\\" in data:  # one byte, found at memory speed; two-byte searches are not
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    structure = data.translate(None, _KEEP_STRUCTURE).replace(b'""', b"")
    if b'"' in structure:
        structure = _STRING_LEFT.sub(b"", structure)
        end = structure.find(b'"')
        if end >= 0:
            structure = structure[:end]
    return structure


def _depth(text: str | bytes) -> int:
    """The deepest nesting of ``text`` (strings ignored)."""
    return _nesting(_structure(text))


def _nesting(structure: bytes) -> int:
    """The deepest nesting of brackets alone, bracket by bracket."""
    return max(0, max(accumulate(map(_NESTING.__getitem__, structure)), default=0))


def _within_depth(text: str | bytes, max_depth: int) -> bool:
    """Whether ``text`` nests at most ``max_depth`` deep, without reading it bracket by
    bracket in Python (a national model file has 300,000 brackets outside strings).

    Each pass deletes the empty pairs ``[]`` and then ``{}``: that peels off the innermost
    one or two levels everywhere, so brackets that all pair up within ``p`` passes nest
    between ``p`` and ``2p`` deep. Only what this cannot settle (brackets left unpaired,
    or between ``max_depth / 2`` and ``max_depth`` passes) is counted bracket by
    bracket; a hostile file nested a million deep stops after ``max_depth / 2 + 1``
    passes of C."""
    structure = left = _structure(text)
    passes = 0
    while left and passes <= max_depth // 2:
        shorter = left.replace(b"[]", b"").replace(b"{}", b"")
        if len(shorter) == len(left):
            break  # brackets that do not pair up: a syntax error, counted below
        left, passes = shorter, passes + 1
    return (not left and 2 * passes <= max_depth) or _nesting(structure) <= max_depth


def nests_within(data: str | bytes, max_depth: int = MAX_JSON_DEPTH) -> bool:
    """Whether ``data`` (JSON text, or its UTF-8 bytes) nests at most ``max_depth`` deep:
    the check :func:`loads` makes first, for a reader that parses in its own way."""
    return _within_depth(data, max_depth)


def _refuse_constant(name: str) -> Any:
    raise UnsafeJSONError(tr("the number {value} is not allowed (only finite numbers are)",
                             value=name))


def _parse_int(literal: str) -> int:
    if len(literal) > MAX_NUMBER_LENGTH:
        raise UnsafeJSONError(tr("a number of {count} digits is too long",
                                 count=len(literal)))
    return int(literal)


def _parse_float(literal: str) -> float:
    if len(literal) > MAX_NUMBER_LENGTH:
        raise UnsafeJSONError(tr("a number of {count} digits is too long",
                                 count=len(literal)))
    value = float(literal)
    if not math.isfinite(value):
        raise UnsafeJSONError(tr("the number {value} is too large", value=literal))
    return value


def _repair_escapes(text: str) -> tuple[str, int]:
    """Replace ``\\uD800``-style escapes that are not a valid pair by ``\\uFFFD``."""
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        if match.group(2) is not None:  # a high surrogate
            if match.group(3) is not None:
                return match.group(0)  # a proper pair
            count += 1
            return match.group(1) + "\\ufffd"
        count += 1  # a low surrogate on its own
        return match.group(4) + "\\ufffd"

    if "\\" not in text or "\\u" not in text:  # one character is found at memory speed
        return text, 0
    return _ESCAPED_SURROGATE.sub(fix, text), count


def scrub_text(text: str) -> tuple[str, int]:
    """``text`` with every unpaired surrogate replaced by U+FFFD, and how many there were.
    Cheap when there are none (one regex search)."""
    if _RAW_SURROGATE.search(text) is None:
        return text, 0
    return _RAW_SURROGATE.subn("\ufffd", text)


def loads_counted(text: str | bytes, *, keep_surrogates: bool = False,
                  max_depth: int = MAX_JSON_DEPTH, utf8: bytes | None = None) -> LoadedJSON:
    """Parse ``text`` safely (see the module docstring); bytes must be UTF-8. ``utf8``:
    the bytes ``text`` was strictly decoded from, when the caller has them (a strict
    UTF-8 decoding holds no surrogate, and the depth scan reads the bytes as they are)."""
    if isinstance(text, bytes | bytearray):
        utf8 = bytes(text)
        try:
            text = utf8.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UnsafeJSONError(tr("not UTF-8 text (invalid byte at position {pos})",
                                     pos=exc.start), pos=exc.start) from None
    replaced = 0
    if not keep_surrogates:
        if utf8 is None:
            text, replaced = scrub_text(text)
        text, escaped = _repair_escapes(text)
        if escaped:
            utf8 = None  # the text changed: the depth scan reads the repaired text
        replaced += escaped
    if not _within_depth(text if utf8 is None else utf8, max_depth):
        raise UnsafeJSONError(tr("nested more than {depth} levels deep", depth=max_depth))
    try:
        value = json.loads(text, parse_int=_parse_int, parse_float=_parse_float,
                           parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise UnsafeJSONError(exc.msg, exc.lineno, exc.colno, exc.pos) from None
    except RecursionError:  # only when the caller's own stack is already deep
        raise UnsafeJSONError(tr("nested more than {depth} levels deep",
                                 depth=max_depth)) from None
    return LoadedJSON(value, replaced)


def loads(text: str | bytes, *, keep_surrogates: bool = False,
          max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse ``text`` safely; raises only :class:`UnsafeJSONError`."""
    return loads_counted(text, keep_surrogates=keep_surrogates, max_depth=max_depth).value


def dumps(value: Any, **options: Any) -> str:
    """``json.dumps`` that never writes what :func:`loads` refuses: NaN and Infinity raise
    ``ValueError``, and unpaired surrogates are replaced by U+FFFD, so the result can
    always be encoded as UTF-8 and read back."""
    options.setdefault("ensure_ascii", False)
    options["allow_nan"] = False
    text = json.dumps(value, **options)
    return scrub_text(text)[0] if not options["ensure_ascii"] else _repair_escapes(text)[0]
