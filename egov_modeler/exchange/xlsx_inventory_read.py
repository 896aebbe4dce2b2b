"""Reading an inventory workbook safely: the sheets this program knows, their header rows
and their data rows, whatever order the columns are in and whichever accepted spelling the
headers use (``docs/inventory-workbook.md`` lists them).

Why its own module: a workbook comes by e-mail from another unit and is hostile until read.
It is a zip of XML files, so before openpyxl sees it the archive is checked (number of
members, inflated size, compression ratio) and every XML member is parsed once with the
program's safe parser (:mod:`.xml_safety`: any DOCTYPE refused, no entities, no network).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ..i18n import os_reason, tr
from ..model.inventory.schema import fold
from .archi_csv_import import CsvImportError
from .xlsx_inventory_layout import LISTS_SHEET, Column, Sheet
from .xml_safety import XmlInputError, parse_xml

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_INFLATED_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200
#: The header row is looked for in the first rows (a title may stand above it).
HEADER_SEARCH_ROWS = 10


class XlsxImportError(CsvImportError):
    """A workbook that was not imported; ``problems`` lists each with sheet and row (shown
    as the CSV import shows its own: the first fifty, then how many more)."""


@dataclass
class SheetData:
    """One sheet of the workbook as read: its name there, the columns found (by index),
    the language of its headers, and its non-empty data rows with their row numbers."""

    sheet: Sheet
    title: str
    columns: dict[int, Column] = field(default_factory=dict)
    language: str = "vi"
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


@dataclass
class WorkbookData:
    sheets: dict[str, SheetData] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def check_archive(data: bytes, name: str) -> None:
    """Refuse what is not a safe XLSX: not a zip, too many members, a zip bomb, or XML
    with a DOCTYPE or broken XML."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise XlsxImportError([tr("{name} is not an Excel workbook (.xlsx)", name=name)]
                              ) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise XlsxImportError([tr("{name} holds {count} files; a workbook holds far fewer",
                                      name=name, count=len(infos))])
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if total > MAX_INFLATED_BYTES or (info.file_size > 1_000_000 and ratio > MAX_RATIO):
                raise XlsxImportError([tr(
                    "{name} inflates to far more than it holds; it looks like a zip bomb "
                    "and was not read", name=name)])
            if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                try:
                    parse_xml(archive.read(info), f"{name}/{info.filename}")
                except XmlInputError as exc:
                    raise XlsxImportError([str(exc)]) from None
                except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
                    raise XlsxImportError([tr("{name} is damaged ({member})", name=name,
                                              member=info.filename)]) from None


def cell_text(value: Any) -> str:
    """A cell's value as comparable text: dates in ISO form, whole numbers without ``.0``,
    line breaks as LF, surrounding spaces and characters a cell cannot hold removed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return ILLEGAL_CHARACTERS_RE.sub("", text).strip()


def _match_sheet(title: str, layout: tuple[Sheet, ...]) -> Sheet | None:
    wanted = fold(title)
    return next((s for s in layout if wanted in s.spellings()), None)


def _header_row(rows: list[tuple[Any, ...]], sheet: Sheet) -> tuple[int, dict[int, Column],
                                                                      list[str], str]:
    """The header's row index, its columns by index, the headers not understood, and the
    headers' language."""
    best: tuple[int, dict[int, Column], list[str], str] = (0, {}, [], "vi")
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found: dict[int, Column] = {}
        unknown: list[str] = []
        english = vietnamese = 0
        for position, value in enumerate(row):
            text = cell_text(value)
            if not text:
                continue
            column = next((c for c in sheet.columns if fold(text) in c.spellings()), None)
            if column is None:
                unknown.append(text)
                continue
            if column in found.values():
                unknown.append(text)
                continue
            found[position] = column
            if fold(text) == fold(column.header_en) != fold(column.header_vi):
                english += 1
            elif fold(text) == fold(column.header_vi):
                vietnamese += 1
        if len(found) > len(best[1]):
            best = (index, found, unknown, "en" if english > vietnamese else "vi")
    return best


def read_workbook(path: str | os.PathLike[str], layout: tuple[Sheet, ...]) -> WorkbookData:
    """The known sheets of the workbook at ``path``. Raises :class:`XlsxImportError`."""
    from openpyxl import load_workbook

    source = Path(path)
    try:
        if source.stat().st_size > MAX_FILE_BYTES:
            raise XlsxImportError([tr("{name} is larger than {limit} MB", name=source.name,
                                      limit=MAX_FILE_BYTES // (1024 * 1024))])
        data = source.read_bytes()
    except OSError as exc:
        raise XlsxImportError([tr("Cannot read {path}: {reason}", path=source,
                                  reason=os_reason(exc))]) from None
    check_archive(data, source.name)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        log.debug("openpyxl refused %s", source, exc_info=True)
        raise XlsxImportError([tr("{name} is not a readable Excel workbook: {reason}",
                                  name=source.name, reason=str(exc)[:200])]) from None
    result = WorkbookData()
    try:
        for worksheet in workbook.worksheets:
            title = worksheet.title
            sheet = _match_sheet(title, layout)
            if sheet is None:
                if title != LISTS_SHEET:
                    result.notes.append(tr("Sheet ‘{sheet}’ is not an inventory sheet; "
                                           "ignored", sheet=title))
                continue
            if sheet.key in result.sheets:
                raise XlsxImportError([tr("Sheets ‘{first}’ and ‘{second}’ are the same "
                                          "table; keep one", first=result.sheets[
                                              sheet.key].title, second=title)])
            rows = [tuple(row) for row in worksheet.iter_rows(values_only=True)]
            header, columns, unknown, language = _header_row(rows, sheet)
            data_sheet = SheetData(sheet, title, columns, language)
            for text in unknown:
                result.notes.append(tr("Sheet ‘{sheet}’: column ‘{column}’ is not known; "
                                       "ignored", sheet=title, column=text))
            for number, row in enumerate(rows[header + 1:], start=header + 2):
                values = {columns[i].key: row[i] for i in columns if i < len(row)}
                if any(cell_text(v) for v in values.values()):
                    data_sheet.rows.append((number, values))
            result.sheets[sheet.key] = data_sheet
    finally:
        workbook.close()
    if not result.sheets:
        raise XlsxImportError([tr(
            "{name} has no inventory sheet (expected {sheets})", name=source.name,
            sheets=", ".join(s.name_vi for s in layout))])
    return result
