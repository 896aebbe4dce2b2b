"""Identifiers: ``id-`` followed by a UUID, made once when an object is created.

They are valid ``xs:ID`` values (an NCName may not start with a digit, hence the prefix),
so the same id appears in the native file, the journal and the exchange XML.
"""

from __future__ import annotations

import re
import uuid

_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


def new_id() -> str:
    """A fresh identifier, e.g. ``id-6f1c...``."""
    return f"id-{uuid.uuid4()}"


def is_valid_id(value: object) -> bool:
    """True when ``value`` can serve as an ``xs:ID`` (an NCName without a colon)."""
    return isinstance(value, str) and bool(_NCNAME.match(value))
