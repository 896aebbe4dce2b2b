"""Comparing Vietnamese text the way architects type it: without diacritics, any case.

Why a module of its own: the palette and the model tree filter rows with it, find and
replace searches the model with it and the duplicate-name check compares names with it, so
"cong dich vu" finds "Cổng Dịch vụ công" everywhere alike. Find and replace also needs to
know *where* in the original text a folded match lies, to replace exactly that span
(:func:`folded_with_map`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache


def _fold_char(char: str, ignore_case: bool, ignore_marks: bool) -> str:
    if ignore_marks:
        if char in "đĐ":
            char = "d" if char == "đ" else "D"
        char = "".join(c for c in unicodedata.normalize("NFD", char)
                       if not unicodedata.combining(c))
    return char.lower() if ignore_case else char


class _Unmarked(dict[int, str]):
    """Each character without its marks (``đ`` as ``d``), worked out on first sight.

    Folding a whole text is the same as folding it character by character and lowering
    the result: NFD decomposes each character on its own and only reorders combining
    marks, which are all dropped (and ``str.lower`` still sees the whole text, for the
    final sigma). So :func:`fold` runs ``str.translate`` with this table, at C speed,
    instead of a Python loop over the decomposed text (the duplicate-name check folds
    every name of a 20,000-element model, issue 19)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in "đĐ":
            char = "d" if char == "đ" else "D"
        unmarked = "".join(c for c in unicodedata.normalize("NFD", char)
                           if not unicodedata.combining(c))
        self[code] = unmarked
        return unmarked


_UNMARKED = _Unmarked()


def fold(text: str) -> str:
    """Lower case without diacritics, for searching Vietnamese without typing accents."""
    if text.isascii():
        return text.lower()
    return text.translate(_UNMARKED).lower()


def folded_with_map(text: str, ignore_case: bool = True,
                    ignore_marks: bool = True) -> tuple[str, list[int]]:
    """``text`` folded character by character, and for each folded character the index of
    the original character it came from (one entry more: ``len(text)``, the end).

    A combining mark of decomposed text folds to nothing, so a match never ends between a
    letter and its mark: :func:`original_span` extends the end over such marks.
    """
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char, ignore_case, ignore_marks)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    origin.append(len(text))
    return "".join(pieces), origin


#: Letters with diacritics (Latin-1, Latin Extended A/B, Vietnamese in Extended Additional).
_LATIN_RANGES = (range(0xC0, 0x250), range(0x1E00, 0x1F00))
_COMBINING = re.compile("[\u0300-\u036f]")


@cache
def _one_to_one(ignore_case: bool, ignore_marks: bool) -> dict[int, str]:
    """A ``str.translate`` table folding each accented Latin letter to one letter."""
    table: dict[int, str] = {}
    for block in _LATIN_RANGES:
        for code in block:
            char = chr(code)
            folded = _fold_char(char, ignore_case, ignore_marks)
            if len(folded) == 1 and folded != char:
                table[code] = folded
    return table


def fold_for_search(text: str, ignore_case: bool = True, ignore_marks: bool = True
                    ) -> tuple[str, list[int] | None]:
    """Like :func:`folded_with_map`, but when each character folds to exactly one (no
    combining marks, no letter that lowers to two) the folded text is made at C speed and
    the map is ``None``: a position in it is the same position in ``text``. Searching a
    model of thousands of elements while the user types needs that speed."""
    if not _COMBINING.search(text):
        folded = text.translate(_one_to_one(ignore_case, ignore_marks))
        if ignore_case:
            folded = folded.lower()
        if len(folded) == len(text):
            return folded, None
    return folded_with_map(text, ignore_case, ignore_marks)


def original_span(text: str, origin: list[int], start: int, end: int) -> tuple[int, int]:
    """The span of ``text`` that the folded span ``[start, end)`` came from."""
    first = origin[start]
    last = origin[end - 1] + 1 if end > start else first
    while last < len(text) and unicodedata.combining(text[last]):
        last += 1  # the marks of the last letter go with it
    return first, last


def name_key(name: str) -> str:
    """What two names must share to be "the same name": folded, spaces collapsed."""
    key = fold(name)
    if key.isprintable() and "  " not in key and key[:1] != " " and key[-1:] != " ":
        return key  # no space to collapse: only ASCII spaces, single, inside (most names)
    return " ".join(key.split())


#: After NFD, anything but ASCII and the marks U+0300-U+036F (all of them combining but
#: the grapheme joiner U+034F): text :func:`name_keys` cannot fold in one go.
_NOT_ASCII_OR_MARK = re.compile("[^\x00-\x7f\u0300-\u034e\u0350-\u036f]")
#: ASCII but its control characters, and the ``\x00`` joining the keys: deleted from the
#: joined keys, what is left is a control character of a name.
_PRINTABLE_OR_JOIN = bytes(range(0x20, 0x7f)) + b"\x00"


def name_keys(names: list[str]) -> list[str]:
    """``[name_key(name) for name in names]``, for many names at once.

    Why: the duplicate-name check keys every name of a 20,000-element model, and
    ``str.translate`` with a table of Python objects costs more per character than
    Unicode's own decomposition (issue 19). Vietnamese names decompose under NFD into
    ASCII letters and combining marks (``đ`` aside, made ``d`` first), so the names
    joined by ``\\x00`` are decomposed at once, the marks dropped by encoding to ASCII,
    and the result split again. That is :func:`fold` name by name: NFD decomposes each
    character on its own and only reorders marks, which are all dropped, and ``\\x00``
    keeps nothing of one name with the next. Names with anything else (another script, a
    ``\\x00`` of their own) are keyed one by one."""
    joined = "\x00".join(names)
    if joined.isascii():
        encoded = joined.encode("ascii").lower()
    else:
        decomposed = unicodedata.normalize(
            "NFD", joined.replace("đ", "d").replace("Đ", "D"))
        if _NOT_ASCII_OR_MARK.search(decomposed):
            return [name_key(name) for name in names]
        encoded = decomposed.encode("ascii", "ignore").lower()
    folded = encoded.decode("ascii")
    keys = folded.split("\x00")
    if len(keys) != len(names):  # a name held a \x00
        return [name_key(name) for name in names]
    # what name_key would change in an ASCII key (a control character, two spaces, a
    # space at an end), looked for in all of them at once
    if ("  " in folded or "\x00 " in folded or " \x00" in folded or folded[:1] == " "
            or folded[-1:] == " " or encoded.translate(None, _PRINTABLE_OR_JOIN)):
        return [key if key.isprintable() and "  " not in key and key[:1] != " "
                and key[-1:] != " " else " ".join(key.split()) for key in keys]
    return keys
