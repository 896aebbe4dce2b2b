"""Take a screenshot of the window on a template, for the documentation.

Usage (a display is needed; on a server use Xvfb)::

    xvfb-run -s "-screen 0 1600x1000x24" python -m tools.screenshot \\
        docs/screenshot-provincial.png --template provincial

The window is sized to 1600x1000 with the default dock layout (the user's saved layout is
not read), the first view zoomed to fit, and one element selected in the model tree, so
the tree shows it in its framework layer, the diagram shows it selected and the
Properties dock shows where it came from in the framework catalog.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshot")
    parser.add_argument("output", help="PNG file to write")
    parser.add_argument("--template", default="provincial-2026")
    parser.add_argument("--select", default="l2_ldop_tinh",
                        help="catalog id of the element to select (if shown)")
    parser.add_argument("--size", default="1600x1000")
    parser.add_argument("--zoom", default="fit",
                        help="'fit' (the whole view) or a factor such as 0.65, centred on "
                             "the selected element")
    args = parser.parse_args(argv)
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings_dir = tempfile.TemporaryDirectory()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir.name)
    from egov_modeler.storage.templates import load_template
    from egov_modeler.ui import open_window

    window = open_window()
    window.document.replace(load_template(args.template), None)
    width, height = (int(v) for v in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    for _ in range(10):
        app.processEvents()
    canvas = window.current_canvas()
    canvas.zoom_to_fit()
    if args.zoom != "fit":
        canvas.set_zoom(float(args.zoom))
    scene = canvas.diagram()
    view = scene.view()
    chosen = [n for n in view.nodes.values() if n.element_id
              and window.document.model.element(n.element_id).catalog_ref == args.select]
    if chosen:
        tree = window.model_dock.tree
        index = window.model_dock.index_of(chosen[0].element_id)
        tree.setCurrentIndex(index)  # selects it on the diagram too
        tree.scrollTo(index)
        scene.select_ids([chosen[0].id])
        if args.zoom != "fit":
            _show_from_the_left(canvas, scene.node_items[chosen[0].id])
    for _ in range(10):
        app.processEvents()
    ok = window.grab().save(args.output)
    window.document.undo_stack.setClean()
    window.close()
    settings_dir.cleanup()
    return 0 if ok else 1


def _show_from_the_left(canvas, item) -> None:
    """Zoomed in, the diagram's left edge (where the layer bands name themselves) at the
    viewport's left, vertically centred, the selected ``item`` kept in sight."""
    content = canvas.diagram().content_rect().adjusted(-20, -20, 20, 20)
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    canvas.centerOn(content.left() + visible.width() / 2, content.center().y())
    canvas.ensureVisible(item, 40, 40)


if __name__ == "__main__":
    sys.exit(main())
