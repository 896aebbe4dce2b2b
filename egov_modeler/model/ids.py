"""Identifiers: ``id-`` followed by a UUID, made once when an object is created.

They are valid ``xs:ID`` values (an NCName may not start with a digit, hence the prefix),
so the same id appears in the native file, the journal and the exchange XML.
"""

from __future__ import annotations

import re
import uuid
from functools import lru_cache

_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")


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
