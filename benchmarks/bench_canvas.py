"""How the diagram keeps up with a large view (offscreen Qt).

Usage: python benchmarks/bench_canvas.py [--nodes N] [--runs R]

Builds a view of N elements (default 400) in 8 layer bands with N connections, then
prints the median of R runs (default 3) of: opening it in the window (scene built, items
laid out), dragging 50 selected elements (one compound command and the events it causes),
undoing that drag, a single-element nudge, and painting the whole scene into an image.
The canvas updates only the items an event names, so a nudge should stay in milliseconds
whatever N is.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from egov_modeler.model import Model  # noqa: E402
from egov_modeler.model.concepts import Element, Relationship  # noqa: E402
from egov_modeler.model.views import NODE_CONTAINER, Connection, Node  # noqa: E402

TYPES = ("BusinessActor", "ApplicationInterface", "ApplicationComponent", "ApplicationService",
         "DataObject", "ApplicationComponent", "Node", "TechnologyService")


def build(n: int) -> Model:
    model = Model("benchmark")
    view = model.add_view("Sơ đồ khái quát")
    per_band = n // len(TYPES) + 1
    columns = 10
    nodes: list[str] = []
    for band, type_name in enumerate(TYPES):
        rows = (per_band + columns - 1) // columns
        height = 40 + rows * 80
        top = sum(40 + ((per_band + columns - 1) // columns) * 80 + 12 for _ in range(band))
        band_id = f"id-band-{band}"
        model._put_node(view.id, Node(band_id, 0, top, columns * 150 + 40, height,
                                      kind=NODE_CONTAINER, label=f"Lớp {band + 1}",
                                      layer=f"layer{band}"))
        for i in range(per_band):
            if len(nodes) >= n:
                break
            element = Element(f"id-e{len(nodes)}", type_name, f"Hệ thống thông tin số {len(nodes)}")
            model._put_element(element)
            node_id = f"id-n{len(nodes)}"
            model._put_node(view.id, Node(node_id, 20 + (i % columns) * 150,
                                          top + 30 + (i // columns) * 80, 120, 55,
                                          element_id=element.id, parent=band_id))
            nodes.append(node_id)
    for i in range(len(nodes) - 1):
        rel = Relationship(f"id-r{i}", "Association", f"id-e{i}", f"id-e{i + 1}")
        model._put_relationship(rel)
        model._put_connection(view.id, Connection(f"id-c{i}", nodes[i], nodes[i + 1],
                                                  relationship_id=rel.id))
    return model


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    QApplication.processEvents()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=400)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from egov_modeler.ui import open_window

    window = open_window()
    window.resize(1600, 1000)
    results: dict[str, list[float]] = {}
    for _ in range(args.runs):
        model = build(args.nodes)
        results.setdefault("open view", []).append(
            timed(lambda m=model: window.document.replace(m, None)))
        canvas = window.current_canvas()
        scene = canvas.diagram()
        moved = [f"id-n{i}" for i in range(0, min(args.nodes, 500), 10)][:50]
        scene.select_ids(moved)
        results.setdefault("drag 50 elements", []).append(
            timed(lambda c=canvas, m=moved: c.tools["select"].commit_move(7, 5, m)))
        results.setdefault("undo the drag", []).append(timed(window.document.undo_stack.undo))
        scene.select_ids([moved[0]])
        results.setdefault("nudge one element", []).append(
            timed(lambda c=canvas: c.tools["select"].nudge(1, 0)))
        rect = scene.itemsBoundingRect()
        image = QImage(int(rect.width() / 2), int(rect.height() / 2), QImage.Format.Format_RGB32)

        def paint(s=scene, img=image, r=rect) -> None:
            painter = QPainter(img)
            s.render(painter, source=r)
            painter.end()
        results.setdefault("paint whole view", []).append(timed(paint))
    print(f"{args.nodes} elements, {args.nodes - 1} connections, median of {args.runs} runs:")
    for name, values in results.items():
        print(f"  {name:<20} {statistics.median(values) * 1000:8.1f} ms")
    window.document.undo_stack.setClean()
    window.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
