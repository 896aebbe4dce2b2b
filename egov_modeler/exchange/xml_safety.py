"""The one way this program parses XML that came from outside.

Why one module: every XML reader must get the same protection, and a forgotten parser
option is a security hole. Exchange files arrive by e-mail from other organisations, so
a file is treated as hostile until parsed:

- no DTD is loaded and any ``<!DOCTYPE`` is refused before parsing, which rules out
  entity expansion attacks ("billion laughs") and external entities (XXE) that would read
  local files or reach the network;
- entities are never resolved and the network is never used;
- ``huge_tree`` is on, because real models are several megabytes on one line, which
  libxml2's default limits would reject; that is safe only because of the two rules above.

Errors are :class:`XmlInputError` with the line, so the user learns where the file is bad.
"""

from __future__ import annotations

import logging
import re

from lxml import etree

from ..i18n import tr
from ..model.errors import ModelError

log = logging.getLogger(__name__)

#: A DOCTYPE may only appear in the prolog, before the first element.
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class XmlInputError(ModelError):
    """XML that cannot be read safely or at all; ``line`` is 1-based, ``None`` if unknown."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def _prolog_doctype_line(data: bytes) -> int | None:
    """The line of a ``<!DOCTYPE`` in the prolog, or ``None`` when there is none.

    Scanning the raw bytes before parsing means libxml2 never sees the declarations, so
    nothing in them can be expanded or fetched. UTF-16 files are decoded first.
    """
    if data[:2] in _UTF16_BOMS or (len(data) > 1 and (data[0] == 0 or data[1] == 0)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None
        data = text.encode("utf-8", "replace")
    first = _FIRST_ELEMENT.search(data)
    prolog = data if first is None else data[: first.start()]
    found = _DOCTYPE.search(prolog)
    if found is None:
        return None
    return prolog.count(b"\n", 0, found.start()) + 1


def safe_parser(huge: bool = True, keep_blanks: bool = True) -> etree.XMLParser:
    """An lxml parser that loads no DTD, resolves no entity and never uses the network.
    ``keep_blanks=False`` leaves out the whitespace between elements (see
    :func:`parse_xml`)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=huge,
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=not keep_blanks,
    )


def parse_xml(data: bytes, name: str = "<memory>", huge: bool = True,
              keep_blanks: bool = True) -> etree._ElementTree:
    """Parse ``data`` safely (see the module docstring) and return the tree.

    ``name`` is the file name used in messages. Raises :class:`XmlInputError`.
    ``keep_blanks=False``: the indentation between elements is not kept (a reader that
    only asks elements for their own texts loses nothing, and the tree of a large file
    holds a third fewer objects to make and free; an element holding only whitespace
    keeps it).
    """
    if not data or data.isspace():  # (as ``not data.strip()``, without copying the file)
        raise XmlInputError(tr("{name} is empty", name=name), line=1)
    line = _prolog_doctype_line(data)
    if line is not None:
        raise _doctype_error(name, line)
    try:
        root = etree.fromstring(data, safe_parser(huge, keep_blanks))
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, data, name) from None
    except ValueError as exc:  # e.g. an encoding lxml does not know
        raise XmlInputError(tr("{name} is not readable XML: {reason}", name=name,
                               reason=str(exc)), line=1) from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:  # belt and braces
        raise _doctype_error(name, 1)
    return tree


def _doctype_error(name: str, line: int) -> XmlInputError:
    return XmlInputError(
        tr("{name}, line {line}: the file declares a DOCTYPE; files with document type "
           "declarations are refused because they can hide entity attacks",
           name=name, line=line),
        line=line,
    )


def _syntax_error(exc: etree.XMLSyntaxError, data: bytes, name: str) -> XmlInputError:
    """Turn libxml2's complaint into a message a user can act on."""
    line = exc.lineno or 1
    reason = (exc.msg or str(exc)).strip()
    lowered = reason.lower()
    if "start tag expected" in lowered or "document is empty" in lowered:
        return XmlInputError(
            tr("{name} is not an XML file (line {line}: {reason})", name=name, line=line,
               reason=reason),
            line=line,
        )
    truncated = "premature end" in lowered or "end of data" in lowered or _at_end(
        data, line, exc.position[1] if exc.position else 0)
    if truncated:
        return XmlInputError(
            tr("{name} ends early at line {line}: the file is truncated ({reason})",
               name=name, line=line, reason=reason),
            line=line,
        )
    if "entity" in lowered:
        return XmlInputError(
            tr("{name}, line {line}: entity references are not allowed ({reason})",
               name=name, line=line, reason=reason),
            line=line,
        )
    return XmlInputError(
        tr("{name} is not well-formed XML at line {line}: {reason}", name=name, line=line,
           reason=reason),
        line=line,
    )


def _at_end(data: bytes, line: int, column: int) -> bool:
    """True when libxml2 stopped at the very end of the data: the file was cut short."""
    body = data.rstrip()
    start = 0
    for _ in range(line - 1):
        found = body.find(b"\n", start)
        if found < 0:
            return True
        start = found + 1
    return start + max(column - 1, 0) >= len(body) - 1
