"""The roadmap as a generated view: quarters left to right, one band per lead unit, each
task a bar from its first to its last quarter (tasks that do not overlap in time share a
line), the tasks without a quarter in a band of their own, and under it the budget table
by year and funding source, as text boxes. Relationships between the tasks (one triggering
the next) are routed like every generated line. One command, one undo step; the dossier
prints the same roadmap as a table (:mod:`egov_modeler.export.inventory_tables`).
"""

from __future__ import annotations

from ..model.commands import CreateViewCommand
from ..model.ids import new_id
from ..model.inventory.roadmap import Quarter, Roadmap, RoadmapTask, build_roadmap, format_money
from ..model.inventory.rows import Inventory
from ..model.model import Model
from ..model.views import NODE_CONTAINER, NODE_ELEMENT, NODE_LABEL, Node, View
from .overview_layout import route

MARGIN = 40
QUARTER_W = 190
HEADER_H = 34
TAB = 18
PAD_TOP = 26
PAD_BOTTOM = 18
TASK_H = 56
LINE_GAP = 22
BAND_GAP = 12
CELL_H = 28
CELL_W = 170


def _lines(tasks: list[RoadmapTask]) -> list[list[RoadmapTask]]:
    """Tasks packed into lines: a task joins the first line whose last task ends before it
    starts (tasks are sorted by start)."""
    lines: list[list[RoadmapTask]] = []
    for task in tasks:
        for line in lines:
            last = line[-1]
            if last.end is not None and task.start is not None and last.end < task.start:
                line.append(task)
                break
        else:
            lines.append([task])
    return lines


def _column(roadmap: Roadmap, quarter: Quarter) -> int:
    return roadmap.quarters.index(quarter)


def roadmap_view(model: Model, name: str | None = None, language: str = "vi",
                 inventory: Inventory | None = None) -> tuple[CreateViewCommand, View]:
    """A new view showing the roadmap of the model's tasks; the command adds it."""
    inventory = inventory or Inventory(model)
    roadmap = build_roadmap(inventory)
    view = View(new_id(), name=name or "Lộ trình triển khai theo quý",
                names={"en": "Roadmap by quarter"}, connection_router="manhattan")

    def add(node: Node) -> Node:
        view.nodes[node.id] = node
        return node

    columns = max(1, len(roadmap.quarters))
    width = columns * QUARTER_W
    x0, y = MARGIN, MARGIN
    for index, quarter in enumerate(roadmap.quarters):
        add(Node(new_id(), x0 + index * QUARTER_W + 4, y, QUARTER_W - 8, HEADER_H,
                 kind=NODE_LABEL, label=quarter.label("vi"),
                 labels={"en": quarter.label("en")}))
    y += HEADER_H + BAND_GAP
    dated = [(unit, [t for t in tasks if t.start is not None])
             for unit, tasks in roadmap.units]
    undated = [t for _unit, tasks in roadmap.units for t in tasks if t.start is None]
    for unit, tasks in dated:
        if not tasks:
            continue
        lines = _lines(tasks)
        height = TAB + PAD_TOP + len(lines) * TASK_H + (len(lines) - 1) * LINE_GAP + PAD_BOTTOM
        band = add(Node(new_id(), x0, y, width, height, kind=NODE_CONTAINER,
                        label=unit or "Chưa giao đơn vị chủ trì",
                        labels={"en": unit or "No lead unit yet"}))
        for n, line in enumerate(lines):
            top = y + TAB + PAD_TOP + n * (TASK_H + LINE_GAP)
            for task in line:
                assert task.start is not None and task.end is not None
                first, last = _column(roadmap, task.start), _column(roadmap, task.end)
                add(Node(new_id(), x0 + first * QUARTER_W + 8, top,
                         (last - first + 1) * QUARTER_W - 16, TASK_H, kind=NODE_ELEMENT,
                         element_id=task.element.id, parent=band.id))
        y += height + BAND_GAP
    if undated:
        per_line = max(1, columns)
        rows = (len(undated) + per_line - 1) // per_line
        height = TAB + PAD_TOP + rows * TASK_H + (rows - 1) * LINE_GAP + PAD_BOTTOM
        band = add(Node(new_id(), x0, y, width, height, kind=NODE_CONTAINER,
                        label="Chưa có thời hạn", labels={"en": "No quarter yet"}))
        for index, task in enumerate(undated):
            add(Node(new_id(), x0 + (index % per_line) * QUARTER_W + 8,
                     y + TAB + PAD_TOP + (index // per_line) * (TASK_H + LINE_GAP),
                     QUARTER_W - 16, TASK_H, kind=NODE_ELEMENT, element_id=task.element.id,
                     parent=band.id))
        y += height + BAND_GAP
    _budget_table(roadmap, view, x0, y + 2 * BAND_GAP, language)
    task_ids = {t.element.id for t in roadmap.tasks}
    relationships = [r.id for r in model.relationships if r.source in task_ids
                     and r.target in task_ids]
    for connection in route(model, view, relationships):
        view.connections[connection.id] = connection
    return CreateViewCommand(view), view


def _budget_table(roadmap: Roadmap, view: View, x: int, y: int, language: str) -> None:
    """The totals by year (rows) and funding source (columns), as a grid of text boxes."""
    if not roadmap.totals:
        return
    fundings = roadmap.fundings()
    years = roadmap.years()
    header = [("Năm", "Year"), *[(f or "Chưa rõ nguồn", f or "Source not given")
                                 for f in fundings], ("Tổng", "Total")]
    title = "Kinh phí theo năm và nguồn vốn (đồng)"
    caption = Node(new_id(), x, y, CELL_W * len(header), CELL_H, kind=NODE_LABEL,
                   label=title, labels={"en": "Budget by year and funding source (VND)"})
    view.nodes[caption.id] = caption
    rows: list[list[tuple[str, str]]] = [header]
    for year in years:
        cells = [(str(year) if year else "—", str(year) if year else "—")]
        for funding in fundings:
            amount = roadmap.totals.get((year, funding), 0)
            cells.append((format_money(amount, "vi") if amount else "",
                          format_money(amount, "en") if amount else ""))
        total = roadmap.total(year=year) if year is not None else sum(
            a for (y2, _f), a in roadmap.totals.items() if y2 is None)
        cells.append((format_money(total, "vi"), format_money(total, "en")))
        rows.append(cells)
    rows.append([("Tổng", "Total"),
                 *[(format_money(roadmap.total(funding=f), "vi"),
                    format_money(roadmap.total(funding=f), "en")) for f in fundings],
                 (format_money(roadmap.total(), "vi"), format_money(roadmap.total(), "en"))])
    for r, cells in enumerate(rows, start=1):
        for c, (vi, en) in enumerate(cells):
            node = Node(new_id(), x + c * CELL_W, y + r * CELL_H, CELL_W, CELL_H,
                        kind=NODE_LABEL, label=vi, labels={"en": en})
            view.nodes[node.id] = node
    del language

