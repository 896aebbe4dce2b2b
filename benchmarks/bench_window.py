"""How the window keeps up with a national-scale model (offscreen Qt).

Usage: python benchmarks/bench_window.py [--sizes 1000,5000,10000,20000] [--runs R]
                                         [--view-nodes 2000]

For each size N it builds the model of ``tests/helpers/national_view_model.py`` (N
elements, 2N relationships, a large view of 2,000 placed elements with their lines),
saves it as a ``.egov`` file and times, as the median CPU seconds of R runs (default 3):

- open: File > Open of that file until the large view is first painted (read and first
  validation beside the window, model tree, diagram, first paint), within it the read of
  the file and the first validation (headless: ``storage``, ``model``) and the window's
  own share; and until settled: the Problems panel filled and the memory settled after
  the first paint;
- model tree: listing the model in the tree (what the open spends on it);
- zoom to fit: View > Zoom to fit and the repaint of the whole view;
- delete 200 / undo: deleting 200 selected elements from the view, and undoing it;
- commit a 50-node drag: the release of a drag of 50 selected elements (the move
  command, nesting, events, items).

The edits are timed until the window has handled their events and repainted, without the
re-validation the window starts 300 ms after an edit (that is the headless figure
"re-validation after an edit" of ``python -m benchmarks``).

Each figure has a floor timed side by side in the same run, so the ratio says how far
from the least any program must do: for the open, ``json.loads`` of the file plus a
QPainter drawing the view's boxes and lines; for the tree, a ``QStandardItemModel`` of
one plain row per concept (what an eager tree must at least build); for zoom to fit, the
QPainter drawing alone; for delete and undo, a QGraphicsScene removing and adding back as
many plain rectangle and line items; for the drag, moving 50 plain rectangles and their
lines.

``rows()`` returns the table for ``python -m benchmarks``; ``main()`` prints it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from PySide6.QtCore import QEvent, QLineF, QObject, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsScene  # noqa: E402

from egov_modeler.model.commands import CompoundCommand, RemoveNodeCommand  # noqa: E402
from egov_modeler.model.model import Model  # noqa: E402
from egov_modeler.model.validation import validate_model  # noqa: E402
from egov_modeler.storage.native import load, save  # noqa: E402
from tests.helpers.national_view_model import LARGE_VIEW, build_national_model, node_id  # noqa: E402

SIZES = (1_000, 5_000, 10_000, 20_000)
#: The targets of issue 19, in seconds, by figure.
TARGETS = {"open until painted (window's share)": 1.5, "zoom to fit and repaint": 0.1,
           "delete 200 elements from the view": 0.2, "undo that delete": 0.2,
           "commit a 50-node drag": 0.05}
WINDOW_SIZE = (1600, 1000)


def cpu_median(fn: Callable[[], object], runs: int,
               before: Callable[[], object] | None = None) -> float:
    """Median CPU seconds of ``fn`` (after ``before``, which is not timed), with Qt's
    pending events handled inside the timing."""
    app = QApplication.instance()
    times = []
    for _ in range(runs):
        if before is not None:
            before()
            app.processEvents()
        start = time.process_time()
        fn()
        app.processEvents()
        times.append(time.process_time() - start)
    return statistics.median(times)


# ------------------------------------------------------------------------------ floors
def _view_shapes(model: Model) -> tuple[list[QRectF], list[QLineF]]:
    view = model.view(LARGE_VIEW)
    boxes = {n.id: QRectF(n.x, n.y, n.w, n.h) for n in view.nodes.values()}
    lines = [QLineF(boxes[c.source].center(), boxes[c.target].center())
             for c in view.connections.values() if c.source in boxes and c.target in boxes]
    return list(boxes.values()), lines


def paint_floor(rects: list[QRectF], lines: list[QLineF]) -> None:
    """A QPainter drawing the view's boxes and lines, fitted into a window-sized image."""
    image = QImage(*WINDOW_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    bounds = QRectF()
    for rect in rects:
        bounds = bounds.united(rect)
    painter = QPainter(image)
    scale = min(WINDOW_SIZE[0] / bounds.width(), WINDOW_SIZE[1] / bounds.height())
    painter.scale(scale, scale)
    painter.translate(-bounds.topLeft())
    painter.setPen(QPen(QColor("#202020"), 0))
    painter.setBrush(QColor("#b5ffff"))
    for rect in rects:
        painter.drawRect(rect)
    for line in lines:
        painter.drawLine(line)
    painter.end()


def tree_floor(model: Model) -> None:
    """One plain row per element, relationship and view in a QStandardItemModel."""
    tree = QStandardItemModel()
    rows = [QStandardItem(c.name) for c in (*model.elements, *model.relationships,
                                           *model.views)]
    tree.invisibleRootItem().appendRows(rows)


def scene_floor(count: int, lines: int) -> tuple[Callable[[], None], Callable[[], None]]:
    """Remove and add back ``count`` rectangles and ``lines`` lines of a scene as large
    as the view."""
    scene = QGraphicsScene()
    rects = [scene.addRect(QRectF(i % 25 * 150, i // 25 * 80, 120, 55)) for i in range(2000)]
    segs = [scene.addLine(QLineF(QPointF(i, 0), QPointF(i, 50))) for i in range(3700)]
    gone = rects[:count] + segs[:lines]

    def remove() -> None:
        for item in gone:
            scene.removeItem(item)

    def add() -> None:
        for item in gone:
            scene.addItem(item)
    return remove, add


def drag_floor() -> Callable[[], None]:
    scene = QGraphicsScene()
    rects = [scene.addRect(QRectF(0, 0, 120, 55)) for _ in range(2000)]
    segs = [scene.addLine(QLineF(0, 0, 10, 10)) for _ in range(3700)]
    state: dict[str, object] = {"dx": 0, "scene": scene}  # the scene owns the items

    def move() -> None:
        dx = int(state["dx"]) + 7  # type: ignore[call-overload]
        state["dx"] = dx
        for i, rect in enumerate(rects[:50]):
            rect.setPos(dx + i * 150, 0)
        for i, seg in enumerate(segs[:100]):
            seg.setLine(QLineF(dx, i, dx + 150, i))
    return move


# ------------------------------------------------------------------------------ figures
class FirstPaint(QObject):
    """Notes the CPU time from :meth:`start` to the first paint of the window's diagram
    (the open's validation and memory settling run after it)."""

    def __init__(self, window) -> None:
        super().__init__()
        self.window = window
        self.times: list[float] = []
        self._since: float | None = None
        self._before: object = None

    def start(self) -> None:
        self._before = self.window.document.model  # a paint of it is not the one awaited
        self._since = time.process_time()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self._since is not None and event.type() == QEvent.Type.Paint
                and self.window.document.model is not self._before):
            canvas = self.window.current_canvas()
            if canvas is not None and watched is canvas.viewport():
                self.times.append(time.process_time() - self._since)
                self._since = None
        return False


def measure(size: int, runs: int, view_nodes: int, folder: Path) -> list[dict]:
    """The figures for one model size, as table rows."""
    from PySide6.QtCore import QSettings

    from egov_modeler.ui import open_window
    from tests.helpers.ui import FakeDialogs

    app = QApplication.instance() or QApplication([])
    model = build_national_model(size, view_nodes)
    path = folder / f"national-{size}.egov"
    save(model, path)
    raw = path.read_bytes()
    rects, lines = _view_shapes(model)
    rows: list[dict] = []

    def row(figure: str, seconds: float, floor: float | None, note: str = "") -> None:
        rows.append({"figure": figure, "size": size, "seconds": seconds, "floor": floor,
                     "target": TARGETS.get(figure), "note": note})

    window = open_window(settings=QSettings(str(folder / "settings.ini"),
                                            QSettings.Format.IniFormat),
                         dialogs=FakeDialogs())  # no question may wait for a click
    window.resize(*WINDOW_SIZE)
    window.show()
    app.processEvents()

    painted = FirstPaint(window)
    app.installEventFilter(painted)

    def open_file() -> None:
        painted.start()
        window.files.open_path(str(path), ask_to_save=False)
        app.processEvents()
        window.current_canvas().viewport().repaint()

    opened = cpu_median(open_file, runs)
    app.removeEventFilter(painted)
    until_painted = statistics.median(painted.times[-runs:])
    read = cpu_median(lambda: load(path), runs)
    validation = cpu_median(lambda: validate_model(window.current_model()), runs)
    paint = cpu_median(lambda: paint_floor(rects, lines), runs)
    floor = cpu_median(lambda: json.loads(raw), runs) + paint
    row("open until painted (total)", until_painted, floor, "File > Open of the .egov file")
    row("  of which: read the file", read, None, "storage (headless)")
    row("  of which: first validation", validation, None,
        "model (headless); beside the window while the progress shows")
    row("open until painted (window's share)", max(0.0, until_painted - read - validation),
        paint)
    row("open until settled", opened, floor,
        "the first paint, then the Problems panel filled and the memory settled (issue 19)")

    tree = window.model_dock.source_model
    row("model tree", cpu_median(lambda: tree.show_model(window.current_model()), runs),
        cpu_median(lambda: tree_floor(window.current_model()), runs),
        f"{tree.rows_made} concept rows made")

    # Re-validation after an edit has its own figure (``python -m benchmarks``): it is kept
    # out of the edits' times below, which are the diagram's, the model's and the docks'.
    window._validate_timer.setInterval(3_600_000)
    canvas = window.current_canvas()
    canvas.zoom_reset()
    row("zoom to fit and repaint", cpu_median(canvas.zoom_to_fit, runs, canvas.zoom_reset),
        paint)

    scene = canvas.diagram()
    stack = window.document.undo_stack
    view = window.current_model().view(LARGE_VIEW)
    step = max(1, len(view.nodes) // 200)
    chosen = [n for n in (node_id(i) for i in range(0, view_nodes, step))
              if n in view.nodes][:200]
    # The first edit after opening writes the journal's header (storage): not timed here.
    scene.select_ids(chosen[:1])
    canvas.tools["select"].nudge(1, 0)
    stack.undo()
    lines_gone = sum(1 for c in view.connections.values()
                     if c.source in chosen or c.target in chosen)
    remove, add = scene_floor(len(chosen), lines_gone)
    deletes, undos, floors = [], [], []
    for _ in range(runs):
        scene.select_ids(chosen)
        app.processEvents()
        deletes.append(cpu_median(window.edits.delete_selection, 1))
        undos.append(cpu_median(stack.undo, 1))
        floors.append((cpu_median(remove, 1), cpu_median(add, 1)))
    headless = load(path)  # the same commands on a model no window follows
    delete = CompoundCommand("delete", [RemoveNodeCommand(LARGE_VIEW, n) for n in chosen])
    model_deletes, model_undos = [], []
    for _ in range(runs):
        model_deletes.append(cpu_median(lambda: headless.execute(delete), 1))
        model_undos.append(cpu_median(lambda: delete.revert(headless), 1))
    row("delete 200 elements from the view", statistics.median(deletes),
        statistics.median(f[0] for f in floors), f"{lines_gone} lines go with them")
    row("  of which: the model's commands", statistics.median(model_deletes), None,
        "model (headless)")
    row("undo that delete", statistics.median(undos), statistics.median(f[1] for f in floors))
    row("  of which: the model's commands (undo)", statistics.median(model_undos), None,
        "model (headless)")

    moved = chosen[:50]
    select = canvas.tools["select"]

    def drag() -> None:
        select.commit_move(7, 5, moved)

    def before_drag() -> None:
        if stack.canUndo():
            stack.undo()
        scene.select_ids(moved)
    row("commit a 50-node drag", cpu_median(drag, runs, before_drag),
        cpu_median(drag_floor(), runs))
    stack.setClean()
    window.close()
    window.deleteLater()
    app.processEvents()
    return rows


def rows(sizes: tuple[int, ...] = SIZES, runs: int = 3, view_nodes: int = 2_000) -> list[dict]:
    """Every figure at every size: dicts with ``figure``, ``size``, ``seconds``,
    ``floor`` (or None), ``target`` (or None) and ``note``."""
    QApplication.instance() or QApplication([])
    found: list[dict] = []
    with tempfile.TemporaryDirectory() as folder:
        os.environ["EGOV_MODELER_JOURNAL_DIR"] = str(Path(folder) / "journals")
        for size in sizes:
            found.extend(measure(size, runs, view_nodes, Path(folder)))
    return found


def table(found: list[dict]) -> str:
    """The rows as a Markdown table: one line per figure, one column per size."""
    sizes = sorted({r["size"] for r in found})
    figures = list(dict.fromkeys(r["figure"] for r in found))
    head = ["figure", *(f"{s // 1000}k" for s in sizes), "floor (largest)", "target"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for figure in figures:
        by_size = {r["size"]: r for r in found if r["figure"] == figure}
        cells = [figure.replace("  ", "  ")]
        for size in sizes:
            r = by_size.get(size)
            if r is None:
                cells.append("")
                continue
            text = _seconds(r["seconds"])
            if r["floor"]:
                text += f" ({r['seconds'] / r['floor']:.1f}×)"
            cells.append(text)
        last = by_size.get(sizes[-1])
        cells.append(_seconds(last["floor"]) if last and last["floor"] else "—")
        target = last["target"] if last else None
        cells.append(f"< {_seconds(target)}" if target else "")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--view-nodes", type=int, default=2_000)
    args = parser.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(","))
    found = rows(sizes, args.runs, args.view_nodes)
    print(f"Window figures, median CPU time of {args.runs} runs (ratio to the floor "
          "timed in the same run):")
    print(table(found))
    notes = {r["figure"]: r["note"] for r in found if r["note"]}
    for figure, note in notes.items():
        print(f"  {figure.strip()}: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
