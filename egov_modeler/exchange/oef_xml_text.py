"""XML written as text, escaped exactly as lxml serialises it.

Why: the exchange writer builds the whole file (20,000 elements, 40,000 relationships,
60,000 folder items) as text instead of as an lxml tree; making an lxml element per XML
element took thirteen times as long as serialising the finished tree (issue 19). What is
written here must be what lxml would have written for the same tree (``pretty_print``
indentation of two spaces a level, the same escapes), so files stay byte for byte what
earlier versions wrote and any tool that compares them sees no change. A text XML cannot
carry (a control character pasted from another program) is not searched for here:
:func:`encoded` finds it in the finished file, refused as lxml would refuse it, and the
writer then frees the texts of it (:func:`.oef_vocabulary.xml_text`); an identifier that
holds one stays refused.
"""

from __future__ import annotations

import re

from .oef_vocabulary import _NOT_XML

#: Every byte but the control characters XML 1.0 forbids (tab, newline and carriage
#: return are allowed): deleting them leaves only the forbidden ones.
_ALLOWED_BYTES = bytes(range(256)).translate(
    None, bytes(range(9)) + b"\x0b\x0c" + bytes(range(14, 32)))
#: The same without 0xEF, the first byte of U+F000..U+FFFF in UTF-8 (U+FFFE and U+FFFF are
#: not XML characters either): deleting them leaves the forbidden bytes and the 0xEF that
#: may begin one. Vietnamese text never has it, so a file is usually checked in one pass.
_UNSUSPECTED_BYTES = _ALLOWED_BYTES.replace(b"\xef", b"")
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\n\r\t]')
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTRIBUTE_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;",
                      "\r": "&#13;", "\t": "&#9;"}


def text(value: str) -> str:
    """``value`` as element content (``&``, ``<``, ``>`` and carriage returns escaped)."""
    if not ("&" in value or "<" in value or ">" in value or "\r" in value):
        return value  # the usual case; one-character searches beat a regular expression
    return _TEXT_SPECIAL.sub(lambda match: _TEXT_ESCAPES[match.group()], value)


def attribute(value: str) -> str:
    """``value`` inside double quotes (also ``"``, newlines and tabs escaped, which an
    attribute would otherwise lose to whitespace normalisation)."""
    if _ATTRIBUTE_SPECIAL.search(value) is None:
        return value
    return _ATTRIBUTE_SPECIAL.sub(lambda match: _ATTRIBUTE_ESCAPES[match.group()], value)


def plain(value: str) -> bool:
    """True when ``value`` is written in an attribute as it is (nothing to escape): for
    many ids joined, one-character searches beat a regular expression."""
    return not ('"' in value or "&" in value or "<" in value or ">" in value
                or "\n" in value or "\r" in value or "\t" in value)


def encoded(written: str) -> bytes:
    """``written`` as UTF-8, refused with ``ValueError`` as lxml refuses it when it holds a
    character XML cannot carry (the file would open nowhere): a few passes of C over the
    bytes, not a search per character."""
    try:
        data = written.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate
        raise ValueError(f"All strings must be XML compatible: {exc}") from None
    suspects = data.translate(None, _UNSUSPECTED_BYTES)
    if suspects and (suspects.replace(b"\xef", b"") or b"\xef\xbf\xbe" in data
                     or b"\xef\xbf\xbf" in data):
        found = _NOT_XML.search(written)
        where = found.start() if found else 0
        raise ValueError("All strings must be XML compatible: "
                         f"{written[max(0, where - 40):where + 1]!r}")
    return data


#: The deepest indentation libxml2 writes (its ``MAX_INDENT`` of 60 spaces): deeper
#: elements are indented as much and no more, which also keeps a file of deeply nested
#: nodes linear in size.
_DEEPEST = 30


def indent(depth: int) -> str:
    """The indentation of an element ``depth`` levels below the root, as lxml writes it."""
    return "  " * (depth if depth < _DEEPEST else _DEEPEST)


def close(out: list[str], opening: str, body: list[str], closing: str) -> None:
    """An element as lxml writes it: ``<tag .../>`` when it has no children, else its
    opening line, its children's lines and its closing line."""
    if body:
        out.append(f"{opening}>\n")
        out += body
        out.append(closing)
    else:
        out.append(f"{opening}/>\n")


__all__ = ["attribute", "close", "encoded", "indent", "plain", "text"]
