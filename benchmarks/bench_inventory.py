"""The inventory workbook out and in at 1,000 rows, and the generated overview of 200
objects, against floors timed in the same run.

Usage: python benchmarks/bench_inventory.py [--runs R] [--objects N] [--layout-objects M]

Builds the inventory of ``tests/helpers/inventory.py`` (default 500 objects, 400
connections and 100 tasks: 1,000 rows in the objects, connections and plan sheets, and the
500 rows of the mapping sheet) and times, as the median of R runs (default 3):

- export: the whole workbook (four sheets, drop-down lists, widths, frozen headers),
  written to memory; floor: openpyxl writing the same cell values into a bare workbook;
- import of the same workbook (read safely, every row matched and compared, no change
  found) and of a copy with 100 edited cells (planned into one command); floor: openpyxl
  opening the workbook read-only and reading every cell;
- layout: "Generate overview" of 200 objects and 300 connections (bands, groups, order,
  routing) and "Re-layout" of that view; floor: the same boxes in a plain grid with
  straight lines (what a tool without layout does).

Wall-clock and CPU time are both printed; on a shared machine the wall clock also counts
waiting for a core. Tests never assert a time; this script only prints.
"""

from __future__ import annotations

import argparse
import io
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import openpyxl  # noqa: E402

from egov_modeler.diagram.overview_layout import generate_overview, relayout_command  # noqa: E402
from egov_modeler.exchange.xlsx_inventory_export import (  # noqa: E402
    inventory_workbook,
    inventory_workbook_bytes,
)
from egov_modeler.exchange.xlsx_inventory_import import plan_xlsx_import  # noqa: E402
from egov_modeler.model.ids import new_id  # noqa: E402
from egov_modeler.model.inventory.rows import Inventory  # noqa: E402
from egov_modeler.model.views import Connection, Node, View  # noqa: E402
from tests.helpers.inventory import inventory_model  # noqa: E402


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``action`` over ``runs`` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def report(name: str, measured: tuple[float, float], floor: tuple[float, float]) -> None:
    wall, cpu = measured
    print(f"{name:<44} wall {wall:7.3f} s  cpu {cpu:7.3f} s  "
          f"floor cpu {floor[1]:6.3f} s  ratio {cpu / max(floor[1], 1e-9):5.1f}")


def sheet_values(model) -> list[list[list[object]]]:
    """The cell values of every sheet, made once, outside the timing."""
    workbook, _ = inventory_workbook(model)
    return [[[c.value for c in row] for row in sheet.iter_rows()]
            for sheet in workbook.worksheets]


def bare_workbook(values: list[list[list[object]]]) -> bytes:
    """The floor of the export: the same values written, no lists, widths or styles."""
    bare = openpyxl.Workbook()
    bare.remove(bare.active)
    for n, rows in enumerate(values):
        sheet = bare.create_sheet(f"s{n}")
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    bare.save(buffer)
    return buffer.getvalue()


def read_all(path: Path) -> int:
    """The floor of the import: every cell read once."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)
                for _ in row)
    workbook.close()
    return count


def edited_copy(source: Path, target: Path, cells: int = 100) -> None:
    workbook = openpyxl.load_workbook(source)
    sheet = workbook["DM_DOITUONG"]
    headers = [c.value for c in sheet[1]]
    column = headers.index("Đơn vị vận hành") + 1
    for row in range(2, 2 + cells):
        sheet.cell(row=row, column=column).value = f"Đơn vị {row}"
    workbook.save(target)


def grid_floor(model) -> View:
    """The floor of the layout: every object in a plain grid, straight lines."""
    view = View(new_id())
    nodes = {}
    for index, element in enumerate(Inventory(model).objects()):
        node = Node(new_id(), 40 + (index % 12) * 200, 40 + (index // 12) * 110, 170, 64,
                    element_id=element.id)
        view.nodes[node.id] = node
        nodes[element.id] = node
    for rel in model.relationships:
        if rel.source in nodes and rel.target in nodes:
            connection = Connection(new_id(), nodes[rel.source].id, nodes[rel.target].id,
                                    rel.id)
            view.connections[connection.id] = connection
    return view


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--objects", type=int, default=500)
    parser.add_argument("--layout-objects", type=int, default=200)
    args = parser.parse_args()
    logging.getLogger("egov_modeler.diagram.routing").setLevel(logging.ERROR)

    model = inventory_model(args.objects, int(args.objects * 0.8), args.objects // 5)
    inventory = Inventory(model)
    rows = len(inventory.objects()) + len(inventory.connections()) + len(inventory.tasks())
    print(f"inventory: {len(inventory.objects())} objects, {len(inventory.connections())} "
          f"connections, {len(inventory.tasks())} tasks = {rows} rows "
          f"(+{len(inventory.objects())} mapping rows)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kiem-ke.xlsx"
        path.write_bytes(inventory_workbook_bytes(model))
        edited = Path(folder) / "edited.xlsx"
        edited_copy(path, edited)
        print(f"workbook: {path.stat().st_size / 1024:.0f} KB")
        values = sheet_values(model)
        report("export workbook", timed(lambda: inventory_workbook_bytes(model), args.runs),
               timed(lambda: bare_workbook(values), args.runs))
        read_floor = timed(lambda: read_all(path), args.runs)
        report("import, nothing changed", timed(lambda: plan_xlsx_import(model, path),
                                                args.runs), read_floor)
        result = plan_xlsx_import(model, edited)
        assert len(result.changes) == 100, len(result.changes)
        report("import, 100 cells changed (planned)",
               timed(lambda: plan_xlsx_import(model, edited), args.runs), read_floor)

    layout_model = inventory_model(args.layout_objects, int(args.layout_objects * 1.5), 0)
    floor = timed(lambda: grid_floor(layout_model), args.runs)
    report(f"generate overview, {args.layout_objects} objects",
           timed(lambda: generate_overview(layout_model), args.runs), floor)
    command, view = generate_overview(layout_model)
    layout_model.execute(command)
    lines = len(view.connections)
    report(f"re-layout that view ({lines} lines)",
           timed(lambda: relayout_command(layout_model, view.id), args.runs), floor)
    return 0


if __name__ == "__main__":
    sys.exit(main())
