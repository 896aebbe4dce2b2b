"""The Word dossier's table rows written as text at save (`export/docx_rows.py`): the
document is byte for byte what python-docx writes when it fills every cell itself, odd
texts included; python-docx holds no element per row meanwhile (the appendices of a
20,000-element model took 2.5 GB as elements); and Stop still stops while rows are
written."""

from __future__ import annotations

import copy
import io
import zipfile

import pytest
from docx import Document

from egov_modeler.export.docx_dossier import _run_properties, _table, write_docx
from egov_modeler.export.docx_rows import DeferredRows
from egov_modeler.export.pdf.dossier import DossierOptions
from egov_modeler.model.cancel import Cancelled, CancelToken
from egov_modeler.storage.templates import load_template

HEADER = ["STT", "Tên", "Ghi chú"]
WIDTHS = [12.0, 80.0, 60.0]
ODD_TEXTS = [" đầu có dấu cách", "cuối có dấu cách ", "tab\tgiữa", "xuống\ndòng", "về\rđầu",
             "a & b < c > d \"q\" 'x'", "", "   ", "Hệ thống 😀", "\u00a0nbsp", "x\u2028y",
             "]]>", "bình thường"]


def rows_of(texts: list[str]) -> list[list[str]]:
    return [[str(i), text, texts[-i % len(texts)]] for i, text in enumerate(texts, start=1)]


def document_xml(document, deferred: DeferredRows | None = None) -> bytes:
    handle = io.BytesIO()
    if deferred is None:
        document.save(handle)
    else:
        deferred.save(document, handle)
    with zipfile.ZipFile(handle) as package:
        return package.read("word/document.xml")


def filled_by_python_docx(rows: list[list[str]]) -> bytes:
    """The same table with python-docx filling every cell, as the writer once did."""
    document = Document()
    deferred = DeferredRows()
    _table(document, HEADER, [], WIDTHS, deferred)  # the header and widths alone
    table = document.tables[-1]
    made = _run_properties(11, False)
    for values in rows:
        row = table.add_row()
        for cell, value in zip(row.cells, values, strict=True):
            run = cell.paragraphs[0].add_run()
            run.text = value
            run._r.insert(0, copy.deepcopy(made))
    return document_xml(document)


def test_the_rows_are_what_python_docx_writes_odd_texts_too():
    rows = rows_of(ODD_TEXTS)
    document, deferred = Document(), DeferredRows()
    _table(document, HEADER, rows, WIDTHS, deferred)
    assert document_xml(document, deferred) == filled_by_python_docx(rows)


def test_several_tables_each_get_their_own_rows():
    document, deferred = Document(), DeferredRows()
    _table(document, HEADER, rows_of(["một", "hai"]), WIDTHS, deferred)
    document.add_paragraph("Giữa hai bảng")
    _table(document, ["A", "B"], [["ba", "bốn"]], [50.0, 50.0], deferred)
    handle = io.BytesIO()
    deferred.save(document, handle)
    tables = Document(handle).tables
    assert [[c.text for c in row.cells] for row in tables[0].rows] == [
        HEADER, ["1", "một", "hai"], ["2", "hai", "một"]]
    assert [[c.text for c in row.cells] for row in tables[1].rows] == [["A", "B"],
                                                                       ["ba", "bốn"]]


def test_python_docx_holds_no_element_per_row():
    sizes = []
    for count in (10, 1000):
        document = Document()
        _table(document, HEADER, rows_of(["một"] * count), WIDTHS, DeferredRows())
        sizes.append(sum(1 for _ in document.element.iter()))
    assert sizes[0] == sizes[1]


class _StopWhenRowsAreWritten(CancelToken):
    """Stops at the first look at the Stop button once the rows are being written."""

    def check(self) -> None:
        import inspect

        if any(frame.function == "_document" for frame in inspect.stack()):
            self.cancel()
        super().check()


def test_stop_while_the_rows_are_written_leaves_the_old_file(tmp_path):
    path = tmp_path / "ho-so.docx"
    path.write_bytes(b"the dossier handed in last week")
    with pytest.raises(Cancelled):
        write_docx(load_template("provincial-2026"), path, DossierOptions(),
                   _StopWhenRowsAreWritten())
    assert path.read_bytes() == b"the dossier handed in last week"
    assert [p.name for p in tmp_path.iterdir()] == ["ho-so.docx"]
