"""The body rows of the Word dossier's tables, written as text when the file is saved.

Why: python-docx keeps every cell as a tree of XML elements (the cell, its properties, a
paragraph, a run with its font properties, the text), and sets a cell's text character
by character. The appendices of a 20,000-element model have 60,000 rows: 2.5 GB of
memory, most of the export's time after the diagrams. A table's body rows all have one
shape, so one of them is made by python-docx and serialised once as a template, a comment
marks where the rows go, and when the file is saved each row is written from the
template as text straight into ``word/document.xml``, escaped as lxml escapes. The
document is byte for byte what python-docx writes. A cell whose text python-docx writes
otherwise (a tab or line break, space at either end, no text, a character XML cannot
hold) is made by python-docx and serialised, so it too is what it was.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from lxml import etree

from ..model.cancel import CancelToken
from ..model.cancel import check as check_cancel

__all__ = ["DeferredRows"]

#: The text of the template row's cells, where each row's values go.
_SENTINEL = "egov-cell-text-3f9c1d"
_SENTINEL_T = f"<w:t>{_SENTINEL}</w:t>"
_MARK = "egov-rows-{}"
_DOCUMENT = "word/document.xml"
#: Namespace declarations a serialised fragment carries on its first tag.
_DECLARATION = re.compile(r' xmlns:\w+="[^"]*"')
#: What python-docx does not write as one plain ``<w:t>`` (tabs and breaks become their
#: own elements; lxml refuses what XML cannot hold).
_UNUSUAL = re.compile("[\t\n\r]|[^\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: Rows written between two looks at the Stop button.
_CHUNK = 500


@dataclass
class _Table:
    """One table's rows: the template's pieces around each cell's run content."""

    pieces: list[str]
    rows: list[list[str]]


class DeferredRows:
    """The body rows of a document's tables, kept as values until :meth:`save`."""

    def __init__(self) -> None:
        self._tables: list[_Table] = []

    def defer(self, table: Any, rows: list[list[str]], run_properties: Any) -> None:
        """Keep ``rows`` for the python-docx ``table``, whose last row is a body row
        without text (it becomes the template and leaves the table); each cell's run
        takes a copy of ``run_properties``, as the header's do."""
        from docx.oxml import OxmlElement

        template = table._tbl.tr_lst[-1]
        for cell in template.tc_lst:
            run = cell.p_lst[0].add_r()
            run.append(_text_element(OxmlElement, _SENTINEL))
            run.insert(0, copy.deepcopy(run_properties))
        text = _fragment(template)
        pieces = text.split(_SENTINEL_T)
        if len(pieces) != len(template.tc_lst) + 1:
            raise AssertionError("the template row's cells were not found")  # a bug
        table._tbl.remove(template)
        table._tbl.append(etree.Comment(_MARK.format(len(self._tables))))
        self._tables.append(_Table(pieces, rows))

    def save(self, document: Any, handle: IO[bytes], cancel: CancelToken | None = None
             ) -> None:
        """Write ``document`` to ``handle`` as python-docx would, the rows in place."""
        buffer = io.BytesIO()
        document.save(buffer)
        with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(handle, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename != _DOCUMENT:
                    target.writestr(info, data)
                    continue
                with target.open(info, "w") as out:
                    for chunk in self._document(data, cancel):
                        out.write(chunk)

    def _document(self, data: bytes, cancel: CancelToken | None) -> Iterator[bytes]:
        """``word/document.xml`` with each table's marker replaced by its rows."""
        position = 0
        for number, table in enumerate(self._tables):
            mark = f"<!--{_MARK.format(number)}-->".encode()
            found = data.index(mark, position)
            yield data[position:found]
            for start in range(0, len(table.rows), _CHUNK):
                check_cancel(cancel)
                yield "".join(_row(table.pieces, row)
                              for row in table.rows[start:start + _CHUNK]).encode()
            position = found + len(mark)
        yield data[position:]


def _row(pieces: list[str], values: list[str]) -> str:
    """One row's text: the template's pieces with each cell's run content between."""
    out = [pieces[0]]
    for value, piece in zip(values, pieces[1:], strict=True):
        out.append(_run_content(str(value)))
        out.append(piece)
    return "".join(out)


def _run_content(text: str) -> str:
    """What python-docx puts after a run's properties for ``text``, as lxml writes it."""
    if not text:  # nothing (python-docx adds no text): a tenth of a large dossier's
        return ""  # cells, each of which took python-docx's way
    if text.strip() == text and _UNUSUAL.search(text) is None:
        return ("<w:t>" + text.replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;") + "</w:t>")
    from docx.oxml import OxmlElement
    from docx.text.run import Run

    run = OxmlElement("w:r")
    Run(run, None).text = text  # type: ignore[arg-type]
    fragment = _fragment(run)
    return fragment[fragment.index(">") + 1:-len("</w:r>")]


def _text_element(make: Any, text: str) -> Any:
    element = make("w:t")
    element.text = text
    return element


def _fragment(element: Any) -> str:
    """``element`` serialised as it is within the document: without the namespace
    declarations a fragment carries on its first tag."""
    text = etree.tostring(element, encoding="unicode")
    end = text.index(">")
    return _DECLARATION.sub("", text[:end]) + text[end:]
