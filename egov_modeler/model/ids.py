"""Identifiers: ``id-`` followed by a UUID, made once when an object is created.

They are valid ``xs:ID`` values (an NCName may not start with a digit, hence the prefix),
so the same id appears in the native file, the journal and the exchange XML.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Set as AbstractSet
from functools import lru_cache

_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
_USUAL_ID_LINES = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*(?:\n[A-Za-z_][A-Za-z0-9_.\-]*)*")


def new_id() -> str:
    """A fresh identifier, e.g. ``id-6f1c...``."""
    return f"id-{uuid.uuid4()}"


def is_valid_id(value: object) -> bool:
    """True when ``value`` can serve as an ``xs:ID`` (an NCName without a colon)."""
    return isinstance(value, str) and _valid_text(value)


@lru_cache(maxsize=1 << 16)
def _valid_text(value: str) -> bool:
    """Readers ask for each id two or three times (claimed, read, referred to)."""
    if (value.isascii() and value[:1].isalpha()
            and value.replace("-", "a").replace(".", "a").replace("_", "a").isalnum()):
        return True  # the usual "id-6f1c...": string methods only
    return _NCNAME.fullmatch(value) is not None  # not match(): "$" lets a final newline in


def all_new_usual_ids(ids: list[object], seen: AbstractSet[str] = frozenset()) -> bool:
    """True when every one of ``ids`` is a valid id of the usual form (ASCII letters,
    digits, ``_``, ``-`` and ``.``, starting with a letter or ``_``), none twice and none
    in ``seen``. One regular expression and a few set operations for a whole list: file
    readers check 60,000 ids so, instead of one by one. False means only that the caller
    must check them one by one (and name the problem): an unusual id may still be valid."""
    try:
        joined = "\n".join(ids)  # type: ignore[arg-type]
    except TypeError:  # something is not a text
        return False
    # As many lines as ids: an id holding a newline of its own would pass as two lines.
    return (joined.count("\n") == len(ids) - 1
            and _USUAL_ID_LINES.fullmatch(joined) is not None and len(set(ids)) == len(ids)
            and seen.isdisjoint(ids))
