"""Screenshots of the inventory for the documentation: the tables under the diagram, and a
generated overview of a 43-system province.

Usage (a display is needed; on a server use Xvfb)::

    xvfb-run -a -s "-screen 0 1600x1000x24" python -m tools.screenshot_inventory docs

writes ``docs/inventory-tables.png`` (the Inventory dock on the objects table, filtered to
the duplicates after the merger, one selected: the diagram and the Properties panel's
inventory fields show it) and ``docs/inventory-overview.png`` (the view "Generate overview"
made: every object in its layer band, grouped by owner, lines routed). The model is the
tests' real-sized inventory (``tests/helpers/inventory.py``) cut to 43 systems.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshot_inventory")
    parser.add_argument("folder", type=Path, help="where the two PNG files go")
    parser.add_argument("--size", default="1600x1000")
    args = parser.parse_args(argv)
    import logging
    import tempfile

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    logging.getLogger("egov_modeler.diagram.routing").setLevel(logging.ERROR)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings_dir = tempfile.TemporaryDirectory()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir.name)
    from egov_modeler.diagram.overview_layout import generate_overview
    from egov_modeler.ui import open_window
    from tests.helpers.inventory import inventory_model

    model = inventory_model(43, 70, 12)
    command, view = generate_overview(model)
    model.execute(command)
    window = open_window()
    window.document.replace(model, None)
    width, height = (int(v) for v in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    dock = window.inventory.dock
    dock.setVisible(True)
    dock.raise_()
    window.resizeDocks([dock], [int(height * 0.42)], Qt.Orientation.Vertical)
    for _ in range(10):
        app.processEvents()
    dock.duplicates.setChecked(True)
    dock.tables["objects"].selectRow(0)
    for _ in range(10):
        app.processEvents()
    canvas = window.current_canvas()
    canvas.zoom_to_fit()
    for _ in range(5):
        app.processEvents()
    args.folder.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(args.folder / "inventory-tables.png"))
    dock.setVisible(False)
    window.problems.setVisible(False)
    canvas.diagram().select_ids([])
    for _ in range(10):
        app.processEvents()
    canvas.zoom_to_fit()
    for _ in range(5):
        app.processEvents()
    ok = window.grab().save(str(args.folder / "inventory-overview.png")) and ok
    del view
    window.document.undo_stack.setClean()
    window.close()
    settings_dir.cleanup()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
