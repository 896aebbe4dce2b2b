"""Write the model's inventory as one Excel workbook (openpyxl): objects, connections,
mapping to the national framework and the gap-to-task plan.

What an office expects of it: headers in Vietnamese (English with ``--lang en``), the header
row and the id column frozen, columns wide enough to read, numbers and dates as Excel
numbers and dates, and a drop-down list on every enumerated column (choices, types, layers,
framework components) so a value typed by hand is one the import accepts. Read-only columns
(computed from the model) have a grey header. Text that Excel would take for a formula
(``=...``) is written as text. The layout is in :mod:`.xlsx_inventory_layout`.
"""

from __future__ import annotations

import io
import logging
import os
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..i18n import tr
from ..model.inventory.rows import Inventory
from ..model.model import Model
from ..storage.atomic import write_atomically
from .xlsx_inventory_layout import (
    CONNECTIONS_SHEET,
    CREATOR,
    LISTS_SHEET,
    MAPPING_SHEET,
    Column,
    Sheet,
    allowed_types,
    layer_label,
    sheet_rows,
    type_label,
    workbook_layout,
)

log = logging.getLogger(__name__)

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
READ_ONLY_FILL = PatternFill("solid", fgColor="E7E7E7")
#: Rows below the data that still get the drop-down lists (room to add rows in Excel).
SPARE_ROWS = 500


@dataclass
class WorkbookSummary:
    """How many rows each sheet got, by sheet key."""

    rows: dict[str, int] = field(default_factory=dict)


def _enumeration(inventory: Inventory, sheet: Sheet, column: Column, language: str
                 ) -> tuple[list[str], bool] | None:
    """The values of an enumerated column and whether other values are refused."""
    spec = column.spec
    if spec is not None and spec.type == "choice":
        return [c.label(language) for c in spec.choices], not spec.multiple
    if column.key == "type":
        return [type_label(t, language) for t in allowed_types(inventory, sheet)], True
    catalog = inventory.schema.catalog
    if column.key == "layer" and catalog is not None:
        return [layer_label(inventory, layer.id, language) for layer in catalog.layers
                if layer.kind in ("overview", "external")], True
    if column.key == "component" and sheet.key == MAPPING_SHEET and catalog is not None:
        return [c.name(language) for c in catalog.components], True
    return None


def _header(ws: Worksheet, sheet: Sheet, language: str) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=1, column=index, value=column.header(language))
        cell.font = Font(bold=True)
        cell.fill = READ_ONLY_FILL if column.read_only else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = "B2"
    ws.row_dimensions[1].height = 32


def _write_cell(ws: Worksheet, row: int, col: int, value: object, column: Column) -> None:
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text, never a formula
    spec = column.spec
    if spec is not None and spec.type == "money":
        cell.number_format = "#,##0"
    elif spec is not None and spec.type == "date":
        cell.number_format = "DD/MM/YYYY"
    elif spec is not None and spec.multiline:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _validations(ws: Worksheet, lists: Worksheet, inventory: Inventory, sheet: Sheet,
                 language: str, last_row: int, list_column: list[int]) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        if column.read_only:
            continue
        found = _enumeration(inventory, sheet, column, language)
        if not found or not found[0]:
            continue
        values, strict = found
        list_column[0] += 1
        letter = get_column_letter(list_column[0])
        lists.cell(row=1, column=list_column[0], value=f"{sheet.key}:{column.key}")
        for n, value in enumerate(values, start=2):
            lists.cell(row=n, column=list_column[0], value=value).data_type = "s"
        validation = DataValidation(
            type="list", allow_blank=True,
            formula1=f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}",
            showErrorMessage=strict, errorStyle="stop" if strict else "information",
            errorTitle=tr("Not in the list"),
            error=tr("Choose a value from the list."),
            showInputMessage=not strict,
            promptTitle=column.header(language),
            prompt=tr("Several values separated by ‘;’") if not strict else None)
        col = get_column_letter(index)
        validation.add(f"{col}2:{col}{last_row}")
        ws.add_data_validation(validation)


def inventory_workbook(model: Model, language: str = "vi") -> tuple[Workbook,
                                                                     WorkbookSummary]:
    """The workbook of ``model``'s inventory, headers and labels in ``language``."""
    inventory = Inventory(model)
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = CREATOR
    workbook.properties.title = model.name
    summary = WorkbookSummary()
    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    list_column = [0]
    sheets = workbook_layout(inventory)
    for position, sheet in enumerate(sheets):
        ws = workbook.create_sheet(sheet.name(language), position)
        _header(ws, sheet, language)
        rows = sheet_rows(inventory, sheet)
        for r, concept in enumerate(rows, start=2):
            for c, column in enumerate(sheet.columns, start=1):
                value = column.get(inventory, concept, language)
                if value is not None and value != "":
                    _write_cell(ws, r, c, value, column)
        if sheet.key == CONNECTIONS_SHEET:
            ws.freeze_panes = "C2"  # the id and the source stay in view
        _validations(ws, lists, inventory, sheet, language, len(rows) + 1 + SPARE_ROWS,
                     list_column)
        ws.auto_filter.ref = ws.dimensions
        summary.rows[sheet.key] = len(rows)
    workbook.active = 0
    return workbook, summary


def inventory_workbook_bytes(model: Model, language: str = "vi") -> bytes:
    workbook, _summary = inventory_workbook(model, language)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_inventory_workbook(model: Model, path: str | os.PathLike[str],
                             language: str = "vi") -> WorkbookSummary:
    """Write the inventory workbook to ``path`` atomically; rows written per sheet."""
    workbook, summary = inventory_workbook(model, language)
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(path, buffer.getvalue())
    log.info("wrote %s: %s", path, summary.rows)
    return summary
